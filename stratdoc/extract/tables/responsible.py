"""Responsible-unit cells → one name per unit, split at unit boundaries only.

A comma does not end a unit by itself: «Отдел по делам молодежи, спорта и туризма» is one
unit, because what follows the comma does not begin a new one. A new unit begins with a head
noun in the nominative («управление», «учреждения», «муниципальные образовательные
организации») or a legal form («ООО», «МБУ»). Names are kept as printed.
"""

from __future__ import annotations

import re

from stratdoc.extract.lexicon.body_heads import BODY_ABBREVIATIONS, unit_head_forms
from stratdoc.extract.lexicon.legal_forms import LEGAL_ABBREVIATIONS
from stratdoc.extract.nlp import Nlp

# Head nouns of units and bodies: lemma → its nominative forms (singular, plural). Surface
# forms, not lemmas, so «управлением» (instrumental) inside a name does not start a unit.
HEAD_NOUNS: dict[str, tuple[str, ...]] = unit_head_forms()  # lexicon/data/body_heads.jsonl, «unit»
HEAD_FORMS: frozenset[str] = frozenset(f for forms in HEAD_NOUNS.values() for f in forms)
# Legal forms and body abbreviations that open an organisation's name.
LEGAL_FORMS: frozenset[str] = LEGAL_ABBREVIATIONS | BODY_ABBREVIATIONS  # and «ОМСУ», «ОИВ»
# Words skipped before the head noun («муниципальные образовательные …»): pymorphy3 tags.
MODIFIER_POS: frozenset[str] = frozenset({"ADJF", "PRTF"})
LEADING_FILLERS = ("а также", "а", "также")
_WORD_RE = re.compile(r"[A-Za-zА-Яа-яЁё-]+")


def begins_unit(segment: str, nlp: Nlp) -> bool:
    """Does this piece of a cell open a new unit's name?"""
    s = segment.strip().lower()
    for filler in LEADING_FILLERS:
        if s.startswith(filler + " "):
            s = s[len(filler) + 1:]
            break
    first = segment.strip().split()[:1]
    if first and first[0].strip("«»\"'(").upper() in LEGAL_FORMS and first[0].strip("«»\"'(").isupper():
        return True
    for word in _WORD_RE.findall(s)[:4]:
        if word in HEAD_FORMS:
            return True
        if nlp.part_of_speech(word) not in MODIFIER_POS:
            return False
    return False


def _strip_filler(piece: str, nlp: Nlp) -> str:
    low = piece.lower()
    for filler in LEADING_FILLERS:
        if low.startswith(filler + " ") and begins_unit(piece[len(filler) + 1:], nlp):
            return piece[len(filler) + 1:]
    return piece


def _quote_depth_ok(text: str, pos: int) -> bool:
    """True when `pos` is outside quotes and parentheses (no split inside «…» or (…))."""
    head = text[:pos]
    return head.count("«") <= head.count("»") and head.count("(") <= head.count(")") \
        and head.count('"') % 2 == 0


def _opens_unit_on_new_line(line: str, nlp: Nlp) -> bool:
    """A line of a cell that starts a unit: capitalised and headed like one («Кировский фонд …»,
    «МКУ …»). A name wrapped by hand goes on in lower case («… администрации города»)."""
    t = line.strip()
    return t[:1].isupper() and begins_unit(t, nlp)  # «(ГК …)» on its own line qualifies the line above


def lines_to_parts(cell: str, nlp: Nlp) -> list[str]:
    """Lines of a cell (Word paragraphs, line breaks) joined back unless the next opens a unit."""
    parts: list[str] = []
    for line in cell.splitlines():
        if not line.strip():
            continue
        if parts and not _opens_unit_on_new_line(line, nlp):
            parts[-1] = f"{parts[-1]} {line}"
        else:
            parts.append(line)
    return [" ".join(p.split()) for p in parts]


def split_responsible(cell: str, nlp: Nlp) -> list[str]:
    """«Управление культуры, учреждения, муниципальные организации культуры» → three units."""
    text = "; ".join(lines_to_parts(cell, nlp))
    if not text:
        return []
    pieces: list[str] = []
    for part in re.split(r"\s*;\s*", text):
        start = 0
        for m in re.finditer(r",\s*|\s+и\s+", part):
            if not _quote_depth_ok(part, m.start()):
                continue
            if begins_unit(part[m.end():], nlp) and part[start:m.start()].strip():
                pieces.append(part[start:m.start()])
                start = m.end()
        pieces.append(part[start:])
    out = []
    for p in pieces:
        p = _strip_filler(p.strip(" ,;"), nlp)
        if p:
            out.append(p)
    return out


def is_generic_unit(name: str) -> bool:
    """A bare head noun («учреждения») names no particular organisation."""
    words = _WORD_RE.findall(name.lower())
    return len(words) <= 1 and (not words or words[0] in HEAD_FORMS)
