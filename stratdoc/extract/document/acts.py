"""The act that adopted the document: its number and date, and the date of its last amendment.

An act names other acts too (its legal basis, the acts that amended it), so a reference counts
only in this act's header or approval stamp and never inside an amendment note.
"""

from __future__ import annotations

import re
from datetime import date

from stratdoc.extract.document.kind import ACT_HEADERS, HEAD_LINES, is_act_header
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
# («Утвержден постановлением Администрации …»), an appendix line («Приложение 2 к постановлению …»).
# A stamp opens its line; «целей, утвержденных Указом …» in running text cites another act.
STAMP_LINE = r"(?:^|\n)[ \t]*(?:приложение[ \t]*(?:№|N)?[ \t]*[\dIVX.]*\s+)?"
STAMP_OPEN = STAMP_LINE + r"(?:утвержд[её]н\w*|принят\w*|к)\s+"
STAMP_CHARS = 220
OWN_ACT_CONTEXT_RE = re.compile(STAMP_OPEN + ACT_WORDS + r"[^;()]{0,150}$", re.IGNORECASE)
# A heading that names the act by its type in the nominative, its issuer and then its date and number
# («Постановление Администрации города … от 5 апреля 2023 г. N 612», «РАСПОРЯЖЕНИЕ от …»): the
# text before the reference, from the start of its line.
ACT_LINE_OPEN_RE = re.compile(r"[ \t]*(?P<act>" + "|".join(sorted(ACT_HEADERS)) + r")"
                              r"(?:[ \t]+(?P<issuer>[^\d№\n]{3,160}?))?[ \t]+(?:от[ \t]*)?$", re.IGNORECASE)
# An act reference inside these is another act (an amendment, a legal basis).
AMENDMENT_OPEN_RE = re.compile(r"\(\s*(?:в\s+ред(?:\.|акции)|ред\.|с\s+изм(?:\.|енениями))", re.IGNORECASE)
AMENDMENT_BOX_RE = re.compile(r"список\s+изменяющих\s+документов", re.IGNORECASE)
# «(с изменениями на 3 марта 2022 года)»; a legal database's «С изменениями и дополнениями от:» lists
# its dates on the lines below, up to a blank line.
AMENDED_AS_OF_RE = re.compile(r"с\s+изменениями(?:\s+и\s+дополнениями)?\s+(?:на|от)\s*:?\s*", re.IGNORECASE)
AMENDED_AS_OF_CHARS = 200


# the adopting act --------------------------------------------------------------------------
def inside_amendment(head: str, pos: int) -> bool:
    """Is `pos` inside an amendment note «(в ред. …)» or the «Список изменяющих документов» box?"""
    for opener in (AMENDMENT_OPEN_RE, AMENDMENT_BOX_RE):
        for m in opener.finditer(head, 0, pos):
            close = head.find(")", m.end())
            if close == -1 or close >= pos:
                return True
    return False


def act_line_issuer(head: str, lines: list[TextLine]) -> str | None:
    """The issuer a heading line names before the act's own date and number, as printed
    («Администрации города Озерецка» of «Постановление Администрации города Озерецка от … N …»)."""
    end = lines[min(HEADER_LINES, len(lines)) - 1].end if lines else 0
    for pattern in ACT_REF_PATTERNS[:2]:
        for m in pattern.finditer(head, 0, end):
            opening = act_line_opening(head, m.start())
            if opening is not None and opening.group("issuer") and not inside_amendment(head, m.start()):
                return opening.group("issuer")
    return None


def act_line_opening(head: str, pos: int) -> re.Match[str] | None:
    """The act's type and issuer before a reference on a heading line («Постановление
    Администрации города … от …», «РАСПОРЯЖЕНИЕ от …»); the type word is capitalised, as a heading
    prints it, not «постановление … от …» in a list of acts."""
    line_start = head.rfind("\n", 0, pos) + 1
    m = ACT_LINE_OPEN_RE.fullmatch(head, line_start, pos)
    return m if m is not None and m.group("act")[:1].isupper() else None


def _own_act_context(head: str, pos: int, header_end: int) -> bool:
    """A header line («от 18 декабря 2014 г. N 837-па», «РАСПОРЯЖЕНИЕ от …») or an approval stamp
    before `pos`."""
    line_start = head.rfind("\n", 0, pos) + 1
    before = head[line_start:pos]
    if pos < header_end and (not before.strip() or re.fullmatch(r"\s*(?:от|№|N)\s*", before)
                             or act_line_opening(head, pos) is not None):
        return True
    window_start = max(0, head.rfind("\n", 0, max(0, pos - STAMP_CHARS)))  # from a line break on
    return OWN_ACT_CONTEXT_RE.search(head, window_start, pos) is not None


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
        chunk = head[m.end():m.end() + AMENDED_AS_OF_CHARS]
        chunk = re.split(r"\)|\n[ \t]*\n", chunk, maxsplit=1)[0]
        found.extend(d for d in (x.to_date() for x in find_dates(chunk)) if d is not None)
    for opener in (AMENDMENT_OPEN_RE, AMENDMENT_BOX_RE):
        for m in opener.finditer(head):
            close = head.find(")", m.end())
            chunk = head[m.start():close if close != -1 else m.end() + 400]
            found.extend(d for d in (x.to_date() for x in find_dates(chunk)) if d is not None)
    return max(found) if found else None

