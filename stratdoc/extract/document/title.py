"""A document's title: an act's «Об утверждении …» line, a heading, a news headline, a first line.

Titles printed in capitals are put in sentence case with place names kept capitalised, which
needs the lemmas of the gazetteer (`recase_upper`).
"""

from __future__ import annotations

import re

from stratdoc.extract.document.datelines import head_lines, item_date
from stratdoc.extract.document.kind import (
    ACT_TITLE_RE,
    HEAD_LINES,
    is_act_header,
    is_slide_line,
    title_kind,
)
from stratdoc.extract.lexicon.dates import find_dates
from stratdoc.extract.lexicon.lines import TextLine
from stratdoc.extract.lexicon.places import (
    find_cities,
    find_regions,
    proper_place_lemmas,
    tokenize,
    word_lemmas,
)
from stratdoc.extract.nlp import Nlp
from stratdoc.schema import BlockKind, Document

TITLE_MAX_LINES = 6
TITLE_MAX_CHARS = 600
TITLE_TAIL_RE = re.compile(r"\s*\((?:с\s+изменени|в\s+ред|ред\.|с\s+изм\.)[^()]*\)\s*$", re.IGNORECASE)
PROPER_PHRASES_RE = re.compile(r"российск\w*\s+федераци\w*", re.IGNORECASE)


# act titles -------------------------------------------------------------------------------------
def find_act_title(lines: list[TextLine], nlp: Nlp) -> str | None:
    """An act's title: its «Об утверждении …» line above the first prose (further down it is an
    act a news item reports on), or the «О …» line under an act header."""
    head = lines[:HEAD_LINES]
    for i, ln in enumerate(head_lines(head)):
        if ACT_TITLE_RE.match(ln.text):
            return join_title(lines, i, nlp)
    for i, ln in enumerate(head):
        if not is_act_header(ln.text):
            continue
        for j in range(i + 1, min(i + 5, len(lines))):
            if re.match(r"^(?:о|об)\s", lines[j].text, re.IGNORECASE):
                return join_title(lines, j, nlp)
    return None


def is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def join_title(lines: list[TextLine], i: int, nlp: Nlp) -> str:
    """The title starting at line i with the lines it wraps onto.

    A capitalised title goes on while lines stay capitalised; a normal one while the next line
    starts in lower case. A date or number line, an act header, or a long paragraph ends it.
    """
    parts = [lines[i].text]
    upper = is_upper(lines[i].text)
    for ln in lines[i + 1:i + TITLE_MAX_LINES]:
        t = ln.text
        if is_act_header(t) or re.match(r"^(?:от\s|№|N\s*\d|\d)", t) or len(t) > 300:
            break
        if (upper and is_upper(t)) or (not upper and t[:1].islower()) or t.startswith("(с изменени"):
            parts.append(t)
            continue
        break
    title = " ".join(" ".join(parts).split())[:TITLE_MAX_CHARS]
    title = TITLE_TAIL_RE.sub("", title).strip()
    return recase_upper(title, nlp) if upper else title


def recase_upper(text: str, nlp: Nlp) -> str:
    """A title printed in capitals in sentence case, keeping place names capitalised."""
    if not is_upper(text):
        return text
    proper = proper_place_lemmas(nlp)
    out = text.lower()
    chars = list(out)
    for tok in tokenize(out):
        if word_lemmas(tok.text, nlp) & proper:
            chars[tok.start] = chars[tok.start].upper()
    out = "".join(chars)
    out = re.sub(r"([«\"“]\s*)(\w)", lambda m: m.group(1) + m.group(2).upper(), out)
    out = PROPER_PHRASES_RE.sub(lambda m: " ".join(w.capitalize() for w in m.group().split()), out)
    return out[:1].upper() + out[1:]


# Headings that are no title: approval stamps, appendix marks, numbered sections.
NOT_TITLE_RE = re.compile(r"^(?:утвержд|приложени|согласован|принят|(?:раздел|глава|статья|часть)\s"
                          r"|\d+(?:\.\d+)*\.?\s)", re.IGNORECASE)


def first_heading(doc: Document, nlp: Nlp) -> str | None:
    for b in doc.blocks[:15]:
        if b.kind == BlockKind.HEADING:
            text = " ".join(re.sub(r"\*\*", "", b.text).split())
            if text and not NOT_TITLE_RE.match(text) and not BOILERPLATE_RE.search(text) \
                    and not text.endswith((".", ":")):
                return recase_upper(TITLE_TAIL_RE.sub("", text), nlp)
    return None


def choose_title(kind: str, lines: list[TextLine], act_title: str | None, heading: str | None,
                 hints: dict[str, str], nlp: Nlp) -> str | None:
    if act_title:
        return act_title
    if kind == "news":
        return news_headline(lines) or hints.get("title") or heading or first_headline(lines, nlp)
    if heading:
        return heading
    if hints.get("title"):
        return hints["title"]
    for i, ln in enumerate(lines[:HEAD_LINES * 2]):
        if title_kind(ln.text) in ("strategy", "action_plan"):
            return join_title(lines, i, nlp)
    if kind == "presentation" and lines and is_slide_line(lines[0].text):
        return recase_upper(lines[0].text, nlp)
    return first_line_title(lines, nlp)


# Service lines that legal databases print above a document's own text.
BOILERPLATE_RE = re.compile(r"документ\s+предоставлен|консультант\s*плюс|гарант|кодекс|действующ|"
                            r"не\s+действ|утратил", re.IGNORECASE)


def first_line_title(lines: list[TextLine], nlp: Nlp) -> str | None:
    """The first line when it reads as a title: a few words, no final period, no date."""
    for ln in lines[:3]:
        t = ln.text
        if BOILERPLATE_RE.search(t) or is_act_header(t) or "\t" in t:
            continue
        if 3 <= len(t.split()) and len(t) <= 200 and not t.endswith((".", ":", ";")) and not find_dates(t):
            return recase_upper(t, nlp)
        return None
    return None


def news_headline(lines: list[TextLine]) -> str | None:
    """The line just above the item's dateline when it reads as a headline, else the line just
    below a dateline that opens the text («3 марта 2019 года / В … началась работа …»)."""
    head = lines[:HEAD_LINES]
    found = item_date(head)
    if found is None:
        return None
    i = head.index(found.line)
    if i > 0 and _reads_as_headline(head[i - 1].text):
        return head[i - 1].text
    if found.how != "agency" and i + 1 < len(head) and _reads_as_headline(head[i + 1].text) \
            and not any(_reads_as_headline(ln.text) for ln in head[:i]):
        return head[i + 1].text
    return None


def first_headline(lines: list[TextLine], nlp: Nlp) -> str | None:
    """An undated item's headline: the first line that reads as one, past a line that only
    names the place («Ульяновск, Ульяновская область»)."""
    for ln in lines[:3]:
        if is_place_line(ln.text, nlp):
            continue
        return ln.text if _reads_as_headline(ln.text) else None
    return None


def is_place_line(text: str, nlp: Nlp) -> bool:
    """A line of nothing but place names: a site's or an agency's location line."""
    rest = text
    for hit in sorted(find_cities(text, nlp) + find_regions(text, nlp), key=lambda h: -h.start):
        rest = rest[:hit.start] + rest[hit.end:]
    return rest != text and not re.search(r"\w", rest)


def _reads_as_headline(text: str) -> bool:
    return 3 <= len(text.split()) and len(text) <= 250 and not find_dates(text) \
        and not text.endswith((".", ":"))
