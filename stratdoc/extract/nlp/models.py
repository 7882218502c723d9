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
from stratdoc.extract.nlp.ranges import outside as _outside
from stratdoc.extract.nlp.records import NlpDoc, NlpSentence, NlpSpan, NlpToken, WordParse

WORD_CACHE = 200_000
# Padded tokens per morphology batch (sentences × the longest of them): big enough that the
# per-batch overhead vanishes, small enough to stay in the processor's cache.
MORPH_BATCH_TOKENS = 1024
# BLAS threads for the taggers' matrix products. They are a few hundred rows at a time: a
# second thread doubled the processor time of the tagging and, on a busy machine, its wall
# time too (measured on two cores).
TAGGER_THREADS = 1
# Tokens either side that one token's NER emissions depend on (three convolutions of width 3).
NER_REACH = 3
T = TypeVar("T")
Tag = tuple[str | None, dict[str, str], tuple[tuple[str, str], ...]]  # POS, feats, sorted feats


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
        self._tags: dict[int | None, Tag] = {}
        self._ids: dict[str, dict[str, tuple[int, int]]] = {}

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

    def analyze(self, text: str, *, syntax: bool = True, ner: bool = True, offset: int = 0,
                skip_ner: list[tuple[int, int]] | None = None) -> NlpDoc:
        """Segment, tag and (optionally) parse and NER-tag `text`; offsets shifted by `offset`.

        Without syntax (`_analyze_tags`) the taggers are driven here rather than through
        natasha's `Doc`: same segmenter, same models, same tags, less overhead. There
        `skip_ner` (ranges of `text`, unshifted) are left out of NER: table cells, which the
        rule readers read and where a statistical tagger trained on news pays least.
        """
        if not syntax:
            return self._analyze_tags(text, ner=ner, offset=offset, skip_ner=skip_ner or [])
        from natasha import Doc

        m = self.neural
        doc = Doc(text)
        doc.segment(m.segmenter)
        doc.tag_morph(m.morph_tagger)
        doc.parse_syntax(m.syntax_parser)
        spans: list[NlpSpan] = []
        if ner:
            doc.tag_ner(m.ner_tagger)
            for s in doc.spans:
                s.normalize(m.morph_vocab)
                spans.append(NlpSpan(s.type, s.start + offset, s.stop + offset, s.text, s.normal or s.text))
        tokens = []
        for t in doc.tokens:
            lemma = t.lemma or self._token_lemma(t.text, t.pos, tuple(sorted((t.feats or {}).items())))
            tokens.append(NlpToken(t.start + offset, t.stop + offset, t.text, lemma, t.pos,
                                   dict(t.feats or {}), t.head_id, t.id, t.rel))
        sents = [NlpSentence(s.start + offset, s.stop + offset, s.text) for s in doc.sents]
        return NlpDoc(text=text, sentences=sents, tokens=tokens, spans=spans)

    def _analyze_tags(self, text: str, *, ner: bool, offset: int,
                      skip_ner: list[tuple[int, int]] | None = None) -> NlpDoc:
        """razdel's tokens and sentences (natasha's segmenter is razdel), natasha's morphology
        tags per sentence and NER spans over the whole text, as natasha's `Doc` would give.

        A token outside every sentence (natasha's `envelop_spans` leaves it out) gets no tags,
        as in natasha. Tokens of one tag share its feature dict: records are never changed.
        """
        from razdel import sentenize, tokenize
        from threadpoolctl import threadpool_limits

        toks = list(tokenize(text))
        sents = list(sentenize(text)) if text else []
        groups = _envelop([(t.start, t.stop) for t in toks], [(s.start, s.stop) for s in sents])
        tags: list[int | None] = [None] * len(toks)
        found: list[tuple[int, int, str]] = []
        with threadpool_limits(limits=TAGGER_THREADS, user_api="blas"):
            self._tag_morph([[toks[i].text for i in g] for g in groups], groups, tags)
            if ner and text.strip():
                kept, gaps = _outside(toks, skip_ner or [], NER_REACH)
                found = [f for f in self._tag_ner(kept, gaps)
                         if not any(a <= f[0] and f[1] <= b for a, b in skip_ner or [])]
        spans = [NlpSpan(kind, start + offset, stop + offset, text[start:stop], text[start:stop])
                 for start, stop, kind in found]
        tokens = []
        lemma = self._token_lemma
        words: dict[str, str] = {}  # one string per distinct word: tokens repeat
        for t, tag_id in zip(toks, tags, strict=True):
            pos, feats, key = self._morph_tag(tag_id)
            word = words.setdefault(t.text, t.text)
            tokens.append(NlpToken(t.start + offset, t.stop + offset, word, lemma(word, pos, key), pos,
                                   feats))
        out_sents = [NlpSentence(s.start + offset, s.stop + offset, s.text) for s in sents]
        return NlpDoc(text=text, sentences=out_sents, tokens=tokens, spans=spans)

    def _tag_morph(self, words: list[list[str]], groups: list[list[int]], tags: list[int | None]) -> None:
        """Morphology tag ids of every sentence's tokens (`groups` holds their indices) into
        `tags`, in batches of sentences of about the same length.

        natasha feeds the tagger eight sentences at a time in text order, so most of each batch
        is padding and the per-batch overhead is paid a thousand times per 300 pages. Padding
        cannot change a sentence's tags (the padding embedding is zero and every layer zeroes
        the padded positions again), so longer batches of sorted sentences give the same tags.
        """
        infer = self.neural.morph_tagger.infer
        order = sorted((i for i in range(len(words)) if words[i]), key=lambda i: len(words[i]))
        batch: list[int] = []
        for i in order + [-1]:
            if i >= 0 and (not batch or (len(batch) + 1) * len(words[i]) <= MORPH_BATCH_TOKENS):
                batch.append(i)
                continue
            if batch:
                ids, shapes = self._encode(infer.encoder, [words[k] for k in batch], "morph")
                pred = infer.model(ids, shapes, ids == infer.encoder.words_vocab.pad_id)
                pred = infer.model.head.decode(pred)
                for row, k in enumerate(batch):
                    for index, tag_id in zip(groups[k], pred[row, :len(words[k])].tolist(), strict=True):
                        tags[index] = tag_id
            batch = [i] if i >= 0 else []

    def _morph_tag(self, tag_id: int | None) -> Tag:
        """(POS, feats, sorted feats) of one tag of the morphology model (753 tags, each parsed
        once); no tag for None."""
        hit = self._tags.get(tag_id)
        if hit is None:
            from slovnet.conll import parse_conll_tag

            if tag_id is None:
                pos, feats = None, {}
            else:
                pos, feats = parse_conll_tag(self.neural.morph_tagger.infer.decoder.tags_vocab.decode(tag_id))
            hit = self._tags[tag_id] = (pos, feats, tuple(sorted(feats.items())))
        return hit

    def _encode(self, encoder: Any, items: list[list[str]], model: str) -> tuple[Any, Any]:
        """Word and shape ids of the sentences, padded to the longest (slovnet's encoder, with
        each word's ids kept: the same words recur on every page)."""
        import numpy as np
        from slovnet.shape import word_shape

        cache = self._ids.setdefault(model, {})
        if len(cache) >= WORD_CACHE:
            cache.clear()
        width = max(len(w) for w in items)
        word_id = np.full((len(items), width), encoder.words_vocab.pad_id)
        shape_id = np.full((len(items), width), encoder.shapes_vocab.pad_id)
        for row, sent in enumerate(items):
            for col, word in enumerate(sent):
                hit = cache.get(word)
                if hit is None:
                    hit = cache[word] = (encoder.words_vocab.encode(word.lower()),
                                         encoder.shapes_vocab.encode(word_shape(word)))
                word_id[row, col], shape_id[row, col] = hit
        return word_id, shape_id

    def _tag_ner(self, toks: list[Any], gaps: frozenset[int] = frozenset()) -> list[tuple[int, int, str]]:
        """(start, stop, type) of natasha's NER spans over a whole text, from the tokens the
        segmenter already made (slovnet would tokenize the text again, the same way). A span
        never runs over a gap (left-out tokens before the token at that index).

        The text is one sequence, as natasha's `tag_ner` gives it; the CRF's best path is found
        by `_viterbi`, the same arithmetic as slovnet's with less overhead per token, and read
        into spans as slovnet's `bio_spans` reads it.
        """
        infer = self.neural.ner_tagger.infer
        if not toks:
            return []
        ids, shapes = self._encode(infer.encoder, [[t.text for t in toks]], "ner")
        emissions = infer.model(ids, shapes, ids == infer.encoder.words_vocab.pad_id)[0]
        path = _viterbi(emissions, infer.model.head.crf.transitions.array)
        vocab = infer.decoder.tags_vocab
        spans: list[tuple[int, int, str]] = []
        kind: str | None = None
        start = stop = 0
        for k, (t, tag_id) in enumerate(zip(toks, path, strict=True)):
            tag = vocab.decode(tag_id)
            part, _, label = tag.partition("-")
            if k in gaps and kind:
                spans.append((start, stop, kind))
                kind = None
                part = "B" if part == "I" else part
            if part == "B":
                if kind:
                    spans.append((start, stop, kind))
                kind, start, stop = label or None, t.start, t.stop
            elif part == "I":
                stop = t.stop
            elif part == "O" and kind:
                spans.append((start, stop, kind))
                kind = None
        if kind:
            spans.append((start, stop, kind))
        return spans

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


