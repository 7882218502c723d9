"""The section tree of a document's running text, and the lists that stand under its lines.

Goals, tasks, measures and directions are read off this tree: a goal's scope is the section it
opens or stands in, and a list belongs to the section it stands under, so a cue line at the end
of one section («Основные мероприятия:») never takes the list of the next one.

A line opens a section when the reader says it is a heading (a heading style or font: its
`level`), when it is a short upper-case title, when it is labelled «Раздел II» / «Глава 3», or
when it is numbered like a section («6.», «6.4.», «6.4») and reads like a title: a capital
letter, no final punctuation, not inside a list a colon opened, and not followed by a sibling of
its own number depth (that is a table of contents or a list of names). A numbered section's
level is its number's depth; a styled heading's is its style's; anything else is level 1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from stratdoc.extract.text.units import MAX_HEADING_CHARS, Line
from stratdoc.schema import BlockKind

# «Раздел II. Цели и задачи», «Глава 3 Механизм реализации»: a section whatever its shape.
SECTION_LABEL = re.compile(r"(?:раздел|глава)\s+(?P<num>\d{1,3}|[IVXLCivxlc]{1,6})\b\.?\s*[-–—:]?\s*"
                           r"(?P<title>.*)$", re.I)
# Punctuation that ends a sentence or opens a list: a title carries none at its end.
NOT_TITLE_END = (".", ";", ":", ",")
# The end of a list item: a plain run is a list only when each of its lines ends so.
ITEM_END = (";", ".")


@dataclass(eq=False)
class Section:
    title: str
    number: str | None  # «6.4», «II»; None for a heading without a section number
    level: int  # 0 for the root
    first: int  # index of the heading line; -1 for the root
    end: int  # index past the section's last line
    parent: Section | None = None
    children: list[Section] = field(default_factory=list)


@dataclass
class Outline:
    lines: list[Line]
    root: Section
    sections: list[Section]  # every section but the root, in document order
    owner: list[Section]  # the innermost section of each line (a heading's own section)

    def is_heading(self, i: int) -> bool:
        return self.owner[i].first == i

    def section_of(self, i: int) -> Section:
        return self.owner[i]

    def scope_end(self, i: int) -> int:
        """Where what line i opens ends: with its own section for a heading, else with the
        section it stands in."""
        return self.owner[i].end


def numbered_title(line: Line) -> tuple[str, str] | None:
    """(number, title) of a line numbered like a section: «6.4. Туризм», «6.4 Туризм»."""
    if line.shape != "number" or not line.number or line.style == ")":
        return None
    return line.number, line.body


def title_like(text: str) -> bool:
    """A capital (or a quote) first, no final punctuation, short: a title, not a sentence."""
    text = text.strip()
    if not text or len(text) > MAX_HEADING_CHARS or text.endswith(NOT_TITLE_END):
        return False
    return text[0].isupper() or text[0] in "«\"“"


def heading_of(lines: list[Line], i: int, run: list[Line] | None) -> tuple[int, str | None, str] | None:
    """(level, number, title) when line i opens a section, else None; `run` holds the lines of
    the list a colon opened, when one runs to line i."""
    line = lines[i]
    label = SECTION_LABEL.match(line.text)
    numbered = numbered_title(line)
    reader_heading = line.kind == BlockKind.HEADING or line.shape == "heading"
    if reader_heading and line.text.rstrip().endswith(":"):
        return None  # a cue line set in bold: the list under it is its own
    if label and (reader_heading or title_like(line.text)):
        return 1, label.group("num"), label.group("title").strip() or line.text
    if numbered:
        number, title = numbered
        if reader_heading:
            return number.count(".") + 1, number, title
        if (run is not None and not resumes_numbering(run, line)) or not title_like(title) \
                or has_sibling_after(lines, i):
            return None
        return number.count(".") + 1, number, title
    if reader_heading:
        return line.level or 1, None, line.text
    return None


def resumes_numbering(run: list[Line], line: Line) -> bool:
    """A numbered line in a list a colon opened that neither starts a list («1.», «2.1») nor
    follows an item of the list («2.» after «1.»): the document's own numbering resumes there
    («4. Механизм реализации» after the bullets of a list, or right after the colon)."""
    number = line.number or ""
    if number.split(".")[-1] == "1":
        return False
    return not any(follows(item, line) for item in run)


def follows(item: Line, line: Line) -> bool:
    """Whether `line` is numbered as the next sibling of `item`: «2.» after «1.», «1.3» after «1.2»."""
    if item.shape != "number" or item.style != line.style or item.depth != line.depth:
        return False
    *head_a, last_a = (item.number or "").split(".")
    *head_b, last_b = (line.number or "").split(".")
    return head_a == head_b and last_a.isdigit() and last_b.isdigit() and int(last_b) == int(last_a) + 1


def has_sibling_after(lines: list[Line], i: int) -> bool:
    """Whether the next line is numbered at the same depth: titles one under another are a list
    (a table of contents, a list of names), not sections."""
    if i + 1 >= len(lines):
        return False
    nxt, line = lines[i + 1], lines[i]
    return nxt.shape == "number" and nxt.depth == line.depth and nxt.style == line.style


def outline(lines: list[Line]) -> Outline:
    root = Section(title="", number=None, level=0, first=-1, end=len(lines))
    stack = [root]
    sections: list[Section] = []
    owner: list[Section] = []
    run: list[Line] | None = None  # the list lines since a colon, while they last
    for i, line in enumerate(lines):
        head = heading_of(lines, i, run)
        if head is not None:
            level, number, title = head
            while stack[-1].level >= level:
                stack.pop().end = i
            section = Section(title=title, number=number, level=level, first=i, end=len(lines),
                              parent=stack[-1] if stack[-1] is not root else None)
            stack[-1].children.append(section)
            stack.append(section)
            sections.append(section)
        owner.append(stack[-1])
        if head is None and run is not None and line.shape in ("number", "bullet"):
            run.append(line)  # an item, even one ending with a colon of its own
        elif head is None and line.text.rstrip().endswith(":"):
            run = []
        else:
            run = None
    return Outline(lines, root, sections, owner)


# --- lists under a line -----------------------------------------------------------------------

def is_plain_item(line: Line) -> bool:
    """A plain paragraph written as a list item: lower case first, «;» or «.» last."""
    text = line.text.rstrip()
    return line.shape == "text" and text[:1].islower() and text.endswith(ITEM_END)


def list_run(o: Outline, i: int) -> tuple[list[int], int]:
    """(indices of the items, index past the list) of the list right under line i and within
    its section: its marked lines (numbers, bullets), or else a run of plain items. Plain lines
    under a marked item that ends with a colon are that item's own list («3) создание кластеров
    в следующих отраслях:» + «химия;» …): the marked list goes on after them. A run of «;»
    items ends with its first «.» item, so a lower-case sentence after the list is not one more
    item."""
    lines = o.lines
    out: list[int] = []
    j = i + 1
    while j < len(lines) and not o.is_heading(j):
        if lines[j].shape in ("number", "bullet"):
            out.append(j)
            j += 1
        elif out and lines[out[-1]].text.rstrip().endswith(":") and is_plain_item(lines[j]):
            k = j
            while k < len(lines) and not o.is_heading(k) and is_plain_item(lines[k]):
                k += 1
            if k >= len(lines) or lines[k].shape not in ("number", "bullet") or o.is_heading(k):
                return out, k
            j = k
        else:
            break
    if out:
        return out, j
    semicolons = False
    while j < len(lines) and not o.is_heading(j) and is_plain_item(lines[j]):
        out.append(j)
        j += 1
        if lines[j - 1].text.rstrip().endswith(";"):
            semicolons = True
        elif semicolons:
            break
    return out, j


def items_after(o: Outline, i: int) -> list[Line]:
    """The items of the list right under line i (`list_run`)."""
    return [o.lines[j] for j in list_run(o, i)[0]]


def list_end(o: Outline, i: int) -> int:
    """The index past the list right under line i, its items' own lists included."""
    return list_run(o, i)[1]
