"""Priority directions and clusters from running text.

Documents announce their directions in a few shapes, each a step below:

* a cue line then a list — «предлагаются следующие приоритетные направления:» followed by
  numbered items, each optionally with bulleted sub-directions (`cue_lists_to_directions`);
* a sentence with an inline list — «по четырем направлениям: А, Б, В, Г» (or «– А, Б …»,
  «…, среди которых А, Б …») or
  «по направлениям «А» (АБ), «Б» и «В». Еще две — «Г» и «Д» …» (`sentences_to_directions`);
* a slide: an upper-case title naming directions or a strategy, then short lower-case lines
  (`slides_to_directions`).

An item's name is its first sentence without parenthetical glosses; `kind` is `cluster`
when its head noun is «кластер».
"""

from __future__ import annotations

import re

from stratdoc.extract.lexicon import cues
from stratdoc.extract.lexicon.lines import fold_spaces
from stratdoc.extract.nlp import Nlp
from stratdoc.extract.text.units import (
    QUOTE_JOINER,
    Line,
    Sentence,
    Word,
    clean_name,
    doc_to_lines,
    first_sentence,
    line_sentences,
    quote_spans,
    span_of,
    split_inline_items,
    without_parentheticals,
    word_form,
    word_labels,
    words,
)
from stratdoc.schema import Direction, Document

MAX_ITEM_WORDS = 12  # a longer inline item is prose, not a direction's name
MAX_SLIDE_ITEM_WORDS = 8
LIST_JOINER = re.compile(rf"{QUOTE_JOINER}$")
# After a cue noun, before its quoted list: «:», a dash, «, среди которых» or nothing.
CUE_TAIL = re.compile(rf"\s*(?:[:—–-]|{cues.LIST_OPENER_WORDS})?\s*")
# What opens a cue noun's inline list of plain names: a colon after an optional genitive tail
# («направления развития: …») or the words of `LIST_OPENER_WORDS`; a dash only where the list
# is surely plural (`DASH_AFTER_CUE`), since «Направление – развитие А и Б» defines one.
LIST_AFTER_CUE = re.compile(rf"(?:\s+[\w-]+){{0,4}}?\s*:\s*|{cues.LIST_OPENER_WORDS}\s*")
DASH_AFTER_CUE = re.compile(r"\s+[—–-]\s+")


def name_kind(nlp: Nlp, name: str, default: str = "direction") -> str:
    """`cluster` when a word of the name's head part (before a quote or a dash) is «кластер»."""
    head = re.split(r"[«\"“]|\s[-–—]\s", name, maxsplit=1)[0]
    if any("cluster" in word_labels(nlp, cues.DIRECTION_CUES, w.text) for w in words(head)):
        return "cluster"
    return default


def item_name(body: str) -> str:
    """A listed item's name: its first sentence, without glosses in parentheses."""
    return clean_name(without_parentheticals(first_sentence(body)))


# --- cue line + list ----------------------------------------------------------------------

def is_list_line(line: Line) -> bool:
    return line.shape in ("number", "bullet")


def cue_kind(nlp: Nlp, word: str) -> str | None:
    """«direction» or «cluster» for a cue noun of a list of directions, else None."""
    labels = word_labels(nlp, cues.DIRECTION_CUES, word)
    return "cluster" if "cluster" in labels else "direction" if "direction" in labels else None


def lead_kind(nlp: Nlp, text: str) -> str | None:
    """The kind announced by a line that leads a list: its last cue noun is plural («следующие
    направления», «Основные направления:») and stands close before the colon, with at most a
    copula between, so «Направление включает мероприятия:» or «… приоритеты установлены
    следующими документами:» lead no list of directions."""
    low = text.lower()
    if not any(stem in low for stem in cues.DIRECTION_STEMS):
        return None
    ws = words(text.rstrip().rstrip(":"))
    for k in range(len(ws) - 1, -1, -1):
        form = word_form(nlp, ws[k].text)
        kind = cue_kind(nlp, ws[k].text) if form.pos == "NOUN" else None
        if kind is None:
            continue
        if "plur" not in form.numbers or governed_by_noun(nlp, ws, k):
            return None
        comma = text.find(",", ws[k].end)
        tail = [w for w in ws[k + 1:] if comma < 0 or w.start < comma]
        if len(tail) > cues.MAX_CUE_TAIL_WORDS:
            return None
        for w in tail:
            f = word_form(nlp, w.text)
            verb = f.pos in ("VERB", "INFN") and "copula" not in word_labels(nlp, cues.DIRECTION_CUES, w.text)
            if verb or f.lemma.startswith("следующ"):
                return None
        return kind
    return None


