"""Batches on Celery workers survive a worker's death: every document ends stored exactly once.

Workers run as `stratdoc worker` subprocesses on the local Redis, on a queue of their own and
one SQLite file (WAL) they all write. One is killed with SIGKILL (its whole process group, as
when a machine goes) while the batch is on the queue, another is started, and the client's
summary, the run row and the stored rows must all agree. Without Redis the tests skip, unless
STRATDOC_REQUIRE_SERVICES=1 (CI), where they fail.
"""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

import pytest

from stratdoc.store.session import open_engine
from tests import decl_factory

REDIS = os.environ.get("STRATDOC_TEST_REDIS", "redis://127.0.0.1:6379")
ROOT = Path(__file__).resolve().parents[1]
TEXTS = sorted((ROOT / "tests" / "data").glob("*/*.txt"))
VISIBILITY = 10  # seconds before a message held by a vanished worker goes to another
N_FILES = 30


def _redis_db() -> str:
    """The URL of a database on the local Redis (the tests use queues and keys of their own), or a
    skip (a failure in CI)."""
    url = f"{REDIS}/{os.environ.get('STRATDOC_TEST_REDIS_DB', '15')}"
    try:
        import redis

        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
        return url
    except Exception as e:  # noqa: BLE001 - any failure to reach Redis means: no Redis here
        reason = f"no Redis at {REDIS} ({type(e).__name__})"
    if os.environ.get("STRATDOC_REQUIRE_SERVICES") == "1":
        pytest.fail(f"{reason}, and STRATDOC_REQUIRE_SERVICES=1 requires it")
    pytest.skip(reason)


@dataclass
class Cluster:
    broker: str
    db: Path
    queue: str
    logs: Path
    workers: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    def start(self, name: str) -> None:
        log = (self.logs / f"{name}.log").open("wb")
        self.workers[name] = subprocess.Popen(
            [sys.executable, "-m", "stratdoc.cli", "worker", "--broker", self.broker, "--db", str(self.db),
             "--queue", self.queue, "--hostname", f"{name}@{self.queue}", "--visibility-timeout",
             str(VISIBILITY), "--loglevel", "WARNING", "--threads", "1"],
            stdout=log, stderr=subprocess.STDOUT, start_new_session=True, cwd=ROOT)

    def kill(self, name: str) -> None:
        proc = self.workers[name]
        os.killpg(proc.pid, signal.SIGKILL)  # the worker and its pool processes, at once
        proc.wait(10)

    def wait_ready(self, n: int, timeout: float = 60) -> None:
        """Until `n` live workers answer a ping. The ping runs in a process of its own: a process
        that has pinged through Celery's control channel can hang when it later forks a pool
        (as the `--jobs` tests of this session do)."""
        alive = [f"{w}@{self.queue}" for w, p in self.workers.items() if p.poll() is None]
        script = ("import sys, time\n"
                  "from stratdoc.queue.celery_app import make_app\n"
                  "app = make_app(sys.argv[1], queue=sys.argv[2])\n"
                  "want, n = set(sys.argv[5:]), int(sys.argv[3])\n"
                  "deadline = time.monotonic() + float(sys.argv[4])\n"
                  "while len(want & {k for r in app.control.ping(timeout=0.5) for k in r}) < n:\n"
                  "    if time.monotonic() > deadline:\n"
                  "        sys.exit(1)\n"
                  "    time.sleep(0.3)\n")
        done = subprocess.run([sys.executable, "-c", script, self.broker, self.queue, str(n), str(timeout),
                               *alive], cwd=ROOT, capture_output=True)
        assert done.returncode == 0, f"workers not ready in {timeout} s:\n{self.log_tails()}"

    def log_tails(self) -> str:
        return "\n".join(f"--- {p.name}\n" + p.read_text(errors="replace")[-1500:]
                         for p in sorted(self.logs.glob("*.log")))

    def stop(self) -> None:
        for proc in self.workers.values():
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(10)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    broker = _redis_db()
    tmp = tmp_path_factory.mktemp("cluster")
    c = Cluster(broker, tmp / "store.db", f"stratdoc-test-{uuid.uuid4().hex[:8]}", tmp)
    open_engine(c.db).dispose()  # the schema made once, before the workers that share it start
    try:
        c.start("w1")
        c.start("w2")
        c.wait_ready(2)
        yield c
    finally:
        c.stop()
        import redis

        client = redis.Redis.from_url(broker)
        client.delete(c.queue, f"_kombu.binding.{c.queue}", f"_kombu.binding_permanent.{c.queue}")


