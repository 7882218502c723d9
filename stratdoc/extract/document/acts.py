"""The act that adopted the document: its number and date, and the date of its last amendment.

An act names other acts too (its legal basis, the acts that amended it), so a reference counts
only in this act's header or approval stamp and never inside an amendment note.
"""

from __future__ import annotations

import re
from datetime import date

from stratdoc.extract.document.kind import HEAD_LINES, is_act_header
from stratdoc.extract.lexicon.dates import find_dates, parse_date
from stratdoc.extract.lexicon.lines import TextLine

HEADER_LINES = 6  # a header line without an act-type line above it stands among the first lines
# Kinds of acts, in the instrumental («утвержден постановлением») and dative («к постановлению»).
ACT_WORDS = r"(?:постановлени|распоряжени|решени|приказ|указ|закон)\w*"

NO = r"(?:№|(?<![A-Za-zА-Яа-яЁё])N|No\.?)\s*"
NUM = r"(?P<num>[0-9A-ZА-ЯЁ][0-9A-Za-zА-Яа-яЁё\-/._]*)"
ACT_REF_PATTERNS = (
    re.compile(r"(?<![А-Яа-яЁё])от\s+(?P<date>[«\"]?\d[^№\n]{5,30}?)\s*" + NO + NUM),
    re.compile(NO + NUM + r"\s+от\s+(?P<date>[«\"]?\d[^\n]{5,30})"),
    re.compile(r"^\s*(?P<date>[«\"]?\d[^№\n]{5,30}?)\s*" + NO + NUM, re.MULTILINE),
)
# Text before an act reference that makes it this document's own act: its approval stamp
# («Утвержден постановлением Администрации …»), an appendix line («к постановлению …»).
OWN_ACT_CONTEXT_RE = re.compile(r"(?:утвержден\w*|принят\w*|к)\s+" + ACT_WORDS + r"[^;()]{0,150}$",
                                re.IGNORECASE)
# An act reference inside these is another act (an amendment, a legal basis).
AMENDMENT_OPEN_RE = re.compile(r"\(\s*(?:в\s+ред(?:\.|акции)|ред\.|с\s+изм(?:\.|енениями))", re.IGNORECASE)
AMENDMENT_BOX_RE = re.compile(r"список\s+изменяющих\s+документов", re.IGNORECASE)
AMENDED_AS_OF_RE = re.compile(r"с\s+изменениями\s+(?:на|от)\s+", re.IGNORECASE)


# the adopting act --------------------------------------------------------------------------
def inside_amendment(head: str, pos: int) -> bool:
    """Is `pos` inside an amendment note «(в ред. …)» or the «Список изменяющих документов» box?"""
    for opener in (AMENDMENT_OPEN_RE, AMENDMENT_BOX_RE):
        for m in opener.finditer(head, 0, pos):
            close = head.find(")", m.end())
            if close == -1 or close >= pos:
                return True
    return False


def _own_act_context(head: str, pos: int, header_end: int) -> bool:
    """A header line («от 18 декабря 2014 г. N 837-па») or an approval stamp before `pos`."""
    line_start = head.rfind("\n", 0, pos) + 1
    before = head[line_start:pos]
    if pos < header_end and (not before.strip() or re.fullmatch(r"\s*(?:от|№|N)\s*", before)):
        return True
    return OWN_ACT_CONTEXT_RE.search(head[max(0, pos - 220):pos]) is not None


def _header_end(lines: list[TextLine]) -> int:
    """Where an act's header ends: a few lines past its «ПОСТАНОВЛЕНИЕ» line, or the first lines."""
    for i, ln in enumerate(lines[:HEAD_LINES]):
        if is_act_header(ln.text):
            return lines[min(i + 3, len(lines) - 1)].end
    return lines[min(HEADER_LINES, len(lines)) - 1].end if lines else 0


def find_own_act(head: str, lines: list[TextLine]) -> tuple[str | None, date | None]:
    """Number and date of the act that adopted this document, from its header or stamp."""
    header_end = _header_end(lines)
    candidates: list[tuple[int, str, date]] = []
    for pattern in ACT_REF_PATTERNS:
        for m in pattern.finditer(head):
            number = m.group("num").rstrip(".,;:_/-")
            adopted = parse_date(m.group("date"))
            if adopted is None or not re.search(r"\d", number):
                continue
            if inside_amendment(head, m.start()) or not _own_act_context(head, m.start(), header_end):
                continue
            candidates.append((m.start(), number, adopted))
    if not candidates:
        return None, None
    _, number, adopted = min(candidates)
    return number, adopted


def find_amended_on(head: str) -> date | None:
    """The latest date of the amendment notes: «(с изменениями на …)», «(в ред. … от …, от …)»."""
    found: list[date] = []
    for m in AMENDED_AS_OF_RE.finditer(head):
        d = parse_date(head[m.end():m.end() + 40])
        if d is not None:
            found.append(d)
    for opener in (AMENDMENT_OPEN_RE, AMENDMENT_BOX_RE):
        for m in opener.finditer(head):
            close = head.find(")", m.end())
            chunk = head[m.start():close if close != -1 else m.end() + 400]
            found.extend(d for d in (x.to_date() for x in find_dates(chunk)) if d is not None)
    return max(found) if found else None

