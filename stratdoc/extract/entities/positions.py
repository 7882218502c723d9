"""Position phrases in apposition to a person's name, and the words that head them.

Russian news prints a position right before the name («глава Перми Олег Быков»,
«— рассказал директор по развитию ПАО «Вега» Иван Орлов») or after it, set off by a
comma («Анна Белова, генеральный директор центра …»). A person may hold
several, comma-separated («соучредитель АНО «…», член экспертного совета … Олег Смирнов»),
and one position may hold a comma itself («министр по промышленной политике, развитию
предпринимательства и торговли … области»).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from stratdoc.extract.entities.narrative import OPEN_QUOTES, Narrative, phrase_to_nominative
from stratdoc.extract.nlp import Nlp

# Lemmas of the nouns that head a position phrase («глава», «директор», …).
POSITIONS_PATH = Path(__file__).with_name("positions.jsonl")
# Tokens that may stand before a head as part of the position («и.о. главы», «врио губернатора»).
PREFIXES = frozenset({"и.о.", "и.о", "врио", "вр.и.о."})
# Adjectives before a head that are no part of the position («этот эксперт»).
NOT_MODIFIERS = frozenset({"этот", "тот", "такой", "который", "весь", "наш", "ваш", "свой", "другой",
                           "каждый", "один", "многий", "известный"})
DASHES = frozenset({"-", "–", "—"})
STOP_PUNCT = frozenset({".", ":", ";", "—", "–", "-", "(", ")", "!", "?", "…", "[", "]"})
STOP_VERB_FORMS = frozenset({"Fin", "Inf", "Conv"})
MAX_POSITION_TOKENS = 30
MAX_SEGMENTS_WITHOUT_HEAD = 2


@dataclass(frozen=True)
class Position:
    text: str
    start: int
    end: int


def is_head(nv: Narrative, nlp: Nlp, i: int) -> bool:
    return nv.tokens[i].pos in ("NOUN", "PROPN", "ADJ", "VERB") and \
        "head" in nv.labels_at(nlp, POSITIONS_PATH, i)


def opens_position(word: str, nlp: Nlp) -> bool:
    """A single word that heads a position («Губернатор», «директора»), a participle used as a
    noun too («управляющий», «Уполномоченному»: its lemma is the verb, its head the masculine
    nominative)."""
    if not word:
        return False
    lemmas = {nlp.lemma(word)}
    lemmas.update(form for p in nlp.parses(word) if p.pos in ("PRTF", "ADJF")
                  and (form := nlp.inflect(p, {"nomn", "sing", "masc"})) is not None)
    patterns = nlp.patterns(POSITIONS_PATH)
    return any(patterns.find_in_words([word], [lemma.lower().replace("ё", "е")]) for lemma in lemmas)


def is_stop(nv: Narrative, i: int) -> bool:
    tok = nv.tokens[i]
    if nv.labels[i] == "PER" or tok.text in STOP_PUNCT or tok.pos == "AUX":
        return True
    return tok.pos == "VERB" and tok.feats.get("VerbForm") in STOP_VERB_FORMS


def position_before(nv: Narrative, nlp: Nlp, name_first: int) -> Position | None:
    """The position phrase ending right before the name, several joined by commas, and a double
    position joined by a dash («заместителя губернатора - министра экономики В.С. Анохиной»).

    Words natasha put into the name's span but the name left out («главы городского округа
    Коломна Д.Б. Орлов») belong to the position.
    """
    parts = _parts_before(nv, nlp, name_first)
    if parts is None:
        return None
    seps = [", "] * (len(parts) - 1)
    while parts[0][0] >= 2:
        dash = parts[0][0] - 1
        if nv.tokens[dash].text not in DASHES or not nv.same_clause(dash - 1, name_first) \
                or not _spaced(nv, dash):
            break
        earlier = _parts_before(nv, nlp, dash)
        if earlier is None or earlier[-1][1] != dash - 1:
            break
        seps = [", "] * (len(earlier) - 1) + [f" {nv.tokens[dash].text} "] + seps
        parts = earlier + parts
    return parts_to_position(nv, nlp, parts, seps)


def _spaced(nv: Narrative, i: int) -> bool:
    """A dash with a space on either side joins two phrases; «вице-губернатор» is one word."""
    tok = nv.tokens[i]
    return nv.text[tok.start - 1:tok.start].isspace() and nv.text[tok.end:tok.end + 1].isspace()


def _parts_before(nv: Narrative, nlp: Nlp, name_first: int) -> list[tuple[int, int]] | None:
    """Token ranges of the comma-joined positions ending right before token `name_first`."""
    own = nv.span_ix[name_first]
    lo = name_first
    while lo - 1 >= 0 and nv.same_clause(lo - 1, name_first) and name_first - lo < MAX_POSITION_TOKENS \
            and (own is not None and nv.span_ix[lo - 1] == own or not is_stop(nv, lo - 1)):
        lo -= 1
    segments = comma_segments(nv, lo, name_first - 1)
    if not segments:
        return None
    # the position nearest the name: its head may sit one or two segments back when the
    # position itself holds a comma
    start = None
    k = len(segments) - 1
    for back in range(MAX_SEGMENTS_WITHOUT_HEAD + 1):
        if k - back < 0:
            break
        start = phrase_start(nv, nlp, *segments[k - back])
        if start is not None:
            k -= back
            break
    if start is None:
        return None
    parts = [(start, segments[-1][1])]
    # earlier positions of the same person: whole segments that start with a head
    while k > 0 and start == segments[k][0]:
        k -= 1
        prev_start = phrase_start(nv, nlp, *segments[k])
        if prev_start is None or prev_start != segments[k][0]:
            break
        parts.insert(0, (prev_start, segments[k][1]))
        start = prev_start
    return parts


def position_after(nv: Narrative, nlp: Nlp, name_last: int) -> Position | None:
    """«Имя Фамилия, генеральный директор …» up to the next comma, bracket or verb."""
    j = name_last + 1
    if j + 1 >= len(nv.tokens) or nv.tokens[j].text not in (",", "(") or not nv.same_clause(name_last, j + 1):
        return None
    closer = ")" if nv.tokens[j].text == "(" else ","
    first = j + 1
    k = first
    while k < len(nv.tokens) and nv.same_clause(first, k) and (nv.tokens[k].pos in ("ADJ",)
                                                             or nv.tokens[k].text.lower() in PREFIXES):
        k += 1
    if k >= len(nv.tokens) or not is_head(nv, nlp, k):
        return None
    last = k
    depth = 0
    m = k + 1
    while m < len(nv.tokens) and nv.same_clause(first, m) and m - first < MAX_POSITION_TOKENS:
        t = nv.tokens[m].text
        if t in OPEN_QUOTES and t != '"':
            depth += 1
        elif t == "»":
            depth -= 1
        if depth <= 0 and (t == closer or is_stop(nv, m)) and t != "»":
            break
        last = m
        m += 1
    return parts_to_position(nv, nlp, [(first, last)])


def comma_segments(nv: Narrative, lo: int, hi: int) -> list[tuple[int, int]]:
    """Token ranges between commas that stand outside quotes."""
    segments: list[tuple[int, int]] = []
    depth = 0
    start = lo
    for i in range(lo, hi + 1):
        t = nv.tokens[i].text
        if t == "«":
            depth += 1
        elif t == "»":
            depth = max(0, depth - 1)
        elif t == "," and depth == 0:
            if start <= i - 1:
                segments.append((start, i - 1))
            start = i + 1
    if start <= hi:
        segments.append((start, hi))
    return segments


def phrase_start(nv: Narrative, nlp: Nlp, lo: int, hi: int) -> int | None:
    """First token of the position in a segment: its earliest head with the words before it."""
    head = next((i for i in range(lo, hi + 1) if is_head(nv, nlp, i)), None)
    if head is None:
        return None
    start = head
    case = nv.tokens[head].feats.get("Case")
    while start - 1 >= lo:
        prev = nv.tokens[start - 1]
        lemma = nv.lemmas[start - 1]
        if prev.text.lower() in PREFIXES:
            start -= 1
        elif prev.pos == "ADJ" and lemma not in NOT_MODIFIERS and prev.feats.get("Case") in (case, None):
            start -= 1
        else:
            break
    return start


def parts_to_position(nv: Narrative, nlp: Nlp, parts: list[tuple[int, int]],
                      seps: list[str] | None = None) -> Position:
    """The positions' text in the nominative, joined by the separators printed between them."""
    texts = []
    for first, last in parts:
        head = next(i for i in range(first, last + 1) if is_head(nv, nlp, i))
        text = phrase_to_nominative(nv, nlp, first, head, last)
        if text[1:2].islower():
            text = text[:1].lower() + text[1:]
        texts.append(text)
    seps = seps if seps is not None else [", "] * (len(texts) - 1)
    text = texts[0] + "".join(sep + t for sep, t in zip(seps, texts[1:], strict=True))
    return Position(text, nv.tokens[parts[0][0]].start, nv.tokens[parts[-1][1]].end)