def governed_by_noun(nlp: Nlp, ws: list[Word], k: int) -> bool:
    """Whether word k may be a genitive under the noun before it (modifiers skipped):
    «Способы реализации направления:» lists ways, not directions."""
    if "gent" not in word_form(nlp, ws[k].text).cases:
        return False
    j = k - 1
    while j >= 0 and word_form(nlp, ws[j].text).pos in ("ADJF", "PRTF", "NPRO"):
        if word_form(nlp, ws[j].text).lemma.startswith(cues.LIST_ANNOUNCER):
            return False  # «развитием следующих кластеров:» announces the clusters themselves
        j -= 1
    if j >= 1 and "preposition" in word_labels(nlp, cues.DIRECTION_CUES, ws[j].text) and \
            word_form(nlp, ws[j - 1].text).pos == "PREP":
        return False  # «в рамках следующих кластеров»
    return j >= 0 and word_form(nlp, ws[j].text).pos == "NOUN"


def is_cue_line(nlp: Nlp, lines: list[Line], i: int) -> bool:
    line = lines[i]
    if i + 1 >= len(lines) or not is_list_line(lines[i + 1]):
        return False
    if not (line.text.rstrip().endswith(":") or line.shape == "heading"):
        return False
    return lead_kind(nlp, line.body) is not None


def list_to_directions(nlp: Nlp, doc: Document, lines: list[Line], first: int, default_kind: str) -> tuple[
        list[Direction], int]:
    """Items from lines[first:] while they are list lines; returns them and the next index.

    With numbered top items, bullets (and deeper numbers) under an item are its sub-directions;
    with bulleted top items, each bullet is a direction. When the cue line is itself a numbered
    item («1. … кластер. Включает направления:»), its next sibling ends the bullets under it.
    """
    top = lines[first]
    cue = lines[first - 1] if first > 0 else None
    out: list[tuple[Line, list[Line]]] = []
    j = first
    while j < len(lines) and is_list_line(lines[j]):
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


def cue_lists_to_directions(nlp: Nlp, doc: Document, lines: list[Line], used: set[int]) -> list[Direction]:
    out: list[Direction] = []
    i = 0
    while i < len(lines):
        if is_cue_line(nlp, lines, i):
            kind = lead_kind(nlp, lines[i].body) or "direction"
            found, j = list_to_directions(nlp, doc, lines, i + 1, kind)
            out.extend(found)
            used.update(range(i, j))
            i = j
        else:
            i += 1
    return out


# --- inline lists in a sentence ---------------------------------------------------------------

def quoted_list(text: str, quotes: list[tuple[int, int]], at: int) -> list[tuple[int, int]]:
    """The quotations forming one list that starts with the quote opening at `at`."""
    chain: list[tuple[int, int]] = []
    for qs, qe in quotes:
        if qs - 1 < at:
            continue
        if not chain:
            if qs - 1 != at:
                break
        elif not LIST_JOINER.fullmatch(text[chain[-1][1] + 1:qs - 1]):
            break
        chain.append((qs, qe))
    return chain


def stated_count(nlp: Nlp, before: str) -> int | None:
    """The numeral standing just before a cue noun: «по четырем направлениям» → 4."""
    ws = words(before)[-3:]
    for w in reversed(ws):
        if w.text.isdigit():
            return int(w.text)
        n = cues.COUNT_WORDS.get(nlp.lemma(w.text))
        if n:
            return n
    return None


