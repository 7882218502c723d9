"""Vocabularies kept as spaCy pattern files, read as plain data for the readers that need only
the words (a table cell's first word, a regex of abbreviations), not a matcher."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from stratdoc.extract.nlp.matching import read_pattern_file

DATA = Path(__file__).with_name("data")


@cache
def pattern_entries(path: Path) -> tuple[dict, ...]:
    """The entries of a pattern file, read as the matchers read it."""
    return tuple(entry for _, entry in read_pattern_file(path))


def lemma_values(token: dict, attr: str = "LEMMA") -> tuple[str, ...]:
    """The values one token pattern accepts for `attr`: {"LEMMA": "форум"} or {"LEMMA": {"IN": […]}}."""
    value = token[attr]
    return tuple(value["IN"]) if isinstance(value, dict) else (value,)


def token_values(path: Path, label: str, attr: str) -> tuple[str, ...]:
    """Every value of `attr` («LEMMA», «ORTH») in the one-token patterns labelled `label`,
    a value list («IN») spread out, in file order."""
    out: list[str] = []
    for entry in pattern_entries(path):
        if entry["label"] != label:
            continue
        out.extend(lemma_values(entry["pattern"][0], attr))
    return tuple(out)
