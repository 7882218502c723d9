"""What sort of document this is: decree, strategy, action plan, presentation, news, other.

Decided from the first lines by cue vocabularies (data below), in a fixed order: an act's
header beats everything (a decree that approves a strategy is a decree), slides are told by
their layout, a strategy or a plan by a title line above its prose when no dateline says the
text is an item about it, news by its shape (`news.py`), and then a title further down.

A news item names the acts and strategies it reports on, so their marks count only where the
document's own would stand: an act's title («Об утверждении …») above the first paragraph of
prose, not in an item's list of attached files; a strategy's title as a name, not as a
headline that says something of it («Стратегия … утверждена» holds a verb).
"""

from __future__ import annotations

import re

from stratdoc.extract.document.datelines import agency_dateline, dateline, head_lines
from stratdoc.extract.document.news import NEWS_CHARS, is_news
from stratdoc.extract.lexicon.lines import TextLine, text_to_lines
from stratdoc.extract.nlp import Nlp

Kind = str  # one of DocumentMeta.kind's literals

HEAD_LINES = 25  # an act's header and title stand within its first lines
LAYOUT_LINES = 200  # lines looked at to tell slides from prose

# A line that is nothing but the name of the act's type («ПОСТАНОВЛЕНИЕ», «П О С Т А Н О В Л Е Н И Е»).
ACT_HEADERS = frozenset({"постановление", "распоряжение", "решение", "приказ", "указ", "закон"})
# …or the name with the act's own date and number after it, as a printed form or a legal database
# sets them on one line («РАСПОРЯЖЕНИЕ от 4 мая 2021 г. N 88-рг», «ПОСТАНОВЛЕНИЕ № 415-пп от 30.11.2022»).
ACT_NUMBER_MARK = r"(?:№|(?<![A-Za-zА-Яа-яЁё])N|No\.?)"
ACT_HEADER_TAIL_RE = re.compile(
    r"\s+(?:от\s+[«\"]?\d[^№\n]{5,30}?\s*" + ACT_NUMBER_MARK + r"\s*\S+"
    r"|" + ACT_NUMBER_MARK + r"\s*\S+\s+от\s+[«\"]?\d[^\n]{5,30}?)\s*$", re.IGNORECASE)
# A line that opens with these is an act's title («Об утверждении Стратегии …»).
ACT_TITLE_RE = re.compile(r"^(?:об\s+утверждении|о\s+внесении\s+изменени)", re.IGNORECASE)
# The operative formula of an act: «Администрация … постановляет:», «ПОСТАНОВЛЯЮ:».
ACT_VERBS = r"(?:постановля(?:ет|ют|ю)|распоряжа(?:ется|ются|юсь)|реши(?:л|ла|ло|ли)|приказываю)"
ACT_FORMULA_RE = re.compile(r"\b" + ACT_VERBS + r"\s*:", re.IGNORECASE)

# Title openings of a strategy and of an action plan. A strategy's title has «стратегия» for its
# head, with up to two adjectives before it («Экспортная стратегия …», «Региональная
# инвестиционная стратегия …») and any complement after it.
KIND_TITLE_PATTERNS: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    ("strategy", re.compile(r"^(?:проект\s+)?(?:[а-яё]+(?:-[а-яё]+)?(?:ая|яя)\s+){0,2}стратеги[яи](?![а-яё])",
                            re.IGNORECASE)),
    ("action_plan", re.compile(r"^(?:комплексный\s+)?план\s+(?:мероприятий|действий|реализации)",
                               re.IGNORECASE)),
)

def squeeze_spaced(word: str) -> str:
    """«П О С Т А Н О В Л Е Н И Е» → «ПОСТАНОВЛЕНИЕ» (letter-spaced headers)."""
    parts = word.split()
    if len(parts) > 3 and all(len(p) == 1 for p in parts):
        return "".join(parts)
    return word


def is_act_header(line: str) -> bool:
    """«ПОСТАНОВЛЕНИЕ», alone or with the act's own date and number on its line."""
    stripped = line.strip(" .:")
    if squeeze_spaced(stripped).lower() in ACT_HEADERS:
        return True
    word, _, rest = stripped.partition(" ")
    return word.isupper() and word.lower() in ACT_HEADERS and ACT_HEADER_TAIL_RE.match(" " + rest) is not None


def is_slide_line(line: str) -> bool:
    """A short line in capitals, as slides print their headings."""
    letters = [c for c in line if c.isalpha()]
    return 3 <= len(letters) and len(line) <= 60 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def looks_like_slides(lines: list[TextLine]) -> bool:
    """Many short capitalised lines and short lines overall: a presentation's text."""
    sample = lines[:LAYOUT_LINES]
    if len(sample) < 15:
        return False
    slide = sum(is_slide_line(ln.text) for ln in sample)
    short = sum(len(ln.text) <= 40 for ln in sample)
    return slide >= 10 and slide >= 0.2 * len(sample) and short >= 0.5 * len(sample)


def is_act(lines: list[TextLine]) -> bool:
    """An act's header among the first lines, or an act's title above the first prose."""
    head = lines[:HEAD_LINES]
    return any(is_act_header(ln.text) for ln in head) or any(
        ACT_TITLE_RE.match(ln.text) for ln in head_lines(head))


# A title is a short line without a sentence's end: «Стратегия … предусматривает …, а … .» is prose.
MAX_TITLE_CHARS = 250
SENTENCE_END_RE = re.compile(r"[.!?;]\s*$")


def title_kind(title: str | None) -> Kind | None:
    if not title:
        return None
    title = title.strip()
    if len(title) > MAX_TITLE_CHARS or SENTENCE_END_RE.search(title):
        return None
    for kind, pattern in KIND_TITLE_PATTERNS:
        if pattern.match(title):
            return kind
    return None


# Parts of speech that make a line a statement: a finite verb or a short participle.
STATEMENT_POS = frozenset({"VERB", "PRTS"})


def is_statement(line: str, nlp: Nlp) -> bool:
    """A headline says something («Стратегия … утверждена»); a document's title only names it."""
    return any(bool(parses := nlp.parses(w)) and parses[0].pos in STATEMENT_POS
               for w in re.findall(r"[А-Яа-яЁё]+", line))


def leading_title_kind(lines: list[TextLine], nlp: Nlp) -> Kind | None:
    """The kind a strategy's or a plan's title gives when it stands above the first prose."""
    for ln in head_lines(lines[:HEAD_LINES]):
        kind = title_kind(ln.text)
        if kind is not None and not is_statement(ln.text, nlp):
            return kind
    return None


def document_kind(text: str, title: str | None = None, *, nlp: Nlp) -> Kind:
    """Kind from the text's first lines and, when the caller knows it, the title."""
    lines = text_to_lines(text, strip_markup=True, limit=LAYOUT_LINES)
    if is_act(lines):
        return "decree"
    if looks_like_slides(lines):
        return "presentation"
    if dateline(lines[:HEAD_LINES]) is None and agency_dateline(lines) is None:
        kind = leading_title_kind(lines, nlp)
        if kind is not None:
            return kind
    if is_news(text, nlp):
        return "news"
    kind = title_kind(title)
    if kind is not None:
        return kind
    for ln in lines[:HEAD_LINES * 2]:
        kind = title_kind(ln.text)
        if kind is not None:
            return kind
    if ACT_FORMULA_RE.search(text[:NEWS_CHARS]):
        return "decree"
    return "other"
