"""Time stratdoc's PDF ingest against bare pdfplumber text extraction, in one run.

    python benchmarks/ingest.py [PDF ...] [--pages 400] [--repeat 1] [--engines] [--memory-pages 1000]
                                [--no-memory]

For each PDF: the baseline (pdfplumber `extract_text()` on every page), our reader alone
(`stratdoc.ingest.read`, pdfium text engine; with `--engines` the pdfplumber engine too), and
the whole ingest (read, extract, store into a throw-away SQLite file via
`stratdoc.pipeline.ingest_paths`). Without arguments it times a generated strategy-like PDF of
`--pages` pages (benchmarks/strategy_pdf.py: prose, ruled, row-ruled and unruled tables,
wrapped cells) and, when present beside the repository, ../shared's export strategy. NLP models
are loaded once before any timing. Times are CPU seconds of this process (best of `--repeat`),
so other work on the machine does not blur the ratios; wall seconds are shown beside them.
Peak memory is the peak RSS of a fresh child process doing the same work (models included
for the ingest); `--memory-pages N` adds such runs on a generated N-page PDF.
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SHARED_PDFS = [ROOT.parent / "shared" / "corpus" / "kursk-more" / "Eksportnaya-strategiya.pdf"]


@dataclass
class Run:
    seconds: float  # CPU
    wall: float
    note: str = ""


@dataclass
class Row:
    path: Path
    pages: int
    runs: dict[str, Run] = field(default_factory=dict)
    rss_mb: dict[str, float] = field(default_factory=dict)


def measure(fn: Callable[[], str | None], repeat: int) -> Run:
    best: Run | None = None
    for _ in range(max(repeat, 1)):
        gc.collect()
        w0, c0 = time.perf_counter(), time.process_time()
        note = fn() or ""
        run = Run(time.process_time() - c0, time.perf_counter() - w0, note=note)
        if best is None or run.seconds < best.seconds:
            best = run
    assert best is not None
    return best


def baseline(path: Path) -> Callable[[], str | None]:
    import pdfplumber

    def run() -> None:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.close()

    return run


def reader(path: Path, engine: str) -> Callable[[], str | None]:
    from stratdoc.ingest.pdf import read_pdf
    from stratdoc.ingest.settings import ReadLimits

    def run() -> str:
        doc = read_pdf(path, path.read_bytes(), ReadLimits(), {"text_engine": engine})
        return f"{doc.status.value}, {len(doc.blocks)} blocks, {len(doc.tables)} tables"

    return run


def whole_ingest(path: Path, workdir: Path) -> Callable[[], str | None]:
    from stratdoc.pipeline import ingest_paths

    db = f"sqlite:///{workdir / 'bench.sqlite'}"

    def run() -> str:
        report = ingest_paths([path], db=db, force=True, jobs=1)
        return "; ".join(r.line() for r in report.results)

    return run


def count_pages(path: Path) -> int:
    import pypdfium2

    doc = pypdfium2.PdfDocument(path)
    try:
        return len(doc)
    finally:
        doc.close()


def generated(workdir: Path, pages: int) -> Path | None:
    from tests.pdf_factory import have_font

    if not have_font():
        print("DejaVu font missing: no generated strategy")
        return None
    from benchmarks.strategy_pdf import strategy_pdf

    out = workdir / f"generated-strategy-{pages}p.pdf"
    t0 = time.perf_counter()
    out.write_bytes(strategy_pdf(pages))
    print(f"generated {out.name} in {time.perf_counter() - t0:.1f} s")
    return out


def child_peak_mb(kind: str, path: Path, workdir: Path) -> float:
    """Peak RSS (MB) of a fresh process doing one `kind` of run on `path`."""
    cmd = [sys.executable, __file__, "--child", kind, "--workdir", str(workdir), str(path)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        print(f"child {kind} failed: {out.stderr.strip().splitlines()[-1:]}")
        return float("nan")
    return float(json.loads(out.stdout.strip().splitlines()[-1])["maxrss_mb"])


def child(kind: str, path: Path, workdir: Path) -> None:
    if kind == "baseline":
        baseline(path)()
    elif kind == "read":
        reader(path, "pdfium")()
    else:
        whole_ingest(path, workdir)()
    print(json.dumps({"maxrss_mb": peak_rss_mb()}))


def peak_rss_mb() -> float:
    """This process's own high-water RSS. Linux keeps ru_maxrss across exec, so a child started
    from a big parent would report the parent's size; VmHWM belongs to the new image alone."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def ratio(a: Run | None, b: Run) -> str:
    return f"{a.seconds / b.seconds:.3f}x" if a is not None and b.seconds > 0 else "-"


