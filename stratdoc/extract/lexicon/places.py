"""Which city and which federal subject a document is about.

Names are matched by lemmas (pymorphy3), so «в Калужской области», «Калужская обл.» and
«Псковскую область» all hit the same gazetteer key, and «в г. Сосновоборске» becomes «Сосновоборск» through
pymorphy's Geox parse even for a town the gazetteer lacks. The gazetteers are data files:
``stratdoc/extract/lexicon/data/regions.tsv`` (all 89 subjects with the lemma keys that name them) and
``stratdoc/extract/lexicon/data/cities.tsv`` (capitals, cities over ~50k people, closed towns).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"

WORD_RE = re.compile(r"[А-Яа-яЁёA-Za-z0-9]+(?:-[А-Яа-яЁёA-Za-z0-9]+)*")

# Abbreviations that stand for a region-type word in official texts («Тверской обл.»).
ABBREVIATIONS: dict[str, str] = {"обл": "область", "респ": "республика", "кр": "край"}

# Words right before a name that make it a settlement even when pymorphy does not know it
# as a place («г. Мирный», «ЗАТО Лесной», «городе Сосновоборске»).
CITY_CUES = frozenset({"г", "гор", "город", "зато", "пгт", "городской округ"})

# Lemmas of places bigger than a federal subject or not in Russia: never a municipality.
NOT_A_CITY = frozenset({
    "россия", "рф", "ссср", "снг", "европа", "азия", "сибирь", "урал", "кавказ", "поволжье",
    "цфо", "сзфо", "пфо", "юфо", "скфо", "уфо", "сфо", "дфо", "арктика", "город",
})


@dataclass(frozen=True)
class Region:
    name: str
    type: str
    keys: tuple[tuple[str, ...], ...]
    capital: str


@dataclass(frozen=True)
class City:
    name: str
    region: str
    tags: frozenset[str]
    key: tuple[str, ...]

    @property
    def capital(self) -> bool:
        return "capital" in self.tags


@dataclass(frozen=True)
class PlaceHit:
    """A mention of a region or city: its nominative name and where it stands."""

    name: str
    start: int
    end: int


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


def _norm(s: str) -> str:
    return s.lower().replace("ё", "е")


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
@cache
def _parses(word: str) -> tuple[tuple[str, bool, bool], ...]:
    """(normal form, is a place name, is a first name or patronymic) for each pymorphy parse."""
    from stratdoc.extract.nlp import morph

    out = []
    for p in morph().parse(word.lower()):
        tag = p.tag
        out.append((_norm(p.normal_form), "Geox" in tag, "Name" in tag or "Patr" in tag))
    return tuple(out)


def word_lemmas(word: str) -> frozenset[str]:
    """Every normal form the word may have, plus the word itself (lower case, ё as е)."""
    low = _norm(word)
    lemmas = {low, *(n for n, _, _ in _parses(word))}
    if low in ABBREVIATIONS:
        lemmas.add(ABBREVIATIONS[low])
    return frozenset(lemmas)


def geo_lemma(word: str) -> str | None:
    """The place-name normal form of a word («Сосновоборске» → «сосновоборск»), None when it is no place."""
    for normal, geo, _ in _parses(word):
        if geo:
            return normal
    return None


def top_is_geo(word: str) -> bool:
    parses = _parses(word)
    return bool(parses) and parses[0][1]


def is_first_name(word: str) -> bool:
    parses = _parses(word)
    return bool(parses) and parses[0][2]


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in WORD_RE.finditer(text)]


def _key_of(name: str) -> tuple[str, ...]:
    """Lemma key of a gazetteer name: the place reading of each word where there is one."""
    key = []
    for tok in tokenize(name):
        key.append(geo_lemma(tok.text) or (_parses(tok.text)[0][0] if _parses(tok.text) else _norm(tok.text)))
    return tuple(key)


# gazetteers --------------------------------------------------------------------------------
@cache
def regions() -> tuple[Region, ...]:
    out = []
    for row in _read_tsv(DATA / "regions.tsv"):
        keys = tuple(tuple(k.split()) for k in row["keys"].split(";") if k.strip())
        out.append(Region(row["name"], row["type"], keys, row["capital"]))
    return tuple(out)


@cache
def cities() -> tuple[City, ...]:
    out = []
    for row in _read_tsv(DATA / "cities.tsv"):
        tags = frozenset(t for t in row["tags"].split(",") if t)
        out.append(City(row["name"], row["region"], tags, _key_of(row["name"])))
    return tuple(out)


@cache
def _region_index() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for r in regions():
        for key in r.keys:
            index.setdefault(key[0], []).append((key, r.name))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))
    return index


@cache
def _city_index() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for c in cities():
        entry = (c.key, c.name)
        if entry not in index.setdefault(c.key[0], []):
            index[c.key[0]].append(entry)
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))
    return index


GENERIC_REGION_WORDS = frozenset({"республика", "область", "край", "автономный", "округ", "народный",
                                  "северный", "горный"})


@cache
def proper_place_lemmas() -> frozenset[str]:
    """Lemmas written with a capital inside a name: words naming regions and cities
    («тверской» of «Тверская область», «тверь»)."""
    proper: set[str] = set()
    for r in regions():
        for key in r.keys:
            proper.update(w for w in key if w not in GENERIC_REGION_WORDS)
    for c in cities():
        proper.update(c.key)
    return frozenset(proper)


def regions_of_city(name: str) -> list[str]:
    """Regions holding a city of this name (several for «Заречный»), capitals first."""
    found = [c for c in cities() if _norm(c.name) == _norm(name)]
    found.sort(key=lambda c: not c.capital)
    return [c.region for c in found]


# matching ----------------------------------------------------------------------------------
def _match_at(tokens: list[Token], lemmas: list[frozenset[str]], i: int,
              index: dict[str, list[tuple[tuple[str, ...], str]]]) -> tuple[str, int] | None:
    """The longest gazetteer key starting at token i: (name, number of tokens)."""
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


def find_regions(text: str) -> list[PlaceHit]:
    """Every mention of a federal subject, by lemma keys («Красноярского края»)."""
    tokens = tokenize(text)
    lemmas = [word_lemmas(t.text) for t in tokens]
    index = _region_index()
    hits: list[PlaceHit] = []
    i = 0
    while i < len(tokens):
        m = _match_at(tokens, lemmas, i, index)
        if m is None or (m[1] == 1 and not tokens[i].text[0].isupper()):
            i += 1  # a one-word name («Крым», «Удмуртия») is written with a capital
            continue
        name, n = m
        hits.append(PlaceHit(name, tokens[i].start, tokens[i + n - 1].end))
        i += n
    return hits


def _after_cue(text: str, tokens: list[Token], i: int) -> bool:
    if i == 0:
        return False
    prev = _norm(tokens[i - 1].text)
    if prev in CITY_CUES or prev in ("городе", "города", "городу", "городом"):
        return True
    return i >= 2 and _norm(tokens[i - 2].text) == "городской" and prev.startswith("округ")


def _at_sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 8):start].rstrip(" \t«\"(")
    return not before or before[-1] in ".!?\n"


def find_cities(text: str) -> list[PlaceHit]:
    """Mentions of settlements, nominative.

    A gazetteer city counts when it is capitalised and either pymorphy knows the word as a
    place or a cue («г.», «город», «ЗАТО») stands before it; a town the gazetteer lacks counts
    only after a cue. Words after a first name or initials are surnames, not towns.
    """
    tokens = tokenize(text)
    lemmas = [word_lemmas(t.text) for t in tokens]
    index = _city_index()
    hits: list[PlaceHit] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        cue = tok.text[0].isupper() and _after_cue(text, tokens, i)
        if not tok.text[0].isupper() or _after_person(text, tokens, i) or (
                not cue and _before_surname(tokens, i)):
            i += 1
            continue
        m = _match_at(tokens, lemmas, i, index)
        if m is not None:
            name, n = m
            last = tokens[i + n - 1].text
            names_upper = all(t.text[0].isupper() for t in tokens[i:i + n])
            place = geo_lemma(last) is not None
            if n == 1 and _at_sentence_start(text, tok.start) and not cue:
                place = top_is_geo(last)
            if names_upper and (cue or place):
                hits.append(PlaceHit(name, tok.start, tokens[i + n - 1].end))
                i += n
                continue
        elif cue:
            name = settlement_nominative(tok.text)
            if name is not None:
                hits.append(PlaceHit(name, tok.start, tok.end))
        i += 1
    return hits


def _after_person(text: str, tokens: list[Token], i: int) -> bool:
    """The word follows a first name or initials («Сергей Королёв», «А.Н. Киров»)."""
    if i == 0:
        return False
    prev = tokens[i - 1]
    gap = text[prev.end:tokens[i].start]
    if len(prev.text) == 1 and prev.text.isupper() and gap.strip() == ".":
        return True
    return gap.strip() == "" and prev.text[0].isupper() and is_first_name(prev.text)


def _before_surname(tokens: list[Token], i: int) -> bool:
    """A first name followed by a capitalised word («Владимир Зарудный») names a person."""
    if i + 1 >= len(tokens) or tokens[i + 1].start - tokens[i].end != 1:
        return False
    nxt = tokens[i + 1].text
    return nxt[0].isupper() and not nxt.isupper() and any(name for _, _, name in _parses(tokens[i].text))


def settlement_nominative(word: str) -> str | None:
    """Nominative of a settlement name after a cue («Сосновоборске» → «Сосновоборск»), gazetteer first."""
    lemmas = word_lemmas(word)
    for c in cities():
        if len(c.key) == 1 and c.key[0] in lemmas:
            return c.name
    geo = geo_lemma(word)
    if geo is None or geo in NOT_A_CITY:
        return None
    return "-".join(part[:1].upper() + part[1:] for part in geo.split("-"))


def city_by_phrase(phrase: str) -> str | None:
    """A gazetteer or pymorphy city named by a short phrase («Пскова», «Город Псков»)."""
    hits = find_cities(phrase)
    if hits:
        return hits[0].name
    words = [t.text for t in tokenize(phrase) if _norm(t.text) not in CITY_CUES]
    if len(words) == 1 and words[0][0].isupper():
        return settlement_nominative(words[0])
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


def title_city(title: str) -> str | None:
    for pattern in TITLE_CITY_PATTERNS:
        for m in pattern.finditer(title):
            name = city_by_phrase(m.group("name"))
            if name is None:
                first = m.group("name").split()[0]
                name = city_by_phrase(first)
            if name is not None:
                return name
    return None


# Words of a municipal body or territory: a phrase holding them is no regional one even when it
# names the region («администрации Заинского муниципального района Республики Татарстан»).
MUNICIPAL_WORDS_RE = re.compile(r"муниципальн|район|город|поселени|поселк|посёлк|(?<!автономный )округ",
                                re.IGNORECASE)


# A municipal district named in a title: «Томский район», «Пермского муниципального округа»,
# «муниципального образования «Томский район»». A bare «округ» is too often «городской округ».
DISTRICT_RE = re.compile(r"(?<![А-Яа-яЁё])(?P<adj>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?)\s+"
                         r"(?:(?P<mun>муниципальн[а-яё]+)\s+(?P<noun>район|округ)|(?P<raion>район))[а-яё]*"
                         r"(?![А-Яа-яЁё])")
# Adjectives before «район» / «округ» that name no district.
NOT_DISTRICT_ADJECTIVES = frozenset({"городской", "муниципальный", "сельский", "административный",
                                     "автономный", "федеральный", "внутригородской", "новый", "каждый",
                                     "этот", "данный", "соседний", "наш", "весь", "свой", "который"})


def title_district(phrase: str) -> tuple[str, str] | None:
    """(nominative name, lemma of its adjective) of a district the phrase names."""
    from stratdoc.extract.nlp import morph

    for m in DISTRICT_RE.finditer(phrase):
        adj = next((p for p in morph().parse(m.group("adj").lower()) if p.tag.POS == "ADJF"), None)
        if adj is None or adj.normal_form in NOT_DISTRICT_ADJECTIVES:
            continue
        words = [adj.inflect({"nomn", "masc", "sing"})]
        if m.group("mun"):
            mun = next((p for p in morph().parse(m.group("mun").lower()) if p.tag.POS == "ADJF"), None)
            words.append(mun.inflect({"nomn", "masc", "sing"}) if mun is not None else None)
        if any(w is None for w in words):
            continue
        name = " ".join([words[0].word.capitalize()] + [w.word for w in words[1:]]
                        + [m.group("noun") or m.group("raion")])
        return name, adj.normal_form.replace("ё", "е")
    return None


def text_to_places(text: str, title: str | None = None, issuer: str | None = None) -> Places:
    """Decide the municipality and region from the title and a bounded prefix of the text.

    The title (then the issuing body) decides when it names a city (the city), a municipal
    district (the district) or only a region (a regional document: no municipality). Otherwise
    the most mentioned city wins. The region is the one the text names that holds the city;
    else the city's region from the gazetteer when that is unambiguous (a regional capital wins
    a tie of namesakes); else the most named region. A district's region is the most named one,
    else the one its adjective names («Томский район» → «Томская область»), else the region
    of the city the text names most.
    """
    city, district, title_regions, phrase = None, None, [], ""
    for phrase in (title or "", issuer or ""):
        if not phrase:
            continue
        city = title_city(phrase)
        district = title_district(phrase) if city is None else None
        title_regions = [] if MUNICIPAL_WORDS_RE.search(phrase) else find_regions(phrase)
        if city is not None or district is not None or title_regions:
            break
    city_hits = find_cities(text)
    region_counts = Counter(h.name for h in find_regions(text))
    for h in title_regions:
        region_counts[h.name] += 5
    if district is not None:
        for h in find_regions(phrase):
            region_counts[h.name] += 5  # «… муниципального района Республики Татарстан»
        return Places(district[0], _region_for_district(district[1], region_counts, city_hits))
    if city is None and not title_regions:
        city = _most_mentioned(city_hits)
    region = _region_for(city, region_counts, [h.name for h in title_regions])
    return Places(city, region)


def _region_for_district(adjective: str, counts: Counter[str], city_hits: list[PlaceHit]) -> str | None:
    if counts:
        return counts.most_common(1)[0][0]
    named = [r.name for r in regions() if any(adjective in key for key in r.keys)]
    if len(named) == 1:
        return named[0]
    city = _most_mentioned(city_hits)
    return _region_for(city, counts, []) if city is not None else None


def _most_mentioned(hits: list[PlaceHit]) -> str | None:
    counts = Counter(h.name for h in hits)
    if not counts:
        return None
    first = {h.name: h.start for h in reversed(hits)}
    return max(counts, key=lambda n: (counts[n], -first[n]))


def _region_for(city: str | None, counts: Counter[str], title_regions: list[str]) -> str | None:
    if city is not None:
        homes = regions_of_city(city)
        if city in {r.name for r in regions()}:
            return city  # a federal city is its own region
        named = [r for r in homes if counts.get(r)]
        if named:
            return max(named, key=lambda r: counts[r])
        if homes:
            capitals = [c.region for c in cities() if c.name == city and c.capital]
            if len(set(homes)) == 1:
                return homes[0]
            return capitals[0] if len(capitals) == 1 else None
    if title_regions:
        return title_regions[0]
    if not counts:
        return None
    return counts.most_common(1)[0][0]
