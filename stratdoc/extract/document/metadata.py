"""The contract's `document` object: kind, title, place, the adopting act and its dates.

Everything is read from the head of the text (an act prints its header, title, approval
stamp and amendment list on its first page), so a 400-page strategy costs no more than a
decree. Rules are general Russian officialese; a field the text does not state stays None.
"""

from __future__ import annotations

import re
from datetime import date

from stratdoc.extract.document.kind import (
    ACT_TITLE_RE,
    ACT_VERBS,
    HEAD_LINES,
    dateline,
    document_kind,
    is_act_header,
    is_slide_line,
    title_kind,
)
from stratdoc.extract.lexicon.body_heads import body_heads
from stratdoc.extract.lexicon.dates import find_dates, parse_date
from stratdoc.extract.lexicon.lines import TextLine, copy_case, text_to_lines
from stratdoc.extract.lexicon.places import proper_place_lemmas, text_to_places, tokenize, word_lemmas
from stratdoc.schema import BlockKind, Document
from stratdoc.schema.records import DocumentMeta

HEAD_CHARS = 8000  # the header, title, approval stamp and amendment list stand here
PLACE_CHARS = 20000  # enough running text to count place mentions
TITLE_MAX_LINES = 6
HEADER_LINES = 6  # a header line without an act-type line above it stands among the first lines
TITLE_MAX_CHARS = 600

# Heads of the bodies that adopt acts (lemmas): «Администрация», «Городская Управа», «Дума» …
ISSUER_HEADS = body_heads("issuer")  # lexicon/data/body_heads.jsonl
# Kinds of acts, in the instrumental («утвержден постановлением») and dative («к постановлению»).
ACT_WORDS = r"(?:постановлени|распоряжени|решени|приказ|указ|закон)\w*"

NO = r"(?:№|(?<![A-Za-zА-Яа-яЁё])N|No\.?)\s*"
NUM = r"(?P<num>[0-9A-ZА-ЯЁ][0-9A-Za-zА-Яа-яЁё\-/._]*)"
ACT_REF_PATTERNS = (
    re.compile(r"(?<![А-Яа-яЁё])от\s+(?P<date>[«\"]?\d[^№\n]{5,30}?)\s*" + NO + NUM),
    re.compile(NO + NUM + r"\s+от\s+(?P<date>[«\"]?\d[^\n]{5,30})"),
    re.compile(r"^\s*(?P<date>[«\"]?\d[^№\n]{5,30}?)\s*" + NO + NUM, re.MULTILINE),
)
# Text before an act reference that makes it this document's own act: its approval stamp
# («Утвержден постановлением Администрации …»), an appendix line («к постановлению …»).
OWN_ACT_CONTEXT_RE = re.compile(r"(?:утвержден\w*|принят\w*|к)\s+" + ACT_WORDS + r"[^;()]{0,150}$",
                                re.IGNORECASE)
# An act reference inside these is another act (an amendment, a legal basis).
AMENDMENT_OPEN_RE = re.compile(r"\(\s*(?:в\s+ред(?:\.|акции)|ред\.|с\s+изм(?:\.|енениями))", re.IGNORECASE)
AMENDMENT_BOX_RE = re.compile(r"список\s+изменяющих\s+документов", re.IGNORECASE)
AMENDED_AS_OF_RE = re.compile(r"с\s+изменениями\s+(?:на|от)\s+", re.IGNORECASE)

