"""Head nouns of bodies and officials, by role: one vocabulary, `data/body_heads.jsonl`, for
the prose finders (as spaCy patterns), the table readers and the act-issuer reader.

The roles differ on purpose: a table cell's unit starts with a nominative form («Управление»,
«Заместитель главы»), an act's issuer may be an official («Губернатор»), and a body in prose
needs a head that is no ordinary word («центр города») unless a name follows.
"""

from __future__ import annotations

from stratdoc.extract.lexicon.pattern_data import DATA, pattern_entries, token_values

BODY_HEADS_PATH = DATA / "body_heads.jsonl"


def body_heads(label: str) -> frozenset[str]:
    """Lemmas of one role: strong, weak, quoted_name, short_ministry, issuer."""
    return frozenset(token_values(BODY_HEADS_PATH, label, "LEMMA"))


def unit_head_forms() -> dict[str, tuple[str, ...]]:
    """Heads of a table's responsible unit: lemma → its nominative forms (singular, plural)."""
    out: dict[str, tuple[str, ...]] = {}
    for e in pattern_entries(BODY_HEADS_PATH):
        if e["label"] == "unit":
            out[e["lemma"]] = (*out.get(e["lemma"], ()), e["lower"])
    return out


# Abbreviations of kinds of bodies, as printed: «ОМСУ», «ОИВ».
BODY_ABBREVIATIONS: frozenset[str] = frozenset(token_values(BODY_HEADS_PATH, "abbreviation", "ORTH"))

# Kinds of institutions named without a proper name («учреждения культуры»), their qualifiers and
# purposes: entities/class_bodies.py.
INSTITUTION_CLASSES_PATH = DATA / "institution_classes.jsonl"
