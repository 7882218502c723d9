"""Proposed projects and initiatives named in running text (news of strategy sessions, reports).

Four rules, each a step over one sentence:

* `quoted_projects`: a quotation after a cue noun — «проекты «Городской навигатор»»,
  «телеграм-бота «Наш квартал»», «систему по развитию скверов «Парки рядом»»; the nearest cue noun
  before the quote decides, so «сессии по направлениям «…»» is not a project. Quotations
  joined by commas or «и» share their first one's cue.
* `apposition_projects`: «Отдельный проект — уличный Wi-Fi», «сервисы — запись к врачу и
  карта парковок»; a leading «создание»/«разработка» gives way to its object.
* `coordinated_projects`: in a sentence that proposes something, a comma-separated object
  that opens with a cue noun: «…, школу вожатых для летних лагерей, …».
* `abbreviation_projects`: «Центр городских инициатив (ЦГИ)», the abbreviation spelling the
  initials of the name.

Weak cue nouns (центр, система, школа …) count only in a sentence with a verb of proposing or
launching, which keeps organizations such as «центр «Горизонт»» out. Slide titles are skipped.
"""

from __future__ import annotations

import re

from stratdoc.extract.lexicon import cues
from stratdoc.extract.lexicon.lines import fold_spaces
from stratdoc.extract.nlp import Nlp
from stratdoc.extract.text.units import (
    QUOTE_JOINER,
    Line,
    Sentence,
    Word,
    clean_name,
    doc_to_lines,
    is_upper_text,
    line_sentences,
    quote_spans,
    quoted_offsets,
    span_of,
    split_top_level,
    strip_span,
    word_form,
    word_labels,
    words,
)
from stratdoc.schema import Document, Project

# Between quoted names sharing their first one's cue; one word may follow: «…» и проект «…».
LIST_JOINER = re.compile(rf"{QUOTE_JOINER}(?:\w+\s+)?$")
DASH = re.compile(r"\s[—–-]\s")
# Where a top-level list item ends inside a sentence.
ITEM_SPLIT = re.compile(r",\s*а\s+также\s+|,\s*|;\s*")
ABBREVIATION = re.compile(r"\(([А-ЯЁA-Z]{2,7})\)")
ALL_CAPS_ABBREVIATION = re.compile(r"[А-ЯЁ]{2,6}")
# Words skipped when matching an abbreviation's letters to a name's words.
FUNCTION_WORDS = frozenset({"и", "в", "во", "на", "по", "для", "с", "со", "о", "об", "к", "при", "из"})
PHRASE_POS = frozenset({"NOUN", "ADJF", "LATN", "NUMR"})
STOP_POS = frozenset({"VERB", "INFN", "PRTS", "GRND", "CONJ"})


def cue_strength(nlp: Nlp, word: str) -> str | None:
    """'strong', 'weak', 'not' (a non-project cue noun) or None for any other word."""
    word = compound_head(nlp, word)
    form = word_form(nlp, word)
    labels = word_labels(nlp, cues.PROJECT_CUES, word)
    if "not" in labels and form.pos in ("NOUN", "UNKN"):
        return "not"
    if form.pos != "NOUN":
        return None
    for strength in ("strong", "weak"):
        if strength in labels:
            return strength
    return None


def compound_head(nlp: Nlp, word: str) -> str:
    """The part of a hyphenated compound that names what it is: «телеграм-бота» → «бота»,
    «онлайн-платформу» → «платформу»; the whole word when its last part is no cue word."""
    head = word.rsplit("-", 1)[-1]
    return head if head != word and word_labels(nlp, cues.PROJECT_CUES, head) else word


def proposes(nlp: Nlp, text: str) -> bool:
    """Whether a sentence has a verb of proposing, launching or building."""
    low = text.lower()
    if not any(stem in low for stem in cues.PROPOSAL_STEMS):
        return False
    return any(is_proposal_verb(nlp, w.text) for w in words(text))


def is_proposal_verb(nlp: Nlp, word: str) -> bool:
    form = word_form(nlp, word)
    return form.pos in ("VERB", "INFN") and "proposal" in word_labels(nlp, cues.PROJECT_CUES, word)


def cue_allows(strength: str | None, proposal: bool) -> bool:
    return strength == "strong" or (strength == "weak" and proposal)