ISSUER_PATTERNS = (
    # «Принят Тверской областной Думой 3 марта 2021 года»
    re.compile(r"^[ \t]*приня(?:т|та|то|ты)\s+(?P<issuer>[^\d()]{3,120}?)\s+(?=\d)",
               re.IGNORECASE | re.MULTILINE),
    # «Утвержден Постановлением Городской Управы города Пскова № 118-п от 14.03.2022»
    re.compile(r"\bутвержд[её]н\w*\s+" + ACT_WORDS + r"\s+(?P<issuer>[^№()]{3,160}?)\s*(?:от\s|№|N\s*\d)",
               re.IGNORECASE),
    # «Приложение 1 к постановлению Городской Управы города Пскова от 14.03.2022 № 118-п»
    re.compile(r"(?<![А-Яа-яЁё])к\s+" + ACT_WORDS + r"\s+(?P<issuer>[^№()]{3,160}?)\s*(?:от\s|№|N\s*\d)",
               re.IGNORECASE),
)
# «Администрация Тверской области постановляет:»
FORMULA_RE = re.compile(r"(?P<before>[^.:;]{3,200}?)\s+" + ACT_VERBS + r"\s*:", re.IGNORECASE)

HORIZON_PATTERNS = (
    re.compile(r"(?:стратеги(?:я|и|ю|ей|е)|СЭР)(?![а-яё])[^.;!?]{0,200}?\bдо\s+(?P<year>20\d\d)\s*(?:год|г\b|г\.)",
               re.IGNORECASE),
    re.compile(r"стратеги(?:я|и|ю|ей|е)\s*[-–—]\s*(?P<year>20\d\d)\b", re.IGNORECASE),
    re.compile(r"\bна\s+период\s+до\s+(?P<year>20\d\d)\s*(?:год|г\b|г\.)", re.IGNORECASE),
)
TITLE_HORIZON_RE = re.compile(r"(?:\bдо\s+|[-–—]\s*)(?P<year>20\d\d)(?:\s*(?:год|г\b|г\.)|\s*$|[»\"])",
                              re.IGNORECASE)
TITLE_TAIL_RE = re.compile(r"\s*\((?:с\s+изменени|в\s+ред|ред\.|с\s+изм\.)[^()]*\)\s*$", re.IGNORECASE)
PROPER_PHRASES_RE = re.compile(r"российск\w*\s+федераци\w*", re.IGNORECASE)


def extract_metadata(doc: Document) -> DocumentMeta:
    """The document's own metadata, read from the head of its text."""
    text = doc.text
    head = text[:HEAD_CHARS]
    lines = text_to_lines(head, strip_markup=True)
    act_title = find_act_title(lines)
    heading = first_heading(doc)
    kind = document_kind(text, act_title or heading or doc.hints.get("title"))
    title = choose_title(kind, lines, act_title, heading, doc.hints)
    meta = DocumentMeta(kind=kind, title=title)
    if kind != "news":
        number, adopted = find_own_act(head, lines)
        meta.act_number, meta.adopted_on = number, adopted
        meta.issuer = find_issuer(head, lines)
        meta.amended_on = find_amended_on(head)
    else:
        meta.published_on = find_published_on(lines, doc.hints)
    meta.horizon_year = find_horizon_year(title, text[:PLACE_CHARS], kind)
    places = text_to_places(text[:PLACE_CHARS], title, meta.issuer)
    meta.municipality, meta.region = places.municipality, places.region
    return meta


# title -------------------------------------------------------------------------------------
def find_act_title(lines: list[TextLine]) -> str | None:
    """An act's title: its «Об утверждении …» line, or the «О …» line under an act header."""
    head = lines[:HEAD_LINES]
    for i, ln in enumerate(head):
        if ACT_TITLE_RE.match(ln.text):
            return join_title(lines, i)
    for i, ln in enumerate(head):
        if not is_act_header(ln.text):
            continue
        for j in range(i + 1, min(i + 5, len(lines))):
            if re.match(r"^(?:о|об)\s", lines[j].text, re.IGNORECASE):
                return join_title(lines, j)
    return None


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def join_title(lines: list[TextLine], i: int) -> str:
    """The title starting at line i with the lines it wraps onto.

    A capitalised title goes on while lines stay capitalised; a normal one while the next line
    starts in lower case. A date or number line, an act header, or a long paragraph ends it.
    """
    parts = [lines[i].text]
    upper = _is_upper(lines[i].text)
    for ln in lines[i + 1:i + TITLE_MAX_LINES]:
        t = ln.text
        if is_act_header(t) or re.match(r"^(?:от\s|№|N\s*\d|\d)", t) or len(t) > 300:
            break
        if (upper and _is_upper(t)) or (not upper and t[:1].islower()) or t.startswith("(с изменени"):
            parts.append(t)
            continue
        break
    title = " ".join(" ".join(parts).split())[:TITLE_MAX_CHARS]
    title = TITLE_TAIL_RE.sub("", title).strip()
    return recase_upper(title) if upper else title


