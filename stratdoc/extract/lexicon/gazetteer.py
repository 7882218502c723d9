"""The gazetteers of federal subjects and cities, and the lemma keys they are looked up by.

The data are files: ``data/regions.tsv`` (all 89 subjects with the lemma keys that name them)
and ``data/cities.tsv`` (capitals, cities over ~50k people, closed towns). A city's key is
derived from its name with the same lemmatizer the text goes through («Набережные Челны» →
«набережный челны»), so the key always matches what that lemmatizer makes of the text: it is
built once per `Nlp` object (`gazetteer(nlp)`), not written by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from stratdoc.extract.lexicon.lines import TextSpan, fold
from stratdoc.extract.nlp import Nlp

DATA = Path(__file__).resolve().parent / "data"

WORD_RE = re.compile(r"[А-Яа-яЁёA-Za-z0-9]+(?:-[А-Яа-яЁёA-Za-z0-9]+)*")

# Abbreviations that stand for a region-type word in official texts («Тверской обл.»).
ABBREVIATIONS: dict[str, str] = {"обл": "область", "респ": "республика", "кр": "край"}

# Words of region names that are common nouns and adjectives, written in lower case in a title.
GENERIC_REGION_WORDS = frozenset({"республика", "область", "край", "автономный", "округ", "народный",
                                  "северный", "горный"})

Key = tuple[str, ...]
# first lemma of a key → (key, name) entries, longest key first
KeyIndex = dict[str, list[tuple[Key, str]]]


@dataclass(frozen=True)
class Region:
    name: str
    type: str
    keys: tuple[Key, ...]
    capital: str


@dataclass(frozen=True)
class City:
    name: str
    region: str
    tags: frozenset[str]
    key: Key

    @property
    def capital(self) -> bool:
        return "capital" in self.tags


Token = TextSpan  # a word with its offsets


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in WORD_RE.finditer(text)]


def _read_tsv(path: Path) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if header is None:
            header = cols
            continue
        rows.append(dict(zip(header, cols + [""] * (len(header) - len(cols)), strict=True)))
    return rows


# lemmas ------------------------------------------------------------------------------------
def is_given_name(grammemes: frozenset[str]) -> bool:
    """A first name or a patronymic reading («Сергей», «Ивановна»)."""
    return "Name" in grammemes or "Patr" in grammemes


def word_lemmas(word: str, nlp: Nlp) -> frozenset[str]:
    """Every normal form the word may have, plus the word itself (lower case, ё as е)."""
    low = fold(word)
    lemmas = {low, *(fold(p.lemma) for p in nlp.parses(word))}
    if low in ABBREVIATIONS:
        lemmas.add(ABBREVIATIONS[low])
    return frozenset(lemmas)


def geo_lemma(word: str, nlp: Nlp) -> str | None:
    """The place-name normal form of a word («Сосновоборске» → «сосновоборск»), None when it is no place."""
    for p in nlp.parses(word):
        if "Geox" in p.grammemes:
            return fold(p.lemma)
    return None


def _key_of(name: str, nlp: Nlp) -> Key:
    """Lemma key of a gazetteer name: the place reading of each word where there is one."""
    key = []
    for tok in tokenize(name):
        parses = nlp.parses(tok.text)
        key.append(geo_lemma(tok.text, nlp) or (fold(parses[0].lemma) if parses else fold(tok.text)))
    return tuple(key)


# gazetteers --------------------------------------------------------------------------------
@cache
def regions() -> tuple[Region, ...]:
    out = []
    for row in _read_tsv(DATA / "regions.tsv"):
        keys = tuple(tuple(k.split()) for k in row["keys"].split(";") if k.strip())
        out.append(Region(row["name"], row["type"], keys, row["capital"]))
    return tuple(out)


def _index(entries: list[tuple[Key, str]]) -> KeyIndex:
    index: KeyIndex = {}
    for entry in entries:
        if entry not in index.setdefault(entry[0][0], []):
            index[entry[0][0]].append(entry)
    for found in index.values():
        found.sort(key=lambda e: -len(e[0]))
    return index


@dataclass(frozen=True)
class Gazetteer:
    """Regions and cities with their lemma indexes, as one lemmatizer reads them."""

    regions: tuple[Region, ...]
    cities: tuple[City, ...]
    region_index: KeyIndex
    city_index: KeyIndex
    proper_lemmas: frozenset[str]

    def regions_of_city(self, name: str) -> list[str]:
        """Regions holding a city of this name (several for «Заречный»), capitals first."""
        found = [c for c in self.cities if fold(c.name) == fold(name)]
        found.sort(key=lambda c: not c.capital)
        return [c.region for c in found]


def _build(nlp: Nlp) -> Gazetteer:
    subjects = regions()
    towns = tuple(City(row["name"], row["region"], frozenset(t for t in row["tags"].split(",") if t),
                       _key_of(row["name"], nlp))
                  for row in _read_tsv(DATA / "cities.tsv"))
    # lemmas written with a capital inside a name: «тверской» of «Тверская область», «тверь»
    proper = {w for r in subjects for key in r.keys for w in key if w not in GENERIC_REGION_WORDS}
    proper.update(w for c in towns for w in c.key)
    return Gazetteer(subjects, towns, _index([(key, r.name) for r in subjects for key in r.keys]),
                     _index([(c.key, c.name) for c in towns]), frozenset(proper))


def gazetteer(nlp: Nlp) -> Gazetteer:
    """The gazetteer keyed by `nlp`'s lemmas, built on first use for each `Nlp` object."""
    return nlp.derived(gazetteer, lambda: _build(nlp))
