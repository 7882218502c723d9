"""Priority directions and clusters from running text.

Documents announce their directions in a few shapes, each a step below:

* the section tree — «Направление 2. …» headings or lines, and the numbered subsections of a
  section on directions, with the sub-directions their «… включает:» lines list
  (`direction_tree.tree_to_directions`);
* a cue line then a list — «предлагаются следующие приоритетные направления:» followed by
  numbered items, each optionally with bulleted sub-directions, or by plain one-sentence
  paragraphs ending with «;» (`cue_lists_to_directions`); the list ends at the next section
  heading;
* a title then a list — a heading or numbered line whose head noun is a cue («2.7.
  Приоритетные направления инвестиционного развития») with a list right under it or under the
  one colon sentence after it, whatever that sentence calls the items (`titled_list_lead`);
* a slide: an upper-case title naming directions or a strategy, then short lower-case lines
  (`slides_to_directions`);
* a sentence: an inline list, quoted names or ordinals (`direction_prose`);
* a cluster named in prose with an adjective of its kind and a quoted name
  (`direction_clusters`).

An item's name is its first sentence without parenthetical glosses; `kind` is `cluster`
when its head noun is «кластер». A cue whose adjective names branches («отраслевые
направления:») lists industries, not directions.
"""

from __future__ import annotations

from stratdoc.extract.lexicon import cues
from stratdoc.extract.lexicon.lines import fold_spaces
from stratdoc.extract.nlp import Nlp
from stratdoc.extract.text.direction_clusters import prose_clusters
from stratdoc.extract.text.direction_prose import sentences_to_directions
from stratdoc.extract.text.direction_tree import tree_to_directions
from stratdoc.extract.text.direction_words import cue_kind, item_name, lead_kind, name_kind
from stratdoc.extract.text.sections import Outline, items_after, list_end, outline
from stratdoc.extract.text.units import (
    Line,
    clean_name,
    doc_to_lines,
    sentence_bounds,
    span_of,
    without_parentheticals,
    word_form,
    word_labels,
    words,
)
from stratdoc.schema import Direction, Document

MAX_SLIDE_ITEM_WORDS = 8
MIN_PLAIN_ITEMS = 2  # plain paragraphs under a cue that make a list


# --- cue line + list ----------------------------------------------------------------------

def is_list_line(line: Line) -> bool:
    return line.shape in ("number", "bullet")


def is_cue_line(nlp: Nlp, o: Outline, i: int) -> bool:
    lines = o.lines
    line = lines[i]
    if i + 1 >= len(lines) or o.is_heading(i + 1):
        return False
    if not is_list_line(lines[i + 1]) and not plain_list_under(o, i):
        return False  # neither a marked list nor a run of plain «…;» paragraphs under the line
    if not (line.text.rstrip().endswith(":") or line.shape == "heading"):
        return False
    return lead_kind(nlp, line.body) is not None


def list_to_directions(nlp: Nlp, doc: Document, o: Outline, first: int, default_kind: str) -> tuple[
        list[Direction], int]:
    """Items from lines[first:] while they are list lines; returns them and the next index.

    With numbered top items, bullets (and deeper numbers) under an item are its sub-directions;
    with bulleted top items, each bullet is a direction. When the cue line is itself a numbered
    item («1. … кластер. Включает направления:»), its next sibling ends the bullets under it.
    """
    lines = o.lines
    top = lines[first]
    cue = lines[first - 1] if first > 0 else None
    out: list[tuple[Line, list[Line]]] = []
    j = first
    while j < len(lines) and is_list_line(lines[j]) and not o.is_heading(j):
        line = lines[j]
        if cue is not None and is_sibling_of_cue(line, cue, top):
            break
        same = line.shape == top.shape and line.style == top.style
        if same and (line.shape != "number" or line.depth == top.depth):
            if out and is_section_heading(line, top):
                break  # «4. Цели и задачи» after items «1. …:»: the document's next section
            out.append((line, []))
        elif line.shape == "number" and top.shape == "number" and (not same or line.depth < top.depth):
            break  # «2. …» after items «1) …»: the enclosing list resumes
        else:
            out[-1][1].append(line)
        j += 1
    directions = []
    for head, subs in out:
        name = item_name(head.body)
        if not name:
            continue
        items = [item_name(s.body) for s in subs]
        end = subs[-1].end if subs else head.end
        directions.append(Direction(
            name=name,
            kind=name_kind(nlp, name, default_kind),
            items=[x for x in items if x],
            span=span_of(doc, head.start, end),
        ))
    return directions, j