def recase_upper(text: str) -> str:
    """A title printed in capitals in sentence case, keeping place names capitalised."""
    if not _is_upper(text):
        return text
    proper = proper_place_lemmas()
    out = text.lower()
    chars = list(out)
    for tok in tokenize(out):
        if word_lemmas(tok.text) & proper:
            chars[tok.start] = chars[tok.start].upper()
    out = "".join(chars)
    out = re.sub(r"([«\"“]\s*)(\w)", lambda m: m.group(1) + m.group(2).upper(), out)
    out = PROPER_PHRASES_RE.sub(lambda m: " ".join(w.capitalize() for w in m.group().split()), out)
    return out[:1].upper() + out[1:]


# Headings that are no title: approval stamps, appendix marks, numbered sections.
NOT_TITLE_RE = re.compile(r"^(?:утвержд|приложени|согласован|принят|(?:раздел|глава|статья|часть)\s"
                          r"|\d+(?:\.\d+)*\.?\s)", re.IGNORECASE)


def first_heading(doc: Document) -> str | None:
    for b in doc.blocks[:15]:
        if b.kind == BlockKind.HEADING:
            text = " ".join(re.sub(r"\*\*", "", b.text).split())
            if text and not NOT_TITLE_RE.match(text) and not BOILERPLATE_RE.search(text) \
                    and not text.endswith((".", ":")):
                return recase_upper(TITLE_TAIL_RE.sub("", text))
    return None


def choose_title(kind: str, lines: list[TextLine], act_title: str | None, heading: str | None,
                 hints: dict[str, str]) -> str | None:
    if act_title:
        return act_title
    if kind == "news":
        return news_headline(lines) or hints.get("title") or heading
    if heading:
        return heading
    if hints.get("title"):
        return hints["title"]
    for i, ln in enumerate(lines[:HEAD_LINES * 2]):
        if title_kind(ln.text) in ("strategy", "action_plan"):
            return join_title(lines, i)
    if kind == "presentation" and lines and is_slide_line(lines[0].text):
        return recase_upper(lines[0].text)
    return first_line_title(lines)


# Service lines that legal databases print above a document's own text.
BOILERPLATE_RE = re.compile(r"документ\s+предоставлен|консультант\s*плюс|гарант|кодекс|действующ|"
                            r"не\s+действ|утратил", re.IGNORECASE)


def first_line_title(lines: list[TextLine]) -> str | None:
    """The first line when it reads as a title: a few words, no final period, no date."""
    for ln in lines[:3]:
        t = ln.text
        if BOILERPLATE_RE.search(t) or is_act_header(t) or "\t" in t:
            continue
        if 3 <= len(t.split()) and len(t) <= 200 and not t.endswith((".", ":", ";")) and not find_dates(t):
            return recase_upper(t)
        return None
    return None


def news_headline(lines: list[TextLine]) -> str | None:
    """The line just above the dateline, when it reads as a headline."""
    head = lines[:HEAD_LINES]
    dl = dateline(head)
    if dl is None:
        return None
    i = head.index(dl)
    if i == 0:
        return None
    prev = head[i - 1].text
    if len(prev) <= 250 and not find_dates(prev) and not prev.endswith((".", ":")):
        return prev
    return None


