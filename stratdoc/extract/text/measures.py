"""Measures listed in running text: the items under «Основные мероприятия:», «Мероприятия:»,
«Для этого предусматривается:» (a verb of `MEASURE_CUES` in a line framed by «для этого», «в
рамках» …), «План мероприятий» become measures without funding, with the goal they stand under.

Only a list that directly follows such a lead, within the lead's section, counts: its marked
lines (bullets, numbers) or a run of plain lower-case paragraphs each ending with «;» or «.»
(Word files often type lists as `Normal` paragraphs). A line that opens with a result
(«Ожидаемые результаты реализации мероприятий:», «Эффект от реализации мероприятий:») leads
what the measures bring, not measures. A presentation slide that mentions
«Мероприятие «…»» in passing is not a list of measures, nor is a list under the next heading.
The goal is the one whose scope on the section tree holds the lead (`goals.goal_marks`).
"""

from __future__ import annotations

import re

from stratdoc.extract.lexicon import cues
from stratdoc.extract.nlp import Nlp
from stratdoc.extract.text.goals import goal_at, goal_marks
from stratdoc.extract.text.record_shapes import opening_labels
from stratdoc.extract.text.sections import items_after, list_end, outline
from stratdoc.extract.text.units import Line, doc_to_lines, first_sentence, span_of, word_labels, words
from stratdoc.schema import Document
from stratdoc.schema.records import Measure

# A line that announces a list of measures: ends with «мероприятия:», or is a «План мероприятий» title.
LEAD_RE = re.compile(r"мероприяти[яйе]\s*(?:\([^)]*\))?\s*:\s*(?P<rest>.*)$", re.IGNORECASE | re.DOTALL)
# «Мероприятия по решению задачи … включают:»: measures as the subject of the lead line.
SUBJECT_LEAD_RE = re.compile(r"^(?:основные\s+)?мероприятия\b[^:.]*\b"
                             r"(?:включают(?:\s+в\s+себя)?|предусматривают)\s*:\s*(?P<rest>.*)$",
                             re.IGNORECASE | re.DOTALL)
PLAN_TITLE_RE = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?\s*)?план\s+мероприятий\b", re.IGNORECASE)
BULLET_RE = re.compile(r"^\s*(?:[-–—•·▪■●○◦*]\s*|(?P<num>\d+(?:\.\d+)*)[.)]\s+|[а-я]\)\s+)")
INLINE_SPLIT_RE = re.compile(r"\s*;\s*")
MIN_ITEM_WORDS = 2
PLAN_TITLE_MAX_CHARS = 200


def _item(text: str) -> tuple[str | None, str]:
    """(number, name) of a listed measure: its marker's number, its first sentence (the rest is
    a gloss: an investment volume, jobs created)."""
    m = BULLET_RE.match(text)
    number = m.group("num") if m and m.group("num") else None
    body = text[m.end():] if m else text
    return number, first_sentence(body.strip(), keep_quotes=True).strip().rstrip(";,.").strip()


def lead_rest(nlp: Nlp, line: Line) -> str | None:
    """The text after the colon of a line that leads a list of measures ("" when the list
    follows on the next lines), or None when the line leads none."""
    if line.shape in ("number", "bullet") or "result" in opening_labels(nlp, line.text):
        return None  # «Ожидаемые результаты реализации мероприятий:» lists what they bring
    m = LEAD_RE.search(line.text) or SUBJECT_LEAD_RE.match(line.text)
    if m:
        return m.group("rest").strip()
    if PLAN_TITLE_RE.match(line.text) and len(line.text) <= PLAN_TITLE_MAX_CHARS:
        return ""
    colon = line.text.find(":")
    before = words(line.text[:colon]) if colon > 0 else []
    if before and "lead" in word_labels(nlp, cues.MEASURE_CUES, before[-1].text):
        hits = nlp.patterns(cues.MEASURE_CUES).find_in_words([w.text for w in before])
        if any(label == "frame" for label, _, _ in hits):
            return line.text[colon + 1:].strip()
    return None


def extract_text_measures(doc: Document, nlp: Nlp) -> list[Measure]:
    lines = doc_to_lines(doc)
    o = outline(lines)
    marks = goal_marks(nlp, lines, o)
    out: list[Measure] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        rest = lead_rest(nlp, line)
        if rest is None:
            i += 1
            continue
        goal = goal_at(marks, i)
        if rest:  # «Основные мероприятия: создание …; ремонт …» on one line
            offset = line.start + len(line.text) - len(rest)
            for piece in INLINE_SPLIT_RE.split(rest):
                number, name = _item(piece)
                if len(name.split()) >= MIN_ITEM_WORDS:
                    start = doc.text.find(piece, offset)
                    out.append(Measure(number=number, name=name, goal=goal,
                                       span=span_of(doc, start, start + len(piece))))
            i += 1
            continue
        items = items_after(o, i)
        for item in items:
            number, name = _item(item.text)
            if len(name.split()) >= MIN_ITEM_WORDS and not cues.AMENDMENT_NOTE_RE.search(name):
                out.append(Measure(number=number, name=name, goal=goal,
                                   span=span_of(doc, item.start, item.end)))
        i = list_end(o, i)
    return out