def _batch(folder: Path) -> list[Path]:
    """28 documents of their own bytes (text, and DOCX made from text), one repeat, one broken PDF."""
    folder.mkdir()
    files = []
    for i in range(N_FILES - 2):
        src = TEXTS[i % len(TEXTS)]
        text = src.read_text(encoding="utf-8") + f"\n\nРедакция {i + 1}.\n"
        if i % 6 == 5:
            files.append(folder / f"{i:02d}-{src.stem}.docx")
            files[-1].write_bytes(decl_factory.docx_from_text(text))
        else:
            files.append(folder / f"{i:02d}-{src.name}")
            files[-1].write_text(text, encoding="utf-8")
    files.append(folder / "repeat.txt")
    files[-1].write_bytes(files[0].read_bytes())
    files.append(folder / "broken.pdf")
    files[-1].write_bytes(b"%PDF-1.4\nnot really a pdf")
    return files


def _running_on(cluster: Cluster, worker: str) -> str | None:
    """The id of a task the worker has started (tasks record STARTED with their host name)."""
    import json

    import redis

    client = redis.Redis.from_url(cluster.broker)
    for key in client.scan_iter("celery-task-meta-*"):
        meta = json.loads(client.get(key) or "{}")
        result = meta.get("result") or {}
        if meta.get("status") == "STARTED" and isinstance(result, dict) and \
                result.get("hostname") == f"{worker}@{cluster.queue}":
            return key.decode().removeprefix("celery-task-meta-")
    return None


def _status(broker: str, task_id: str) -> str | None:
    import json

    import redis

    raw = redis.Redis.from_url(broker).get(f"celery-task-meta-{task_id}")
    return json.loads(raw).get("status") if raw else None


def _deliveries(broker: str, task_id: str) -> int:
    import redis

    from stratdoc.queue.tasks import attempt_key

    return int(redis.Redis.from_url(broker).get(attempt_key(task_id)) or 0)


