"""Which city and which federal subject a text names, and which ones a document is about.

Names are matched by lemmas, so «в Калужской области», «Калужская обл.» and «Псковскую
область» all hit the same gazetteer key (`lexicon/gazetteer.py`), and «в г. Сосновоборске»
becomes «Сосновоборск» through the dictionary's place reading even for a town the gazetteer
lacks.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from stratdoc.extract.lexicon.districts import text_districts, title_district
from stratdoc.extract.lexicon.gazetteer import (
    City,
    Gazetteer,
    KeyIndex,
    Region,
    Token,
    fold,
    gazetteer,
    geo_lemma,
    is_given_name,
    regions,
    tokenize,
    word_lemmas,
)
from stratdoc.extract.nlp import Nlp

__all__ = ["CITY_CUES", "NOT_A_CITY", "City", "PlaceHit", "Places", "Region", "TextWords", "cities",
           "city_by_phrase", "find_cities", "find_regions", "proper_place_lemmas", "regions",
           "regions_of_city", "settlement_nominative", "text_to_places", "tokenize", "word_lemmas"]

# Words right before a name that make it a settlement even when the dictionary does not know it
# as a place («г. Мирный», «ЗАТО Лесной», «городе Сосновоборске»).
CITY_CUES = frozenset({"г", "гор", "город", "зато", "пгт", "городской округ"})
CITY_CASES = frozenset({"городе", "города", "городу", "городом"})

# Lemmas of places bigger than a federal subject or not in Russia: never a municipality.
NOT_A_CITY = frozenset({
    "россия", "рф", "ссср", "снг", "европа", "азия", "сибирь", "урал", "кавказ", "поволжье",
    "цфо", "сзфо", "пфо", "юфо", "скфо", "уфо", "сфо", "дфо", "арктика", "город",
})


@dataclass(frozen=True)
class PlaceHit:
    """A mention of a region or city: its nominative name and where it stands."""

    name: str
    start: int
    end: int


@dataclass(frozen=True)
class TextWords:
    """A text's words with their lemma sets, made once for both the region and the city search."""

    text: str
    tokens: list[Token]
    lemmas: list[frozenset[str]]

    @classmethod
    def of(cls, text: str, nlp: Nlp) -> TextWords:
        tokens = tokenize(text)
        return cls(text, tokens, [word_lemmas(t.text, nlp) for t in tokens])


# the gazetteer, for callers outside this package ------------------------------------------
def cities(nlp: Nlp) -> tuple[City, ...]:
    return gazetteer(nlp).cities


def regions_of_city(name: str, nlp: Nlp) -> list[str]:
    return gazetteer(nlp).regions_of_city(name)


def proper_place_lemmas(nlp: Nlp) -> frozenset[str]:
    """Lemmas written with a capital inside a name: words naming regions and cities
    («тверской» of «Тверская область», «тверь»)."""
    return gazetteer(nlp).proper_lemmas


# matching ----------------------------------------------------------------------------------
def _match_at(words: TextWords, i: int, index: KeyIndex) -> tuple[str, int] | None:
    """The longest gazetteer key starting at word i: (name, number of words)."""
    tokens, lemmas = words.tokens, words.lemmas
    best: tuple[str, int] | None = None
    for lemma in lemmas[i]:
        for key, name in index.get(lemma, ()):
            n = len(key)
            if i + n > len(tokens) or (best and best[1] >= n):
                continue
            if all(key[j] in lemmas[i + j] for j in range(n)) and _adjacent(tokens, i, n):
                best = (name, n)
    return best


def _adjacent(tokens: list[Token], i: int, n: int) -> bool:
    """Words of one name stand next to each other: only spaces or a dash between them."""
    return all(tokens[j + 1].start - tokens[j].end <= 3 for j in range(i, i + n - 1))


def _scan(words: TextWords, hit_at: Callable[[int], tuple[PlaceHit, int] | None]) -> list[PlaceHit]:
    """Walk the words left to right; a hit skips the words of its name."""
    hits: list[PlaceHit] = []
    i = 0
    while i < len(words.tokens):
        found = hit_at(i)
        if found is None:
            i += 1
            continue
        hits.append(found[0])
        i += found[1]
    return hits


def _hit(words: TextWords, name: str, i: int, n: int) -> tuple[PlaceHit, int]:
    return PlaceHit(name, words.tokens[i].start, words.tokens[i + n - 1].end), n


def find_regions(text: str | TextWords, nlp: Nlp) -> list[PlaceHit]:
    """Every mention of a federal subject, by lemma keys («Красноярского края»)."""
    words = text if isinstance(text, TextWords) else TextWords.of(text, nlp)
    index = gazetteer(nlp).region_index

    def hit_at(i: int) -> tuple[PlaceHit, int] | None:
        m = _match_at(words, i, index)
        if m is None or (m[1] == 1 and not words.tokens[i].text[0].isupper()):
            return None  # a one-word name («Крым», «Удмуртия») is written with a capital
        return _hit(words, m[0], i, m[1])

    return _scan(words, hit_at)


