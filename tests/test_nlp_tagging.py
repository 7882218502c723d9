"""`Nlp.analyze(..., syntax=False)` drives natasha's taggers itself (sentences batched by length,
NER over the segmenter's tokens, its own CRF decoding): it must give exactly what natasha's own
`Doc` gives, token by token and span by span.
"""

from __future__ import annotations

import numpy as np
import pytest

from stratdoc.extract.nlp import shared
from stratdoc.extract.nlp.models import _envelop, _viterbi
from tests.conftest import SHARED

TEXTS = [
    # names, bodies and places in running text, sentences of very different lengths
    "Министр экономического развития Курской области Иван Петрович Сидоров открыл форум. "
    "Его поддержали. Участники из Москвы, Санкт-Петербурга и Казани обсудили, как ООО «Северный "
    "ветер» и АО \"УК \"Русский дом\"\" будут строить завод на улице К. Маркса к 2030 году.",
    # a table flattened to lines and tabs, blank lines, a heading in capitals
    "ПЛАН МЕРОПРИЯТИЙ\n\n№\tМероприятие\tОтветственный\tСрок\n1.\tСтроительство школы\t"
    "Управление образования администрации г. Твери\t2025\n2.\tРемонт дорог\tКомитет по "
    "транспорту\t2026–2027\n\nИтого:\t2 мероприятия",
    # one long unpunctuated line and a word with no sentence end
    " ".join(["развитие малого и среднего предпринимательства в муниципальных районах"] * 40),
    "Глава города Саратова М.А. Исаев",
    # lower-case start, quotes, abbreviations, numbers and hyphens
    "в соответствии с постановлением Правительства РФ от 12.05.2021 № 345-п «О программе» "
    "Минэкономразвития России и Росстат подготовили т.н. «дорожную карту»; см. п. 3.2.1.",
    "",
    "   \n\n\t ",
]


def natasha_reference(text: str) -> tuple[list[tuple], list[tuple]]:
    """Tokens with their morphology and NER spans, through natasha's own `Doc`."""
    from natasha import Doc

    m = shared().neural
    doc = Doc(text)
    doc.segment(m.segmenter)
    doc.tag_morph(m.morph_tagger)
    doc.tag_ner(m.ner_tagger)
    tokens = [(t.start, t.stop, t.text, t.pos, t.feats or {}) for t in doc.tokens]
    return tokens, [(s.start, s.stop, s.type, s.text) for s in doc.spans or []]


def ours(text: str, offset: int = 0) -> tuple[list[tuple], list[tuple]]:
    got = shared().analyze(text, syntax=False, offset=offset)
    tokens = [(t.start - offset, t.end - offset, t.text, t.pos, t.feats) for t in got.tokens]
    return tokens, [(s.start - offset, s.end - offset, s.type, s.text) for s in got.spans]


@pytest.mark.parametrize("text", TEXTS, ids=range(len(TEXTS)))
def test_tags_and_spans_are_natashas(text: str) -> None:
    assert ours(text) == natasha_reference(text)


def test_offsets_shift_and_names_are_found() -> None:
    text = TEXTS[0]
    tokens, spans = ours(text, offset=1000)
    assert (tokens, spans) == natasha_reference(text)
    assert any(kind == "PER" and "Сидоров" in piece for _, _, kind, piece in spans)
    assert any(kind == "LOC" and piece == "Москвы" for _, _, kind, piece in spans)


def test_many_sentences_in_one_text_are_natashas() -> None:
    """Hundreds of sentences, so that several batches of several lengths are tagged."""
    text = " ".join(f"{TEXTS[0]} Пункт {k}: {TEXTS[4]}" if k % 3 else TEXTS[1] for k in range(60))
    assert ours(text) == natasha_reference(text)


@pytest.mark.skipif(not (SHARED / "corpus" / "rurebus" / "train").is_dir(), reason="no ../shared corpus")
def test_corpus_texts_are_natashas() -> None:
    paths = sorted((SHARED / "corpus" / "rurebus" / "train").rglob("*.txt"))[:3]
    for path in paths:
        text = path.read_text(encoding="utf-8")[:20_000]
        assert ours(text) == natasha_reference(text), path.name


def test_viterbi_is_slovnets_crf() -> None:
    crf = shared().neural.ner_tagger.infer.model.head.crf
    rng = np.random.default_rng(0)
    for length in (1, 2, 3, 17, 250):
        emissions = rng.normal(0, 3, size=(1, length, crf.transitions.array.shape[0])).astype(np.float32)
        mask = np.ones((1, length), dtype=bool)
        assert _viterbi(emissions[0], crf.transitions.array) == crf.decode(emissions, mask)[0].tolist()


def test_envelop_is_natashas() -> None:
    from natasha.span import envelop_spans

    class Item:
        def __init__(self, start: int, stop: int) -> None:
            self.start, self.stop = start, stop

    items = [(0, 3), (4, 6), (6, 9), (12, 15), (15, 20), (21, 22)]
    envelopes = [(4, 9), (10, 16), (16, 30)]  # (15, 20) straddles the second envelope's end
    want = [[items.index((i.start, i.stop)) for i in group]
            for group in envelop_spans([Item(*i) for i in items], [Item(*e) for e in envelopes])]
    assert _envelop(items, envelopes) == want
