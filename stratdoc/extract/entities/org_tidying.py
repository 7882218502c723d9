"""Organization names as a person would write them: names a table cell runs together split
into one record each, and bodies printed in capitals written as names."""

from __future__ import annotations

import re

from stratdoc.extract.lexicon.legal_forms import LEGAL_ABBREVIATIONS
from stratdoc.extract.lexicon.places import proper_place_lemmas
from stratdoc.extract.nlp import Nlp
from stratdoc.schema import Organization

# names as a person would write them ------------------------------------------------------------
_LEGAL_ALTERNATION = "|".join(sorted(LEGAL_ABBREVIATIONS, key=len, reverse=True))
# Between two names run together in one cell: «ООО "АПХ "Мираторг" ООО "Мираторг-Желатин"».
JOINED_NAMES = re.compile(r'(?<=["»”])\s+(?=(?:' + _LEGAL_ALTERNATION + r')\s*["«“])')
_UPPER_WORD = re.compile(r"[А-ЯЁA-Z]+(?:-[А-ЯЁA-Z]+)*")
# Body nouns official names keep capitalised («Череповецкая городская Дума», «Городская Управа»).
CAPITALISED_BODY_LEMMAS = frozenset({"дума", "управа"})


def tidy_organizations(orgs: list[Organization], nlp: Nlp) -> list[Organization]:
    """Names run together split into one record each; a body printed in capitals written as a
    name is («АДМИНИСТРАЦИЯ СЕВЕРНОЙ ОБЛАСТИ» → «Администрация Северной области»).

    Also run by the merger over organizations found in tables and in prose.
    """
    out = []
    for org in orgs:
        for name in JOINED_NAMES.split(org.name):
            out.append(org.model_copy(update={"name": recase_upper_name(name.strip(), nlp)}))
    return out


def recase_upper_name(name: str, nlp: Nlp) -> str:
    """Capitals outside quotes in sentence case; abbreviations («ООО», «РФ», «РАН»), words the
    dictionary lacks and quoted names stay as printed, place words keep their capital."""
    letters = [c for c in name if c.isalpha()]
    if not letters or not all(c.isupper() for c in letters):
        return name
    proper = proper_place_lemmas(nlp)
    chars = list(name)
    depth = 0
    changed = False
    pos = 0
    for m in _UPPER_WORD.finditer(name):
        for ch in name[pos:m.start()]:
            if ch in "«“":
                depth += 1
            elif ch in "»”":
                depth = max(0, depth - 1)
            elif ch == '"':
                depth = 0 if depth else 1
        pos = m.start()
        word = m.group()
        low = word.lower()
        if depth or word in LEGAL_ABBREVIATIONS or not nlp.is_known(low):
            continue
        parses = nlp.parses(low)
        if any(p.has("Abbr") for p in parses[:2]):
            continue
        place = any(p.lemma.replace("ё", "е") in proper | CAPITALISED_BODY_LEMMAS for p in parses[:3])
        first_letter = word[0] if place or not changed and m.start() == 0 else low[0]
        chars[m.start():m.end()] = first_letter + low[1:]
        changed = True
    return "".join(chars) if changed else name
