"""The contract's `document` object: kind, title, place, the adopting act and its dates, and
the body that issued the act.

Each field has its module (`kind`, `title`, `acts`, `dates`, `lexicon/places`); the issuer is
read here. Everything is read from the head of the text (an act prints its header, title, approval
stamp and amendment list on its first page), so a 400-page strategy costs no more than a
decree. Rules are general Russian officialese; a field the text does not state stays None.
"""

from __future__ import annotations

import re

from stratdoc.extract.document.acts import (
    ACT_WORDS,
    STAMP_LINE,
    act_line_issuer,
    find_amended_on,
    find_own_act,
    inside_amendment,
)
from stratdoc.extract.document.dates import find_horizon_year, find_published_on
from stratdoc.extract.document.kind import ACT_VERBS, HEAD_LINES, document_kind, is_act_header
from stratdoc.extract.document.title import (
    choose_title,
    find_act_title,
    first_heading,
    is_upper,
    recase_upper,
)
from stratdoc.extract.lexicon.body_heads import body_heads
from stratdoc.extract.lexicon.dates import find_dates
from stratdoc.extract.lexicon.lines import TextLine, copy_case, text_to_lines
from stratdoc.extract.lexicon.places import text_to_places
from stratdoc.extract.nlp import Nlp, WordParse, shared
from stratdoc.schema import Document
from stratdoc.schema.records import DocumentMeta

HEAD_CHARS = 8000  # the header, title, approval stamp and amendment list stand here
PLACE_CHARS = 20000  # enough running text to count place mentions

# Heads of the bodies that adopt acts (lemmas): «Администрация», «Городская Управа», «Дума» …
ISSUER_HEADS = body_heads("issuer")  # lexicon/data/body_heads.jsonl

ISSUER_PATTERNS = (
    # «Принят Тверской областной Думой 3 марта 2021 года»
    re.compile(r"^[ \t]*приня(?:т|та|то|ты)\s+(?P<issuer>[^\d()]{3,120}?)\s+(?=\d)",
               re.IGNORECASE | re.MULTILINE),
    # «Утвержден Постановлением Городской Управы города Пскова № 118-п от 14.03.2022», a stamp
    # opening its line (not «…, утвержденных постановлением Правительства …» in running text)
    re.compile(STAMP_LINE + r"утвержд[её]н\w*\s+" + ACT_WORDS
               + r"\s+(?P<issuer>[^№()]{3,160}?)\s*(?:от\s|№|N\s*\d)", re.IGNORECASE),
    # «Приложение 1 к постановлению Городской Управы города Пскова от 14.03.2022 № 118-п»
    re.compile(STAMP_LINE + r"к\s+" + ACT_WORDS + r"\s+(?P<issuer>[^№()]{3,160}?)\s*(?:от\s|№|N\s*\d)",
               re.IGNORECASE),
)
# «Администрация Тверской области постановляет:»
FORMULA_RE = re.compile(r"(?P<before>[^.:;]{3,200}?)\s+" + ACT_VERBS + r"\s*:", re.IGNORECASE)


def extract_metadata(doc: Document, nlp: Nlp | None = None) -> DocumentMeta:
    """The document's own metadata, read from the head of its text."""
    nlp = nlp or shared()
    text = doc.text
    head = text[:HEAD_CHARS]
    lines = text_to_lines(head, strip_markup=True)
    act_title = find_act_title(lines, nlp)
    heading = first_heading(doc, nlp)
    # a reader that knows the kind from the format (a slide deck) says so; the text decides otherwise
    kind = doc.hints.get("kind") or document_kind(text, act_title or heading or doc.hints.get("title"),
                                                  nlp=nlp)
    title = choose_title(kind, lines, act_title, heading, doc.hints, nlp)
    meta = DocumentMeta(kind=kind, title=title)
    if kind != "news":
        number, adopted = find_own_act(head, lines)
        meta.act_number, meta.adopted_on = number, adopted
        meta.issuer = find_issuer(head, lines, nlp)
        meta.amended_on = find_amended_on(head)
    else:
        meta.published_on = find_published_on(lines, doc.hints)
    meta.horizon_year = find_horizon_year(title, text[:PLACE_CHARS], kind)
    places = text_to_places(text[:PLACE_CHARS], nlp, title, meta.issuer)
    meta.municipality, meta.region = places.municipality, places.region
    return meta


