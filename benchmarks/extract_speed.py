"""Characters per second of the whole `extract()` on long strategy text, against natasha's
full pipeline with syntax parsing on every sentence, in one process.

    .venv/bin/python benchmarks/extract_speed.py [--corpus ../shared/corpus/rurebus/train] [--chars 300000]

The text is the RuREBus strategy excerpts joined into one document (one block per line, as the
TXT reader gives them), cut to `--chars`. The baseline is what a naive pipeline would do: segment,
tag morphology, parse syntax and NER on all of it. Models are loaded before timing.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.rurebus import DEFAULT_CORPUS  # noqa: E402
from stratdoc.extract import extract  # noqa: E402
from stratdoc.extract.nlp import shared  # noqa: E402
from stratdoc.ingest import read_bytes  # noqa: E402


def corpus_text(folder: Path, chars: int) -> str:
    parts, total = [], 0
    for path in sorted(folder.rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        parts.append(text)
        total += len(text)
        if total >= chars:
            break
    return "\n\n".join(parts)[:chars]


def timed(fn) -> float:  # noqa: ANN001
    t0 = time.process_time()
    fn()
    return time.process_time() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--chars", type=int, default=300_000, help="characters of text to process")
    args = ap.parse_args()
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}")
        return 1
    text = corpus_text(args.corpus, args.chars)
    t0 = time.perf_counter()
    nlp = shared().load_all()
    extract(read_bytes("warm-up.txt", text[:2000].encode("utf-8")), nlp)  # pattern files compile here
    print(f"models loaded once in {time.perf_counter() - t0:.1f} s (not in the figures)")
    doc = read_bytes("rurebus-joined.txt", text.encode("utf-8"))
    ours = timed(lambda: extract(doc, nlp))
    base = timed(lambda: nlp.analyze(doc.text, syntax=True, ner=True))
    n = len(doc.text)
    print(f"text: {n:,} characters ({n / 3000:.0f} pages at 3,000 characters a page)")
    print(f"extract() (every extractor):        {ours:7.1f} CPU s  {n / ours:9,.0f} chars/s")
    print(f"natasha with syntax on every sentence: {base:7.1f} CPU s  {n / base:9,.0f} chars/s")
    print(f"ratio extract / full-syntax baseline: {ours / base:.2f}x (lower is better)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
