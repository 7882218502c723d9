"""Cue vocabularies of the narrative extractors, as data.

The word lists are spaCy pattern files in `data/` (`DIRECTION_CUES`, `PROJECT_CUES`,
`CONTINUATION_CUES`), read through `Nlp.patterns`; what stays here are the regex families
(goal and task labels), numbers and the cheap stem prefilters. A new way of writing the same
thing is a new entry, not a new branch in the rules.
"""

from __future__ import annotations

import re
from pathlib import Path

DATA = Path(__file__).with_name("data")
# Labels: direction, cluster (cue nouns), slide, strategy (slide titles), copula, preposition,
# branch (adjectives of industries), ordinal (первый, второй …), items (verbs of sub-directions).
DIRECTION_CUES = DATA / "direction_cues.jsonl"
# Labels: strong, weak, not (cue nouns before a name), proposal, creation, generic.
PROJECT_CUES = DATA / "project_cues.jsonl"
# Labels: lead (the verb of a line that leads a list of measures), frame (the phrase tying that
# line to the goal, task or direction above: «Для этого», «В его рамках»).
MEASURE_CUES = DATA / "measure_cues.jsonl"
# Phrases opening a sentence that continues the previous sentence's list (label: continuation).
CONTINUATION_CUES = DATA / "continuation_cues.jsonl"
# Labels: quantity, act, body, opener (what a line that reads as a record opens with when it is
# an indicator, a cited legal act, a body or the tail of a sentence: text/record_shapes.py).
RECORD_SHAPE_CUES = DATA / "record_shape_cues.jsonl"

# --- directions ------------------------------------------------------------------------

# Cheap prefilter before the lemma check: a line without one of these stems has no cue.
DIRECTION_STEMS = ("направлени", "приоритет", "кластер")
MAX_CUE_TAIL_WORDS = 10  # words from the cue noun to the colon (up to a first comma)
# A time span in a cue's tail is not counted with its words: «… на период до 2030 года являются:».
TIME_SPAN_RE = re.compile(r"(?:на\s+период\s+)?(?:до|с|в|на)\s+\d{4}(?:\s*[-–—]\s*\d{4})?\s*"
                          r"(?:года|году|годов|годах|гг\.|г\.)", re.I)
# The adjective announcing a list: a cue noun it modifies names the listed items even as a genitive
# under another noun («обеспечивается развитием следующих кластеров:»).
LIST_ANNOUNCER = "следующ"
# Words after a cue noun's comma that open its list as a colon would: «три направления, среди
# которых А, Б и В», «…, в числе них …», «…, а именно: …».
LIST_OPENER_WORDS = r",\s*(?:(?:среди|в\s+числе)\s+(?:которых|них)|а\s+именно)\s*:?"
# «Направление 2. Название», «Приоритетное направление 1 – Название»: a labelled direction.
DIRECTION_QUALIFIERS = ("приоритетн", "стратегическ", "основн", "ключев")
DIRECTION_WORD = r"(?:направлени[ея]|приоритет)"
# Stems of a section heading that holds more than directions («Направления, цели и задачи»):
# its subsections are not all directions.
MIXED_SECTION_STEMS = ("цел", "задач", "мероприят")
# Stems of a line that leads measures, not sub-directions («Направление включает мероприятия:»).
MEASURE_STEMS = ("мероприят",)
# The legal basis at the end of a listed item («… в соответствии с Регламентом, утвержденным …»):
# where the document cites it, not part of the item's name.
LEGAL_BASIS_TAIL_RE = re.compile(r"\s+(?:в\s+соответствии\s+с|согласно)\s.*$", re.I | re.S)
# Numerals that state how many items an inline list has: «по четырем направлениям: …».
COUNT_WORDS: dict[str, int] = {
    "два": 2, "двое": 2, "три": 3, "трое": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7,
    "восемь": 8, "девять": 9, "десять": 10,
}

# --- goals and tasks ------------------------------------------------------------------------

# Adjectives that may precede «цель» in a goal statement: «Стратегическая цель – …».
GOAL_QUALIFIERS = ("стратегическ", "главн", "основн", "генеральн", "ключев", "глобальн", "приоритетн")
# Verbs linking a goal phrase to its text: «Главной целью Стратегии является …».
GOAL_COPULAS = ("является", "являются", "будет являться", "станет", "выступает", "состоит в")

# One family of goal and task labels, shared by every reader of «Цель 1.» and «Задача 1.2 –»;
# a reader composes its own pattern from these pieces («ц.» for a table's short form, …).
GOAL_QUALIFIER = rf"(?:(?:{'|'.join(GOAL_QUALIFIERS)})\w*\s+)?"  # optional, with its space
GOAL_WORD = r"цел[ьи]"
# The plural of «цель» that leads a list of goals: «следующие цели:», «следующих целей:».
GOALS_PLURAL = r"цел(?:и|ей|ями)"
TASK_WORD = r"задач[аи]"
# «2», «№ 1.2»: a label's printed number; a longer run of digits is a year («цели 2030 года»).
LABEL_NUMBER = r"(?:№\s*)?(?P<num>\d{1,2}(?:\.\d{1,2})*)(?![\d.]*\d)"
# Between a label's number and its text: «.», «:», «)», a dash, or nothing.
LABEL_SEPARATOR = r"\s*[.:)]?\s*(?:[-–—:]\s*)?"
# «Цель 1. », «Стратегическая цель 2 – », «Цели № 3: » at the start of a line.
GOAL_NUMBER_RE = re.compile(rf"{GOAL_QUALIFIER}{GOAL_WORD}\s*{LABEL_NUMBER}{LABEL_SEPARATOR}", re.I)
# «Задача 1.2. », «Задачи 3: ».
TASK_NUMBER_RE = re.compile(rf"{TASK_WORD}\s*{LABEL_NUMBER}{LABEL_SEPARATOR}", re.I)
# «Направление 2. », «Приоритетное направление 1 – ».
DIRECTION_QUALIFIER = rf"(?:(?:{'|'.join(DIRECTION_QUALIFIERS)})\w*\s+)?"
DIRECTION_NUMBER_RE = re.compile(
    rf"{DIRECTION_QUALIFIER}{DIRECTION_WORD}\s*{LABEL_NUMBER}{LABEL_SEPARATOR}", re.I)

# --- measures --------------------------------------------------------------------------------

# «абзац утратил силу. – Постановление … от 15.02.2016 N 41»: an amended act's note where a list
# item stood, not an item.
AMENDMENT_NOTE_RE = re.compile(r"\bутратил[аио]?\s+силу\b", re.I)

# --- projects --------------------------------------------------------------------------------

# Stems of those verbs: a cheap test before the morphology lookup.
PROPOSAL_STEMS = ("предлаг", "предлож", "рассм", "запуск", "запуст", "разраб", "созд", "реализ",
                  "внедр", "откр", "постро", "презент", "заплан", "иницииров", "выдвин", "одобр")
MAX_NAME_WORDS = 10  # a longer quotation is speech, not a name
CUE_WINDOW_WORDS = 10  # how far before a quote its cue noun may stand
