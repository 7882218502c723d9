"""What the words of a line say about directions: which nouns are cues, which lines lead a
list of directions, what kind a name is. Shared by the readers of lists (`directions`),
sentences (`direction_prose`) and sections (`direction_tree`).
"""

from __future__ import annotations

import re

from stratdoc.extract.lexicon import cues
from stratdoc.extract.nlp import Nlp
from stratdoc.extract.text.units import (
    Word,
    clean_name,
    first_sentence,
    without_parentheticals,
    word_form,
    word_labels,
    words,
)


def name_kind(nlp: Nlp, name: str, default: str = "direction") -> str:
    """`cluster` when a word of the name's head part (before a quote or a dash) is «кластер»."""
    head = re.split(r"[«\"“]|\s[-–—]\s", name, maxsplit=1)[0]
    if any("cluster" in word_labels(nlp, cues.DIRECTION_CUES, w.text) for w in words(head)):
        return "cluster"
    return default


def item_name(body: str) -> str:
    """A listed item's name: its first sentence, without glosses in parentheses or the legal
    basis it cites."""
    return clean_name(cues.LEGAL_BASIS_TAIL_RE.sub("", without_parentheticals(first_sentence(body))))


def cue_kind(nlp: Nlp, word: str) -> str | None:
    """«direction» or «cluster» for a cue noun of a list of directions, else None."""
    labels = word_labels(nlp, cues.DIRECTION_CUES, word)
    return "cluster" if "cluster" in labels else "direction" if "direction" in labels else None


def lead_kind(nlp: Nlp, text: str) -> str | None:
    """The kind announced by a line that leads a list: its last cue noun is plural («следующие
    направления», «Основные направления:») and stands close before the colon, with at most a
    copula between, so «Направление включает мероприятия:» or «… приоритеты установлены
    следующими документами:» lead no list of directions."""
    low = text.lower()
    if not any(stem in low for stem in cues.DIRECTION_STEMS):
        return None
    ws = words(text.rstrip().rstrip(":"))
    for k in range(len(ws) - 1, -1, -1):
        form = word_form(nlp, ws[k].text)
        kind = cue_kind(nlp, ws[k].text) if form.pos == "NOUN" else None
        if kind is None:
            continue
        if "plur" not in form.numbers or governed_by_noun(nlp, ws, k) or names_branches(nlp, ws, k):
            return None
        comma = text.find(",", ws[k].end)
        spans = [m.span() for m in cues.TIME_SPAN_RE.finditer(text, ws[k].end)]
        tail = [w for w in ws[k + 1:] if (comma < 0 or w.start < comma)
                and not any(a <= w.start < b for a, b in spans)]
        if len(tail) > cues.MAX_CUE_TAIL_WORDS:
            return None
        for w in tail:
            f = word_form(nlp, w.text)
            verb = f.pos in ("VERB", "INFN") and "copula" not in word_labels(nlp, cues.DIRECTION_CUES, w.text)
            if verb or f.lemma.startswith("следующ"):
                return None
        return kind
    return None


def governed_by_noun(nlp: Nlp, ws: list[Word], k: int) -> bool:
    """Whether word k may be a genitive under the noun before it (modifiers skipped):
    «Способы реализации направления:» lists ways, not directions."""
    if "gent" not in word_form(nlp, ws[k].text).cases:
        return False
    j = k - 1
    while j >= 0 and word_form(nlp, ws[j].text).pos in ("ADJF", "PRTF", "NPRO"):
        if word_form(nlp, ws[j].text).lemma.startswith(cues.LIST_ANNOUNCER):
            return False  # «развитием следующих кластеров:» announces the clusters themselves
        j -= 1
    if j >= 1 and "preposition" in word_labels(nlp, cues.DIRECTION_CUES, ws[j].text) and \
            word_form(nlp, ws[j - 1].text).pos == "PREP":
        return False  # «в рамках следующих кластеров»
    return j >= 0 and word_form(nlp, ws[j].text).pos == "NOUN"



def names_branches(nlp: Nlp, ws: list[Word], k: int) -> bool:
    """Whether an adjective of the cue noun k names branches or goods («приоритетные
    отраслевые направления»): such a list names industries, not directions."""
    j = k - 1
    while j >= 0 and word_form(nlp, ws[j].text).pos in ("ADJF", "PRTF"):
        if "branch" in word_labels(nlp, cues.DIRECTION_CUES, ws[j].text):
            return True
        j -= 1
    return False
