"""NER left out of given ranges (table cells that can hold no name): the tokens there keep
their morphology, no NER span reaches into a range, and the spans elsewhere stay as they were."""

from __future__ import annotations

from razdel.substring import Substring

from stratdoc.extract.nlp import shared
from stratdoc.extract.nlp.ranges import outside as _outside

NARRATIVE = ("Губернатор Северной области Иван Петрович Соколов открыл форум в Новограде. "
             "Министерство культуры Северной области провело конкурс.\n")
CELLS = "2023\t2024\t2025\t12,5\t13,0\tтыс. руб.\tед.\n"
TAIL = "Доклад подготовил Сергей Андреевич Морозов, директор АО «Северэнерго».\n"


def _tok(start: int, stop: int) -> Substring:
    return Substring(start, stop, "x")


def test_outside_drops_tokens_touching_ranges_and_marks_gaps() -> None:
    toks = [_tok(0, 2), _tok(3, 5), _tok(6, 8), _tok(9, 11), _tok(12, 14)]
    kept, gaps = _outside(toks, [(4, 7)])  # touches the 2nd and 3rd token
    assert [t.start for t in kept] == [0, 9, 12]
    assert gaps == frozenset({1})
    assert _outside(toks, []) == (toks, frozenset())


def test_skipped_cells_keep_morphology_and_get_no_spans() -> None:
    nlp = shared()
    text = NARRATIVE + CELLS + TAIL
    a, b = len(NARRATIVE), len(NARRATIVE) + len(CELLS)
    whole = nlp.analyze(text, syntax=False)
    skipped = nlp.analyze(text, syntax=False, skip_ner=[(a, b)])
    assert skipped.tokens == whole.tokens
    assert not [s for s in skipped.spans if s.start < b and s.end > a]
    far = [(s.type, s.text) for s in whole.spans if s.end <= a - 40]
    assert far and far == [(s.type, s.text) for s in skipped.spans if s.end <= a - 40]
    names = {s.text for s in skipped.spans if s.type == "PER"}
    assert "Сергей Андреевич Морозов" in names and "Иван Петрович Соколов" in names


def test_a_span_never_runs_over_a_skipped_range() -> None:
    nlp = shared()
    text = "Иван Петрович 2023 Соколов выступил."
    cut = text.index("2023")
    out = nlp.analyze(text, syntax=False, skip_ner=[(cut, cut + 4)])
    assert all(s.end <= cut or s.start >= cut + 4 for s in out.spans)
