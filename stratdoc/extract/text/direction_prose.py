"""Directions listed in a sentence of running text (news items, strategy prose).

* an inline list after a cue noun — «по четырем направлениям: А, Б, В, Г» (or «– А, Б …»,
  «…, среди которых А, Б …»), «Главными направлениями названы А, Б и В» (a copula or a short
  participle after the noun in the instrumental case, the names all nominatives);
* quoted names — «по направлениям «А» (АБ), «Б» и «В». Еще две — «Г» и «Д» …»;
* ordinals — «Первое направление – А, второе – Б, третье – В».

A list's last «и» splits its last item when a count says so, or when a noun or an adjective
in the nominative follows it («ремонт дорог, газификация сёл и строительство площадок»), not a
genitive («ремонт дорог и мостов»), and not when an earlier item pairs two nominatives with
«и» too. Items opening with a preposition are places or times
(«до вокзала, до больницы»), not names, and make no list.
"""

from __future__ import annotations

import re

from stratdoc.extract.lexicon import cues
from stratdoc.extract.nlp import Nlp
from stratdoc.extract.text.direction_words import cue_kind, name_kind
from stratdoc.extract.text.record_shapes import announces_programmes
from stratdoc.extract.text.units import (
    QUOTE_JOINER,
    Line,
    Sentence,
    WordForm,
    any_reading_labels,
    clean_name,
    line_sentences,
    quote_spans,
    sentence_bounds,
    span_of,
    split_inline_items,
    strip_span,
    word_form,
    word_labels,
    words,
)
from stratdoc.schema import Direction, Document

MAX_ITEM_WORDS = 12  # a longer inline item is prose, not a direction's name
LIST_JOINER = re.compile(rf"{QUOTE_JOINER}$")
# After a cue noun, before its quoted list: «:», a dash, «, среди которых» or nothing.
CUE_TAIL = re.compile(rf"\s*(?:[:—–-]|{cues.LIST_OPENER_WORDS})?\s*")
# What opens a cue noun's inline list of plain names: a colon after an optional genitive tail
# («направления развития: …») or the words of `LIST_OPENER_WORDS`; a dash only where the list
# is surely plural (`DASH_AFTER_CUE`), since «Направление – развитие А и Б» defines one.
LIST_AFTER_CUE = re.compile(rf"(?:\s+[\w-]+){{0,4}}?\s*:\s*|{cues.LIST_OPENER_WORDS}\s*")
DASH_AFTER_CUE = re.compile(r"\s+[—–-]\s+")
MAX_COPULA_DISTANCE = 8  # words from an instrumental cue noun to its copula
# «Первое направление – », «, второе – »: an ordinal (maybe with its noun) and a dash.
ORDINAL_ITEM = re.compile(r"(?:^|(?<=[,;.]\s))(?P<ord>[А-Яа-яЁё]+)(?:\s+(?P<noun>[А-Яа-яЁё]+))?\s+[–—-]\s+")
LAST_AND = re.compile(r"\s+и\s+")


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


def names_nothing(nlp: Nlp, text: str, chain: list[tuple[int, int]], noun: WordForm) -> bool:
    """Whether quotations after a cue noun name no list of directions: titles after a noun that
    can only be singular («направление - "Туризм", "Гостиничный сервис"» of a college), one
    title after a noun that may be singular («по направлению - "Лесное дело"», «в рамках направления "…"»,
    «направление «Цифровая экономика» федеральной стратегии» name a programme's or another
    document's direction), or a lone adjective that belongs to the noun after it («направления
    "ярославской" породы»)."""
    if noun.numbers == {"sing"} or (len(chain) == 1 and "sing" in noun.numbers):
        return True
    for s, e in chain:
        ws = words(text[s:e])
        form = word_form(nlp, ws[0].text) if len(ws) == 1 else None
        if form is not None and form.pos == "ADJF" and "nomn" not in form.cases:
            return True
    return False


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