# the adopting act --------------------------------------------------------------------------
def _inside_amendment(head: str, pos: int) -> bool:
    """Is `pos` inside an amendment note «(в ред. …)» or the «Список изменяющих документов» box?"""
    for m in AMENDMENT_OPEN_RE.finditer(head, 0, pos):
        close = head.find(")", m.end())
        if close == -1 or close >= pos:
            return True
    for m in AMENDMENT_BOX_RE.finditer(head, 0, pos):
        close = head.find(")", m.end())
        if close == -1 or close >= pos:
            return True
    return False


def _own_act_context(head: str, pos: int, header_end: int) -> bool:
    """A header line («от 18 декабря 2014 г. N 837-па») or an approval stamp before `pos`."""
    line_start = head.rfind("\n", 0, pos) + 1
    before = head[line_start:pos]
    if pos < header_end and (not before.strip() or re.fullmatch(r"\s*(?:от|№|N)\s*", before)):
        return True
    return OWN_ACT_CONTEXT_RE.search(head[max(0, pos - 220):pos]) is not None


def _header_end(lines: list[TextLine]) -> int:
    """Where an act's header ends: a few lines past its «ПОСТАНОВЛЕНИЕ» line, or the first lines."""
    for i, ln in enumerate(lines[:HEAD_LINES]):
        if is_act_header(ln.text):
            return lines[min(i + 3, len(lines) - 1)].end
    return lines[min(HEADER_LINES, len(lines)) - 1].end if lines else 0


def find_own_act(head: str, lines: list[TextLine]) -> tuple[str | None, date | None]:
    """Number and date of the act that adopted this document, from its header or stamp."""
    header_end = _header_end(lines)
    candidates: list[tuple[int, str, date]] = []
    for pattern in ACT_REF_PATTERNS:
        for m in pattern.finditer(head):
            number = m.group("num").rstrip(".,;:_/-")
            adopted = parse_date(m.group("date"))
            if adopted is None or not re.search(r"\d", number):
                continue
            if _inside_amendment(head, m.start()) or not _own_act_context(head, m.start(), header_end):
                continue
            candidates.append((m.start(), number, adopted))
    if not candidates:
        return None, None
    _, number, adopted = min(candidates)
    return number, adopted


def find_amended_on(head: str) -> date | None:
    """The latest date of the amendment notes: «(с изменениями на …)», «(в ред. … от …, от …)»."""
    found: list[date] = []
    for m in AMENDED_AS_OF_RE.finditer(head):
        d = parse_date(head[m.end():m.end() + 40])
        if d is not None:
            found.append(d)
    for opener in (AMENDMENT_OPEN_RE, AMENDMENT_BOX_RE):
        for m in opener.finditer(head):
            close = head.find(")", m.end())
            chunk = head[m.start():close if close != -1 else m.end() + 400]
            found.extend(d for d in (x.to_date() for x in find_dates(chunk)) if d is not None)
    return max(found) if found else None


# issuer ------------------------------------------------------------------------------------
def find_issuer(head: str, lines: list[TextLine]) -> str | None:
    """The body that adopted the act, nominative («Городская Управа города Пскова»)."""
    issuer = _issuer_from_header(lines)
    if issuer:
        return issuer
    law, *stamps = ISSUER_PATTERNS
    for group in ([law], stamps):
        found = sorted((m for pattern in group for m in pattern.finditer(head)), key=lambda m: m.start())
        for m in found:
            if _inside_amendment(head, m.start()):
                continue
            name = issuer_to_nominative(m.group("issuer"))
            if name:
                return name
    m = FORMULA_RE.search(head)
    if m:
        return issuer_to_nominative(_from_issuer_head(m.group("before")))
    return None


