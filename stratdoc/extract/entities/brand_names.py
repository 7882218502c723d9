"""Names people write alone: a quoted name after a descriptor («Госкорпорации «Ростех»» →
«Ростех», «кластера «Технопарк Север»» → «Технопарк Север»), and one-word names of state
agencies made by their suffix («Иркутскстата», «Ростехнадзору»: «…стат», «…надзор», «…реестр»),
which the dictionary lacks and NER takes for surnames."""

from __future__ import annotations

import re

from stratdoc.extract.entities.narrative import (
    OPEN_QUOTES,
    Narrative,
    phrase_to_nominative,
)
from stratdoc.extract.entities.org_words import OrgMention, first_noun, is_name_like
from stratdoc.extract.nlp import Nlp

# State agencies named by a suffix: «Росстат», «Иркутскстат», «Роспотребнадзор», «Росреестр»;
# the stem is the nominative, the tail a case ending.
AGENCY_WORD = re.compile(r"(?P<stem>[А-ЯЁ][а-яё]{2,}(?:стат|надзор|реестр))(?:а|у|ом|е)?")

# Descriptors after which people name the organization by its quoted name alone.
BRAND_DESCRIPTORS = frozenset({
    "госкорпорация", "корпорация", "компания", "холдинг", "кластер", "концерн", "банк", "медиагруппа",
    "агрохолдинг", "группа", "газета", "издание", "телеканал", "завод", "комбинат", "фабрика",
    "предприятие", "фирма", "гк", "агентство", "технопарк", "бизнес-инкубатор", "инкубатор",
})

# Descriptors that also name a team of people: a quoted name after them is a brand only when it
# holds a word the dictionary lacks («группа «Илим»», not «группы «Молодежная политика»»).
TEAM_DESCRIPTORS = frozenset({"группа"})


# one-word agency names ---------------------------------------------------------------------------
def agency_mentions(nv: Narrative, nlp: Nlp) -> list[OrgMention]:
    """«Иркутскстата» → «Иркутскстат»: a capitalised word the dictionary lacks (or knows as an
    organization) ending in an agency suffix, in the nominative by its noun reading."""
    out = []
    for tok in nv.tokens:
        m = AGENCY_WORD.fullmatch(tok.text)
        if m is None:
            continue
        low = tok.text.lower()
        parses = [p for p in nlp.parses(low) if p.pos == "NOUN"]
        if not parses or nlp.is_known(low) and not any(p.has("Orgn") for p in parses):
            continue
        out.append(OrgMention(tok.start, tok.end, m.group("stem").capitalize(), "agency"))
    return out



# quoted names after a descriptor ------------------------------------------------------------------
def brand_mentions(nv: Narrative, nlp: Nlp) -> list[OrgMention]:
    """«Госкорпораций «Ростех» и «Роснано»» → «Ростех», «Роснано»."""
    out: list[OrgMention] = []
    for i in range(len(nv.tokens) - 2):
        if nv.lemmas[i] not in BRAND_DESCRIPTORS or nv.tokens[i].pos not in ("NOUN", "PROPN"):
            continue
        j = i + 1
        while j < len(nv.tokens) and nv.same_clause(i, j):
            close = nv.closing_quote(j) if nv.tokens[j].text in OPEN_QUOTES else None
            if close is None or close == j + 1:
                break
            if nv.lemmas[i] in TEAM_DESCRIPTORS and not _has_unknown_word(nv, nlp, j + 1, close - 1):
                break
            head = first_noun(nv, j + 1, close - 1)
            name = phrase_to_nominative(nv, nlp, j + 1, head, close - 1)
            out.append(OrgMention(nv.tokens[j + 1].start, nv.tokens[close - 1].end, name, "brand"))
            nxt = close + 1
            if nxt + 1 < len(nv.tokens) and nv.tokens[nxt].text in (",", "и"):
                j = nxt + 1
                continue
            break
    return out


def _has_unknown_word(nv: Narrative, nlp: Nlp, first: int, last: int) -> bool:
    return any(any(c.isalpha() for c in nv.tokens[k].text) and (
        is_name_like(nv.tokens[k].text, nlp) or not nlp.is_known(nv.tokens[k].text))
        for k in range(first, last + 1))
