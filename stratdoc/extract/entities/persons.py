"""Named people with their positions: natasha PER spans plus the apposition around them.

A record needs at least two words of a name («Олег Быков», «И.И. Иванов»): a lone
capitalised word is too often a place, a brand or a sentence start. Names become nominative
word by word («с Олегом Быковым» → «Олег Быков»); pymorphy3 knows most first names,
and the common surname endings are rewritten by the table below when it does not.

A name never runs over a tab or a line break (a table cell's or a line's edge), a name after
«ул.», «пр-т», «имени», «г.» … names a street, a town or a dedication, and a name in a table
cell with no position beside it is left out: registers and plans print people's names mostly
in addresses. A signature block («Глава городского округа⏎С.Н. ГРОМОВ») is read by lines:
the name line and the position lines above it (or the cells before it on its row).
"""

from __future__ import annotations

import re

from stratdoc.extract.entities.member_lists import member_list_entries
from stratdoc.extract.entities.name_forms import (
    INITIAL,
    SURNAME_ENDINGS,
    first_name_and_patronymic,
    join_name_forms,
    person_key,
)
from stratdoc.extract.entities.narrative import (
    CASES,
    GENDERS,
    Narrative,
    after_place_word,
    document_to_narrative,
)
from stratdoc.extract.entities.org_rules import OrgMention
from stratdoc.extract.entities.organizations import organization_mentions
from stratdoc.extract.entities.positions import (
    PREFIXES,
    Position,
    opens_position,
    position_after,
    position_before,
)
from stratdoc.extract.lexicon.lines import copy_case, text_to_lines
from stratdoc.extract.nlp import Nlp
from stratdoc.schema import Document, Person

NAME_TAGS = ("Name", "Surn", "Patr")
# Endings of Russian surnames, for surnames the dictionary knows only as other words.
SURNAME_SUFFIXES = ("ов", "ев", "ёв", "ин", "ын", "ова", "ева", "ёва", "ина", "ына", "ский", "цкий", "ская",
                    "цкая", "ян", "янц", "енко", "ук", "юк", "ич", "их", "ых", "ко", "дзе", "швили", "ой",
                    "ий", "ый", "ая")
MIN_NAME_WORDS = 2

# A signature's name line: «С.Н. ГРОМОВ», «А.Н.МИХАЙЛОВ», «Громов С.Н.».
SIGNATURE_NAME = re.compile(
    r"(?:[А-ЯЁ]\.\s?){1,2}(?P<s1>[А-ЯЁ][А-ЯЁа-яё]+(?:-[А-ЯЁ][А-ЯЁа-яё]+)?)"
    r"|(?P<s2>[А-ЯЁ][А-ЯЁа-яё]+(?:-[А-ЯЁ][А-ЯЁа-яё]+)?)\s(?:[А-ЯЁ]\.\s?){1,2}")
MAX_SIGNATURE_POSITION_LINES = 3
MAX_SIGNATURE_LINE_CHARS = 80
# A list of the document's authors: a label line («Авторский коллектив:», «Разработчики»,
# «Составители», «Исполнители», «Ответственный за выпуск») or several names with initials
# within a few lines. Such names say who wrote the text, not whom it is about.
AUTHOR_LABEL = re.compile(r"^\s*(?:автор\w*(?:\s+коллектив\w*)?|разработчик\w*|составител\w*|исполнител\w*"
                          r"|ответственн\w*\s+за\s+выпуск|подготовил\w*)\b", re.IGNORECASE)
AUTHOR_LIST_LINES = 3  # lines looked at around a name (and above it, for a label)


def extract_persons(doc: Document, nv: Narrative | None = None,
                    orgs: list[OrgMention] | None = None, *, nlp: Nlp) -> list[Person]:
    """People of one document, one record per name, with the first position found: signatures
    and member-list entries first (read by their layout), then the names in running text."""
    nv = nv or document_to_narrative(doc, nlp)
    orgs = organization_mentions(nv, nlp) if orgs is None else orgs
    records = {person_key(p.name): p for p in signature_persons(nv, orgs, nlp)}
    signed = [(p.span.start, p.span.end) for p in records.values()]
    for m in member_list_entries(nv.text, nlp):
        position = Position(m.position, *m.position_span)
        records.setdefault(person_key(m.name), Person(
            name=m.name, position=m.position, organization=organization_in(position, orgs),
            span=nv.span(m.start, m.end)))
        signed.append(m.entry)
    tables = [(t.start, t.end) for t in doc.tables]
    for first, last in name_spans(nv, nlp):
        start, end = nv.tokens[first].start, nv.tokens[last].end
        if any(a < end and start < b for a, b in signed) or after_place_word(nv, first):
            continue
        name = name_to_nominative(nv, nlp, first, last)
        if first_name_and_patronymic(name, nlp):
            continue
        position = position_before(nv, nlp, first) or position_after(nv, nlp, last)
        if position is None and any(a <= start < b for a, b in tables):
            continue
        key = person_key(name)
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
            span=nv.span(start, end),
        )
    authors = author_list_spans(nv.text)
    kept = [p for p in join_name_forms(list(records.values()), nlp)
            if p.position is not None or not any(a <= p.span.start < b for a, b in authors)]
    return sorted(kept, key=lambda p: p.span.start)


