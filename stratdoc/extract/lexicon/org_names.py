"""The canonical key of an organization name: one organization row across documents, whoever
found it (a table's responsible column or a name in prose)."""

from __future__ import annotations

import re
import unicodedata

from stratdoc.extract.lexicon.legal_forms import LEGAL_FORM_KEYS as FULL_FORM_KEYS

# Full legal forms, and a few other phrases names spell out either way → the short form the key
# uses (nominative, lower case, ё as е).
LEGAL_FORM_KEYS: dict[str, str] = {
    **FULL_FORM_KEYS,
    "государственная корпорация": "госкорпорация",
    "российской федерации": "рф",
    "российская федерация": "рф",
}
_LEGAL_FORM_RE = re.compile(
    r"(?<!\w)(" + "|".join(sorted(LEGAL_FORM_KEYS, key=len, reverse=True)) + r")(?!\w)")


def org_key(name: str) -> str:
    """Canonical key of an organization name, shared by every document.

    Lower case, ё as е, every quote as ``"``, no spaces around quotes, dashes as ``-``,
    full legal forms as their abbreviations («Акционерное общество» → «ао»), whitespace
    collapsed, edge punctuation gone.
    """
    key = unicodedata.normalize("NFKC", name).lower().replace("ё", "е")
    key = re.sub(r"[«»“”„\"'‘’]", '"', key)
    key = re.sub(r"[‐-―−]", "-", key)
    key = " ".join(key.split())
    key = _LEGAL_FORM_RE.sub(lambda m: LEGAL_FORM_KEYS[m.group(1)], key)
    key = re.sub(r'\s*"\s*', '"', key)
    return key.strip(' .,;:"')
