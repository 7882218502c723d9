"""Throughput of `ingest_paths` with N worker processes against one process, in one run.

    .venv/bin/python benchmarks/jobs.py [--jobs 2] [--docs 30] [--repeat 1]

The batch is `--docs` documents: the samples (PDF, DOCX, XLSX, HTML, TXT) and the project's
own test texts (tests/data/*/*.txt), each given a line of its own so that no two share bytes,
repeated until the count is reached. Both runs ingest the same batch into fresh SQLite files;
models are loaded before timing (workers fork from this process, so they start with them).
Times are wall-clock: what a parallel run saves is waiting, not CPU. The ratio printed is
throughput with N jobs over throughput with one.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from stratdoc.extract.nlp import shared  # noqa: E402
from stratdoc.pipeline import ingest_paths  # noqa: E402

TEXT_SOURCES = sorted((ROOT / "tests" / "data").glob("*/*.txt"))
BINARY_SOURCES = sorted(p for p in (ROOT / "samples").iterdir()
                        if p.suffix in (".pdf", ".docx", ".xlsx", ".html"))


def make_batch(folder: Path, n: int) -> list[Path]:
    """The samples once, then text documents, each with a line of its own, up to `n` files."""
    out = []
    for src in BINARY_SOURCES[:n]:
        out.append(folder / src.name)
        shutil.copyfile(src, out[-1])
    for i in range(n - len(out)):
        src = TEXT_SOURCES[i % len(TEXT_SOURCES)]
        out.append(folder / f"{i:03d}-{src.name}")
        out[-1].write_bytes(src.read_bytes() + f"\n\nКопия {i}.\n".encode())
    return out


def run(files: list[Path], db: Path, jobs: int) -> float:
    t0 = time.perf_counter()
    report = ingest_paths(files, db, jobs=jobs)
    seconds = time.perf_counter() - t0
    bad = [r.line() for r in report.results if r.outcome != "ingested"]
    if bad:
        raise SystemExit("not all ingested: " + "; ".join(bad[:3]))
    return seconds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--docs", type=int, default=30)
    ap.add_argument("--repeat", type=int, default=1, help="best of N runs each")
    args = ap.parse_args()
    shared().load_all()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        files = make_batch(work, args.docs)
        best: dict[int, float] = {}
        for r in range(max(1, args.repeat)):
            for jobs in (1, args.jobs):
                seconds = run(files, work / f"j{jobs}-{r}.db", jobs)
                best[jobs] = min(best.get(jobs, seconds), seconds)
    n = len(files)
    print(f"{n} documents")
    for jobs, seconds in best.items():
        print(f"  --jobs {jobs}: {seconds:6.1f} s wall, {n / seconds:5.2f} documents/s")
    print(f"throughput --jobs {args.jobs} / --jobs 1: {best[1] / best[args.jobs]:.2f}x")


if __name__ == "__main__":
    main()
