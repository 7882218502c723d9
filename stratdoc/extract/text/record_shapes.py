"""Lines that stand where a list of goals, tasks, directions or measures stands but are none:
an indicator with its unit listed under a lead that also names tasks, a legal act cited as the
basis, a collegial body, a lone adjective of a branch («зернового, молочного направлений»),
the tail of the lead's sentence («а также …»), a period («2016 – 2021 годы»), a goal label
with no text («цель № 1»); where measures or sub-directions stand, a (sub)programme the
strategy is carried out through («подпрограмма «Развитие …»»), and, among measures, a sentence
on what they bring («Это позволит …», «Ожидаемые результаты: …»).

The finders read lists by their shape; this pass reads each item's first words, so one rule
serves every finder. The words are data (`cues.RECORD_SHAPE_CUES`).
"""

from __future__ import annotations

import re

from stratdoc.extract.lexicon import cues
from stratdoc.extract.nlp import Nlp
from stratdoc.extract.text.units import word_form, word_labels, words
from stratdoc.schema import Direction, Extraction, Goal, Measure

# A cited act carries its date or number: «от 12.03.2014 № 215», «от 5 мая 2016 года».
ACT_REFERENCE_RE = re.compile(r"\bот\s+\d{1,2}(?:[./]\d{1,2}[./]\d{2,4}|\s+[а-я]+\s+\d{4})|№\s*\d", re.I)
# Words of a period: «2016 – 2021 годы», «2019 - 2024 гг.».
PERIOD_WORDS = frozenset({"год", "годы", "года", "годов", "гг", "г"})
# A label alone: «цель № 1», «Цель 2.»
LABEL_ONLY_RE = re.compile(rf"{cues.GOAL_WORD}\s*(?:№\s*)?(?P<num>\d{{1,2}}(?:\.\d{{1,2}})*)\.?", re.I)
# «а)», «б).»: a letter marking an item, not the conjunction «а».
LETTER_MARKER_RE = re.compile(r"^\s*[а-яё]\s*[).]")
# «…, в том числе» at the end: the sentence went on to a list the record does not hold.
OPEN_TAIL_RE = re.compile(r"[,\s]+(?:в\s+том\s+числе|а\s+также|включая)\s*:?\s*$", re.I)
ADJECTIVES = ("ADJF", "PRTF")
# «музыкальные и т. д.», «кружки и др.»: an open end of an enumeration.
# A programme's own name after its noun: a quotation, or its number («Подпрограмма 2. …»).
PROGRAMME_NAME_RE = re.compile(r"[«\"“„]|программ\w*\s+(?:№\s*)?\d", re.I)
# Openers of a listed text that stands where a measure does but names a programme or a result.
MEASURE_STRAYS = frozenset({"programme", "result"})
ETC_TAIL_RE = re.compile(r"\s+и\s+(?:т\.\s*д|т\.\s*п|др)\.?\s*$", re.I)


def opening_labels(nlp: Nlp, text: str) -> set[str]:
    """The labels of the cue phrases the text opens with."""
    first = [w.text for w in words(text)[:4]]
    hits = nlp.patterns(cues.RECORD_SHAPE_CUES).find_in_words(first)
    return {label for label, start, _ in hits if start == 0}


def is_period(text: str) -> bool:
    found = words(text)
    return not any(w.text.lower() not in PERIOD_WORDS and not w.text.isdigit() for w in found)


def is_act(nlp: Nlp, text: str) -> bool:
    return "act" in opening_labels(nlp, text) and ACT_REFERENCE_RE.search(text) is not None


def is_lone_adjective(nlp: Nlp, text: str) -> bool:
    """«льняного», «тепличного направлений»: adjectives and at most the cue noun they agree with."""
    found = words(ETC_TAIL_RE.sub("", text))
    if not found or len(found) > 3:
        return False
    nominative = True
    for w in found:
        form = word_form(nlp, w.text)
        if form.pos in ADJECTIVES:
            nominative = nominative and "nomn" in form.cases
        elif not word_labels(nlp, cues.DIRECTION_CUES, w.text) & {"direction", "cluster"}:
            return False
    # «Туристический кластер» names a cluster; «тепличного направлений» is the tail of a list
    # whose noun stands at its end, and «театральные» alone has no noun at all.
    return not nominative or all(word_form(nlp, w.text).pos in ADJECTIVES for w in found)