def is_sibling_of_cue(line: Line, cue: Line, top: Line) -> bool:
    """A numbered line written like the numbered cue line above a list of another shape."""
    return (cue.shape == "number" and line.shape == "number" and top.shape != "number"
            and line.style == cue.style and line.depth == cue.depth)


def is_section_heading(line: Line, top: Line) -> bool:
    """A numbered line without final punctuation in a list whose items end with it: the next
    numbered section of the document, not one more item."""
    ends = (".", ":", ";")
    return top.text.rstrip().endswith(ends) and not line.text.rstrip().endswith(ends)


def plain_list_to_directions(nlp: Nlp, doc: Document, o: Outline, lead: int, kind: str) -> tuple[
        list[Direction], int]:
    """Each plain paragraph of the «…;» run under line `lead` is a direction."""
    out = []
    for line in items_after(o, lead):
        name = item_name(line.body)
        if name:
            out.append(Direction(name=name, kind=name_kind(nlp, name, kind),
                                 span=span_of(doc, line.start, line.end)))
    return out, list_end(o, lead)


def lead_to_directions(nlp: Nlp, doc: Document, o: Outline, lead: int, kind: str) -> tuple[
        list[Direction], int]:
    if is_list_line(o.lines[lead + 1]):
        return list_to_directions(nlp, doc, o, lead + 1, kind)
    return plain_list_to_directions(nlp, doc, o, lead, kind)


def plain_list_under(o: Outline, i: int) -> bool:
    """Whether a run of plain paragraphs under line i reads as a list of names: at least two,
    each a single sentence. Unmarked paragraphs that go on with a sentence of their own («…
    маршрутов). 18 проектов будет поддержано …;») are prose about each item, not a list."""
    items = items_after(o, i)
    return len(items) >= MIN_PLAIN_ITEMS and all(len(sentence_bounds(x.body)) == 1 for x in items)


def has_list_under(o: Outline, i: int) -> bool:
    return i + 1 < len(o.lines) and not o.is_heading(i + 1) and (
        is_list_line(o.lines[i + 1]) or plain_list_under(o, i))


def headed_by_cue(nlp: Nlp, title: str) -> bool:
    """Whether the title's first noun is a cue noun: «Приоритетные направления …» is about
    directions, «Точки роста в соответствии со стратегическими приоритетами» is not."""
    noun = next((w for w in words(title) if word_form(nlp, w.text).pos == "NOUN"), None)
    return noun is not None and cue_kind(nlp, noun.text) is not None


def titled_list_lead(nlp: Nlp, o: Outline, i: int) -> tuple[int, str] | None:
    """(the line leading the list, its kind) when line i is a section title or a numbered line
    that calls what follows priority directions («2.7. Приоритетные направления
    инвестиционного развития») and a list stands right under it, or under the one sentence after
    it that ends with a colon («в числе приоритетных отраслей определены:»): a list standing
    directly under such a title is its directions, even when the sentence calls them branches.
    A lead sentence naming measures, goals or tasks leads a list of those instead."""
    lines = o.lines
    line = lines[i]
    if not (o.is_heading(i) or line.shape == "number") or line.text.rstrip().endswith(":"):
        return None
    kind = lead_kind(nlp, line.body.rstrip(" ."))
    if kind is None or not headed_by_cue(nlp, line.body):
        return None
    if has_list_under(o, i):
        return i, kind
    j = i + 1
    if j < len(lines) and not o.is_heading(j) and lines[j].shape == "text" and \
            lines[j].text.rstrip().endswith(":") and has_list_under(o, j):
        low = lines[j].text.lower()
        if not any(stem in low for stem in (*cues.MEASURE_STEMS, *cues.MIXED_SECTION_STEMS)):
            return j, kind
    return None


