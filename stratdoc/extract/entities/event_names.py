"""The name of an event: the head word with its modifiers and complements, as printed.

Kept apart from the finder (events.py) because the bounds of a name are a grammar of their
own: adjectives before the head, genitive and «по»/«о»/«с» groups after it, compounds written
with a spaced hyphen, and a capitalised gathering coordinated with the head.
"""

from __future__ import annotations

from pathlib import Path

from stratdoc.extract.entities.narrative import OPEN_QUOTES, Narrative
from stratdoc.extract.lexicon.pattern_data import lemma_values, pattern_entries

# Event words (events.jsonl): a head lemma, with the adjective right before it where the kind
# depends on it; labels are the kinds.
EVENTS_PATH = Path(__file__).with_name("events.jsonl")
EVENT_HEADS = frozenset(w for e in pattern_entries(EVENTS_PATH) for w in lemma_values(e["pattern"][-1]))
# Hyphens a compound may be printed with, spaced («стран - участников»).
COMPOUND_DASHES = frozenset({"-", "–", "‑"})
# Prepositions that open the topic of an event and the case they govern: «сессия по развитию
# туризма», «опрос жителей о приоритетах развития».
TOPIC_PREPOSITIONS = {"по": "Dat", "о": "Loc", "об": "Loc"}
# Nouns of a «с» + instrumental group that are no part of an event's name («сессия с участием …»).
NOT_NAME_COMPANIONS = frozenset({"участие", "помощь", "привлечение", "использование", "учет"})
# Adjectives before the head that are no part of an event's name.
NOT_NAME_MODIFIERS = frozenset({
    "этот", "тот", "данный", "очередной", "такой", "весь", "каждый", "который", "свой", "наш",
    "ближайший", "последний", "следующий", "нынешний", "предстоящий", "прошедший", "другой",
})
# Endings of adjectives of duration, no part of a name («трехдневная мастерская»).
DURATION_ENDINGS = ("дневный", "часовой", "недельный", "месячный")


def name_bounds(nv: Narrative, head: int) -> tuple[int, int]:
    """The head with its modifiers («VII Международном инновационном форуме») and its
    genitive, «по» / «о» and «с» complements («сессия общественного совета по развитию
    туризма», «опрос жителей о приоритетах», «сессия с жителями»).

    A «по» group that introduces a quoted list of topics («по направлениям «…»») is left out.
    """
    first = head
    while first - 1 >= 0 and nv.same_clause(first - 1, head):
        prev = nv.tokens[first - 1]
        if prev.text.isupper() and prev.text.isalpha() and all(c in "IVXLC" for c in prev.text):
            first -= 1
        elif prev.pos == "ADJ" and nv.lemmas[first - 1] not in NOT_NAME_MODIFIERS and \
                not nv.lemmas[first - 1].endswith(DURATION_ENDINGS) and \
                prev.feats.get("Case") == nv.tokens[head].feats.get("Case"):
            first -= 1
        else:
            break
    first = _coordinated_start(nv, first, head)
    last = head
    j = head + 1
    group: str | None = None
    group_start = None
    clause = nv.clause[head]
    while j < len(nv.tokens) and (nv.clause[j] == clause
                                  or nv.clause[j - 1] == clause and _compound_dash(nv, j)):
        tok = nv.tokens[j]
        case = tok.feats.get("Case")
        if tok.pos in ("NOUN", "PROPN", "ADJ") and (case == "Gen" or (group and case == group)
                                                    or tok.pos == "ADJ" and case is None
                                                    and tok.text.replace("-", "").isalpha()):
            if tok.pos != "ADJ":
                last = j
            j += 1
            continue
        if _compound_dash(nv, j):
            clause = nv.clause[j + 1]  # a dash opening a line may have opened a clause
            j += 1  # «конференция стран - участников ассоциации»
            continue
        if tok.text == "," and group in ("Dat", "Loc") and _noun_in_case(nv, j + 1, group):
            j += 1  # «сессии по туризму, кадрам и городской среде»
            continue
        if tok.pos == "ADP" and nv.lemmas[j] in TOPIC_PREPOSITIONS:
            group, group_start = TOPIC_PREPOSITIONS[nv.lemmas[j]], j
            j += 1
            continue
        if tok.pos == "ADP" and nv.lemmas[j] == "с" and _companion(nv, j + 1):
            group = "Ins"
            j += 1
            continue
        if tok.text == "и" and j + 1 < len(nv.tokens) and nv.tokens[j + 1].pos in ("NOUN", "ADJ") \
                and nv.tokens[j + 1].feats.get("Case") in (group, "Gen"):
            j += 1
            continue
        if tok.text in OPEN_QUOTES and group_start is not None and group_start < last:
            last = _before(nv, group_start, head)
        break
    return first, last