def nominative(nlp: Nlp, phrase: str) -> str:
    """A noun phrase in the nominative when it starts in another case; names stay as printed."""
    ws = words(phrase)
    if not ws:
        return phrase
    first = word_form(nlp, ws[0].text)
    if "nomn" in first.cases or first.pos in ("LATN", None):
        return phrase
    return nlp.normalize_phrase(phrase)


# --- quoted names -----------------------------------------------------------------------------

def cue_before(nlp: Nlp, text: str, start: int, floor: int) -> str | None:
    """Strength of the nearest cue noun among the words before `start` (not before `floor`)."""
    before = words(text[floor:start], floor)[-cues.CUE_WINDOW_WORDS:]
    for w in reversed(before):
        if ALL_CAPS_ABBREVIATION.fullmatch(w.text):
            return "not"  # a legal form or a territory: ПАО «…», МО «…», МБОУ «…»
        strength = cue_strength(nlp, w.text)
        if strength is not None:
            return strength
        if word_form(nlp, w.text).pos in ("VERB", "INFN") or \
                text[w.end:start].lstrip().startswith((":", ";")):
            return None
    return None


def is_name(text: str, n_words: int) -> bool:
    """A quoted name opens with a capital or a digit; «озеленение», «текущими» are quoted words."""
    return (0 < n_words <= cues.MAX_NAME_WORDS and (text[0].isupper() or text[0].isdigit())
            and any(ch.isalpha() for ch in text) and not re.search(r"[.!?]\s", text))


def quoted_projects(nlp: Nlp, sent: Sentence, proposal: bool) -> list[tuple[str, int, int]]:
    text = sent.text
    out: list[tuple[str, int, int]] = []
    prev_end, prev_ok = 0, False
    for qs, qe in quote_spans(text):
        joined = prev_end > 0 and bool(LIST_JOINER.fullmatch(text[prev_end + 1:qs - 1]))
        ok = prev_ok if joined else cue_allows(cue_before(nlp, text, qs - 1, prev_end + 1 if prev_end else 0),
                                               proposal)
        s, e = strip_span(text, qs, qe)
        name = clean_name(text[s:e])
        n_words = len(words(name))
        if ok and is_name(name, n_words):
            out.append((name, sent.start + s, sent.start + e))
        prev_end, prev_ok = qe, ok
    return out


# --- apposition: «проект — X и Y» -----------------------------------------------------------------

def split_conjuncts(nlp: Nlp, text: str, offset: int) -> list[tuple[str, int]]:
    """Items of «X, Y и Z» outside quotes; «и» splits only between like-cased phrase starts."""
    items: list[tuple[str, int]] = []
    pos = 0
    for m in ITEM_SPLIT.finditer(text):
        items.append((text[pos:m.start()], offset + pos))
        pos = m.end()
    items.append((text[pos:], offset + pos))
    out: list[tuple[str, int]] = []
    for item, at in items:
        ws = words(item)
        cut = None
        for k, w in enumerate(ws[1:-1], 1):
            if w.text == "и" and shares_case(nlp, ws[0].text, ws[k + 1].text):
                cut = (ws[k].start, ws[k + 1].start)
                break
        if cut:
            out.append((item[:cut[0]], at))
            out.append((item[cut[1]:], at + cut[1]))
        else:
            out.append((item, at))
    return [(x.strip(), a + (len(x) - len(x.lstrip()))) for x, a in out if x.strip()]


def shares_case(nlp: Nlp, a: str, b: str) -> bool:
    fa, fb = word_form(nlp, a), word_form(nlp, b)
    if fa.pos not in ("NOUN", "ADJF") or fb.pos not in ("NOUN", "ADJF"):
        return False
    ca, cb = is_creation_noun(nlp, a), is_creation_noun(nlp, b)
    if ca or cb:
        return ca and cb
    return bool((fa.cases & fb.cases) & {"nomn", "accs"})


def is_creation_noun(nlp: Nlp, word: str) -> bool:
    return "creation" in word_labels(nlp, cues.PROJECT_CUES, word)


def phrase_item(nlp: Nlp, item: str, at: int) -> tuple[str, int, int] | None:
    """A list item that is a noun phrase, its creation verbal noun dropped: (text, start, end)."""
    ws = words(item, at)
    if not ws or re.search(r"[«\"“]", item):
        return None
    if is_creation_noun(nlp, ws[0].text) and len(ws) > 1:
        ws = ws[1:]
    first = word_form(nlp, ws[0].text)
    if first.pos not in PHRASE_POS or any(word_form(nlp, w.text).pos in STOP_POS for w in ws):
        return None
    if len(ws) > cues.MAX_NAME_WORDS or (len(ws) == 1 and first.pos != "LATN"):
        return None
    start = ws[0].start
    end = at + len(item.rstrip(" .,;:"))
    return item[start - at:end - at], start, end