def cue_lists_to_directions(nlp: Nlp, doc: Document, o: Outline, used: set[int]) -> list[Direction]:
    out: list[Direction] = []
    lines = o.lines
    i = 0
    while i < len(lines):
        titled = titled_list_lead(nlp, o, i) if i not in used else None
        if i not in used and (titled is not None or is_cue_line(nlp, o, i)):
            lead, kind = titled or (i, lead_kind(nlp, lines[i].body) or "direction")
            found, j = lead_to_directions(nlp, doc, o, lead, kind)
            out.extend(found)
            used.update(range(i, j))
            i = j
        else:
            i += 1
    return out

# --- slides -----------------------------------------------------------------------------------

def is_slide_item(nlp: Nlp, line: Line) -> bool:
    """A short lower-case line opening with a noun or an adjective: «развитие туризма»."""
    text = without_parentheticals(line.text)
    ws = words(text)
    if line.shape != "text" or not ws or not text[0].islower() or len(ws) > MAX_SLIDE_ITEM_WORDS:
        return False
    if text.rstrip().endswith((".", "!", "?", ":")):
        return False
    return word_form(nlp, ws[0].text).pos in ("NOUN", "ADJF")


def slide_title_noun(nlp: Nlp, line: Line) -> str | None:
    if line.shape != "heading":
        return None
    for w in words(line.text):
        labels = word_labels(nlp, cues.DIRECTION_CUES, w.text) & {"slide", "strategy"}
        if labels and word_form(nlp, w.text).pos == "NOUN":
            return min(labels)
    return None


def slides_to_directions(nlp: Nlp, doc: Document, lines: list[Line], used: set[int]) -> list[Direction]:
    out: list[Direction] = []
    strategy_seen = False
    i = 0
    while i < len(lines):
        noun = slide_title_noun(nlp, lines[i]) if i not in used else None
        if noun is None:
            i += 1
            continue
        j = i + 1
        while j < len(lines) and lines[j].shape == "heading" and slide_title_noun(nlp, lines[j]) is None:
            j += 1  # the title may run over several short heading lines
        k = j
        while k < len(lines) and k not in used and is_slide_item(nlp, lines[k]):
            k += 1
        if k - j >= 2:
            if noun == "strategy":
                if strategy_seen:
                    i = k
                    continue
                strategy_seen = True
            for line in lines[j:k]:
                out.append(Direction(name=clean_name(without_parentheticals(line.text)),
                                     span=span_of(doc, line.start, line.end)))
            used.update(range(i, k))
        i = max(k, i + 1)
    return out


# --- entry ------------------------------------------------------------------------------------

def dedupe(directions: list[Direction]) -> list[Direction]:
    seen: set[str] = set()
    out = []
    for d in directions:
        key = fold_spaces(d.name)
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out


def extract_directions(doc: Document, nlp: Nlp) -> list[Direction]:
    lines = doc_to_lines(doc)
    o = outline(lines)
    used: set[int] = set()
    found = tree_to_directions(nlp, doc, o, used)
    found += cue_lists_to_directions(nlp, doc, o, used)
    found += slides_to_directions(nlp, doc, lines, used)
    found += sentences_to_directions(nlp, doc, lines, used)
    found += prose_clusters(nlp, doc, lines, used, found)
    return dedupe(sorted(found, key=lambda d: d.span.start))