def _after_cue(tokens: list[Token], i: int) -> bool:
    if i == 0:
        return False
    prev = fold(tokens[i - 1].text)
    if prev in CITY_CUES or prev in CITY_CASES:
        return True
    return i >= 2 and fold(tokens[i - 2].text) == "городской" and prev.startswith("округ")


def _at_sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 8):start].rstrip(" \t«\"(")
    return not before or before[-1] in ".!?\n"


def find_cities(text: str | TextWords, nlp: Nlp) -> list[PlaceHit]:
    """Mentions of settlements, nominative.

    A gazetteer city counts when it is capitalised and either the dictionary knows the word as
    a place or a cue («г.», «город», «ЗАТО») stands before it; a town the gazetteer lacks counts
    only after a cue. Words after a first name or initials are surnames, not towns.
    """
    words = text if isinstance(text, TextWords) else TextWords.of(text, nlp)
    tokens = words.tokens
    index = gazetteer(nlp).city_index

    def hit_at(i: int) -> tuple[PlaceHit, int] | None:
        tok = tokens[i]
        cue = tok.text[0].isupper() and _after_cue(tokens, i)
        if not tok.text[0].isupper() or _after_person(words, i, nlp) or (
                not cue and _before_surname(tokens, i, nlp)):
            return None
        m = _match_at(words, i, index)
        if m is not None:
            name, n = m
            last = tokens[i + n - 1].text
            names_upper = all(t.text[0].isupper() for t in tokens[i:i + n])
            place = geo_lemma(last, nlp) is not None
            if n == 1 and _at_sentence_start(words.text, tok.start) and not cue:
                parses = nlp.parses(last)
                place = bool(parses) and "Geox" in parses[0].grammemes
            if names_upper and (cue or place):
                return _hit(words, name, i, n)
        elif cue:
            town = settlement_nominative(tok.text, nlp)
            if town is not None:
                return _hit(words, town, i, 1)
        return None

    return _scan(words, hit_at)


def _after_person(words: TextWords, i: int, nlp: Nlp) -> bool:
    """The word follows a first name or initials («Сергей Королёв», «А.Н. Киров»)."""
    if i == 0:
        return False
    prev = words.tokens[i - 1]
    gap = words.text[prev.end:words.tokens[i].start]
    if len(prev.text) == 1 and prev.text.isupper() and gap.strip() == ".":
        return True
    if gap.strip() or not prev.text[0].isupper():
        return False
    parses = nlp.parses(prev.text)
    return bool(parses) and is_given_name(parses[0].grammemes)


def _before_surname(tokens: list[Token], i: int, nlp: Nlp) -> bool:
    """A first name followed by a capitalised word («Владимир Зарудный») names a person."""
    if i + 1 >= len(tokens) or tokens[i + 1].start - tokens[i].end != 1:
        return False
    nxt = tokens[i + 1].text
    return nxt[0].isupper() and not nxt.isupper() and any(
        is_given_name(p.grammemes) for p in nlp.parses(tokens[i].text))


def settlement_nominative(word: str, nlp: Nlp) -> str | None:
    """Nominative of a settlement name after a cue («Сосновоборске» → «Сосновоборск»), gazetteer first."""
    lemmas = word_lemmas(word, nlp)
    for c in gazetteer(nlp).cities:
        if len(c.key) == 1 and c.key[0] in lemmas:
            return c.name
    geo = geo_lemma(word, nlp)
    if geo is None or geo in NOT_A_CITY:
        return None
    printed = next(p.lemma for p in nlp.parses(word) if "Geox" in p.grammemes)  # «ё» as printed
    return "-".join(part[:1].upper() + part[1:] for part in printed.split("-"))


def city_by_phrase(phrase: str, nlp: Nlp) -> str | None:
    """A gazetteer or dictionary city named by a short phrase («Пскова», «Город Псков»)."""
    hits = find_cities(phrase, nlp)
    if hits:
        return hits[0].name
    words = [t.text for t in tokenize(phrase) if fold(t.text) not in CITY_CUES]
    if len(words) == 1 and words[0][0].isupper():
        return settlement_nominative(words[0], nlp)
    return None


# deciding ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Places:
    municipality: str | None
    region: str | None


