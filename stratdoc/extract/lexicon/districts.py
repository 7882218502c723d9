"""Municipal districts a phrase or a text names: «Томский район», «Пермского муниципального
округа», «муниципального образования «Томский район»», each as its nominative name with the
lemma of its adjective («Старокурьинского муниципального округа» → «Старокурьинский
муниципальный округ», «старокурьинский»).

A text about a district names it in full («… муниципального округа») and then in short («в
Старокурьинском округе»); the short form counts only for an adjective the text has named in full,
since a bare «округ» is too often a «городской округ».
"""

from __future__ import annotations

import re
from collections import Counter

from stratdoc.extract.lexicon.lines import fold
from stratdoc.extract.nlp import Nlp

# A municipal district named in full: «Томский район», «Пермского муниципального округа»,
# «муниципального образования «Томский район»». A bare «округ» is too often «городской округ».
DISTRICT_RE = re.compile(r"(?<![А-Яа-яЁё])(?P<adj>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?)\s+"
                         r"(?:(?P<mun>муниципальн[а-яё]+)\s+(?P<noun>район|округ)|(?P<raion>район))[а-яё]*"
                         r"(?![А-Яа-яЁё])")
# Adjectives before «район» / «округ» that name no district.
NOT_DISTRICT_ADJECTIVES = frozenset({"городской", "муниципальный", "сельский", "административный",
                                     "автономный", "федеральный", "внутригородской", "новый", "каждый",
                                     "этот", "данный", "соседний", "наш", "весь", "свой", "который"})


def _masculine_adjective(word: str, nlp: Nlp) -> tuple[str, str] | None:
    """(nominative masculine form, lemma) of an adjective («Томского» → «томский»)."""
    adj = next((p for p in nlp.parses(word) if p.pos == "ADJF"), None)
    form = nlp.inflect(adj, {"nomn", "masc", "sing"}) if adj is not None else None
    return (form, adj.lemma) if form is not None and adj is not None else None


def title_district(phrase: str, nlp: Nlp) -> tuple[str, str] | None:
    """(nominative name, lemma of its adjective) of a district the phrase names."""
    for m in DISTRICT_RE.finditer(phrase):
        adj = next((p for p in nlp.parses(m.group("adj")) if p.pos == "ADJF"), None)
        if adj is None or adj.lemma in NOT_DISTRICT_ADJECTIVES:
            continue
        words = [_masculine_adjective(m.group("adj"), nlp)]
        if m.group("mun"):
            words.append(_masculine_adjective(m.group("mun"), nlp))
        forms = [w[0] for w in words if w is not None]
        if len(forms) < len(words):
            continue
        name = " ".join([forms[0].capitalize(), *forms[1:], m.group("noun") or m.group("raion")])
        return name, fold(adj.lemma)
    return None



# The short form of a district named in full: «в Старокурьинском округе», «Томскому району».
SHORT_DISTRICT_RE = re.compile(r"(?<![А-Яа-яЁё])(?P<adj>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?)\s+"
                               r"(?:район|округ)[а-яё]*(?![А-Яа-яЁё])")


def text_districts(text: str, nlp: Nlp) -> Counter[tuple[str, str]]:
    """Mentions of each district the text names in full, its short forms included."""
    counts: Counter[tuple[str, str]] = Counter()
    full: dict[str, tuple[str, str]] = {}
    for m in DISTRICT_RE.finditer(text):
        found = title_district(m.group(), nlp)
        if found is not None:
            counts[found] += 1
            full.setdefault(found[1], found)
    if not full:
        return counts
    for m in SHORT_DISTRICT_RE.finditer(text):
        if DISTRICT_RE.match(text, m.start()):
            continue  # a full form, counted above
        adj = next((p for p in nlp.parses(m.group("adj")) if p.pos == "ADJF"), None)
        if adj is not None and fold(adj.lemma) in full:
            counts[full[fold(adj.lemma)]] += 1
    return counts
