"""Time stratdoc's PDF ingest against bare pdfplumber text extraction, in one process.

    python benchmarks/ingest.py [PDF ...] [--pages 200] [--repeat 1] [--no-trace]

For each PDF three runs: the baseline (pdfplumber `extract_text()` on every page), our reader
alone (`stratdoc.ingest.read`), and the whole ingest (read, extract, store into a throw-away
SQLite file via `stratdoc.pipeline.ingest_paths`). Without arguments it takes the PDFs of
../shared/corpus/kursk/ (beside the repository) when present, plus a generated action plan of
`--pages` pages with tables. NLP models are loaded once before any timing, and that load is
reported on its own. Times are CPU seconds of this process (best of `--repeat` runs), so that
other work on the machine does not blur the ratio; wall-clock seconds are shown beside them.
Peak memory is tracemalloc's peak of one more, traced run (tracing slows Python code, so times
come from the untraced runs); maxrss is the process high-water mark.
"""

from __future__ import annotations

import argparse
import gc
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

KURSK = ROOT.parent / "shared" / "corpus" / "kursk"


@dataclass
class Run:
    seconds: float  # CPU
    wall: float
    peak_mb: float | None = None
    note: str = ""


@dataclass
class Row:
    path: Path
    pages: int
    runs: dict[str, Run] = field(default_factory=dict)


def maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def measure(fn: Callable[[], str | None], trace: bool, repeat: int) -> Run:
    best: Run | None = None
    for _ in range(max(repeat, 1)):
        gc.collect()
        w0, c0 = time.perf_counter(), time.process_time()
        note = fn() or ""
        run = Run(time.process_time() - c0, time.perf_counter() - w0, note=note)
        if best is None or run.seconds < best.seconds:
            best = run
    assert best is not None
    if trace:
        gc.collect()
        tracemalloc.start()
        fn()
        best.peak_mb = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    return best


def baseline(path: Path) -> Callable[[], str | None]:
    import pdfplumber

    def run() -> None:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()

    return run


def reader(path: Path) -> Callable[[], str | None]:
    from stratdoc.ingest import read

    def run() -> str:
        doc = read(path)
        return f"{doc.status.value}, {len(doc.blocks)} blocks, {len(doc.tables)} tables"

    return run


def whole_ingest(path: Path, workdir: Path) -> tuple[str, Callable[[], str | None]]:
    try:
        from stratdoc.pipeline import ingest_paths
    except ImportError:
        from stratdoc.ingest import read

        return "read only (stratdoc.pipeline missing)", lambda: (read(path), None)[1]
    db = f"sqlite:///{workdir / 'bench.sqlite'}"

    def run() -> str:
        report = ingest_paths([path], db=db, force=True)
        return "; ".join(r.line() for r in report.results)

    return "read + extract + store", run


def count_pages(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return len(pdf.pages)


def default_inputs(workdir: Path, pages: int) -> list[Path]:
    inputs = sorted(KURSK.glob("*.pdf")) if KURSK.is_dir() else []
    from tests.pdf_factory import have_font, plan_pdf

    if have_font():
        plan = workdir / f"generated-plan-{pages}p.pdf"
        t0 = time.perf_counter()
        plan.write_bytes(plan_pdf(pages))
        print(f"generated {plan.name} in {time.perf_counter() - t0:.1f} s")
        inputs.append(plan)
    else:
        print("DejaVu font missing: no generated plan")
    return inputs


def rate(pages: int, run: Run) -> str:
    return f"{pages / run.seconds:.1f}" if run.seconds > 0 else "-"


def mb(run: Run) -> str:
    return f"{run.peak_mb:.1f}" if run.peak_mb is not None else "-"


def print_table(rows: list[Row], ingest_label: str) -> None:
    head = ["file", "pages", "base cpu s", "base p/s", "read cpu s", "read p/s", "read/base",
            "ingest cpu s", "ingest p/s", "ingest/base", "wall s base/read/ingest",
            "peak MB base/read/ingest"]
    lines = []
    for r in rows:
        b, rd, ing = r.runs["baseline"], r.runs["read"], r.runs["ingest"]
        lines.append([r.path.name[:34], str(r.pages), f"{b.seconds:.2f}", rate(r.pages, b),
                      f"{rd.seconds:.2f}", rate(r.pages, rd), f"{rd.seconds / b.seconds:.2f}x",
                      f"{ing.seconds:.2f}", rate(r.pages, ing), f"{ing.seconds / b.seconds:.2f}x",
                      f"{b.wall:.2f} / {rd.wall:.2f} / {ing.wall:.2f}", f"{mb(b)} / {mb(rd)} / {mb(ing)}"])
    try:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=f"PDF ingest vs pdfplumber extract_text (ingest = {ingest_label})")
        for h in head:
            table.add_column(h, justify="left" if h == "file" else "right")
        for line in lines:
            table.add_row(*line)
        Console(width=220).print(table)
    except ImportError:
        widths = [max(len(h), *(len(x[i]) for x in lines)) for i, h in enumerate(head)]
        print(f"ingest = {ingest_label}")
        for line in [head, *lines]:
            print("  ".join(x.rjust(w) for x, w in zip(line, widths, strict=True)))
    print("p/s = pages per CPU second; read/base and ingest/base = CPU time ours / CPU time of bare "
          "extract_text (lower is better, 1.00x = as fast as the baseline)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pdfs", nargs="*", type=Path)
    ap.add_argument("--pages", type=int, default=200, help="pages of the generated plan (default 200)")
    ap.add_argument("--repeat", type=int, default=1, help="untraced runs per measurement, best kept")
    ap.add_argument("--no-trace", action="store_true", help="skip the tracemalloc runs (faster)")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="stratdoc-bench-") as tmp:
        workdir = Path(tmp)
        inputs = args.pdfs or default_inputs(workdir, args.pages)
        if not inputs:
            sys.exit("no PDFs to time: pass some paths")
        t0 = time.perf_counter()
        from stratdoc.extract.nlp import shared

        shared().load_all()
        print(f"NLP models loaded once in {time.perf_counter() - t0:.1f} s (not in the figures below)")
        rows = []
        ingest_label = ""
        for path in inputs:
            row = Row(path, count_pages(path))
            ingest_label, ingest_fn = whole_ingest(path, workdir)
            trace = not args.no_trace
            row.runs["baseline"] = measure(baseline(path), trace, args.repeat)
            row.runs["read"] = measure(reader(path), trace, args.repeat)
            row.runs["ingest"] = measure(ingest_fn, trace, args.repeat)
            print(f"{path.name}: {row.pages} pages; read: {row.runs['read'].note}; "
                  f"ingest: {row.runs['ingest'].note}; maxrss so far {maxrss_mb():.0f} MB")
            rows.append(row)
        print_table(rows, ingest_label)
        print(f"process maxrss {maxrss_mb():.0f} MB")


if __name__ == "__main__":
    main()