def is_stray(nlp: Nlp, text: str, *, quantity: bool) -> bool:
    """Whether a listed text is one of the shapes above; `quantity` also counts indicators."""
    if is_period(text) or LABEL_ONLY_RE.fullmatch(text.strip()) or is_act(nlp, text):
        return True
    opening = opening_labels(nlp, text)
    if LETTER_MARKER_RE.match(text):
        opening.discard("opener")
    return "opener" in opening or (quantity and "quantity" in opening)


def announces_programmes(nlp: Nlp, lead: str) -> bool:
    """Whether a lead line names programmes as what it lists: its last word before the colon is
    «подпрограммы», «программ» («Направление включает подпрограммы:», «… реализуются следующие
    подпрограммы:»). The list under it is the programmes', not measures or sub-directions;
    «Мероприятия подпрограммы «…»:» names measures, and its last word is the programme's name."""
    colon = lead.find(":")
    before = words(lead[:colon]) if colon > 0 else []
    return bool(before) and "programme" in word_labels(nlp, cues.RECORD_SHAPE_CUES, before[-1].text)


def stray_measure(nlp: Nlp, m: Measure) -> bool:
    return is_stray(nlp, m.name, quantity=False) or bool(opening_labels(nlp, m.name) & MEASURE_STRAYS)


def names_a_programme(nlp: Nlp, text: str) -> bool:
    """«подпрограмма «Общее образование»», «Подпрограмма 2. …»: a programme by its name or number.
    A direction may be a kind of programme («программа социальной ипотеки» among the ways
    housing is built), so only a named one is taken for a programme there."""
    return "programme" in opening_labels(nlp, text) and PROGRAMME_NAME_RE.search(text) is not None


def stray_direction(nlp: Nlp, d: Direction) -> bool:
    return (is_stray(nlp, d.name, quantity=False) or "body" in opening_labels(nlp, d.name)
            or names_a_programme(nlp, d.name) or is_lone_adjective(nlp, d.name))


def tidy_direction(nlp: Nlp, d: Direction) -> Direction:
    name = OPEN_TAIL_RE.sub("", d.name)
    items = [x for x in d.items if not names_a_programme(nlp, x)]
    return d if (name, items) == (d.name, d.items) else d.model_copy(update={"name": name, "items": items})


def tidy_goal(nlp: Nlp, g: Goal) -> Goal:
    tasks = [t for t in g.tasks if not is_stray(nlp, t.text, quantity=True)]
    return g if len(tasks) == len(g.tasks) else g.model_copy(update={"tasks": tasks})


def hand_over_tasks(goals: list[Goal]) -> list[Goal]:
    """A goal stated as a reference («Основной целью является цель № 2.») is goal 2: its tasks
    join that goal when the document numbers one so."""
    by_number = {g.number: g for g in goals if g.number}
    out = []
    for g in goals:
        m = LABEL_ONLY_RE.fullmatch(g.text.strip())
        target = by_number.get(m.group("num")) if m else None
        if target is not None and target is not g:
            target.tasks.extend(t for t in g.tasks if t not in target.tasks)
            continue
        out.append(g)
    return out


def drop_strays(nlp: Nlp, ex: Extraction) -> Extraction:
    """The records of `ex` without the stray shapes."""
    kept = hand_over_tasks([g.model_copy(deep=True) for g in ex.goals])
    goals = [tidy_goal(nlp, g) for g in kept if not is_stray(nlp, g.text, quantity=True)]
    directions = [tidy_direction(nlp, d) for d in ex.directions if not stray_direction(nlp, d)]
    measures: list[Measure] = [m for m in ex.measures if not stray_measure(nlp, m)]
    return ex.model_copy(update={"goals": goals, "directions": directions, "measures": measures})
