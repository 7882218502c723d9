"""Named people with their positions: natasha PER spans plus the apposition around them.

A record needs at least two words of a name («Олег Быков», «И.И. Иванов»): a lone
capitalised word is too often a place, a brand or a sentence start. Names become nominative
word by word («с Олегом Быковым» → «Олег Быков»); pymorphy3 knows most first names,
and the common surname endings are rewritten by the table below when it does not.
"""

from __future__ import annotations

import re

from stratdoc.extract import nlp
from stratdoc.extract.narrative_text import Narrative, copy_case, document_to_narrative
from stratdoc.extract.org_rules import OrgMention
from stratdoc.extract.organizations import organization_mentions
from stratdoc.extract.positions import Position, position_after, position_before
from stratdoc.schema import Document, Person

CASES = {"Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}
NAME_TAGS = ("Name", "Surn", "Patr")
# Oblique endings of Russian surnames → nominative, by gender: (ending, replacement).
SURNAME_ENDINGS: dict[str, tuple[tuple[str, str], ...]] = {
    "Masc": (("овым", "ов"), ("евым", "ев"), ("ёвым", "ёв"), ("иным", "ин"), ("ыным", "ын"),
             ("ова", "ов"), ("ева", "ев"), ("ёва", "ёв"), ("ина", "ин"), ("ына", "ын"),
             ("ову", "ов"), ("еву", "ев"), ("ину", "ин"), ("ыну", "ын"),
             ("ове", "ов"), ("еве", "ев"), ("ине", "ин"), ("ыне", "ын"),
             ("ского", "ский"), ("скому", "ский"), ("ским", "ский"), ("ском", "ский"),
             ("цкого", "цкий"), ("цкому", "цкий"), ("цким", "цкий"), ("цком", "цкий")),
    "Fem": (("овой", "ова"), ("евой", "ева"), ("иной", "ина"), ("ыной", "ына"),
            ("ову", "ова"), ("еву", "ева"), ("ину", "ина"),
            ("ской", "ская"), ("скую", "ская"), ("цкой", "цкая"), ("цкую", "цкая")),
}
# Endings of Russian surnames, for surnames the dictionary knows only as other words.
SURNAME_SUFFIXES = ("ов", "ев", "ёв", "ин", "ын", "ова", "ева", "ёва", "ина", "ына", "ский", "цкий", "ская",
                    "цкая", "ян", "янц", "енко", "ук", "юк", "ич", "их", "ых", "ко", "дзе", "швили", "ой",
                    "ий", "ый", "ая")
INITIAL = re.compile(r"^[А-ЯЁA-Z]\.(?:[А-ЯЁA-Z]\.)?$")
MIN_NAME_WORDS = 2


def extract_persons(doc: Document, nv: Narrative | None = None,
                    orgs: list[OrgMention] | None = None) -> list[Person]:
    """People of one document, one record per name, with the first position found."""
    nv = nv or document_to_narrative(doc)
    orgs = organization_mentions(nv) if orgs is None else orgs
    records: dict[str, Person] = {}
    for span in nv.spans:
        if span.type != "PER":
            continue
        idx = nv.token_range(span.start, span.end)
        bounds = trim_name(nv, idx.start, idx.stop - 1) if idx else None
        if bounds is None:
            continue
        first, last = bounds
        name = name_to_nominative(nv, first, last)
        position = position_before(nv, first) or position_after(nv, last)
        key = name.lower().replace("ё", "е")
        known = records.get(key)
        if known is not None:
            if known.position is None and position is not None:
                known.position = position.text
                known.organization = organization_in(position, orgs)
            continue
        records[key] = Person(
            name=name,
            position=position.text if position else None,
            organization=organization_in(position, orgs) if position else None,
            span=nv.span(nv.tokens[first].start, nv.tokens[last].end),
        )
    return list(records.values())


def trim_name(nv: Narrative, first: int, last: int) -> tuple[int, int] | None:
    """The name inside a PER span, or None when it is no full name.

    Words at the edges that are no name part go («Коломна Д.Б. Орлов Исполнителями» →
    «Д.Б. Орлов»); what is left needs two words, one of them more than an initial, and a
    first name, a patronymic or an initial, so a lone surname or a pair of capitalised words
    («Свято-Покровский Авраамиево») is no person.
    """
    kinds = [_name_part(nv, k) for k in range(first, last + 1)]
    if "junk" in kinds:
        return None
    lo, hi = 0, len(kinds) - 1
    while lo <= hi and kinds[lo] in ("other", "dot", "dash"):
        lo += 1
    while hi >= lo and kinds[hi] in ("other", "dash") or hi >= lo and kinds[hi] == "dot" and \
            (hi == 0 or kinds[hi - 1] != "initial"):
        hi -= 1
    kept = kinds[lo:hi + 1]
    words = [k for k in kept if k in ("initial", "name", "first")]
    if "other" in kept or len(words) < MIN_NAME_WORDS or not any(k in ("name", "first") for k in kept):
        return None
    if not any(k in ("first", "initial") for k in kept):
        return None
    return first + lo, first + hi


def _name_part(nv: Narrative, k: int) -> str:
    """initial, first (a first name or patronymic), name (a surname-like word), dot, dash,
    other (a dictionary word or a place) or junk (a character no name holds)."""
    tok = nv.tokens[k]
    text = tok.text
    if text == ".":
        return "dot"
    if text in ("-", "–"):
        return "dash"
    if not all(c.isalpha() or c in "-'" for c in text):
        return "junk"
    if len(text) == 1:
        return "initial" if text.isupper() else "other"
    if not text[:1].isupper():
        return "other"
    parses = nlp.models().morph.parse(text.lower())
    if any("Name" in p.tag or "Patr" in p.tag for p in parses[:3]):
        return "first"
    if any("Surn" in p.tag for p in parses):
        return "name"
    if text.isupper():
        return "other"
    if not nlp.models().morph.word_is_known(text.lower()):
        return "name"
    place = any("Geox" in p.tag or "Orgn" in p.tag for p in parses[:2])
    if text.lower().endswith(SURNAME_SUFFIXES) and not place:
        return "name"  # «Сучков» is also a form of «сучок»
    return "other"


def organization_in(position: Position, orgs: list[OrgMention]) -> str | None:
    """The outermost organization mentioned inside the position phrase."""
    inside = [m for m in orgs if position.start <= m.start and m.end <= position.end]
    if not inside:
        return None
    return min(inside, key=lambda m: (m.start, -m.end)).name


# nominative names ----------------------------------------------------------------------------------
def name_to_nominative(nv: Narrative, first: int, last: int) -> str:
    gender = _gender(nv, first, last)
    out = []
    pos = nv.tokens[first].start
    for k in range(first, last + 1):
        tok = nv.tokens[k]
        out.append(nv.text[pos:tok.start])
        out.append(name_word_to_nominative(tok.text, tok.feats.get("Case"), gender))
        pos = tok.end
    return " ".join("".join(out).split())


def _gender(nv: Narrative, first: int, last: int) -> str | None:
    """The gender of the first name; None for initials only (the tagger's guess misleads)."""
    for k in range(first, last + 1):
        if len(nv.tokens[k].text) < 2:
            continue
        for p in nlp.models().morph.parse(nv.tokens[k].text.lower()):
            if "Name" in p.tag and p.tag.gender in ("masc", "femn"):
                return "Masc" if p.tag.gender == "masc" else "Fem"
    return None


def name_word_to_nominative(word: str, case: str | None, gender: str | None) -> str:
    """One word of a name in the nominative. Without a first name the gender is unknown, and
    a word that reads as a nominative of either gender («Акимова») stays as printed."""
    if case not in CASES or INITIAL.match(word) or not re.search(r"[а-яё]", word.lower()):
        return word
    want = CASES[case]
    parses = nlp.models().morph.parse(word.lower())
    if gender is None and any("nomn" in p.tag for p in parses):
        return word
    for p in parses:
        if any(t in p.tag for t in NAME_TAGS) and want in p.tag:
            if gender and p.tag.gender and p.tag.gender != {"Masc": "masc", "Fem": "femn"}[gender] \
                    and "ms-f" not in p.tag:
                continue
            form = p.inflect({"nomn", "sing"})
            if form is not None:
                return copy_case(word, form.word)
    for ending, repl in SURNAME_ENDINGS.get(gender or "", ()):
        if word.lower().endswith(ending) and len(word) > len(ending) + 1:
            return word[: len(word) - len(ending)] + repl
    return word