# issuer ------------------------------------------------------------------------------------
def find_issuer(head: str, lines: list[TextLine], nlp: Nlp) -> str | None:
    """The body that adopted the act, nominative («Городская Управа города Пскова»)."""
    issuer = _issuer_from_header(lines, nlp)
    if issuer:
        return issuer
    printed = act_line_issuer(head, lines)
    issuer = issuer_to_nominative(printed, nlp) if printed else None
    if issuer:
        return issuer
    law, *stamps = ISSUER_PATTERNS
    for group in ([law], stamps):
        found = sorted((m for pattern in group for m in pattern.finditer(head)), key=lambda m: m.start())
        for m in found:
            if inside_amendment(head, m.start()):
                continue
            name = issuer_to_nominative(m.group("issuer"), nlp)
            if name:
                return name
    m = FORMULA_RE.search(head)
    if m:
        return issuer_to_nominative(_from_issuer_head(m.group("before"), nlp), nlp)
    return None


def _issuer_from_header(lines: list[TextLine], nlp: Nlp) -> str | None:
    """Capitalised lines above an act header («АДМИНИСТРАЦИЯ КУРСКОЙ ОБЛАСТИ / ПОСТАНОВЛЕНИЕ»)."""
    head = lines[:HEAD_LINES]
    for i, ln in enumerate(head):
        if not is_act_header(ln.text):
            continue
        above: list[str] = []
        for prev in reversed(head[max(0, i - 4):i]):
            if not is_upper(prev.text) or find_dates(prev.text):
                break
            above.insert(0, prev.text)
        for k in range(len(above)):
            name = issuer_to_nominative(" ".join(above[k:]), nlp)
            if name:
                return name
        if i + 1 < len(head) and is_upper(head[i + 1].text):
            name = issuer_to_nominative(head[i + 1].text, nlp)
            if name:
                return name
    return None


def _from_issuer_head(phrase: str, nlp: Nlp) -> str:
    """The tail of a phrase from its last issuer head word on («… области Администрация Тверской области»)."""
    words = phrase.split()
    for k in range(len(words) - 1, -1, -1):
        if _head_noun(words[k], nlp) is not None:
            start = k
            while start > 0 and words[start - 1][:1].isupper() and _adjective(words[start - 1], nlp):
                start -= 1
            return " ".join(words[start:])
    return ""


def _head_noun(word: str, nlp: Nlp) -> WordParse | None:
    for p in nlp.parses(word.strip("«»\"(),.")):
        if p.pos == "NOUN" and p.lemma in ISSUER_HEADS:
            return p
    return None


def _adjective(word: str, nlp: Nlp) -> WordParse | None:
    for p in nlp.parses(word.strip("«»\"(),.")):
        if p.pos == "ADJF":
            return p
    return None


def issuer_to_nominative(phrase: str, nlp: Nlp) -> str | None:
    """Put the head words of an issuer phrase in the nominative, keep its complement as printed.

    «Городской Управы города Пскова» → «Городская Управа города Пскова»: only the words up to
    the head noun change case, so the genitive «города Пскова» stays as printed.
    """
    phrase = " ".join(phrase.split()).strip(" ,.:;")
    if is_upper(phrase):
        # a word no dictionary holds is a place's name («ТУМАНСКОЙ ОБЛАСТИ» → «Туманской области»)
        phrase = " ".join(w.capitalize() if w.isalpha() and not nlp.is_known(w) else w
                          for w in recase_upper(phrase, nlp).split())
    words = phrase.split()
    k = next((i for i, w in enumerate(words[:4]) if _head_noun(w, nlp) is not None), None)
    if k is None or any(_adjective(w, nlp) is None for w in words[:k]):
        return None
    noun = _head_noun(words[k], nlp)
    assert noun is not None
    number = "plur" if "plur" in noun.grammemes and "sing" not in noun.grammemes else "sing"
    out = [copy_case(words[k], nlp.inflect(noun, {"nomn", number}) or words[k])]
    gender = noun.gender if noun.gender in ("masc", "femn", "neut") else "masc"
    grams = {"nomn", "plur"} if number == "plur" else {"nomn", gender, "sing"}
    for w in reversed(words[:k]):
        adj = _adjective(w, nlp)
        inflected = nlp.inflect(adj, grams) if adj is not None else None
        out.insert(0, copy_case(w, inflected or w))
    result = " ".join(out + words[k + 1:])
    return result[:1].upper() + result[1:]