def sentence_to_directions(nlp: Nlp, doc: Document, sent: Sentence) -> tuple[list[Direction], bool]:
    """Directions listed in one sentence; the flag says it ended in a quoted list."""
    text = sent.text
    low = text.lower()
    if not any(stem in low for stem in cues.DIRECTION_STEMS):
        return [], False
    quotes = quote_spans(text)
    for w in words(text):
        kind = cue_kind(nlp, w.text)
        if not kind or word_form(nlp, w.text).pos != "NOUN":
            continue
        tail = CUE_TAIL.match(text, w.end)
        at = tail.end() if tail else w.end
        chain = quoted_list(text, quotes, at)
        if chain and kind == "direction":  # a quoted name after «кластер» names one cluster
            return [Direction(name=clean_name(text[s:e]), kind=name_kind(nlp, text[s:e], kind),
                              span=span_of(doc, sent.start + s, sent.start + e))
                    for s, e in chain], True
        count = stated_count(nlp, text[:w.start])
        opener = LIST_AFTER_CUE.match(text, w.end)
        if opener is None and (count or word_form(nlp, w.text).numbers == {"plur"}):
            opener = DASH_AFTER_CUE.match(text, w.end)
        if opener and opener.end() < len(text) and not chain:
            at = opener.end()
            body = text[at:].rstrip()
            body = body[:-1] if body.endswith((".", "!", "?")) else body
            items = split_inline_items(body, count)
            if len(items) >= 2 and all(0 < len(x.split()) <= MAX_ITEM_WORDS for x, _, _ in items):
                return items_to_directions(nlp, doc, sent, at, items, kind), False
    return [], False


def items_to_directions(nlp: Nlp, doc: Document, sent: Sentence, at: int,
                        items: list[tuple[str, int, int]], kind: str) -> list[Direction]:
    return [Direction(name=name, kind=name_kind(nlp, name, kind),
                      span=span_of(doc, sent.start + at + s, sent.start + at + e))
            for name, s, e in items]


def continuation_end(nlp: Nlp, text: str) -> int | None:
    """Where the opener of a sentence continuing a list ends («Еще две», «Остальные», «В том
    числе»: `CONTINUATION_CUES`), or None when the sentence opens otherwise."""
    ws = words(text[:60])
    hits = nlp.patterns(cues.CONTINUATION_CUES).find_in_words([w.text for w in ws])
    return next((ws[e - 1].end for _, s, e in hits if s == 0), None)


def continuation_to_directions(nlp: Nlp, doc: Document, sent: Sentence) -> list[Direction]:
    """«Еще две — «Г» и «Д» …» after a quoted list: its first quoted list continues the last."""
    end = continuation_end(nlp, sent.text)
    quotes = quote_spans(sent.text)
    if end is None or not quotes or len(words(sent.text[:quotes[0][0]])) > 3:
        return []
    between = words(sent.text[end:quotes[0][0]])
    if any(word_form(nlp, w.text).pos == "NOUN" and cue_kind(nlp, w.text) is None for w in between):
        return []  # «Другие темы — «…»»: a new noun opens a list of something else
    return [Direction(name=clean_name(sent.text[s:e]), kind=name_kind(nlp, sent.text[s:e]),
                      span=span_of(doc, sent.start + s, sent.start + e))
            for s, e in quoted_list(sent.text, quotes, quotes[0][0] - 1)]


def sentences_to_directions(nlp: Nlp, doc: Document, lines: list[Line], used: set[int]) -> list[Direction]:
    out: list[Direction] = []
    for i, line in enumerate(lines):
        if i in used or line.shape == "heading":
            continue
        open_list = False
        for sent in line_sentences(line):
            if open_list:
                more = continuation_to_directions(nlp, doc, sent)
                if more:
                    out.extend(more)
                    continue
            found, open_list = sentence_to_directions(nlp, doc, sent)
            out.extend(found)
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
    used: set[int] = set()
    found = cue_lists_to_directions(nlp, doc, lines, used)
    found += slides_to_directions(nlp, doc, lines, used)
    found += sentences_to_directions(nlp, doc, lines, used)
    return dedupe(sorted(found, key=lambda d: d.span.start))
