"""Events the text reports: strategic and project sessions, workshops, forums, surveys.

An event word counts only where the text reports the event: its clause holds a day date
(«23-24 ноября») or a verb of taking place («состоится», «прошла», «провела», «примут
участие»). That keeps out mentions in passing («с учетом результатов стратегических
сессий») and definitions («Стратегическая проектная сессия — это …»). Mentions of one kind
without a date of their own are one event with the dated mention of that kind, if any:
a news item names its session in the headline, the lead and the body.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from datetime import date

from stratdoc.extract.entities.event_names import EVENT_HEADS, EVENTS_PATH, name_bounds, quoted_title
from stratdoc.extract.entities.event_places import event_place
from stratdoc.extract.entities.narrative import (
    Narrative,
    document_to_narrative,
    phrase_to_nominative,
)
from stratdoc.extract.lexicon.dates import DateMatch, find_dates
from stratdoc.extract.nlp import Nlp
from stratdoc.schema import Document, Event

# First parts of a compound head that make it no event of ours («пресс-конференция»).
NOT_EVENT_PREFIXES = frozenset({"пресс"})
# Words before an event word that count events rather than name one («несколько опросов»);
# numerals are told by their part of speech.
COUNTING_WORDS = frozenset({"несколько", "ряд", "много", "множество", "серия", "цикл", "десяток",
                            "сотня", "пара"})
# Pronouns that open a sentence about the event the sentence before named.
PRONOUNS = frozenset({"он", "она", "оно", "они"})
# Words right before a date that make it a deadline or a limit, not the day of an event.
DEADLINE_BEFORE = re.compile(r"(?:\bдо|\bне\s+позднее|\bне\s+позже|\bк|\bпо)\s*[«\"]?$", re.IGNORECASE)

# Verbs that report an event as held or coming, in the past or future tense or as a short
# participle («состоится», «прошла», «был проведен»). Present tense is left out: strategies use
# it for duties («организует конференции»), not for reports.
REPORTING_VERBS = frozenset({
    "состояться", "пройти", "проходить", "провести", "проводить", "проводиться", "завершиться",
    "завершить", "открыться", "стартовать", "начаться", "организовать", "собрать", "собраться",
    "участвовать",
})
# «принять участие» reports too, but «принять» alone does not («приняли решение провести форум»).
PARTICIPATION = ("принять", "участие")
REPORTING_TENSES = frozenset({"Past", "Fut"})
# How far (in tokens) from the event phrase a reporting word may stand.
REPORTING_WINDOW = 6
HALF_YEAR_MONTHS = 6  # a date further than this from the document's month is in the next (or last) year


@dataclass(frozen=True)
class EventMention:
    kind: str
    name: str
    titled: bool
    date_from: date | None
    date_to: date | None
    day: tuple[int, int, int | None] | None  # (month, day, day_to) as printed, year or not
    place: str | None
    start: int
    end: int


def extract_events(doc: Document, doc_date: date | None = None, nv: Narrative | None = None, *,
                   nlp: Nlp, town: str | None = None) -> list[Event]:
    """Events of one document; a date without a year takes the document's year, else the year
    of the nearest full date printed before it. `town` is the municipality the document is
    about: the place of an event held at a venue of it (`event_places.py`)."""
    nv = nv or document_to_narrative(doc, nlp)
    context = YearContext.of(nv.text)
    kinds = event_kinds(nv, nlp)
    mentions = [m for i in range(len(nv.tokens))
                if (m := mention_at(nv, nlp, kinds, i, doc_date, context, town)) is not None]
    return [Event(name=m.name, kind=m.kind, date_from=m.date_from, date_to=m.date_to, place=m.place,
                  span=nv.span(m.start, m.end)) for m in mentions_to_events(mentions)]


def event_kinds(nv: Narrative, nlp: Nlp) -> list[str | None]:
    """The event kind of every token (None for most): one match of events.jsonl over the text.

    A head noun is matched by its event word («онлайн-опрос» as «опрос»); a two-word entry
    («проектная сессия») counts only inside one clause, else the head's own entry does.
    """
    lemmas = list(nv.lemmas)
    for k, tok in enumerate(nv.tokens):
        if tok.pos in ("NOUN", "PROPN") and "-" in lemmas[k] and head_lemma(lemmas[k]) in EVENT_HEADS:
            lemmas[k] = head_lemma(lemmas[k])
    words = [t.text for t in nv.tokens]
    alone: dict[int, str] = {}
    after_adjective: dict[int, str] = {}
    for label, start, end in nlp.patterns(EVENTS_PATH).find_in_words(words, lemmas, longest=False):
        if end - start == 1:
            alone[start] = label
        elif nv.same_clause(start, end - 1):
            after_adjective[end - 1] = label
    return [after_adjective.get(k) or alone.get(k) if _is_noun(nv, nlp, k) else None
            for k in range(len(nv.tokens))]


def _is_noun(nv: Narrative, nlp: Nlp, k: int) -> bool:
    """A noun for the tagger, or for the dictionary where the tagger took a capitalised noun
    opening a line for an adjective («Форум «…» прошёл …»)."""
    tok = nv.tokens[k]
    if tok.pos in ("NOUN", "PROPN"):
        return True
    parses = nlp.parses(tok.text)
    return tok.pos == "ADJ" and tok.text[:1].isupper() and bool(parses) and parses[0].pos == "NOUN"


def head_lemma(lemma: str) -> str:
    """The event word of a compound («онлайн-опрос» → «опрос»); compounds the vocabulary holds
    («форсайт-сессия») stay whole."""
    if lemma in EVENT_HEADS or "-" not in lemma:
        return lemma
    prefix, _, last = lemma.rpartition("-")
    return last if prefix.split("-")[0] not in NOT_EVENT_PREFIXES else lemma


def is_counted(nv: Narrative, first: int) -> bool:
    """«пять стратсессий», «несколько опросов», «две стратегические сессии»."""
    k = first - 1
    while k >= 0 and nv.tokens[k].pos == "ADJ" and nv.same_clause(k, first):
        k -= 1  # «две стратегические сессии»: the tagger's cases of the two may differ
    if k < 0 or not nv.same_clause(k, first):
        return False
    return nv.tokens[k].pos == "NUM" or nv.lemmas[k] in COUNTING_WORDS


def is_dependent(nv: Narrative, kinds: list[str | None], first: int, head: int) -> bool:
    """The event word is a genitive under another noun («площадке форума», «итогов сессии»)."""
    k = first - 1
    if k < 0 or not nv.same_clause(k, first) or nv.tokens[head].feats.get("Case") != "Gen":
        return False
    return nv.tokens[k].pos in ("NOUN", "PROPN") and kinds[k] is None


def pronoun_dates(nv: Narrative, clause: range) -> list[DateMatch]:
    """Dates of the next sentence when it opens with a pronoun and reports: «… завершилась
    проектная мастерская. Она проходила 14–16 мая …»."""
    if clause.stop >= len(nv.tokens) or nv.lemmas[clause.stop] not in PRONOUNS:
        return []
    nxt = nv.clause_range(clause.stop)
    if not is_reported(nv, list(nxt)):
        return []
    return event_dates(nv, nv.tokens[nxt.start].start, nv.tokens[nxt.stop - 1].end)


def event_dates(nv: Narrative, clause_start: int, clause_end: int) -> list[DateMatch]:
    """Day dates of a clause; weekday banners and deadlines («до 20 сентября») left out."""
    text = nv.text[clause_start:clause_end]
    return [d for d in find_dates(text) if not d.weekday and not DEADLINE_BEFORE.search(text[:d.start])]


def nearest_year(month: int, doc_date: date | None) -> int | None:
    """The year that puts a date of `month` nearest the document's date: a December item's
    «в январе» is next January, a January item's «28 декабря» last December."""
    if doc_date is None:
        return None
    shift = month - doc_date.month
    if shift < -HALF_YEAR_MONTHS:
        return doc_date.year + 1
    if shift > HALF_YEAR_MONTHS:
        return doc_date.year - 1
    return doc_date.year


