"""Directions read off the section tree: labelled ones («Направление 2. Комфортная среда»,
a heading or a line) and the numbered subsections of a section on directions («5. Приоритетные
направления развития» → «5.1. Туризм», «5.2. Промышленность»).

A direction's sub-directions (`items`) are the list of the first line in its scope that says
it lists them («Направление включает:», «… включает следующие поднаправления:», or the
direction's own line «Направление 2. Туризм включает: …»), marked or plain, or inline after
the colon. Other lists of the direction — its measures («Основные мероприятия:»), its
branches («Приоритетными отраслями остаются:»), its subprogrammes («Направление включает
подпрограммы:») — are not its items, and no direction at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from stratdoc.extract.lexicon import cues
from stratdoc.extract.nlp import Nlp
from stratdoc.extract.text.direction_words import item_name, lead_kind, name_kind
from stratdoc.extract.text.record_shapes import announces_programmes
from stratdoc.extract.text.sections import Outline, Section, items_after, list_end
from stratdoc.extract.text.units import Line, clean_name, span_of, word_labels, words
from stratdoc.schema import Direction, Document

LABELLED = re.compile(rf"{cues.DIRECTION_NUMBER_RE.pattern}(?P<title>\S.*)$", re.I)


@dataclass
class _Node:
    line: int
    name: str
    kind: str
    lead_at: int | None = None  # where the name's own line lists the items («… включает:»)


def items_word_at(nlp: Nlp, text: str) -> int | None:
    """Offset of the first word saying the line lists sub-directions, when a colon follows it
    and no measure is named, nor programmes announced («Направление включает подпрограммы:»)."""
    colon = text.find(":")
    if colon < 0 or any(stem in text.lower() for stem in cues.MEASURE_STEMS):
        return None
    if announces_programmes(nlp, text):
        return None
    return next((w.start for w in words(text[:colon])
                 if "items" in word_labels(nlp, cues.DIRECTION_CUES, w.text)), None)


def labelled_node(nlp: Nlp, lines: list[Line], i: int) -> _Node | None:
    m = LABELLED.match(lines[i].body) or LABELLED.match(lines[i].text)
    if m is None:
        return None
    title = m.group("title")
    if not (title[0].isupper() or title[0] in "«\"“"):
        return None  # «Направление 1 включает: …» lists the items of a direction named above
    at = items_word_at(nlp, title)
    name = clean_name(title[:at]) if at is not None else item_name(title)
    if not name:
        return None
    lead = lines[i].text.find(":") if at is not None else None
    return _Node(i, name, name_kind(nlp, name), lead)


def directions_section(nlp: Nlp, s: Section) -> str | None:
    """The kind a section heading announces for its subsections («Приоритетные направления»),
    unless it also heads goals or tasks."""
    if any(stem in s.title.lower() for stem in cues.MIXED_SECTION_STEMS):
        return None
    return lead_kind(nlp, s.title)


def tree_nodes(nlp: Nlp, o: Outline) -> list[_Node]:
    nodes: dict[int, _Node] = {}
    for s in o.sections:
        kind = directions_section(nlp, s)
        if any(lead_kind(nlp, c.title.rstrip(" .")) for c in s.children):
            kind = None  # «3.1. Направления развития», «3.3. Приоритетные направления …»: chapters
        for c in s.children if kind else []:
            if c.number and s.number and c.number.startswith(s.number + ".") and c.title:
                name = item_name(c.title)
                nodes[c.first] = _Node(c.first, name, name_kind(nlp, name, kind))
    for i in range(len(o.lines)):
        node = labelled_node(nlp, o.lines, i)
        if node is not None:
            nodes[i] = node
    return [nodes[i] for i in sorted(nodes)]


def node_items(nlp: Nlp, o: Outline, node: _Node, end: int, used: set[int]) -> list[str]:
    lines = o.lines
    lead = node.line if node.lead_at is not None else next(
        (j for j in range(node.line + 1, end) if items_word_at(nlp, lines[j].text) is not None), None)
    if lead is None:
        return []
    used.add(lead)
    rest = lines[lead].text[lines[lead].text.find(":") + 1:].strip()
    if rest:
        return [x for x in (clean_name(p) for p in re.split(r"\s*;\s*", rest)) if x]
    listed = items_after(o, lead)
    used.update(range(lead + 1, list_end(o, lead)))
    return [x for x in (item_name(line.body) for line in listed) if x]


def tree_to_directions(nlp: Nlp, doc: Document, o: Outline, used: set[int]) -> list[Direction]:
    nodes = tree_nodes(nlp, o)
    out = []
    for k, node in enumerate(nodes):
        end = o.scope_end(node.line)
        if k + 1 < len(nodes):
            end = min(end, nodes[k + 1].line)
        used.add(node.line)
        items = node_items(nlp, o, node, end, used)
        line = o.lines[node.line]
        out.append(Direction(name=node.name, kind=node.kind, items=items,
                             span=span_of(doc, line.start, line.end)))
    return out
