"""Legal forms of Russian organizations («ООО», «акционерное общество»): one vocabulary,
`data/legal_forms.jsonl`, for the prose finders (as spaCy patterns), the table readers and
`org_key`.

Body abbreviations («ОМСУ», «ОИВ») name kinds of bodies, not legal forms: `body_heads`.
"""

from __future__ import annotations

from stratdoc.extract.lexicon.pattern_data import DATA, pattern_entries, token_values

LEGAL_FORMS_PATH = DATA / "legal_forms.jsonl"

# Abbreviations as printed (capitals): «АО», «МБДОУ».
LEGAL_ABBREVIATIONS: frozenset[str] = frozenset(token_values(LEGAL_FORMS_PATH, "abbreviation", "ORTH"))
# Full forms as lemma sequences: («акционерный», «общество»).
LEGAL_FULL_FORMS: tuple[tuple[str, ...], ...] = tuple(
    tuple(t["LEMMA"] for t in e["pattern"])
    for e in pattern_entries(LEGAL_FORMS_PATH) if e["label"] == "full")
# Full forms in the nominative → the abbreviation an organization's key writes for them.
LEGAL_FORM_KEYS: dict[str, str] = {
    e["name"]: e["key"] for e in pattern_entries(LEGAL_FORMS_PATH) if e["label"] == "full"}