def introduces_names(nlp: Nlp, tail: str, at: int) -> bool:
    """Whether the text after a dash opens with a noun-phrase item: «— запись к врачу …»."""
    items = split_conjuncts(nlp, tail, at)
    return bool(items) and phrase_item(nlp, *items[0]) is not None


def apposition_projects(nlp: Nlp, sent: Sentence, proposal: bool) -> list[tuple[str, int, int]]:
    text = sent.text
    out: list[tuple[str, int, int]] = []
    for m in DASH.finditer(text):
        head = words(text[:m.start()])[-3:]
        after = words(text[m.end():m.end() + 40])
        if not head or (after and head[-1].text[0].isupper() and after[0].text[0].isupper()):
            continue  # «Усть - Вымский»: a hyphenated name spelt with spaces
        strengths = [cue_strength(nlp, w.text) if word_form(nlp, w.text).cases & {"nomn", "accs"} else None
                     for w in head]
        strong = "strong" in strengths or ("weak" in strengths and proposal)
        if not strong or "not" in strengths:
            continue
        start = m.end()
        lead = re.match(r"это\s+", text[start:])
        start += lead.end() if lead else 0
        tail = text[start:]
        stop = re.search(r"\s[—–-]\s|[.!?:(]\s|[.!?]$", tail)
        tail = tail[:stop.start()] if stop else tail
        for item, at in split_conjuncts(nlp, tail, start):
            found = phrase_item(nlp, item, at)
            if not found:
                break
            name, s, e = found
            out.append((clean_name(nominative(nlp, name)), sent.start + s, sent.start + e))
    return out


# --- coordinated objects: «…, школу вожатых для летних лагерей, …» -------------------------

def cue_phrase(nlp: Nlp, ws: list[Word]) -> int | None:
    """Index of the first word of a cue-led phrase (infinitive, numeral and modifiers skipped)."""
    k = 0
    if k < len(ws) and ws[k].text.lower() in ("а", "также", "и"):
        k += 1
    if k < len(ws) and ws[k].text.lower() == "также":
        k += 1
    if k < len(ws) and word_form(nlp, ws[k].text).pos == "INFN":
        k += 1
    if k < len(ws) and word_form(nlp, ws[k].text).pos == "NUMR":
        k += 1
    first = k
    while k < len(ws) and word_form(nlp, ws[k].text).pos in ("ADJF", "PRTF"):
        if "generic" in word_labels(nlp, cues.PROJECT_CUES, ws[k].text):
            return None
        k += 1
    if k >= len(ws) or cue_strength(nlp, ws[k].text) not in ("strong", "weak"):
        return None
    if not word_form(nlp, ws[k].text).cases & {"nomn", "accs"}:
        return None  # «для разработки программ …»: not the object proposed
    if k == len(ws) - 1 and k == first:  # a bare noun: «и проекты» names nothing
        return None
    return first


def coordinated_projects(nlp: Nlp, sent: Sentence, proposal: bool) -> list[tuple[str, int, int]]:
    if not proposal:
        return []
    text = sent.text
    body = text.rstrip(" .!?")
    out: list[tuple[str, int, int]] = []
    seen_verb = False
    for item, at in split_top_level(body):
        obj, obj_at, has_verb = after_proposal_verb(nlp, item, at)
        seen_verb = seen_verb or has_verb
        if not seen_verb:
            continue  # items before the verb are its subject and circumstances
        for part, pat in split_on_and(nlp, obj, obj_at):
            cut = DASH.search(part)
            if cut and introduces_names(nlp, part[cut.end():], pat + cut.end()):
                continue  # «сервисы — запись и карта»: a heading over the names the dash brings
            part = part[:cut.start()] if cut else part
            if re.search(r"[«»\"“”()]", part):
                continue  # a quoted name is the quote rule's; a stray mark means speech
            ws = words(part, pat)
            first = cue_phrase(nlp, ws)
            if first is None or any(word_form(nlp, w.text).pos in ("VERB", "PRTS", "GRND")
                                    for w in ws[first:]):
                continue
            if word_form(nlp, ws[-1].text).pos in ("ADJF", "PRTF"):
                continue  # «систему правовых, организационных …»: a comma inside the phrase
            s = ws[first].start
            e = pat + len(part.rstrip(" .,;:"))
            if len(words(text[s:e])) > cues.MAX_NAME_WORDS:
                continue
            out.append((clean_name(nominative(nlp, text[s:e])), sent.start + s, sent.start + e))
    return out


