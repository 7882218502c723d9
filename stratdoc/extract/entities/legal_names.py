"""Names opened by a legal form: «АО «Вега»», «ООО "Вектор"», «акционерного общества «…»», and
unquoted school-like names «МАОУ СОШ № 2»."""

from __future__ import annotations

from stratdoc.extract.entities.narrative import (
    Narrative,
    phrase_to_nominative,
)
from stratdoc.extract.entities.org_words import OrgMention, capitalize, first_noun, is_name_like
from stratdoc.extract.lexicon.legal_forms import LEGAL_FORMS_PATH
from stratdoc.extract.nlp import Nlp

# Tokens that may stand between a legal form and the quoted name («ГБУЗ РК «…»»).
MAX_TOKENS_BEFORE_QUOTE = 2
def legal_form_at(nv: Narrative, nlp: Nlp, i: int) -> int | None:
    """Index of the last token of a legal form (legal_forms.jsonl) starting at token i, or None."""
    found = nv.matches_at(nlp, LEGAL_FORMS_PATH, i)
    if any(label == "abbreviation" for label, _ in found):
        return i
    return next((end - 1 for label, end in found if label == "full"), None)


def legal_form_mentions(nv: Narrative, nlp: Nlp) -> list[OrgMention]:
    """«АО «Вега»», «ГБУЗ РК «…»», and unquoted school-like names «МАОУ СОШ № 2»."""
    out: list[OrgMention] = []
    for i in range(len(nv.tokens)):
        end = legal_form_at(nv, nlp, i)
        if end is None:
            continue
        opener = end + 1
        while opener < min(len(nv.tokens), end + 1 + MAX_TOKENS_BEFORE_QUOTE) and \
                is_name_like(nv.tokens[opener].text, nlp) and nv.same_clause(end, opener):
            opener += 1
        if opener >= len(nv.tokens) or not nv.same_clause(end, opener):
            continue
        close = nv.closing_quote(opener)
        if close is None or close == opener + 1:
            close = _numbered_name_end(nv, end, opener)
            if close is None:
                continue
        head = i if end == i else first_noun(nv, i, end)
        form = nv.phrase(i, end) if end == i else capitalize(phrase_to_nominative(nv, nlp, i, head, end))
        name = f"{form} {nv.phrase(end + 1, close)}"
        out.append(OrgMention(nv.tokens[i].start, nv.tokens[close].end, name, "legal"))
    return out


def _numbered_name_end(nv: Narrative, end: int, after: int) -> int | None:
    """Last token of «СОШ № 2» after a legal form: abbreviations, then «№» and a number."""
    if after == end + 1 or after + 1 >= len(nv.tokens) or nv.tokens[after].text != "№":
        return None
    number = after + 1
    if not nv.same_clause(after, number) or not nv.tokens[number].text[:1].isdigit():
        return None
    return number