def author_list_spans(text: str) -> list[tuple[int, int]]:
    """Lines that belong to a list of authors or signatures: a line with names in initials
    under an author label, or beside other such lines (two or more names within three
    non-empty lines)."""
    lines = text_to_lines(text)
    named = [len(SIGNATURE_NAME.findall(ln.text)) for ln in lines]
    out = []
    for i, n in enumerate(named):
        if not n:
            continue
        labelled = any(AUTHOR_LABEL.match(lines[k].text) for k in range(max(0, i - AUTHOR_LIST_LINES), i + 1))
        if labelled or sum(named[max(0, i - 1):i + 2]) >= 2:
            out.append((lines[i].start, lines[i].end))
    return out


def name_spans(nv: Narrative, nlp: Nlp) -> list[tuple[int, int]]:
    """First and last token of each full name natasha's PER spans hold, each piece of a span
    cut at clause breaks («Н. Плевицкой⇥Реализуемый») read on its own."""
    names = (trim_name(nv, nlp, first, last) for first, last in nv.span_pieces("PER"))
    return [bounds for bounds in names if bounds is not None]


# signatures ----------------------------------------------------------------------------------------
def signature_persons(nv: Narrative, orgs: list[OrgMention], nlp: Nlp) -> list[Person]:
    """Signatures of an act: a line (or the last cell of a row) holding only initials and a
    surname, under position lines that open with a position's head («Губернатор⏎Тверской
    области⏎А.Н.МИХАЙЛОВ»)."""
    lines = [(line.text, line.start) for line in text_to_lines(nv.text)]
    out = []
    for i, (text, start) in enumerate(lines):
        cells = [(c, start + off) for c, off in _cells(text)]
        if not cells:
            continue
        name_text, name_start = cells[-1]
        m = SIGNATURE_NAME.fullmatch(name_text)
        if m is None:
            continue
        parts = cells[:-1] or _position_lines(lines, i, nlp)
        if not parts or not _opens_position(parts[0][0], nlp):
            continue
        position_text = " ".join(" ".join(p for p, _ in parts).split())
        if position_text.isupper():
            position_text = position_text[:1] + position_text[1:].lower()
        position = Position(position_text, parts[0][1], parts[-1][1] + len(parts[-1][0]))
        out.append(Person(name=tidy_name(name_text), position=position.text,
                          organization=organization_in(position, orgs),
                          span=nv.span(name_start, name_start + len(name_text))))
    return out


def _cells(line: str) -> list[tuple[str, int]]:
    """Tab-separated cells of a line, stripped, with their offsets in the line."""
    out, pos = [], 0
    for raw in line.split("\t"):
        stripped = raw.strip()
        if stripped:
            out.append((stripped, pos + raw.index(stripped)))
        pos += len(raw) + 1
    return out


def _position_lines(lines: list[tuple[str, int]], i: int, nlp: Nlp) -> list[tuple[str, int]]:
    """The short lines above line i from the nearest one opening a position, or []."""
    above: list[tuple[str, int]] = []
    for text, start in reversed(lines[max(0, i - MAX_SIGNATURE_POSITION_LINES):i]):
        stripped = text.strip()
        if "\t" in stripped or len(stripped) > MAX_SIGNATURE_LINE_CHARS or stripped.endswith((".", ":", ";")):
            break
        above.insert(0, (stripped, start + text.index(stripped)))
        if _opens_position(stripped, nlp):
            return above
    return []


def _opens_position(text: str, nlp: Nlp) -> bool:
    """«Губернатор …», «Глава …», «И.о. главы …», «Временно исполняющий обязанности …»."""
    ws = text.split()
    if not ws:
        return False
    first = ws[0].lower()
    if first in PREFIXES or first == "временно":
        return True
    return opens_position(first.strip(","), nlp)


