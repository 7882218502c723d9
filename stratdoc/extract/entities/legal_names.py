"""Names opened by a legal form: «АО «Вега»», «ООО "Вектор"», «акционерного общества «…»», a kind
before the quoted name («МКДОУ детский сад «Тополек»»), unquoted school-like names «МАОУ СОШ № 2»,
«АОУ школа № 6», and a settlement that tells one school from another («МОУ «СОШ» п. Кожва»)."""

from __future__ import annotations

from stratdoc.extract.entities.bodies import settlement_or_dedication_end
from stratdoc.extract.entities.narrative import (
    OPEN_QUOTES,
    Narrative,
    phrase_to_nominative,
)
from stratdoc.extract.entities.org_words import OrgMention, capitalize, first_noun, is_name_like
from stratdoc.extract.lexicon.legal_forms import LEGAL_FORMS_PATH
from stratdoc.extract.nlp import Nlp

# Tokens that may stand between a legal form and the quoted name («ГБУЗ РК «…»»).
MAX_TOKENS_BEFORE_QUOTE = 2
# Lower-case words of a kind between the form and the name («детский сад», «школе»).
MAX_KIND_WORDS = 3


def legal_form_at(nv: Narrative, nlp: Nlp, i: int) -> int | None:
    """Index of the last token of a legal form (legal_forms.jsonl) starting at token i, or None."""
    found = nv.matches_at(nlp, LEGAL_FORMS_PATH, i)
    if any(label == "abbreviation" for label, _ in found):
        return i
    return next((end - 1 for label, end in found if label == "full"), None)


def legal_form_mentions(nv: Narrative, nlp: Nlp) -> list[OrgMention]:
    """«АО «Вега»», «ГБУЗ РК «…»», «МКДОУ детский сад «…»», and unquoted «МАОУ СОШ № 2»."""
    out: list[OrgMention] = []
    for i in range(len(nv.tokens)):
        end = legal_form_at(nv, nlp, i)
        if end is None:
            continue
        opener = end + 1
        while opener < min(len(nv.tokens), end + 1 + MAX_TOKENS_BEFORE_QUOTE) and \
                is_name_like(nv.tokens[opener].text, nlp) and nv.same_clause(end, opener):
            opener += 1
        kind_end = _kind_words_end(nv, end, opener)
        after_kind = kind_end + 1 if kind_end is not None else opener
        if after_kind >= len(nv.tokens) or not nv.same_clause(end, after_kind):
            continue
        close = _name_close(nv, after_kind)
        if close is None or close == after_kind + 1:
            close = _numbered_name_end(nv, end, after_kind)
        if close is None and kind_end is None and opener > end + 1 and \
                settlement_or_dedication_end(nv, opener) is not None:
            close = opener - 1  # «МКУДО ДЮСШ с. Парфеньево»
        if close is None:
            continue
        close = _settlement_end(nv, close)
        head = i if end == i else first_noun(nv, i, end)
        form = nv.phrase(i, end) if end == i else capitalize(phrase_to_nominative(nv, nlp, i, head, end))
        parts = [form]
        if opener > end + 1:
            parts.append(nv.phrase(end + 1, opener - 1))
        if kind_end is not None:
            parts.append(phrase_to_nominative(nv, nlp, opener, first_noun(nv, opener, kind_end), kind_end))
        parts.append(nv.phrase(after_kind, close))
        out.append(OrgMention(nv.tokens[i].start, nv.tokens[close].end, " ".join(parts), "legal"))
    # «открытого акционерного общества племрепродуктор «…»» holds «акционерного общества …»
    return [m for m in out if not any(o.start < m.start and o.end == m.end for o in out)]


def _kind_words_end(nv: Narrative, end: int, after: int) -> int | None:
    """Last of a few lower-case nouns and adjectives after the form, before a quoted name or «№»
    («МКДОУ детский сад «Тополек»», «АОУ школе № 6»), or None."""
    k = after
    while k < min(len(nv.tokens), after + MAX_KIND_WORDS) and nv.same_clause(end, k) and \
            nv.tokens[k].pos in ("NOUN", "ADJ") and nv.tokens[k].text[:1].islower():
        k += 1
    if k == after or k >= len(nv.tokens) or not nv.same_clause(end, k):
        return None
    if nv.tokens[k].text not in OPEN_QUOTES and nv.tokens[k].text != "№":
        return None
    if nv.tokens[k - 1].pos != "NOUN":
        return None
    return k - 1


def _name_close(nv: Narrative, opener: int) -> int | None:
    """The quote closing a name opened at `opener`; a name whose inner quote shares the outer
    closing one («ООО «Фармацевтический завод «Гален»») closes there."""
    close = nv.closing_quote(opener)
    if close is not None or nv.tokens[opener].text not in OPEN_QUOTES:
        return close
    inner = next((k for k in range(opener + 1, min(len(nv.tokens), opener + 20))
                  if nv.tokens[k].text == nv.tokens[opener].text and nv.same_clause(opener, k)), None)
    return nv.closing_quote(inner) if inner is not None else None


def _settlement_end(nv: Narrative, close: int) -> int:
    """«МОУ «СОШ» п. Кожва», «ООО «Заря» им. В. И. Ленина»: a settlement or a dedication right
    after the name belongs to it."""
    j = close + 1
    if j < len(nv.tokens) and nv.same_clause(close, j):
        end = settlement_or_dedication_end(nv, j)
        if end is not None:
            return end
    return close


def _numbered_name_end(nv: Narrative, end: int, after: int) -> int | None:
    """Last token of «СОШ № 2» after a legal form: abbreviations or a kind, then «№» and a number."""
    if after == end + 1 or after + 1 >= len(nv.tokens) or nv.tokens[after].text != "№":
        return None
    number = after + 1
    if not nv.same_clause(after, number) or not nv.tokens[number].text[:1].isdigit():
        return None
    return number
