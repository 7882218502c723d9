"""Clusters named in running text: «создание всесезонного туристско-рекреационного кластера
"Пхия"», «действует фармацевтический кластер «Фарм»».

A cluster noun with its own quoted name and an adjective of its kind right before it
(agreeing with the noun) names a cluster, in whatever case the sentence puts it; the record
is named by the quoted name, as the cluster is known («Пхия»), whatever words of its kind the
sentence puts around it. A bare «кластера
«Технополис»» (its residents, its companies) says too little to be one, and a quotation
opened inside the name (a project title around it) ends at the first closing mark, so the
name never runs into the rest of the title.
"""

from __future__ import annotations

import re

from stratdoc.extract.lexicon.lines import fold_spaces
from stratdoc.extract.nlp import Nlp
from stratdoc.extract.text.direction_words import cue_kind
from stratdoc.extract.text.units import Line, span_of, word_form, words
from stratdoc.schema import Direction, Document

# After the cluster noun: an opening quote, a name without quote marks, a closing quote.
QUOTED_NAME = re.compile(r"\s*(?P<open>[«\"“„])(?P<name>[^«»\"“”„\n]{2,80}?)(?P<close>[»\"”“])")
ADJECTIVE_POS = ("ADJF", "PRTF")


def agrees(nlp: Nlp, word: str, cases: frozenset[str]) -> bool:
    """Whether `word` may be an adjective standing in one of the noun's `cases`."""
    return any(p.pos in ADJECTIVE_POS and p.case in cases for p in nlp.parses(word))


def line_clusters(nlp: Nlp, doc: Document, line: Line) -> list[Direction]:
    text = line.text
    ws = words(text)
    out = []
    for k, w in enumerate(ws):
        if cue_kind(nlp, w.text) != "cluster":
            continue
        noun = word_form(nlp, w.text)
        m = QUOTED_NAME.match(text, w.end)
        if noun.pos != "NOUN" or "sing" not in noun.numbers or m is None or k == 0:
            continue
        if text[ws[k - 1].end:w.start].strip() or not agrees(nlp, ws[k - 1].text, noun.cases):
            continue
        name = m.group("name").strip()
        span = span_of(doc, line.start + m.start("name"), line.start + m.start("name") + len(name))
        out.append(Direction(name=name, kind="cluster", span=span))
    return out


def prose_clusters(nlp: Nlp, doc: Document, lines: list[Line], used: set[int],
                   found: list[Direction]) -> list[Direction]:
    """Clusters named in the lines no list has taken, each once, unless a record already
    found carries its quoted name."""
    seen = {fold_spaces(d.name).lower() for d in found}
    out = []
    for i, line in enumerate(lines):
        if i in used or "кластер" not in line.text.lower():
            continue
        for d in line_clusters(nlp, doc, line):
            inner = fold_spaces(d.name).lower()
            if any(inner in s for s in seen):
                continue
            seen.add(fold_spaces(d.name).lower())
            out.append(d)
    return out