def tidy_name(name: str) -> str:
    """«А.Н.МИХАЙЛОВ» → «А.Н. Михайлов»: a space after the initials, a surname in capitals
    written as a name."""
    name = " ".join(re.sub(r"\.(?=[А-ЯЁ][А-ЯЁа-яё])", ". ", name).split())
    return re.sub(r"[А-ЯЁ]{2,}(?:-[А-ЯЁ]{2,})*",
                  lambda m: "-".join(w.capitalize() for w in m.group().split("-")), name)


def trim_name(nv: Narrative, nlp: Nlp, first: int, last: int) -> tuple[int, int] | None:
    """The name inside a PER span, or None when it is no full name.

    Words at the edges that are no name part go («Коломна Д.Б. Орлов Исполнителями» →
    «Д.Б. Орлов»); what is left needs two words, one of them more than an initial, and a
    first name, a patronymic or an initial, so a lone surname or a pair of capitalised words
    («Свято-Покровский Авраамиево») is no person.
    """
    kinds = [_name_part(nv, nlp, k) for k in range(first, last + 1)]
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


def _name_part(nv: Narrative, nlp: Nlp, k: int) -> str:
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
    parses = nlp.parses(text)
    if any(p.has("Name") or p.has("Patr") for p in parses[:3]):
        return "first"
    if any(p.has("Surn") for p in parses):
        return "name"
    if text.isupper():
        return "other"
    if not nlp.is_known(text):
        return "name"
    place = any(p.has("Geox") or p.has("Orgn") for p in parses[:2])
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
def name_to_nominative(nv: Narrative, nlp: Nlp, first: int, last: int) -> str:
    if is_subject_with_apposition(nv, nlp, first, last):
        return tidy_name(nv.text[nv.tokens[first].start:nv.tokens[last].end])
    gender = _gender(nv, nlp, first, last)
    out = []
    pos = nv.tokens[first].start
    for k in range(first, last + 1):
        tok = nv.tokens[k]
        out.append(nv.text[pos:tok.start])
        out.append(name_word_to_nominative(tok.text, tok.feats.get("Case"), gender, nlp))
        pos = tok.end
    return tidy_name("".join(out))


def is_subject_with_apposition(nv: Narrative, nlp: Nlp, first: int, last: int) -> bool:
    """«Евгения Смирнова, директор центра, сказала …»: a name opening its sentence with a
    nominative noun in apposition after a comma is the subject, printed in the nominative, though
    the tagger may read «Евгения» as the genitive of «Евгений»."""
    opens = first == 0 or nv.tokens[first - 1].text in (".", "!", "?", "\n") or \
        not nv.same_clause(first - 1, first)
    if not opens or last + 2 >= len(nv.tokens) or nv.tokens[last + 1].text != ",":
        return False
    noun = nv.tokens[last + 2]
    if noun.pos != "NOUN" or noun.feats.get("Case") != "Nom" or not noun.text[:1].islower():
        return False
    return all(any(p.has("nomn") for p in nlp.parses(nv.tokens[k].text))
               for k in range(first, last + 1) if not INITIAL.match(nv.tokens[k].text))


def _gender(nv: Narrative, nlp: Nlp, first: int, last: int) -> str | None:
    """The gender of the first name; None for initials only (the tagger's guess misleads)."""
    for k in range(first, last + 1):
        if len(nv.tokens[k].text) < 2:
            continue
        for p in nlp.parses(nv.tokens[k].text):
            if p.has("Name") and p.gender in ("masc", "femn"):
                return "Masc" if p.gender == "masc" else "Fem"
    return None


def name_word_to_nominative(word: str, case: str | None, gender: str | None, nlp: Nlp) -> str:
    """One word of a name in the nominative. Without a first name the gender is unknown, and
    a word that reads as a nominative of either gender («Акимова») stays as printed."""
    if case not in CASES or case == "Nom" or INITIAL.match(word) or not re.search(r"[а-яё]", word.lower()):
        return word
    want = CASES[case]
    parses = nlp.parses(word)
    if gender is None and any(p.has("nomn") for p in parses):
        return word
    for p in parses:
        if any(p.has(t) for t in NAME_TAGS) and p.has(want):
            if gender and p.gender and p.gender != GENDERS[gender] \
                    and not p.has("ms-f"):
                continue
            form = nlp.inflect(p, {"nomn", "sing"})
            if form is not None:
                return copy_case(word, form)
    for ending, repl in SURNAME_ENDINGS.get(gender or "", ()):
        if word.lower().endswith(ending) and len(word) > len(ending) + 1:
            return word[: len(word) - len(ending)] + repl
    return word

