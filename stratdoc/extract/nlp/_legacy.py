"""The one boundary to natasha and pymorphy3: models load once per process, and their
objects become our plain records here, so nothing else imports slovnet/natasha types.

Syntax parsing is the slow step, and `Span.normalize` needs it for correct nominative forms;
`analyze(..., syntax=False)` skips it for texts that only need tokens or NER, and
`normalize_phrase` parses just the short phrase it is given.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from stratdoc.extract.nlp.records import NlpDoc, NlpSentence, NlpSpan, NlpToken


@dataclass
class Models:
    segmenter: Any
    morph_vocab: Any
    morph_tagger: Any
    syntax_parser: Any
    ner_tagger: Any
    dates_extractor: Any
    names_extractor: Any
    money_extractor: Any
    morph: Any  # pymorphy3.MorphAnalyzer


@cache
def morph() -> Any:
    """pymorphy3 alone (0.2 s): for readers that need word checks but no neural models."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@cache
def models() -> Models:
    """Load every model once per process (about 2 s); later calls return the same object."""
    from natasha import (
        DatesExtractor,
        MoneyExtractor,
        MorphVocab,
        NamesExtractor,
        NewsEmbedding,
        NewsMorphTagger,
        NewsNERTagger,
        NewsSyntaxParser,
        Segmenter,
    )

    emb = NewsEmbedding()
    morph_vocab = MorphVocab()
    return Models(
        segmenter=Segmenter(),
        morph_vocab=morph_vocab,
        morph_tagger=NewsMorphTagger(emb),
        syntax_parser=NewsSyntaxParser(emb),
        ner_tagger=NewsNERTagger(emb),
        dates_extractor=DatesExtractor(morph_vocab),
        names_extractor=NamesExtractor(morph_vocab),
        money_extractor=MoneyExtractor(morph_vocab),
        morph=morph(),
    )


def analyze(text: str, *, syntax: bool = True, ner: bool = True, offset: int = 0) -> NlpDoc:
    """Segment, tag and (optionally) parse `text`; offsets are shifted by `offset`."""
    from natasha import Doc

    m = models()
    doc = Doc(text)
    doc.segment(m.segmenter)
    doc.tag_morph(m.morph_tagger)
    if syntax:
        doc.parse_syntax(m.syntax_parser)
    spans: list[NlpSpan] = []
    if ner:
        doc.tag_ner(m.ner_tagger)
        for s in doc.spans:
            if syntax:
                s.normalize(m.morph_vocab)
            spans.append(NlpSpan(s.type, s.start + offset, s.stop + offset, s.text,
                                 s.normal or s.text))
    tokens = []
    for t in doc.tokens:
        if t.lemma is None:
            t.lemma = _token_lemma(t.text, t.pos, tuple(sorted((t.feats or {}).items())))
        tokens.append(NlpToken(t.start + offset, t.stop + offset, t.text, t.lemma, t.pos,
                               dict(t.feats or {}), t.head_id, t.id, t.rel))
    sents = [NlpSentence(s.start + offset, s.stop + offset, s.text) for s in doc.sents]
    return NlpDoc(text=text, sentences=sents, tokens=tokens, spans=spans)


@lru_cache(maxsize=200_000)
def _token_lemma(text: str, pos: str | None, feats: tuple[tuple[str, str], ...]) -> str:
    """natasha's lemma of a tagged word, cached: words repeat, and lemmatizing is a fifth of
    the tagging time of a long text."""
    return models().morph_vocab.lemmatize(text, pos, dict(feats))


def sentences(text: str, offset: int = 0) -> list[NlpSentence]:
    """Sentence boundaries only (razdel): cheap, no models."""
    from razdel import sentenize

    return [NlpSentence(s.start + offset, s.stop + offset, s.text) for s in sentenize(text)]


@cache
def _parse_word(word: str) -> Any:
    return models().morph.parse(word)


def lemma(word: str) -> str:
    """Most probable normal form of one word, lower case (pymorphy3, cached)."""
    parses = _parse_word(word.lower())
    return parses[0].normal_form if parses else word.lower()


def part_of_speech(word: str) -> str | None:
    """Most probable part of speech of one word (pymorphy3 tag: NOUN, ADJF, PRTF, …), cached."""
    parses = _parse_word(word.lower())
    pos = parses[0].tag.POS if parses else None
    return str(pos) if pos else None


def normalize_phrase(phrase: str) -> str:
    """Nominative form of a short noun phrase («в Калужской области» → «Калужская область»).

    Runs syntax on the phrase alone, which is what natasha's `normalize` needs to inflect
    the dependents along with the head.
    """
    from natasha import Doc
    from natasha.norm import syntax_normalize

    m = models()
    doc = Doc(phrase)
    doc.segment(m.segmenter)
    doc.tag_morph(m.morph_tagger)
    doc.parse_syntax(m.syntax_parser)
    if not doc.tokens:
        return phrase
    return syntax_normalize(m.morph_vocab.__call__, doc.tokens) or phrase
