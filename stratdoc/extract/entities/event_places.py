"""Where a reported event is held: the settlement, named in its clause or standing behind a venue.

The place is a town, village or district, so places compare across items: «в г. Сосновке» →
«Сосновка», «в Доме культуры села Малиновка» → «Малиновка». A venue («в … университете», «в
администрации города», «в конгресс-холле …», «на площадке технопарка …») says the event is
held at a site of the town the document is about, unless the clause names another town: a
news item about a town reports its sessions at its own university or administration.
"""

from __future__ import annotations

from pathlib import Path

from stratdoc.extract.entities.narrative import Narrative
from stratdoc.extract.lexicon.places import NOT_A_CITY, settlement_nominative
from stratdoc.extract.nlp import Nlp

# Venue heads and settlement nouns (venues.jsonl), by lemma.
VENUES_PATH = Path(__file__).with_name("venues.jsonl")
# Words of a place that is a region or bigger, not the town an event is held in.
REGION_WORDS = frozenset({"область", "края", "край", "республика", "округ", "район", "федерация"})
# Prepositions that put an event at a venue: «в университете», «во дворце», «на площадке».
VENUE_PREPOSITIONS = frozenset({"в", "во", "на"})


def event_place(nv: Narrative, nlp: Nlp, head: int, clause: range, town: str | None = None) -> str | None:
    """The settlement named in the clause nearest the event word, else the document's `town`
    when the clause puts the event at a venue."""
    candidates: list[tuple[int, str]] = []
    seen: set[int | None] = set()
    for k in clause:
        n = nv.span_ix[k]
        if nv.labels[k] == "LOC" and n not in seen:
            seen.add(n)
            name = _town_of_span(nv.spans[n].text, nlp)
            if name is not None:
                candidates.append((abs(k - head), name))
        if _label(nv, nlp, k) == "settlement" and k + 1 in clause:
            name = _settlement_name(nv.tokens[k + 1].text, nlp)
            if name is not None:
                candidates.append((abs(k - head), name))
    if candidates:
        return min(candidates)[1]
    if town is not None and any(_label(nv, nlp, k) == "venue" and _after_preposition(nv, k, clause)
                                for k in clause):
        return town
    return None


def _label(nv: Narrative, nlp: Nlp, k: int) -> str | None:
    labels = nv.labels_at(nlp, VENUES_PATH, k)
    if not labels or nv.tokens[k].pos not in ("NOUN", "PROPN"):
        return None
    return "settlement" if "settlement" in labels else "venue"


def _town_of_span(text: str, nlp: Nlp) -> str | None:
    words = text.lower().split()
    if len(words) != 1 or any(w in REGION_WORDS for w in words):
        return None
    name = settlement_nominative(text, nlp)
    return name if name is not None and name.lower() not in NOT_A_CITY else None


def _settlement_name(word: str, nlp: Nlp) -> str | None:
    """The name after «села», «посёлка»: printed in the nominative as a rule («села Малиновка»),
    else put in it («в селе Малиновке» → «Малиновка»)."""
    if not word[:1].isupper() or not word.isalpha():
        return None
    parses = nlp.parses(word)
    if not parses or any("nomn" in p.grammemes for p in parses):
        return word
    known = settlement_nominative(word, nlp)
    if known is not None:
        return known
    noun = next((p for p in parses if p.pos == "NOUN"), None)
    return noun.lemma[:1].upper() + noun.lemma[1:] if noun is not None else word


def _after_preposition(nv: Narrative, k: int, clause: range) -> bool:
    """«в Камышинском технологическом институте», «на площадке»: a preposition of place
    before the venue, perhaps with adjectives between."""
    j = k - 1
    while j in clause and nv.tokens[j].pos == "ADJ":
        j -= 1
    return j in clause and nv.lemmas[j] in VENUE_PREPOSITIONS