def _compound_dash(nv: Narrative, j: int) -> bool:
    """A spaced hyphen between two nouns in one case is the hyphen of a compound («стран -
    участников», «городов – побратимов»), often where a line broke, not a dash ending the name."""
    toks = nv.tokens
    if not (0 < j < len(toks) - 1 and toks[j].text in COMPOUND_DASHES):
        return False
    left, right = toks[j - 1], toks[j + 1]
    return (left.pos == "NOUN" and right.pos in ("NOUN", "ADJ") and right.text[:1].islower()
            and left.feats.get("Case") is not None and left.feats.get("Case") == right.feats.get("Case"))


def _coordinated_start(nv: Narrative, first: int, head: int) -> int:
    """«Генеральная ассамблея и ежегодная конференция …»: a capitalised adjective and noun in the
    head's case before «и» name one gathering with it; a lower-case one («стратегическая сессия и
    форум») is an event of its own and is left to its own mention."""
    k = first - 1
    if k < 1 or nv.tokens[k].text != "и" or not nv.same_clause(k, head):
        return first
    noun = k - 1
    start = noun
    while start - 1 >= 0 and nv.same_clause(start - 1, head) and nv.tokens[start - 1].pos == "ADJ":
        start -= 1
    case = nv.tokens[head].feats.get("Case")
    if (start < noun and nv.tokens[noun].pos == "NOUN" and nv.tokens[noun].feats.get("Case") == case
            and nv.tokens[start].text[:1].isupper() and nv.same_clause(start, head)
            and nv.lemmas[noun] not in EVENT_HEADS):
        return start
    return first


def _noun_in_case(nv: Narrative, j: int, case: str) -> bool:
    """A noun in `case` at token j, perhaps after adjectives."""
    while j < len(nv.tokens) and nv.tokens[j].pos == "ADJ":
        j += 1
    return j < len(nv.tokens) and nv.tokens[j].pos == "NOUN" and nv.tokens[j].feats.get("Case") == case


def _companion(nv: Narrative, j: int) -> bool:
    """«сессия с жителями», «встреча с инвесторами»: a noun in the instrumental after «с»."""
    while j < len(nv.tokens) and nv.tokens[j].pos == "ADJ":
        j += 1
    return (j < len(nv.tokens) and nv.tokens[j].pos in ("NOUN", "PROPN")
            and nv.tokens[j].feats.get("Case") == "Ins" and nv.lemmas[j] not in NOT_NAME_COMPANIONS)


def _before(nv: Narrative, j: int, head: int) -> int:
    k = j - 1
    while k > head and nv.tokens[k].pos in ("ADP", "CCONJ", "PUNCT"):
        k -= 1
    return k


def quoted_title(nv: Narrative, head: int) -> str | None:
    """«проектная сессия "Стратегическое развитие …"» → the quoted title."""
    j = head + 1
    if j >= len(nv.tokens) or nv.tokens[j].text not in OPEN_QUOTES or not nv.same_clause(head, j):
        return None
    close = nv.closing_quote(j)
    if close is None or close == j + 1:
        return None
    return nv.phrase(j + 1, close - 1)