def copula_opener(nlp: Nlp, text: str, w_end: int, ws_after: list) -> int | None:
    """Where the list after «направлениями … названы» starts: past a copula or a short
    participle standing a few words after the cue noun, before any punctuation."""
    for k, w in enumerate(ws_after[:MAX_COPULA_DISTANCE]):
        if re.search(r"[,:;.()—–]", text[w_end if k == 0 else ws_after[k - 1].end:w.start]):
            return None
        form = word_form(nlp, w.text)
        if form.pos == "PRTS" or "copula" in word_labels(nlp, cues.DIRECTION_CUES, w.text):
            return w.end
    return None


def split_last_and(nlp: Nlp, body: str, items: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """The last item «Б и В» split in two when «В» opens with a nominative noun or adjective."""
    name, s, e = items[-1]
    conj = list(LAST_AND.finditer(body, s, e))
    if not conj:
        return items
    after = words(body[conj[-1].end():e])
    first = words(body[s:conj[-1].start()])
    if not after or not first:
        return items
    fa, ff = word_form(nlp, after[0].text), word_form(nlp, first[0].text)
    if not (fa.pos in ("NOUN", "ADJF") and "nomn" in fa.cases and ff.pos in ("NOUN", "ADJF")
            and "nomn" in ff.cases):
        return items
    if not any(word_form(nlp, w.text).pos == "NOUN" for w in first):
        return items  # «полимерные и композиционные материалы»: two adjectives of one noun
    left = strip_span(body, s, conj[-1].start())
    right = strip_span(body, conj[-1].end(), e)
    return items[:-1] + [(clean_name(body[a:b]), a, b) for a, b in (left, right)]


def pairs_within_items(nlp: Nlp, body: str, items: list[tuple[str, int, int]]) -> bool:
    """Whether an earlier item joins two nominative phrases with «и» («сельское хозяйство и
    пищевая промышленность, …»): the list pairs its names so, and its last «и» is one more
    pair, not the list's end («…, здравоохранение и образование»)."""
    return any(len(split_last_and(nlp, body, [item])) > 1 for item in items[:-1])


def is_name_list(nlp: Nlp, items: list[tuple[str, int, int]]) -> bool:
    """Whether inline items are names: short, none opening with a preposition, and not a row of
    bare adjectives that only agree with the cue noun («в рамках направлений:
    образовательного, информационного»), which name no direction of their own."""
    if len(items) < 2 or not all(0 < len(x.split()) <= MAX_ITEM_WORDS for x, _, _ in items):
        return False
    firsts = [word_form(nlp, ws[0].text) for ws in (words(x) for x, _, _ in items) if ws]
    if any(f.pos == "PREP" for f in firsts):
        return False
    bare = [len(words(x)) == 1 for x, _, _ in items]
    if all(bare) and all(f.pos == "ADJF" and "nomn" not in f.cases for f in firsts):
        return False
    return not shares_last_noun(nlp, items)


def shares_last_noun(nlp: Nlp, items: list[tuple[str, int, int]]) -> bool:
    """«…, сельхозмашиностроительный, медицинский, горнодобывающий кластеры»: items ending with an
    adjective before a last item ending with a plural noun share that noun; cut apart, they
    name nothing."""
    last = words(items[-1][0])
    if len(last) < 2 or word_form(nlp, last[-1].text).numbers != {"plur"} or \
            word_form(nlp, last[-1].text).pos != "NOUN":
        return False
    return any(word_form(nlp, words(x)[-1].text).pos == "ADJF" for x, _, _ in items[:-1] if words(x))


def all_nominative(nlp: Nlp, items: list[tuple[str, int, int]]) -> bool:
    """Whether every item opens with a word that may be a nominative: after «направлениями …
    являются» the names are subjects, while genitives («производство зерновых, сахарной
    свеклы, картофеля») are complements of the first item's noun, not names of their own."""
    for k, (name, _, _) in enumerate(items):
        ws = words(name)
        form = word_form(nlp, ws[0].text) if ws else None
        if form is None or form.pos not in ("NOUN", "ADJF") or "nomn" not in form.cases:
            return False
        parses = nlp.parses(ws[0].text)
        if k and form.pos == "NOUN" and parses and parses[0].case == "gent":
            return False  # «защиты личности, общества и государства»: the genitives run on
    return True


def sentence_to_directions(nlp: Nlp, doc: Document, sent: Sentence) -> tuple[list[Direction], bool]:
    """Directions listed in one sentence; the flag says it ended in a quoted list."""
    text = sent.text
    low = text.lower()
    if not any(stem in low for stem in cues.DIRECTION_STEMS):
        return [], False
    quotes = quote_spans(text)
    ws = words(text)
    for n, w in enumerate(ws):
        kind = cue_kind(nlp, w.text)
        form = word_form(nlp, w.text)
        if not kind or form.pos != "NOUN":
            continue
        tail = CUE_TAIL.match(text, w.end)
        at = tail.end() if tail else w.end
        chain = quoted_list(text, quotes, at)
        if chain and kind == "direction" and not names_nothing(nlp, text, chain, form):
            return [Direction(name=clean_name(text[s:e]), kind=name_kind(nlp, text[s:e], kind),
                              span=span_of(doc, sent.start + s, sent.start + e))
                    for s, e in chain], True
        if chain:
            continue
        count = stated_count(nlp, text[:w.start])
        opener = LIST_AFTER_CUE.match(text, w.end)
        if opener and announces_programmes(nlp, opener.group()):
            continue  # «В рамках направления реализуются подпрограммы: «А»; «Б»»: programmes
        at = opener.end() if opener else None
        if at is None and (count or form.numbers == {"plur"}):
            dash = DASH_AFTER_CUE.match(text, w.end)
            at = dash.end() if dash else None
        by_copula = at is None and "ablt" in form.cases and "plur" in form.numbers
        if by_copula:
            at = copula_opener(nlp, text, w.end, ws[n + 1:])
        if at is not None and at < len(text):
            body = text[at:].rstrip()
            body = body[:-1] if body.endswith((".", "!", "?")) else body
            items = split_inline_items(body, count)
            if count is None and len(items) >= 2 and not pairs_within_items(nlp, body, items):
                items = split_last_and(nlp, body, items)
            if is_name_list(nlp, items) and (not by_copula or all_nominative(nlp, items)):
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


def ordinals_to_directions(nlp: Nlp, doc: Document, line: Line) -> list[Direction]:
    """«Первое направление – А, второе – Б, третье – В»: the first ordinal names its cue noun,
    the next ones follow it; each name runs to the next ordinal or its sentence end."""
    hits = [m for m in ORDINAL_ITEM.finditer(line.text)
            if "ordinal" in any_reading_labels(nlp, cues.DIRECTION_CUES, m.group("ord"))]
    if len(hits) < 2 or not hits[0].group("noun") or cue_kind(nlp, hits[0].group("noun")) is None:
        return []
    ends = [e for _, e in sentence_bounds(line.text)]
    out = []
    for k, m in enumerate(hits):
        if k and m.group("noun") and cue_kind(nlp, m.group("noun")) is None:
            break
        stop = next((e for e in ends if e > m.end()), len(line.text))
        if k + 1 < len(hits):
            stop = min(stop, hits[k + 1].start())
        s, e = strip_span(line.text, m.end(), stop)
        while e > s and line.text[e - 1] in ",;.":
            e -= 1
        name = clean_name(line.text[s:e])
        if not name or len(name.split()) > MAX_ITEM_WORDS:
            return []
        out.append(Direction(name=name, kind=name_kind(nlp, name, cue_kind(nlp, hits[0].group("noun")) or
                                                       "direction"),
                             span=span_of(doc, line.start + s, line.start + e)))
    return out if len(out) >= 2 else []


def sentences_to_directions(nlp: Nlp, doc: Document, lines: list[Line], used: set[int]) -> list[Direction]:
    out: list[Direction] = []
    for i, line in enumerate(lines):
        if i in used or line.shape == "heading":
            continue
        ordinal = ordinals_to_directions(nlp, doc, line)
        if ordinal:
            out.extend(ordinal)
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
