"""The one place natasha, slovnet, navec and pymorphy3 are imported.

`Nlp` holds the models; build it once per process (`shared()` does, or a worker builds its
own) and pass it to the extractors. pymorphy3 loads at once (0.2 s); natasha's neural models
(about 2 s) load on the first call that needs them, so readers that only check words stay fast.

Syntax parsing is the slow step, and natasha's `Span.normalize` needs it for correct
nominative forms: `analyze(..., syntax=False)` skips it for texts that only need tokens or NER,
and `normalize_phrase` parses just the short phrase it is given.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, TypeVar

from stratdoc.extract.nlp.matching import Patterns
from stratdoc.extract.nlp.records import NlpDoc, NlpSentence, NlpSpan, NlpToken, WordParse

WORD_CACHE = 200_000
T = TypeVar("T")


@dataclass
class _Neural:
    segmenter: Any
    morph_vocab: Any
    morph_tagger: Any
    syntax_parser: Any
    ner_tagger: Any


def _load_neural() -> _Neural:
    from natasha import MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter

    emb = NewsEmbedding()
    return _Neural(Segmenter(), MorphVocab(), NewsMorphTagger(emb), NewsSyntaxParser(emb), NewsNERTagger(emb))


class Nlp:
    """natasha's and pymorphy3's models behind methods that return our records."""

    def __init__(self) -> None:
        import pymorphy3

        self._morph = pymorphy3.MorphAnalyzer()
        self._neural: _Neural | None = None
        self._derived: dict[Hashable, Any] = {}
        self._vocab: Any = None
        # per-object caches: words repeat, and a worker's object must not share another's
        self._raw = lru_cache(maxsize=WORD_CACHE)(self._morph.parse)
        self._parse_cache: dict[str, tuple[WordParse, ...]] = {}
        self._token_lemma = lru_cache(maxsize=WORD_CACHE)(self._lemmatize)

    # neural models ---------------------------------------------------------------------------
    @property
    def neural(self) -> _Neural:
        if self._neural is None:
            self._neural = _load_neural()
        return self._neural

    def load_all(self) -> Nlp:
        """Load the neural models now (before timing, or before forking workers)."""
        _ = self.neural
        return self

    def analyze(self, text: str, *, syntax: bool = True, ner: bool = True, offset: int = 0) -> NlpDoc:
        """Segment, tag and (optionally) parse and NER-tag `text`; offsets shifted by `offset`."""
        from natasha import Doc

        m = self.neural
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
                spans.append(NlpSpan(s.type, s.start + offset, s.stop + offset, s.text, s.normal or s.text))
        tokens = []
        for t in doc.tokens:
            lemma = t.lemma or self._token_lemma(t.text, t.pos, tuple(sorted((t.feats or {}).items())))
            tokens.append(NlpToken(t.start + offset, t.stop + offset, t.text, lemma, t.pos,
                                   dict(t.feats or {}), t.head_id, t.id, t.rel))
        sents = [NlpSentence(s.start + offset, s.stop + offset, s.text) for s in doc.sents]
        return NlpDoc(text=text, sentences=sents, tokens=tokens, spans=spans)

    def _lemmatize(self, text: str, pos: str | None, feats: tuple[tuple[str, str], ...]) -> str:
        """natasha's lemma of a tagged word: lemmatizing is a fifth of a long text's tagging."""
        return self.neural.morph_vocab.lemmatize(text, pos, dict(feats))

    def normalize_phrase(self, phrase: str) -> str:
        """Nominative form of a short noun phrase («в Северной области» → «Северная область»).

        Runs syntax on the phrase alone, which natasha's `normalize` needs to inflect the
        dependents along with the head.
        """
        from natasha import Doc
        from natasha.norm import syntax_normalize

        m = self.neural
        doc = Doc(phrase)
        doc.segment(m.segmenter)
        doc.tag_morph(m.morph_tagger)
        doc.parse_syntax(m.syntax_parser)
        if not doc.tokens:
            return phrase
        return syntax_normalize(m.morph_vocab.__call__, doc.tokens) or phrase

    @staticmethod
    def sentences(text: str, offset: int = 0) -> list[NlpSentence]:
        """Sentence boundaries only (razdel): cheap, no models."""
        from razdel import sentenize

        return [NlpSentence(s.start + offset, s.stop + offset, s.text) for s in sentenize(text)]

    # dictionary ------------------------------------------------------------------------------
    def parses(self, word: str) -> tuple[WordParse, ...]:
        """Every dictionary reading of `word` (lower-cased), most probable first."""
        low = word.lower()
        hit = self._parse_cache.get(low)
        if hit is None:
            if len(self._parse_cache) >= WORD_CACHE:
                self._parse_cache.clear()
            hit = tuple(
                WordParse(low, p.normal_form, _str(p.tag.POS), frozenset(map(str, p.tag.grammemes)),
                          _str(p.tag.case), _str(p.tag.number), _str(p.tag.gender), i)
                for i, p in enumerate(self._raw(low)))
            self._parse_cache[low] = hit
        return hit

    def lemma(self, word: str) -> str:
        """Most probable normal form of one word, lower case."""
        parses = self.parses(word)
        return parses[0].lemma if parses else word.lower()

    def part_of_speech(self, word: str) -> str | None:
        """Most probable part of speech (pymorphy3 tag: NOUN, ADJF, PRTF, …)."""
        parses = self.parses(word)
        return parses[0].pos if parses else None

    def is_known(self, word: str) -> bool:
        """Is the word in the dictionary (not a guess from its ending)?"""
        return bool(self._morph.word_is_known(word.lower()))

    def inflect(self, parse: WordParse, grammemes: set[str] | frozenset[str]) -> str | None:
        """The form of `parse`'s word with these grammemes («nomn», «sing», …), or None."""
        raw = self._raw(parse.word)
        if parse.index >= len(raw):
            return None
        form = raw[parse.index].inflect(set(grammemes))
        return form.word if form is not None else None

    # rule matching (spaCy) -------------------------------------------------------------------
    @property
    def vocab(self) -> Any:
        """spaCy's Russian vocabulary (`spacy.blank("ru")`), for the pattern matchers."""
        if self._vocab is None:
            import spacy

            self._vocab = spacy.blank("ru").vocab
        return self._vocab

    def patterns(self, path: Path) -> Patterns:
        """The pattern file at `path`, compiled once for this object."""
        path = Path(path)
        return self.derived(("patterns", path), lambda: Patterns(self.vocab, self.lemma, path))

    def derived(self, key: Hashable, build: Callable[[], T]) -> T:
        """A table built from this object's lemmas (compiled patterns, a gazetteer keyed by
        lemmas, folded word forms), built once and kept as long as the object: a worker's
        object never shares another's."""
        if key not in self._derived:
            self._derived[key] = build()
        return self._derived[key]


def _str(grammeme: Any) -> str | None:
    """pymorphy3 hands out its own string type for grammemes: ours are plain `str`."""
    return str(grammeme) if grammeme else None


@cache
def shared() -> Nlp:
    """The process's own `Nlp`, built on first use: the default for callers that pass none."""
    return Nlp()
