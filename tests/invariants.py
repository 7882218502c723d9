"""The provenance invariant every reader must keep, shared by the per-format tests."""

from __future__ import annotations

from stratdoc.schema import Document


def assert_offsets(doc: Document) -> None:
    """Every block, table and cell is a slice of the one text; pages stay inside it."""
    for b in doc.blocks:
        assert doc.text[b.start:b.end] == b.text
    for t in doc.tables:
        assert doc.text[t.start:t.end] == next(b.text for b in doc.blocks if b.table_index == t.index)
        for c in t.cells:
            assert doc.text[c.start:c.end] == c.text
            assert t.start <= c.start <= c.end <= t.end
    for p in doc.pages:
        assert 0 <= p.start <= p.end <= len(doc.text)
