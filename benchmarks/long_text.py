"""Seconds, characters per second and peak memory of a whole `stratdoc ingest` of one long plain
text file into a throw-away SQLite file, against the same ingest of a short cut of that text,
both in one run.

    .venv/bin/python benchmarks/long_text.py [--mb 8] [--base-mb 1] [--corpus ../shared/corpus/rurebus/train]

The text is strategy prose: the RuREBus train texts joined, repeated with their numbers shifted
on each round until it holds `--mb` megabytes of UTF-8; without the corpus, generated strategy-like
sections stand in. Each ingest runs in a fresh subprocess, which reports its own CPU and wall
seconds (model loading timed apart) and its peak resident memory (ru_maxrss). The ratios show
whether time grows with the text's length and no faster, and whether memory stays bounded.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.rurebus import DEFAULT_CORPUS  # noqa: E402

MB = 1024 * 1024
NUMBER = re.compile(r"\d+")

CHILD = """
import json, resource, sys, time
t0, c0 = time.perf_counter(), time.process_time()
from stratdoc.extract.nlp import shared
shared().load_all()
load = time.process_time() - c0
t1, c1 = time.perf_counter(), time.process_time()
from stratdoc.cli import app
try:
    app(["ingest", "--db", sys.argv[2], sys.argv[1]], standalone_mode=False)
except SystemExit as e:
    if e.code:
        raise
print(json.dumps({"load": load, "cpu": time.process_time() - c1, "wall": time.perf_counter() - t1,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def corpus_parts(folder: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.txt"))] if folder.is_dir() else []


def generated_parts(n: int = 400, seed: int = 0) -> list[str]:
    """Strategy-like sections: numbered headings, goals, tasks and measures with bodies, years
    and sums (the fallback when the corpus is absent)."""
    rng = random.Random(seed)
    areas = ["экономики", "туризма", "сельского хозяйства", "образования", "здравоохранения",
             "транспортной инфраструктуры", "малого и среднего предпринимательства", "культуры"]
    bodies = ["Министерство экономического развития области", "Комитет по делам молодёжи",
              "Администрация городского округа", "Управление культуры администрации района",
              "Департамент образования и науки"]
    verbs = ["обеспечить", "создать условия для", "повысить", "развивать", "поддержать"]
    parts = []
    for k in range(n):
        area = rng.choice(areas)
        lines = [f"Раздел {k + 1}. Развитие {area}", ""]
        for g in range(rng.randint(2, 5)):
            lines.append(f"{k + 1}.{g + 1}. Цель: {rng.choice(verbs)} устойчивое развитие {area} "
                         f"к {rng.randint(2024, 2035)} году.")
            for t in range(rng.randint(2, 6)):
                lines.append(f"Задача {t + 1}: {rng.choice(verbs)} {rng.choice(areas)}; ответственный — "
                             f"{rng.choice(bodies)}, объём финансирования {rng.randint(1, 900)},"
                             f"{rng.randint(0, 9)} млн рублей из областного бюджета.")
            lines.append("")
        parts.append("\n".join(lines))
    return parts


def shift_numbers(text: str, by: int) -> str:
    return NUMBER.sub(lambda m: str(int(m.group()) + by), text)


def long_text(parts: list[str], size_bytes: int) -> str:
    """Parts joined by blank lines, round after round with every number shifted, cut at a line
    end near `size_bytes` of UTF-8."""
    out: list[str] = []
    total, round_no = 0, 0
    while total < size_bytes:
        for part in parts:
            text = part if round_no == 0 else shift_numbers(part, round_no)
            out.append(text)
            total += len(text.encode("utf-8")) + 2
            if total >= size_bytes:
                break
        round_no += 1
    text = "\n\n".join(out)
    cut = text.encode("utf-8")[:size_bytes].decode("utf-8", errors="ignore")
    return cut[:cut.rfind("\n") + 1] or cut


def ingest_run(text: str, folder: Path, name: str) -> dict:
    path = folder / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    db = f"sqlite:///{folder / (name + '.db')}"
    proc = subprocess.run([sys.executable, "-c", CHILD, str(path), db], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["chars"] = len(text)
    result["bytes"] = len(text.encode("utf-8"))
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=8.0, help="size of the long file, MB of UTF-8")
    ap.add_argument("--base-mb", type=float, default=1.0, help="size of the short cut it is compared with")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = ap.parse_args()
    parts = corpus_parts(args.corpus)
    source = f"RuREBus texts from {args.corpus}" if parts else "generated sections (no corpus)"
    parts = parts or generated_parts()
    text = long_text(parts, int(args.mb * MB))
    base = long_text(parts, int(args.base_mb * MB))
    print(f"text: {source}")
    with tempfile.TemporaryDirectory() as tmp:
        rows = [("short", ingest_run(base, Path(tmp), "short")),
                ("long", ingest_run(text, Path(tmp), "long"))]
    print(f"{'':6} {'MB':>6} {'chars':>11} {'CPU s':>8} {'wall s':>8} {'chars/s':>9} {'peak RSS MB':>12}")
    for name, r in rows:
        print(f"{name:6} {r['bytes'] / MB:6.2f} {r['chars']:11,} {r['cpu']:8.1f} {r['wall']:8.1f} "
              f"{r['chars'] / r['cpu']:9,.0f} {r['rss_mb']:12,.0f}")
    print(f"models loaded in {rows[1][1]['load']:.1f} CPU s per process (not in the figures)")
    short, long = rows[0][1], rows[1][1]
    print(f"ratio long/short: {long['chars'] / short['chars']:.1f}x the text, "
          f"{long['cpu'] / short['cpu']:.1f}x the CPU time, "
          f"{long['rss_mb'] / short['rss_mb']:.2f}x the peak memory")
    return 0


if __name__ == "__main__":
    sys.exit(main())