def test_a_killed_worker_loses_and_doubles_nothing(cluster: Cluster, tmp_path: Path) -> None:
    files = _batch(tmp_path / "in")
    client = subprocess.Popen(
        [sys.executable, "-m", "stratdoc.cli", "ingest", "--broker", cluster.broker, "--queue", cluster.queue,
         "--db", str(cluster.db), *map(str, files)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
        env={**os.environ, "COLUMNS": "200"})
    deadline = time.monotonic() + 60
    victim = None
    while victim is None and time.monotonic() < deadline and client.poll() is None:
        victim = _running_on(cluster, "w1") if _stored(cluster.db) >= 2 else None
        time.sleep(0.1)
    assert victim is not None, "the batch ended before a worker could be killed mid-document"
    cluster.kill("w1")
    interrupted = _status(cluster.broker, victim) == "STARTED"  # not finished in the meantime
    cluster.start("w3")
    try:
        stdout, stderr = client.communicate(timeout=75)
    except subprocess.TimeoutExpired:
        client.kill()
        raise AssertionError(f"the batch did not finish:\n{cluster.log_tails()}") from None
    out = stdout.decode()
    assert client.returncode == 1, stderr.decode()  # the broken PDF
    assert f"{N_FILES} files: {N_FILES - 2} ingested, 1 skipped (unchanged), 1 failed" in out, out
    assert "FAILED broken.pdf" in stderr.decode()
    if interrupted:  # the document w1 died on was delivered again, and stored once below
        assert _deliveries(cluster.broker, victim) >= 2

    db = sqlite3.connect(cluster.db)
    ids = {hashlib.sha256(p.read_bytes()).hexdigest() for p in files[:-1]}
    assert {r[0] for r in db.execute("select id from documents")} == ids
    run_id, *counts = db.execute("select id, n_files, n_ingested, n_skipped, n_failed from runs "
                                 "order by id desc").fetchone()
    assert counts == [N_FILES, N_FILES - 2, 1, 1]
    assert db.execute("select source, stage from errors where run_id = ?", (run_id,)).fetchall() == [
        ("broken.pdf", "read")]
    assert db.execute("select count(*) from documents where run_id = ?", (run_id,)).fetchone()[0] == len(ids)


def _stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=1) as con:
            return con.execute("select count(*) from documents").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def test_a_document_whose_worker_died_three_times_is_an_error_row(cluster: Cluster, tmp_path: Path) -> None:
    """The fourth delivery of a task whose worker died on each earlier one stores an error, not
    the document, and the next delivery of a fresh task still works."""
    import base64

    import redis

    from stratdoc.queue.celery_app import make_app
    from stratdoc.queue.tasks import MAX_ATTEMPTS, attempt_key, execute

    app = make_app(cluster.broker, db=str(cluster.db), queue=cluster.queue)
    engine = open_engine(cluster.db)
    with engine.begin() as con:
        run_id = con.exec_driver_sql("insert into runs (started_at, pipeline_version, n_files, n_ingested, "
                                     "n_skipped, n_failed) values (current_timestamp, 'test', 2, 0, 0, 0)"
                                     ).lastrowid
    data = TEXTS[0].read_bytes() + "\n\nРедакция для повторов.\n".encode()
    sha = hashlib.sha256(data).hexdigest()
    doomed = uuid.uuid4().hex
    redis.Redis.from_url(cluster.broker).set(attempt_key(doomed), MAX_ATTEMPTS)  # three deliveries died
    task = SimpleNamespace(app=app, request=SimpleNamespace(id=doomed, retries=0))
    result = execute(task, "doomed.txt", base64.b64encode(data).decode(), sha, run_id, False)  # type: ignore[arg-type]
    assert result["outcome"] == "failed" and "given up after 3 attempts" in result["message"]
    db = sqlite3.connect(cluster.db)
    assert db.execute("select source from errors where run_id = ?", (run_id,)).fetchall() == [("doomed.txt",)]
    assert db.execute("select count(*) from documents where id = ?", (sha,)).fetchone()[0] == 0

    fresh = SimpleNamespace(app=app, request=SimpleNamespace(id=uuid.uuid4().hex, retries=0))
    again = execute(fresh, "doomed.txt", base64.b64encode(data).decode(), sha, run_id, False)  # type: ignore[arg-type]
    assert again["outcome"] == "ingested"
    assert db.execute("select count(*) from documents where id = ?", (sha,)).fetchone()[0] == 1


def test_uploads_go_to_the_workers_when_a_broker_is_set(cluster: Cluster, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from stratdoc.web import create_app

    cluster.wait_ready(1)
    text = TEXTS[1].read_bytes() + "\n\nРедакция для загрузки.\n".encode()
    app = create_app(cluster.db, token="t", spool_dir=tmp_path / "spool", broker=cluster.broker,
                     queue=cluster.queue)
    with TestClient(app) as c:
        answer = c.post("/documents", headers={"Authorization": "Bearer t"},
                        files=[("files", ("plan.txt", text)), ("files", ("same.txt", text)),
                               ("files", ("bad.pdf", b"%PDF-1.4\nbroken"))])
        assert answer.status_code == 202, answer.text
        ids = [u["id"] for u in answer.json()["uploads"]]
        assert app.state.web.uploads.wait(60), cluster.log_tails()
        statuses = [c.get(f"/uploads/{i}").json() for i in ids]
    assert [s["status"] for s in statuses] == ["ingested", "skipped", "failed"]
    assert statuses[0]["doc_id"] == hashlib.sha256(text).hexdigest()
    assert list(tmp_path.joinpath("spool").iterdir()) == []  # the spooled bytes are gone
    db = sqlite3.connect(cluster.db)
    stored = db.execute("select count(*) from documents where id = ?", (statuses[0]["doc_id"],)).fetchone()
    assert stored == (1,)
    assert db.execute("select source, stage from errors where source = 'bad.pdf'").fetchall() == [
        ("bad.pdf", "read")]
