"""The canonical key of an organization name: one organization row across documents, whoever
found it (a table's responsible column or a name in prose)."""

from __future__ import annotations

import re
import unicodedata

# Full legal forms → the abbreviation the key uses (nominative, lower case, ё as е).
LEGAL_FORM_KEYS: dict[str, str] = {
    "общество с ограниченной ответственностью": "ооо",
    "публичное акционерное общество": "пао",
    "закрытое акционерное общество": "зао",
    "открытое акционерное общество": "оао",
    "непубличное акционерное общество": "ао",
    "акционерное общество": "ао",
    "федеральное государственное унитарное предприятие": "фгуп",
    "государственное унитарное предприятие": "гуп",
    "муниципальное унитарное предприятие": "муп",
    "автономная некоммерческая организация": "ано",
    "некоммерческое партнерство": "нп",
    "муниципальное бюджетное учреждение": "мбу",
    "муниципальное автономное учреждение": "мау",
    "муниципальное казенное учреждение": "мку",
    "государственное бюджетное учреждение": "гбу",
    "государственное автономное учреждение": "гау",
    "государственное казенное учреждение": "гку",
    "федеральное государственное бюджетное учреждение": "фгбу",
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
