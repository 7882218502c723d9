"""Plain records the NLP boundary hands out: no natasha, slovnet or pymorphy3 object leaves
`stratdoc.extract.nlp`, so extractors can be tested, pickled and sent to worker processes
without the models. The per-token records use slots: a long text has a million of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class WordParse:
    """One dictionary reading of a word (pymorphy3's `Parse`, as data).

    `index` is the reading's place among the word's readings, which is how the boundary finds
    it again to inflect it (`Nlp.inflect`).
    """

    word: str
    lemma: str
    pos: str | None
    grammemes: frozenset[str]
    case: str | None = None
    number: str | None = None
    gender: str | None = None
    index: int = 0

    def has(self, *grammemes: str) -> bool:
        """Does this reading carry every one of `grammemes` («Name», «plur», «nomn», …)?"""
        return all(g in self.grammemes for g in grammemes)


@dataclass(frozen=True, slots=True)
class NlpSpan:
    type: str  # PER, LOC, ORG
    start: int
    end: int
    text: str
    normal: str


@dataclass(frozen=True, slots=True)
class NlpToken:
    start: int
    end: int
    text: str
    lemma: str | None
    pos: str | None
    feats: dict[str, str] = field(default_factory=dict)
    head_id: str | None = None
    id: str | None = None
    rel: str | None = None


@dataclass(frozen=True, slots=True)
class NlpSentence:
    start: int
    end: int
    text: str


@dataclass
class NlpDoc:
    text: str
    sentences: list[NlpSentence]
    tokens: list[NlpToken]
    spans: list[NlpSpan]


@dataclass(frozen=True)
class Match:
    """A pattern that matched: its vocabulary label, its words (`start`..`end` exclusive, in
    the matched word list) and its characters in the matched text."""

    label: str
    start: int
    end: int
    char_start: int
    char_end: int
    text: str