# A municipality named in the title: «городского округа "Город Псков"», «ЗАТО Северск»,
# «муниципального образования «Город Псков»», «города Твери», «г. Тверь», «городского округа Самара».
TITLE_CITY_PATTERNS = (
    re.compile(r"[«\"“]\s*[Гг]ород\s+(?P<name>[А-ЯЁ][А-Яа-яЁё-]+(?:\s+[А-ЯЁ][а-яё-]+)?)\s*[»\"”]"),
    re.compile(r"(?<![А-Яа-яЁё])(?:ЗАТО|г\.|города|городе|город|городско(?:го|й|м)\s+округ[ае]?)\s*"
               r"(?:г\.\s*)?(?P<name>[А-ЯЁ][А-Яа-яЁё-]+(?:\s+[А-ЯЁ][а-яё-]+)?)"),
)


def title_city(title: str, nlp: Nlp) -> str | None:
    for pattern in TITLE_CITY_PATTERNS:
        for m in pattern.finditer(title):
            name = city_by_phrase(m.group("name"), nlp)
            if name is None:
                first = m.group("name").split()[0]
                name = city_by_phrase(first, nlp)
            if name is not None:
                return name
    return None


# Words of a municipal body or territory: a phrase holding them is no regional one even when it
# names the region («администрации Заинского муниципального района Республики Татарстан»).
MUNICIPAL_WORDS_RE = re.compile(r"муниципальн|район|город|поселени|поселк|посёлк|(?<!автономный )округ",
                                re.IGNORECASE)


def text_to_places(text: str, nlp: Nlp, title: str | None = None, issuer: str | None = None) -> Places:
    """Decide the municipality and region from the title and a bounded prefix of the text.

    The title (then the issuing body) decides when it names a city (the city), a municipal
    district (the district) or only a region (a regional document: no municipality). Otherwise
    a district the text names more often than any city (a district's item names its villages,
    not a city), else the most mentioned city wins. The region is the one the text names that holds the city;
    else the city's region from the gazetteer when that is unambiguous (a regional capital wins
    a tie of namesakes); else the most named region. A district's region is the most named one,
    else the one its adjective names («Томский район» → «Томская область»), else the region
    of the city the text names most.
    """
    city, district, title_regions, phrase = None, None, [], ""
    for phrase in (title or "", issuer or ""):
        if not phrase:
            continue
        city = title_city(phrase, nlp)
        district = title_district(phrase, nlp) if city is None else None
        title_regions = [] if MUNICIPAL_WORDS_RE.search(phrase) else find_regions(phrase, nlp)
        if city is not None or district is not None or title_regions:
            break
    words = TextWords.of(text, nlp)
    city_hits = find_cities(words, nlp)
    region_counts = Counter(h.name for h in find_regions(words, nlp))
    for h in title_regions:
        region_counts[h.name] += 5
    places = gazetteer(nlp)
    if district is not None:
        for h in find_regions(phrase, nlp):
            region_counts[h.name] += 5  # «… муниципального района Республики Татарстан»
        return Places(district[0], _region_for_district(district[1], region_counts, city_hits, places))
    if city is None and not title_regions:
        named = text_districts(text, nlp).most_common(1)
        if named and named[0][1] > max(Counter(h.name for h in city_hits).values(), default=0):
            adjective = named[0][0][1]
            return Places(named[0][0][0], _region_for_district(adjective, region_counts, city_hits, places))
        city = _most_mentioned(city_hits)
    region = _region_for(city, region_counts, [h.name for h in title_regions], places)
    return Places(city, region)


def _region_for_district(adjective: str, counts: Counter[str], city_hits: list[PlaceHit],
                         places: Gazetteer) -> str | None:
    if counts:
        return counts.most_common(1)[0][0]
    named = [r.name for r in places.regions if any(adjective in key for key in r.keys)]
    if len(named) == 1:
        return named[0]
    city = _most_mentioned(city_hits)
    return _region_for(city, counts, [], places) if city is not None else None


def _most_mentioned(hits: list[PlaceHit]) -> str | None:
    counts = Counter(h.name for h in hits)
    if not counts:
        return None
    first = {h.name: h.start for h in reversed(hits)}
    return max(counts, key=lambda n: (counts[n], -first[n]))


def _region_for(city: str | None, counts: Counter[str], title_regions: list[str],
                places: Gazetteer) -> str | None:
    if city is not None:
        homes = places.regions_of_city(city)
        if city in {r.name for r in places.regions}:
            return city  # a federal city is its own region
        named = [r for r in homes if counts.get(r)]
        if named:
            return max(named, key=lambda r: counts[r])
        if homes:
            capitals = [c.region for c in places.cities if c.name == city and c.capital]
            if len(set(homes)) == 1:
                return homes[0]
            return capitals[0] if len(capitals) == 1 else None
    if title_regions:
        return title_regions[0]
    if not counts:
        return None
    return counts.most_common(1)[0][0]