def after_proposal_verb(nlp: Nlp, item: str, at: int) -> tuple[str, int, bool]:
    """The part of a comma item after its last verb of proposing (the object it proposes),
    and whether the item has such a verb."""
    verbs = [w for w in words(item) if is_proposal_verb(nlp, w.text)]
    if not verbs:
        return item, at, False
    cut = verbs[-1].end
    return item[cut:], at + cut, True


def split_on_and(nlp: Nlp, item: str, at: int) -> list[tuple[str, int]]:
    """«X и Y» outside quotes and parentheses → X, Y when Y opens a cue-led phrase."""
    inside = quoted_offsets(item)
    parts, start = [], 0
    for m in re.finditer(r"\sи\s", item):
        if m.start() in inside or item.count("(", 0, m.start()) > item.count(")", 0, m.start()):
            continue
        before = item[start:m.start()]
        like = re.search(r"[»\"”]", before) or any(cue_strength(nlp, w.text) in ("strong", "weak")
                                                   for w in words(before))
        if like and cue_phrase(nlp, words(item[m.end():])) is not None:
            parts.append((before, at + start))
            start = m.end()
    parts.append((item[start:], at + start))
    return parts


# --- abbreviations: «Центр городских инициатив (ЦГИ)» ---------------------------------------------------

def abbreviation_projects(nlp: Nlp, sent: Sentence, proposal: bool) -> list[tuple[str, int, int]]:
    text = sent.text
    out: list[tuple[str, int, int]] = []
    for m in ABBREVIATION.finditer(text):
        before = text[:m.start()].rstrip()
        if before.endswith(("»", '"', "”")):
            continue  # the quoted name before it is the quote rule's
        ws = words(before)
        letters = list(m.group(1).lower())
        k = len(ws)
        while letters and k > 0:
            k -= 1
            w = ws[k].text.lower()
            if w in FUNCTION_WORDS:
                continue
            initials = [part[0] for part in w.split("-") if part]
            if letters[-len(initials):] != initials:
                break
            del letters[-len(initials):]
        if letters or k >= len(ws):
            continue
        if not cue_allows(cue_strength(nlp, ws[k].text), proposal):
            continue
        s, e = ws[k].start, len(before)
        out.append((clean_name(nominative(nlp, text[s:e])), sent.start + s, sent.start + e))
    return out


# --- entry ----------------------------------------------------------------------------------------

RULES = (quoted_projects, apposition_projects, coordinated_projects, abbreviation_projects)


def is_running_text(line: Line) -> bool:
    return line.shape != "heading" and not is_upper_text(line.text)


def speech_spans(line: Line) -> list[tuple[int, int]]:
    """Quotations too long to be names: reported speech, where only quoted names count."""
    return [(line.start + s, line.start + e) for s, e in quote_spans(line.text)
            if len(words(line.text[s:e])) > cues.MAX_NAME_WORDS]


def extract_text_projects(doc: Document, nlp: Nlp) -> list[Project]:
    found: list[tuple[str, int, int]] = []
    for line in doc_to_lines(doc):
        if not is_running_text(line):
            continue
        speech = speech_spans(line)
        for sent in line_sentences(line):
            proposal = proposes(nlp, sent.text)
            in_speech = any(s - 1 <= sent.start < e for s, e in speech)
            for rule in (RULES[:1] if in_speech else RULES):
                found.extend(rule(nlp, sent, proposal))
    return dedupe(doc, found)


def dedupe(doc: Document, found: list[tuple[str, int, int]]) -> list[Project]:
    """First of each name; a span inside an already kept one adds nothing."""
    out: list[Project] = []
    seen: set[str] = set()
    spans: list[tuple[int, int]] = []
    for name, s, e in sorted(found, key=lambda x: (x[1], -x[2])):
        key = fold_spaces(name)
        if not key or key in seen or any(a <= s and e <= b for a, b in spans):
            continue
        seen.add(key)
        spans.append((s, e))
        out.append(Project(name=name, span=span_of(doc, s, e)))
    return out
