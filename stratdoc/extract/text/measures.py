"""Measures listed in running text: the items under «Основные мероприятия:», «Мероприятия:»,
«План мероприятий» become measures without funding, with the goal they stand under.

Only a list that directly follows such a lead counts; a presentation slide that mentions
«Мероприятие «…»» in passing is not a list of measures.
"""

from __future__ import annotations

import re

from stratdoc.extract.lexicon import cues
from stratdoc.extract.nlp import Nlp
from stratdoc.schema import Block, BlockKind, Document
from stratdoc.schema.records import Measure, Span

# A block that announces a list of measures: ends with «мероприятия:», or is a «План мероприятий» title.
LEAD_RE = re.compile(r"мероприяти[яйе]\s*(?:\([^)]*\))?\s*:\s*(?P<rest>.*)$", re.IGNORECASE | re.DOTALL)
PLAN_TITLE_RE = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?\s*)?план\s+мероприятий\b", re.IGNORECASE)
BULLET_RE = re.compile(r"^\s*(?:[-–—•·▪■●○◦*]\s*|(?P<num>\d+(?:\.\d+)*)[.)]\s+|[а-я]\)\s+)")
INLINE_SPLIT_RE = re.compile(r"\s*;\s*")
MIN_ITEM_WORDS = 2
PLAN_TITLE_MAX_CHARS = 200


def _item(text: str) -> tuple[str | None, str]:
    m = BULLET_RE.match(text)
    number = m.group("num") if m and m.group("num") else None
    body = text[m.end():] if m else text
    return number, body.strip().rstrip(";,.").strip()


def _is_item_block(b: Block) -> bool:
    return b.list_item or b.kind == BlockKind.LIST_ITEM or bool(BULLET_RE.match(b.text))


def _measure(number: str | None, name: str, goal: str | None, b: Block, start: int, end: int) -> Measure:
    return Measure(number=number, name=name, goal=goal, span=Span(page=b.page, start=start, end=end))


def extract_text_measures(doc: Document, nlp: Nlp) -> list[Measure]:
    out: list[Measure] = []
    goal: str | None = None
    blocks = doc.blocks
    i = 0
    while i < len(blocks):
        b = blocks[i]
        i += 1
        if b.kind == BlockKind.TABLE:
            continue
        head = b.text.lstrip()
        gm, tm = cues.GOAL_NUMBER_RE.match(head), cues.TASK_NUMBER_RE.match(head)
        if gm:
            goal = gm.group("num")
        elif tm and goal is None:
            goal = tm.group("num").split(".")[0]
        lead = LEAD_RE.search(b.text)
        is_lead = (lead is not None and not _is_item_block(b)) or \
            (PLAN_TITLE_RE.match(b.text) is not None and len(b.text) <= PLAN_TITLE_MAX_CHARS)
        if not is_lead:
            continue
        rest = lead.group("rest").strip() if lead else ""
        if rest:  # «Основные мероприятия: создание …; ремонт …» on one line
            offset = b.start + lead.start("rest")
            for piece in INLINE_SPLIT_RE.split(rest):
                number, name = _item(piece)
                if len(name.split()) >= MIN_ITEM_WORDS:
                    start = doc.text.find(piece, offset)
                    out.append(_measure(number, name, goal, b, start, start + len(piece)))
            continue
        while i < len(blocks) and _is_item_block(blocks[i]) and blocks[i].kind != BlockKind.TABLE:
            item = blocks[i]
            number, name = _item(item.text)
            if len(name.split()) >= MIN_ITEM_WORDS:
                out.append(_measure(number, name, goal, item, item.start, item.end))
            i += 1
    return out
