"""Organizations named in a document: natasha's ORG spans (`ner_orgs`) joined with the
rule-based ones (`org_rules`), aliases a text defines («(далее — Совет)») resolved, and one
record per `org_key`.

Rule spans win where both overlap, every name becomes nominative, and the records' names are
tidied last (`org_tidying`).
"""

from __future__ import annotations

from stratdoc.extract.entities.label_cells import document_label_cells, in_label_cell
from stratdoc.extract.entities.narrative import (
    Narrative,
    document_to_narrative,
)
from stratdoc.extract.entities.ner_orgs import ner_mentions
from stratdoc.extract.entities.org_rules import OrgMention, find_org_mentions
from stratdoc.extract.entities.org_tidying import tidy_organizations
from stratdoc.extract.lexicon.org_names import org_key
from stratdoc.extract.nlp import Nlp
from stratdoc.schema import Document, Organization

__all__ = ["extract_organizations", "mentions_to_organizations", "org_key", "organization_mentions",
           "tidy_organizations"]

MAX_ALIAS_WORDS = 3



def extract_organizations(doc: Document, nv: Narrative | None = None, *, nlp: Nlp) -> list[Organization]:
    """Organizations of one document, one record per `org_key`, in order of first mention."""
    nv = nv or document_to_narrative(doc, nlp)
    return mentions_to_organizations(nv, organization_mentions(nv, nlp), nlp)


def organization_mentions(nv: Narrative, nlp: Nlp) -> list[OrgMention]:
    """Rule mentions plus the natasha ORG spans no rule span overlaps, in text order; a table
    label cell (see `label_cells`) holds neither a natasha span nor a kind of institution
    («Наименование органа местного самоуправления»)."""
    labels = document_label_cells(nv.page_of)
    rules = [m for m in find_org_mentions(nv, nlp)
             if m.rule != "class" or not in_label_cell(m.start, m.end, labels)]
    out = list(rules)
    for m in ner_mentions(nv, nlp):
        if in_label_cell(m.start, m.end, labels):
            continue
        if not any(m.start < r.end and r.start < m.end for r in rules if not _holds(r, m)):
            out.append(m)
    out.sort(key=lambda m: (m.start, -m.end))
    return resolve_aliases(nv, out)


def _holds(rule: OrgMention, m: OrgMention) -> bool:
    """A kind of institution holding a name natasha found («территориальный орган Федеральной
    службы …»): the name is an organization of its own."""
    return rule.rule == "class" and rule.start <= m.start and m.end <= rule.end


def resolve_aliases(nv: Narrative, mentions: list[OrgMention]) -> list[OrgMention]:
    """Later uses of a short name the text defines count for the full name.

    «Министерство финансов … (далее — Министерство)», «Совет по улучшению … (далее - Совет)»:
    each later capitalised «Министерство» / «Совет» is one more mention of the full name, also
    where natasha or a rule took it for a name of its own («Совет решения»).
    """
    aliases: dict[tuple[str, ...], tuple[OrgMention, int]] = {}  # lemmas → (full name, last word)
    for m in mentions:
        found = _alias_after(nv, nv.index_at(m.end))
        if found is not None:
            key = tuple(nv.lemmas[found[0]:found[1] + 1])
            aliases.setdefault(key, (m, found[1]))
    if not aliases:
        return mentions
    out = []
    for m in mentions:
        owner = _alias_owner(nv, m, aliases)
        out.append(OrgMention(m.start, m.end, owner.name, "alias") if owner else m)
    covered = [(m.start, m.end) for m in out]
    for key, (owner, defined_at) in aliases.items():
        for i in range(defined_at + 1, len(nv.tokens) - len(key) + 1):
            if nv.lemmas[i] != key[0] or not nv.tokens[i].text[:1].isupper():
                continue
            if tuple(nv.lemmas[i:i + len(key)]) != key:
                continue
            start, end = nv.tokens[i].start, nv.tokens[i + len(key) - 1].end
            if not any(a <= start < b for a, b in covered):
                out.append(OrgMention(start, end, owner.name, "alias"))
    return sorted(out, key=lambda m: (m.start, -m.end))


def _alias_owner(nv: Narrative, m: OrgMention,
                 aliases: dict[tuple[str, ...], tuple[OrgMention, int]]) -> OrgMention | None:
    """The full name a mention stands for: it is the alias, or the alias word with lower-case
    words the tagger joined to it."""
    idx = nv.token_range(m.start, m.end)
    words = [k for k in idx if any(c.isalpha() for c in nv.tokens[k].text)]
    if not words or m.rule not in ("body", "ner"):
        return None
    for key, (owner, defined_at) in aliases.items():
        if idx.start <= defined_at or owner is m:
            continue
        head = [nv.lemmas[k] for k in words[:len(key)]]
        rest_lower = all(not nv.tokens[k].text[:1].isupper() for k in words[len(key):])
        if tuple(head) == key and rest_lower:
            return owner
    return None


def _alias_after(nv: Narrative, k: int) -> tuple[int, int] | None:
    """First and last index of X in «( далее — X )» at token k; X up to three words, the
    first capitalised."""
    texts = [t.text.lower() for t in nv.tokens[k:k + 4 + MAX_ALIAS_WORDS]]
    if len(texts) < 4 or texts[0] != "(" or texts[1] != "далее":
        return None
    j = 2 + (texts[2] in ("-", "–", "—"))
    if ")" not in texts[j + 1:]:
        return None
    end = texts.index(")", j + 1) - 1
    if end < j or end - j >= MAX_ALIAS_WORDS or not nv.tokens[k + j].text[:1].isupper():
        return None
    if not all(t.isalpha() for t in texts[j:end + 1]):
        return None
    return k + j, k + end


def mentions_to_organizations(nv: Narrative, mentions: list[OrgMention], nlp: Nlp) -> list[Organization]:
    records: dict[str, Organization] = {}
    for m in mentions:
        key = org_key(m.name)
        if not key:
            continue
        if key in records:
            records[key].mentions += 1
            if records[key].name.isupper() and not m.name.isupper():
                records[key].name = m.name  # «АДМИНИСТРАЦИЯ ОМСКОЙ ОБЛАСТИ» in a heading first
        else:
            records[key] = Organization(name=m.name, mentions=1, span=nv.span(m.start, m.end))
    return tidy_organizations(list(records.values()), nlp)