def _issuer_from_header(lines: list[TextLine]) -> str | None:
    """Capitalised lines above an act header («АДМИНИСТРАЦИЯ КУРСКОЙ ОБЛАСТИ / ПОСТАНОВЛЕНИЕ»)."""
    head = lines[:HEAD_LINES]
    for i, ln in enumerate(head):
        if not is_act_header(ln.text):
            continue
        above: list[str] = []
        for prev in reversed(head[max(0, i - 4):i]):
            if not _is_upper(prev.text) or find_dates(prev.text):
                break
            above.insert(0, prev.text)
        for k in range(len(above)):
            name = issuer_to_nominative(" ".join(above[k:]))
            if name:
                return name
        if i + 1 < len(head) and _is_upper(head[i + 1].text):
            name = issuer_to_nominative(head[i + 1].text)
            if name:
                return name
    return None


def _from_issuer_head(phrase: str) -> str:
    """The tail of a phrase from its last issuer head word on («… области Администрация Тверской области»)."""
    words = phrase.split()
    for k in range(len(words) - 1, -1, -1):
        if _head_noun(words[k]) is not None:
            start = k
            while start > 0 and _adjective(words[start - 1]) is not None and words[start - 1][:1].isupper():
                start -= 1
            return " ".join(words[start:])
    return ""


def _head_noun(word: str):  # -> pymorphy Parse | None
    from stratdoc.extract.nlp import morph

    for p in morph().parse(word.strip("«»\"(),.").lower()):
        if "NOUN" in p.tag and p.normal_form in ISSUER_HEADS:
            return p
    return None


def _adjective(word: str):  # -> pymorphy Parse | None
    from stratdoc.extract.nlp import morph

    for p in morph().parse(word.strip("«»\"(),.").lower()):
        if "ADJF" in p.tag:
            return p
    return None


def issuer_to_nominative(phrase: str) -> str | None:
    """Put the head words of an issuer phrase in the nominative, keep its complement as printed.

    «Городской Управы города Пскова» → «Городская Управа города Пскова»: only the words up to
    the head noun change case, so the genitive «города Пскова» stays as printed.
    """
    phrase = " ".join(phrase.split()).strip(" ,.:;")
    if _is_upper(phrase):
        phrase = recase_upper(phrase)
    words = phrase.split()
    k = next((i for i, w in enumerate(words[:4]) if _head_noun(w) is not None), None)
    if k is None or any(_adjective(w) is None for w in words[:k]):
        return None
    noun = _head_noun(words[k])
    number = "plur" if "plur" in noun.tag and "sing" not in noun.tag else "sing"
    nominative = noun.inflect({"nomn", number})
    out = [copy_case(words[k], nominative.word if nominative else words[k])]
    gender = noun.tag.gender if noun.tag.gender in ("masc", "femn", "neut") else "masc"
    for w in reversed(words[:k]):
        adj = _adjective(w)
        grams = {"nomn", "plur"} if number == "plur" else {"nomn", gender, "sing"}
        inflected = adj.inflect(grams) if adj is not None else None
        out.insert(0, copy_case(w, inflected.word if inflected else w))
    result = " ".join(out + words[k + 1:])
    return result[:1].upper() + result[1:]


# dates and horizon -------------------------------------------------------------------------
def find_published_on(lines: list[TextLine], hints: dict[str, str]) -> date | None:
    """A news item's date: the reader's hint (HTML metadata), else its dateline."""
    hint = hints.get("published_on")
    if hint:
        try:
            return date.fromisoformat(hint[:10])
        except ValueError:
            parsed = parse_date(hint)
            if parsed is not None:
                return parsed
    dl = dateline(lines[:HEAD_LINES])
    return parse_date(dl.text) if dl is not None else None


def find_horizon_year(title: str | None, text: str, kind: str) -> int | None:
    """The strategy's horizon: «на период до 2035 года», «Стратегия-2030», «СЭР … до 2035 года»."""
    if title:
        m = TITLE_HORIZON_RE.search(title)
        if m and ("стратег" in title.lower() or "период" in title.lower()):
            return int(m.group("year"))
    patterns = HORIZON_PATTERNS if kind != "news" else HORIZON_PATTERNS[:2]
    for pattern in patterns:
        m = pattern.search(text)
        if m:
            return int(m.group("year"))
    return None