def mention_at(nv: Narrative, nlp: Nlp, kinds: list[str | None], i: int, doc_date: date | None,
               context: YearContext, town: str | None = None) -> EventMention | None:
    kind = kinds[i]
    if kind is None:
        return None
    clause = nv.clause_range(i)
    clause_start, clause_end = nv.tokens[clause.start].start, nv.tokens[clause.stop - 1].end
    dates = event_dates(nv, clause_start, clause_end) or pronoun_dates(nv, clause)
    first, last = name_bounds(nv, i)
    if is_dependent(nv, kinds, first, i) and any(
            kinds[k] is not None and not is_dependent(nv, kinds, name_bounds(nv, k)[0], k)
            for k in clause if k != i):
        return None  # «27 сентября на площадке форума состоится сессия»: the day is the session's
    near = range(max(clause.start, first - REPORTING_WINDOW), min(clause.stop, last + REPORTING_WINDOW + 1))
    reported = is_reported(nv, [k for k in near if not first <= k <= last])
    if not dates and not reported:
        return None
    title = quoted_title(nv, i)
    if not dates and title is None and is_counted(nv, first):
        return None
    if title is not None:
        name, titled = title, True
    else:
        name, titled = phrase_to_nominative(nv, nlp, first, i, last), False
    date_from = date_to = day = None
    if dates:
        d = min(dates, key=lambda d: abs(clause_start + d.start - nv.tokens[i].start))
        year = d.year or nearest_year(d.month, doc_date) or context.year_before(clause_start)
        date_from, date_to = d.to_date(year), d.to_date_end(year) if d.day_to else None
        day = (d.month, d.day, d.day_to)
    return EventMention(kind, name, titled, date_from, date_to, day, event_place(nv, nlp, i, clause, town),
                        nv.tokens[first].start, nv.tokens[last].end)


