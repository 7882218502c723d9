"""Documents built from plain lines for the narrative extractors' tests.

One block per non-empty line, its kind from the line's shape, the way a plain-text reader
sees a file; built with DocumentBuilder so offsets are exact and no reader is involved.
"""

from __future__ import annotations

import re

from stratdoc.ingest.builder import DocumentBuilder
from stratdoc.schema import BlockKind, Document, Format

LIST_LINE = re.compile(r"(?:[-–—•■]|\d{1,2}(?:\.\d{1,2})*[.)])\s")


def line_kind(line: str) -> BlockKind:
    if LIST_LINE.match(line):
        return BlockKind.LIST_ITEM
    if len(line) <= 100 and line.isupper():
        return BlockKind.HEADING
    return BlockKind.PARAGRAPH


def doc_from_text(text: str, *, tables: list[list[list[str]]] | None = None) -> Document:
    from stratdoc.ingest.builder import RawCell

    b = DocumentBuilder(id="0" * 64, source="test.txt", format=Format.TXT)
    b.start_page(1)
    for line in text.split("\n"):
        if line.strip():
            b.add_block(line_kind(line.strip()), line)
    for rows in tables or []:
        b.add_table([RawCell(r, c, t) for r, row in enumerate(rows) for c, t in enumerate(row)])
    return b.build()


def norm(s: str) -> str:
    """Names compared the way the shared scorer does: case, quotes, dashes and spaces folded."""
    s = s.lower().replace("ё", "е")
    s = re.sub(r"[«»“”„\"']", '"', s)
    s = re.sub(r"[‐-―−]", "-", s)
    return " ".join(s.split()).strip(" .,;:")


def seeds_with(shared, key: str) -> list[tuple[Document, dict]]:
    """(document read by the real reader, gold record) for every gold file holding `key`."""
    import json

    from stratdoc.ingest import read

    out = []
    for gold_path in sorted((shared / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if key in gold:
            out.append((read(shared / "seeds" / gold["source"]), gold))
    return out


def similar(a: str, b: str) -> bool:
    from rapidfuzz import fuzz

    a, b = norm(a), norm(b)
    return max(fuzz.token_sort_ratio(a, b), fuzz.ratio(a, b)) >= 85
