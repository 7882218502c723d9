"""Time per table of joining a document's tables into views (captions, pieces continued over
pages) and of the whole `extract_tables`, for documents of 250 and 1000 tables.

    .venv/bin/python benchmarks/table_views.py [--sizes 250 1000] [--repeat 3]

The documents are generated (no ../shared needed): each table has a caption line, a paragraph
of text before it and a small plan of measures. With views found by bisection on the blocks'
offsets the time per table stays flat, so the ratio of the largest size to the smallest is
about 1 per table (about 4 in total from 250 to 1000); rescanning every block per table made it
grow with the size.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from stratdoc.extract.nlp import shared  # noqa: E402
from stratdoc.extract.tables import extract_tables  # noqa: E402
from stratdoc.extract.tables.grid import document_to_views  # noqa: E402
from stratdoc.extract.tables.header import looks_like_header  # noqa: E402
from stratdoc.ingest.builder import DocumentBuilder, RawCell  # noqa: E402
from stratdoc.schema import BlockKind, Document, Format  # noqa: E402

HEADER = ["№ п/п", "Наименование мероприятия", "Ответственный исполнитель", "Источник финансирования",
          "2025", "2026"]


def plan_rows(k: int) -> list[list[str]]:
    return [HEADER] + [[f"{i}.", f"Мероприятие {k}.{i} по благоустройству", "Отдел развития",
                        "местный бюджет", f"{100 + i},0", f"{200 + i},5"] for i in range(1, 6)]


def generated_document(n_tables: int) -> Document:
    b = DocumentBuilder(id=f"gen-{n_tables}", source=f"gen-{n_tables}.docx", format=Format.DOCX)
    for k in range(n_tables):
        b.add_block(BlockKind.PARAGRAPH, f"Раздел {k + 1} описывает мероприятия одного из направлений.")
        b.add_block(BlockKind.HEADING, f"Таблица {k + 1}. План мероприятий (тыс. руб.)")
        b.add_table([RawCell(r, c, text) for r, row in enumerate(plan_rows(k)) for c, text in enumerate(row)])
    return b.build()


def best_of(fn: Callable[[], object], repeat: int) -> float:
    """Fastest of `repeat` runs with the garbage collector off (as `timeit` does): its passes
    over a heap that grows with the document would blur the growth of the code itself."""
    times = []
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            t0 = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t0)
        finally:
            gc.enable()
    return min(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[250, 1000])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    nlp = shared()
    header_test = partial(looks_like_header, nlp=nlp)
    extract_tables(generated_document(2), nlp)  # warm the word caches, not part of the figures
    per_table: dict[str, dict[int, float]] = {"document_to_views": {}, "extract_tables": {}}
    for n in args.sizes:
        doc = generated_document(n)
        views = best_of(lambda d=doc: document_to_views(d, header_test), args.repeat)
        whole = best_of(lambda d=doc: extract_tables(d, nlp), args.repeat)
        per_table["document_to_views"][n] = views / n
        per_table["extract_tables"][n] = whole / n
        print(f"{n:>5} tables: document_to_views {views:7.3f} s ({views / n * 1e3:6.3f} ms/table), "
              f"extract_tables {whole:7.3f} s ({whole / n * 1e3:6.3f} ms/table)")
    lo, hi = min(args.sizes), max(args.sizes)
    if lo != hi:
        for name, times in per_table.items():
            total = times[hi] * hi / (times[lo] * lo)
            print(f"{name}: total time {hi}/{lo} = {total:.2f} (≈{hi / lo:.0f} when linear), "
                  f"time per table {hi}/{lo} = {times[hi] / times[lo]:.2f} (≈1 when linear)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