def is_reported(nv: Narrative, around: list[int]) -> bool:
    """A reporting verb in the past or future tense, or a short participle, stands nearby."""
    lemmas = {nv.lemmas[k] for k in around}
    for k in around:
        tok = nv.tokens[k]
        if tok.pos != "VERB":
            continue
        form = tok.feats.get("VerbForm")
        finite = form == "Fin" and tok.feats.get("Tense") in REPORTING_TENSES
        if not (finite or form == "Part" and tok.feats.get("Variant") == "Short"):
            continue
        if nv.lemmas[k] in REPORTING_VERBS or nv.lemmas[k] == PARTICIPATION[0] and PARTICIPATION[1] in lemmas:
            return True
    return False


def mentions_to_events(mentions: list[EventMention]) -> list[EventMention]:
    """One event per kind and day; undated mentions join the first event of their kind."""
    events: list[EventMention] = []
    by_key: dict[tuple[str, tuple[int, int, int | None]], int] = {}
    for m in mentions:
        if m.day is None:
            continue
        key = (m.kind, m.day)
        if key in by_key:
            events[by_key[key]] = _merge(events[by_key[key]], m)
        else:
            by_key[key] = len(events)
            events.append(m)
    for m in mentions:
        if m.day is not None:
            continue
        same = next((k for k, e in enumerate(events) if e.kind == m.kind), None)
        if same is None:
            events.append(m)
        else:
            events[same] = _merge(events[same], m)
    events.sort(key=lambda e: e.start)
    return events


def _merge(event: EventMention, other: EventMention) -> EventMention:
    """The event keeps its own facts; a place, or for an undated event a quoted title, fills in."""
    if other.titled and not event.titled and event.day is None:
        event = replace(event, name=other.name, titled=True)
    if event.place is None and other.place is not None:
        event = replace(event, place=other.place)
    return event


@dataclass(frozen=True)
class YearContext:
    """Full dates printed in the text, for the year of a later «23-24 ноября»."""

    starts: list[int]
    years: list[int]

    @classmethod
    def of(cls, text: str) -> YearContext:
        found = [d for d in find_dates(text) if d.year is not None and not d.weekday]
        return cls([d.start for d in found], [d.year for d in found if d.year is not None])

    def year_before(self, offset: int) -> int | None:
        k = bisect.bisect_right(self.starts, offset) - 1
        return self.years[k] if k >= 0 else None
