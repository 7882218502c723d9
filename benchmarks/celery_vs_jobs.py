"""Throughput of two Celery workers against `ingest --jobs 2` on the same batch, in one run.

    .venv/bin/python benchmarks/celery_vs_jobs.py [--docs 30] [--repeat 1] [--broker redis://127.0.0.1:6379/N]

The batch is the one benchmarks/jobs.py makes (samples, then test texts each with a line of
its own). Each run is a process of its own that times itself after its start-up, into a fresh
SQLite file, and the two kinds alternate so that a change of the machine's load hits both:
`--jobs 2` loads the models, then times `ingest_paths(jobs=2)`; the Celery run starts two
`stratdoc worker` processes (concurrency 1, one BLAS thread each, as the pool's two workers
get) on a queue of their own, waits until both answer (models loaded), then times
`ingest --broker` from the first message to the last result. The ratio printed is Celery's
throughput over `--jobs 2`'s: what the queue costs (bytes in base64 through Redis, results
polled back) against what it saves (workers that each write their own rows, started once).
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.jobs import make_batch  # noqa: E402


def local_redis_db(base: str = "redis://127.0.0.1:6379") -> str:
    import redis

    redis.Redis.from_url(f"{base}/15", socket_connect_timeout=1).ping()  # the queue name is the run's own
    return f"{base}/15"


def start_workers(broker: str, db: Path, queue: str, n: int, logs: Path) -> list[subprocess.Popen[bytes]]:
    procs = []
    for i in range(n):
        log = (logs / f"worker{i}.log").open("wb")
        procs.append(subprocess.Popen(
            [sys.executable, "-m", "stratdoc.cli", "worker", "--broker", broker, "--db", str(db),
             "--queue", queue, "--hostname", f"bench{i}@{queue}", "--threads", "1", "--loglevel", "WARNING"],
            stdout=log, stderr=subprocess.STDOUT, start_new_session=True, cwd=ROOT))
    return procs


def time_jobs(db: str, files: list[str]) -> float:
    from stratdoc.extract.nlp import shared
    from stratdoc.pipeline import ingest_paths

    shared().load_all()
    t0 = time.perf_counter()
    report = ingest_paths(files, db, jobs=2)
    return _checked(report, time.perf_counter() - t0)


def time_celery(db: str, broker: str, queue: str, files: list[str]) -> float:
    from stratdoc.queue.celery_app import make_app
    from stratdoc.queue.client import ingest_with_broker
    from stratdoc.store.session import open_engine

    app = make_app(broker, queue=queue)
    deadline = time.monotonic() + 180
    while len(app.control.ping(timeout=0.5)) < 2:
        if time.monotonic() > deadline:
            raise SystemExit("workers not ready in 180 s")
        time.sleep(0.3)
    engine = open_engine(db)
    t0 = time.perf_counter()
    report = ingest_with_broker(files, app, engine)
    return _checked(report, time.perf_counter() - t0)


def _checked(report: object, seconds: float) -> float:
    bad = [r.line() for r in report.results if r.outcome != "ingested"]  # type: ignore[attr-defined]
    if bad:
        raise SystemExit("not all ingested: " + "; ".join(bad[:3]))
    return seconds


def timed(*args: str) -> float:
    out = subprocess.run([sys.executable, __file__, *args], check=True, capture_output=True, text=True,
                         cwd=ROOT).stdout
    return float(out.strip().splitlines()[-1])


def main() -> None:
    if sys.argv[1:2] == ["--time-jobs"]:
        print(time_jobs(sys.argv[2], sys.argv[3:]))
        return
    if sys.argv[1:2] == ["--time-celery"]:
        print(time_celery(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:]))
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=30)
    ap.add_argument("--repeat", type=int, default=1, help="best of N runs each")
    ap.add_argument("--broker", default=None,
                    help="Redis URL (default: database 15 of the local Redis)")
    args = ap.parse_args()
    broker = args.broker or local_redis_db()
    queue = f"stratdoc-bench-{uuid.uuid4().hex[:8]}"
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        files = [str(f) for f in make_batch(work, args.docs)]
        best: dict[str, float] = {}
        for r in range(max(1, args.repeat)):
            seconds = timed("--time-jobs", str(work / f"jobs-{r}.db"), *files)
            best["jobs"] = min(best.get("jobs", 1e9), seconds)
            db = work / f"celery-{r}.db"
            subprocess.run([sys.executable, "-m", "stratdoc.cli", "stats", "--db", str(db)], check=True,
                           capture_output=True, cwd=ROOT)  # the schema, before the workers share it
            workers = start_workers(broker, db, queue, 2, work)
            try:
                seconds = timed("--time-celery", str(db), broker, queue, *files)
                best["celery"] = min(best.get("celery", 1e9), seconds)
            finally:
                for p in workers:
                    os.killpg(p.pid, signal.SIGTERM)
                for p in workers:
                    p.wait(30)
    n = len(files)
    print(f"{n} documents")
    print(f"  --jobs 2:          {best['jobs']:6.1f} s wall, {n / best['jobs']:5.2f} documents/s")
    print(f"  2 Celery workers:  {best['celery']:6.1f} s wall, {n / best['celery']:5.2f} documents/s")
    print(f"throughput 2 Celery workers / --jobs 2: {best['jobs'] / best['celery']:.2f}x")


if __name__ == "__main__":
    main()
