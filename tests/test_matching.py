"""Pattern files: every entry kind matches as spaCy's own matchers would, and a token pattern that
only lists exact values is found by the phrase matcher with the same results."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.matcher import Matcher
from spacy.tokens import Doc

from stratdoc.extract.nlp.matching import Patterns, literal_phrases

VOCAB = spacy.blank("ru").vocab
# a tiny lemmatizer of our own, so the test needs no dictionary
LEMMAS = {"областного": "областной", "бюджета": "бюджет", "бюджетов": "бюджет", "федеральных": "федеральный",
          "средства": "средство", "министерства": "министерство", "комитета": "комитет"}
WORDS = "средства областного бюджета , ОБ , об этом ; федеральных бюджетов и комитета Министерства".split()


def lemma(word: str) -> str:
    return LEMMAS.get(word.lower(), word.lower())


def patterns(tmp_path: Path, *entries: dict) -> Patterns:
    path = tmp_path / "p.jsonl"
    path.write_text("// a comment line\n" + "\n".join(json.dumps(e, ensure_ascii=False) for e in entries),
                    encoding="utf-8")
    return Patterns(VOCAB, lemma, path)


def spacy_matches(pattern: list[dict]) -> list[tuple[int, int]]:
    m = Matcher(VOCAB)
    m.add("x", [pattern])
    doc = Doc(VOCAB, words=WORDS, lemmas=[lemma(w) for w in WORDS])
    return sorted((s, e) for _, s, e in m(doc))


@pytest.mark.parametrize("pattern", [
    [{"LEMMA": {"IN": ["министерство", "комитет"]}}],
    [{"LEMMA": "областной"}, {"LEMMA": "бюджет"}],
    [{"LEMMA": {"IN": ["областной", "федеральный"]}}, {"LEMMA": "бюджет"}],
    [{"ORTH": "ОБ"}],
    [{"LOWER": "об"}],
    [{"LOWER": {"IN": ["об", "этом"]}}, {"LOWER": "этом"}],
])
def test_literal_token_patterns_match_as_the_token_matcher(tmp_path: Path, pattern: list[dict]) -> None:
    assert literal_phrases(pattern) is not None
    found = patterns(tmp_path, {"label": "x", "pattern": pattern}).find_in_words(WORDS, longest=False)
    assert sorted((s, e) for _, s, e in found) == spacy_matches(pattern)


@pytest.mark.parametrize("pattern", [
    [{"LEMMA": "бюджет", "OP": "?"}],
    [{"LEMMA": "областной"}, {"LOWER": "бюджета"}],
    [{"IS_PUNCT": True}],
    [{"LEMMA": {"NOT_IN": ["бюджет"]}}],
])
def test_other_token_patterns_stay_with_the_token_matcher(pattern: list[dict]) -> None:
    assert literal_phrases(pattern) is None


def test_phrase_entries_are_lemmatized_and_longest_wins(tmp_path: Path) -> None:
    pats = patterns(tmp_path, {"label": "regional", "phrase": "областного бюджета"},
                    {"label": "budget", "pattern": [{"LEMMA": "бюджет"}]},
                    {"label": "abbr", "pattern": [{"ORTH": "ОБ"}]})
    assert pats.labels == ["regional", "budget", "abbr"]
    assert pats.find_in_words(WORDS) == [("regional", 1, 3), ("abbr", 4, 5), ("budget", 10, 11)]


def test_a_bad_line_names_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"label": "a", "phrase": "x"}\n{"phrase": "y"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.jsonl:2"):
        Patterns(VOCAB, lemma, path)
