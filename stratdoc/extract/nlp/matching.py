"""Rule vocabularies as spaCy patterns, kept as JSONL files next to the code that uses them.

Each line of a pattern file is one entry, in the shape of spaCy's `EntityRuler` patterns:

    {"label": "regional", "phrase": "областной бюджет"}        lemmas, via PhraseMatcher(attr=LEMMA)
    {"label": "regional", "lower": "обл. бюджет"}              exact words, via PhraseMatcher(attr=LOWER)
    {"label": "head", "pattern": [{"LEMMA": {"IN": ["министерство", "комитет"]}}]}   via Matcher

A text is split into words once, each word gets its cached pymorphy3 lemma (the same
lemmatizer the phrases are lemmatized with), and one spaCy `Doc` is built from those words
and lemmas: nothing is segmented or lemmatized twice, and no trained pipeline is needed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from itertools import product
from math import prod
from pathlib import Path
from typing import Any

from stratdoc.extract.nlp.records import Match

# words (with inner hyphens) and single punctuation marks: the units patterns are written in
TOKEN_RE = re.compile(r"[0-9A-Za-zА-Яа-яЁё]+(?:[-‐][0-9A-Za-zА-Яа-яЁё]+)*|[^\s0-9A-Za-zА-Яа-яЁё]")


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """(word, start, end) for every word and punctuation mark of `text`."""
    return [(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]


MAX_LITERAL_PHRASES = 5000


def literal_phrases(pattern: list[dict]) -> tuple[str, list[list[str]]] | None:
    """A token pattern that only lists exact values of one attribute («LEMMA» in [а, б], then
    «LEMMA» = в) as the word sequences it matches, or None when it needs the token matcher
    (operators, other attributes, mixed attributes, too many combinations)."""
    attrs = {next(iter(t)) for t in pattern if len(t) == 1}
    if len(attrs) != 1 or any(len(t) != 1 for t in pattern):
        return None
    attr = attrs.pop()
    if attr not in ("LEMMA", "LOWER", "ORTH"):
        return None
    choices: list[list[str]] = []
    for t in pattern:
        value = t[attr]
        if isinstance(value, str):
            choices.append([value])
        elif isinstance(value, dict) and set(value) == {"IN"} and all(isinstance(v, str)
                                                                      for v in value["IN"]):
            choices.append(list(value["IN"]))
        else:
            return None
    if not choices or prod(len(c) for c in choices) > MAX_LITERAL_PHRASES:
        return None
    return attr, [list(ws) for ws in product(*choices)]


def read_pattern_file(path: Path) -> list[tuple[int, dict]]:
    """(line number, entry) of every pattern line; blank lines and «//» comments skipped, a line
    that is no JSON object with a label refused with its file and line."""
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            entry = json.loads(line)
        except ValueError as e:
            raise ValueError(f"{path.name}:{n}: not a pattern line ({e})") from e
        if not isinstance(entry, dict) or "label" not in entry:
            raise ValueError(f"{path.name}:{n}: not a pattern line (no label)")
        out.append((n, entry))
    return out


class Patterns:
    """One vocabulary file compiled into spaCy matchers over the lemmas `lemma` gives (the
    `Nlp` object's, which builds and caches these: `Nlp.patterns(path)`)."""

    def __init__(self, vocab: Any, lemma: Callable[[str], str], path: Path) -> None:
        from spacy.matcher import Matcher, PhraseMatcher

        self.vocab = vocab
        self.lemma = lemma
        self.path = path
        self.entries: list[dict] = []
        self._lemma = PhraseMatcher(self.vocab, attr="LEMMA")
        self._lower = PhraseMatcher(self.vocab, attr="LOWER")
        self._orth = PhraseMatcher(self.vocab, attr="ORTH")
        self._tokens = Matcher(self.vocab)
        phrase_matchers = {"LEMMA": self._lemma, "LOWER": self._lower, "ORTH": self._orth}
        for n, entry in read_pattern_file(path):
            label = entry["label"]
            self.entries.append(entry)
            if "phrase" in entry:
                self._lemma.add(label, [self.doc(entry["phrase"])])
            elif "lower" in entry:
                self._lower.add(label, [self.doc(entry["lower"])])
            elif "pattern" in entry:
                literal = literal_phrases(entry["pattern"])
                if literal is None:
                    self._tokens.add(label, [entry["pattern"]])
                else:  # the same matches, found by the C-level phrase matcher
                    attr, phrases = literal
                    phrase_matchers[attr].add(label, [self.literal_doc(attr, ws) for ws in phrases])
            else:
                raise ValueError(f"{path.name}:{n}: needs one of phrase, lower, pattern")

    @property
    def labels(self) -> list[str]:
        return list(dict.fromkeys(e["label"] for e in self.entries))

    def doc(self, text: str, words: Sequence[str] | None = None):  # -> spacy.tokens.Doc
        from spacy.tokens import Doc

        words = list(words) if words is not None else [w for w, _, _ in tokenize(text)]
        return Doc(self.vocab, words=words, lemmas=[self.lemma(w) for w in words])

    def literal_doc(self, attr: str, words: Sequence[str]):  # -> spacy.tokens.Doc
        """A pattern's words taken as they are: lemmas are not lemmatized again."""
        from spacy.tokens import Doc

        return Doc(self.vocab, words=list(words), lemmas=list(words) if attr == "LEMMA" else None)

    def find_in_words(self, words: Sequence[str], lemmas: Sequence[str] | None = None,
                      *, longest: bool = True) -> list[tuple[str, int, int]]:
        """(label, first word, end word) of every match over a word list whose lemmas the caller
        may already have; with `longest`, overlapping matches keep the longest (earliest first)."""
        if not words:
            return []
        return self.find_in_doc(self.words_doc(words, lemmas), longest=longest)

    def words_doc(self, words: Sequence[str], lemmas: Sequence[str] | None = None):  # -> spacy.tokens.Doc
        """The spaCy `Doc` of a word list, for matching it against several pattern files of one
        `Nlp` (they share its vocabulary) without building it again."""
        from spacy.tokens import Doc

        lemmas = list(lemmas) if lemmas is not None else [self.lemma(w) for w in words]
        return Doc(self.vocab, words=list(words), lemmas=lemmas)

    def find_in_doc(self, doc: Any, *, longest: bool = True) -> list[tuple[str, int, int]]:
        """`find_in_words` over a `Doc` already built by `words_doc`."""
        strings = self.vocab.strings
        found = [(strings[mid], s, e) for matcher in (self._lemma, self._lower, self._orth, self._tokens)
                 if len(matcher) for mid, s, e in matcher(doc)]
        found.sort(key=lambda m: (m[1], -(m[2] - m[1])))
        if not longest:
            return found
        out: list[tuple[str, int, int]] = []
        taken: set[int] = set()
        for label, s, e in sorted(found, key=lambda m: (-(m[2] - m[1]), m[1])):
            if taken.isdisjoint(range(s, e)):
                out.append((label, s, e))
                taken.update(range(s, e))
        return sorted(out, key=lambda m: m[1])

    def find(self, text: str, *, longest: bool = True) -> list[Match]:
        """Every match in `text`, with its character span."""
        toks = tokenize(text)
        hits = self.find_in_words([w for w, _, _ in toks], longest=longest)
        return [Match(label, s, e, toks[s][1], toks[e - 1][2], text[toks[s][1]:toks[e - 1][2]])
                for label, s, e in hits]

    def labels_in(self, text: str) -> list[str]:
        """Labels found in `text`, in order of first match, each once."""
        return list(dict.fromkeys(m.label for m in self.find(text)))
