"""Organizations natasha's NER misses or cuts short, found by rules over tagged tokens, in
four shapes, one module each:

- `legal_names`: a legal form and a quoted name («АО «Вега»», «акционерного общества «…»»);
- `brand_names`: a descriptor and a quoted name people write alone («концерна «Полёт»» →
  «Полёт»), and one-word agency names made by their suffix («Северостата» → «Северостат»);
- `bodies`: a body's head noun grown over its complements by case agreement («Управление
  экономики города N», «Отдел по работе с молодежью, спортом и туризмом …»);
- `class_bodies`: a kind of institution with what makes it one, and no proper name
  («органы местного самоуправления поселений», «учреждения культуры», «фонд развития …»).

The vocabularies are data: lexicon/data/legal_forms.jsonl, body_heads.jsonl and
institution_classes.jsonl.
"""

from __future__ import annotations

from stratdoc.extract.entities.bodies import body_mentions
from stratdoc.extract.entities.brand_names import agency_mentions, brand_mentions
from stratdoc.extract.entities.class_bodies import class_body_mentions
from stratdoc.extract.entities.legal_names import legal_form_mentions
from stratdoc.extract.entities.narrative import Narrative
from stratdoc.extract.entities.org_words import OrgMention
from stratdoc.extract.nlp import Nlp

__all__ = ["OrgMention", "find_org_mentions"]


def find_org_mentions(nv: Narrative, nlp: Nlp) -> list[OrgMention]:
    """Every rule-based organization mention, in text order; nested ones allowed."""
    legal = legal_form_mentions(nv, nlp)
    # a brand inside a legal name is that name («ООО «Фармацевтический завод «Гален»»)
    brands = [b for b in brand_mentions(nv, nlp)
              if not any(n.start <= b.start and b.end <= n.end for n in legal)]
    named = legal + brands + agency_mentions(nv, nlp)
    # a body word inside a quoted name is part of that name («АО «Корпорация развития …»»)
    bodies = [b for b in body_mentions(nv, nlp)
              if not any(n.start <= b.start and b.end <= n.end for n in named)]
    # a kind is a mention of its own where no name or body covers it or crosses its edge; it
    # may hold one («территориальный орган Федеральной службы …»)
    kinds = [c for c in class_body_mentions(nv, nlp)
             if not any(m.start < c.end and c.start < m.end and not _holds(c, m) for m in named + bodies)]
    out = named + bodies + kinds
    out.sort(key=lambda m: (m.start, -m.end))
    return out


def _holds(outer: OrgMention, inner: OrgMention) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end and (outer.start, outer.end) != (
        inner.start, inner.end)
