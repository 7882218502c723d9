"""Organizations natasha's NER misses or cuts short, found by rules over tagged tokens, in
four shapes, one module each:

- `legal_names`: a legal form and a quoted name («АО «Вега»», «акционерного общества «…»»);
- `brand_names`: a descriptor and a quoted name people write alone («концерна «Полёт»» →
  «Полёт»), and one-word agency names made by their suffix («Северостата» → «Северостат»);
- `bodies`: a body's head noun grown over its complements by case agreement («Управление
  экономики города N», «Отдел по работе с молодежью, спортом и туризмом …»).

The vocabularies are data: lexicon/data/legal_forms.jsonl and body_heads.jsonl.
"""

from __future__ import annotations

from stratdoc.extract.entities.bodies import body_mentions
from stratdoc.extract.entities.brand_names import agency_mentions, brand_mentions
from stratdoc.extract.entities.legal_names import legal_form_mentions
from stratdoc.extract.entities.narrative import Narrative
from stratdoc.extract.entities.org_words import OrgMention
from stratdoc.extract.nlp import Nlp

__all__ = ["OrgMention", "find_org_mentions"]


def find_org_mentions(nv: Narrative, nlp: Nlp) -> list[OrgMention]:
    """Every rule-based organization mention, in text order; nested ones allowed."""
    named = legal_form_mentions(nv, nlp) + brand_mentions(nv, nlp) + agency_mentions(nv, nlp)
    # a body word inside a quoted name is part of that name («АО «Корпорация развития …»»)
    bodies = [b for b in body_mentions(nv, nlp)
              if not any(n.start <= b.start and b.end <= n.end for n in named)]
    out = named + bodies
    out.sort(key=lambda m: (m.start, -m.end))
    return out