def _envelop(items: list[tuple[int, int]], envelopes: list[tuple[int, int]]) -> list[list[int]]:
    """Indices of the items inside each envelope, as natasha's `envelop_spans` groups a
    document's tokens into its sentences (an item straddling an envelope's end is left to the
    next one, an item before an envelope is skipped)."""
    groups: list[list[int]] = []
    index = 0
    for env_start, env_stop in envelopes:
        chunk: list[int] = []
        while index < len(items):
            start, stop = items[index]
            index += 1
            if start < env_start:
                continue
            if stop <= env_stop:
                chunk.append(index - 1)
            else:
                index -= 1
                break
        groups.append(chunk)
    return groups


def _viterbi(emissions: Any, transitions: Any) -> list[int]:
    """Best tag path of one sequence under slovnet's CRF (`CRF.decode` for a batch of one,
    unmasked): the same float32 sums in the same order, so the same path, without its
    per-token reshapes and index grids."""
    import numpy as np

    history = []
    score = emissions[0]
    for row in emissions[1:]:
        step = score[:, None] + transitions + row[None, :]
        best = step.argmax(0)
        score = step[best, np.arange(len(best))]
        history.append(best)
    tag = int(score.argmax())
    path = [tag]
    for best in reversed(history):
        tag = int(best[tag])
        path.append(tag)
    path.reverse()
    return path


def _str(grammeme: Any) -> str | None:
    """pymorphy3 hands out its own string type for grammemes: ours are plain `str`."""
    return str(grammeme) if grammeme else None


@cache
def shared() -> Nlp:
    """The process's own `Nlp`, built on first use: the default for callers that pass none."""
    return Nlp()
