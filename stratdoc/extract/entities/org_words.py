"""The organization mention record and the word tests every organization rule shares."""

from __future__ import annotations

from dataclasses import dataclass

from stratdoc.extract.entities.narrative import Narrative
from stratdoc.extract.nlp import Nlp

# An all-capital word longer than this that the dictionary knows is a word of a heading in
# capitals («ПОСТАНОВЛЕНИЕ»), not an abbreviation.
MAX_ABBREVIATION_LETTERS = 5


@dataclass(frozen=True)
class OrgMention:
    start: int
    end: int
    name: str
    rule: str  # "legal", "brand", "body", "agency", "ner" (natasha), "alias" («далее — …»)




def first_noun(nv: Narrative, i: int, end: int) -> int:
    return next((k for k in range(i, end + 1) if nv.tokens[k].pos in ("NOUN", "PROPN")), end)




def capitalize(name: str) -> str:
    """Names are written with a capital («администрация Перми» → «Администрация Перми»)."""
    return name[:1].upper() + name[1:] if name[:1].islower() else name


def is_name_like(text: str, nlp: Nlp) -> bool:
    """Abbreviations and Latin names: «РФ», «УрО», «РАН», «GS»."""
    letters = [c for c in text if c.isalpha()]
    if not letters or not text[:1].isupper():
        return False
    if text.isupper() and len(letters) > MAX_ABBREVIATION_LETTERS and nlp.is_known(text):
        return False
    return sum(c.isupper() for c in letters) >= 2 or all("a" <= c.lower() <= "z" for c in letters)