def print_table(rows: list[Row]) -> None:
    head = ["file", "pages", "base cpu s", "read cpu s", "read/base", "plumber-engine read/base",
            "ingest cpu s", "ingest/base", "wall s base/read/ingest", "peak RSS MB base/read/ingest"]
    lines = []
    for r in rows:
        b, rd, ing = r.runs["baseline"], r.runs["read"], r.runs["ingest"]
        rss = " / ".join(f"{r.rss_mb[k]:.0f}" if k in r.rss_mb else "-"
                         for k in ("baseline", "read", "ingest"))
        lines.append([r.path.name[:34], str(r.pages), f"{b.seconds:.2f}", f"{rd.seconds:.2f}", ratio(rd, b),
                      ratio(r.runs.get("read-pdfplumber"), b), f"{ing.seconds:.2f}", ratio(ing, b),
                      f"{b.wall:.1f} / {rd.wall:.1f} / {ing.wall:.1f}", rss])
    widths = [max(len(h), *(len(x[i]) for x in lines)) for i, h in enumerate(head)]
    for line in [head, *lines]:
        print("  ".join(x.rjust(w) for x, w in zip(line, widths, strict=True)))
    print("read/base, ingest/base = CPU time ours / CPU time of bare pdfplumber extract_text on the same "
          "pages, measured in this run (lower is better); ingest = read + extract + store")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pdfs", nargs="*", type=Path)
    ap.add_argument("--pages", type=int, default=400, help="pages of the generated strategy (default 400)")
    ap.add_argument("--repeat", type=int, default=1, help="runs per measurement, best kept")
    ap.add_argument("--engines", action="store_true", help="also time the reader on the pdfplumber engine")
    ap.add_argument("--no-memory", action="store_true", help="skip the peak-RSS child runs")
    ap.add_argument("--memory-pages", type=int, default=0,
                    help="also measure peak RSS on a generated PDF of this many pages (e.g. 1000)")
    ap.add_argument("--child", choices=["baseline", "read", "ingest"], help=argparse.SUPPRESS)
    ap.add_argument("--workdir", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.pdfs[0], args.workdir)
        return

    with tempfile.TemporaryDirectory(prefix="stratdoc-bench-") as tmp:
        workdir = Path(tmp)
        inputs = list(args.pdfs)
        if not inputs:
            inputs = [p for p in [generated(workdir, args.pages)] if p is not None]
            inputs += [p for p in SHARED_PDFS if p.is_file()]
        if not inputs:
            sys.exit("no PDFs to time: pass some paths")
        t0 = time.perf_counter()
        from stratdoc.extract.nlp import shared

        shared().load_all()
        print(f"NLP models loaded once in {time.perf_counter() - t0:.1f} s (not in the figures below)")
        rows = []
        for path in inputs:
            row = Row(path, count_pages(path))
            row.runs["baseline"] = measure(baseline(path), args.repeat)
            row.runs["read"] = measure(reader(path, "pdfium"), args.repeat)
            if args.engines:
                row.runs["read-pdfplumber"] = measure(reader(path, "pdfplumber"), args.repeat)
            row.runs["ingest"] = measure(whole_ingest(path, workdir), args.repeat)
            if not args.no_memory:
                for kind in ("baseline", "read", "ingest"):
                    row.rss_mb[kind] = child_peak_mb(kind, path, workdir)
            print(f"{path.name}: {row.pages} pages; read: {row.runs['read'].note}; "
                  f"ingest: {row.runs['ingest'].note}")
            rows.append(row)
        print_table(rows)
        if args.memory_pages:
            big = generated(workdir, args.memory_pages)
            if big is not None:
                for kind in ("read", "ingest"):
                    print(f"{big.name}: peak RSS of a fresh {kind} process "
                          f"{child_peak_mb(kind, big, workdir):.0f} MB")


if __name__ == "__main__":
    main()
