"""The JSON API over a store filled by `ingest`: filters against the same rows filtered in
Python, provenance of every record, and the safety of the one write path (uploads)."""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from stratdoc.pipeline import ingest_paths
from stratdoc.store import models as db
from stratdoc.store.session import open_engine
from stratdoc.web import create_app
from stratdoc.web.uploads import safe_name
from tests.web_fixtures import PDF_PLAN, TOKEN, TXT_PLAN, auth, build_store


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("api") / "store.db")


@pytest.fixture(scope="module")
def client(store: Path) -> Iterator[TestClient]:
    with TestClient(create_app(store, token=TOKEN)) as c:
        yield c


@pytest.fixture(scope="module")
def rows(store: Path) -> Iterator[Session]:
    with Session(open_engine(store)) as session:
        yield session


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[tuple[TestClient, Path]]:
    """An app over an empty store, for uploads; small upload limit."""
    spool = tmp_path / "spool"
    app = create_app(tmp_path / "up.db", token=TOKEN, max_upload_bytes=200_000, spool_dir=spool)
    with TestClient(app) as c:
        yield c, spool
        assert app.state.web.uploads.wait(60)


def all_items(client: TestClient, path: str, **params: object) -> list[dict]:
    """Every item of a listing, fetched page by page (which tests the pagination too)."""
    items: list[dict] = []
    while True:
        r = client.get(path, params={**params, "limit": 3, "offset": len(items)})
        assert r.status_code == 200, r.text
        page = r.json()
        items.extend(page["items"])
        if len(items) >= page["total"]:
            assert len(items) == page["total"]
            return items


# --- documents -----------------------------------------------------------------------------

def test_documents_filters_match_the_rows(client: TestClient, rows: Session) -> None:
    docs = list(rows.scalars(select(db.DocumentRow)))
    assert len(docs) == 2
    some = docs[0]
    assert some.municipality and some.title and some.adopted_on

    def ids(**params: object) -> set[str]:
        return {d["id"] for d in all_items(client, "/documents", **params)}

    assert ids() == {d.id for d in docs}
    # Cyrillic case folding on both sides, in SQLite too
    assert ids(municipality=some.municipality.upper()) == {d.id for d in docs
                                                          if d.municipality == some.municipality}
    assert ids(region=some.region.lower()) == {d.id for d in docs if d.region == some.region}
    assert ids(kind=some.kind) == {d.id for d in docs if d.kind == some.kind}
    year = some.adopted_on.year
    assert ids(year=year) == {d.id for d in docs if year in (getattr(d.adopted_on, "year", None),
                                                             getattr(d.published_on, "year", None))}
    word = some.title.split()[-1]
    assert ids(q=word.upper()) == {d.id for d in docs if word.lower() in (d.title or "").lower()}
    assert ids(q="нет такого слова в названиях") == set()


def test_document_detail_counts_its_records(client: TestClient, rows: Session) -> None:
    doc = rows.scalar(select(db.DocumentRow).where(db.DocumentRow.source == PDF_PLAN.name))
    body = client.get(f"/documents/{doc.id}").json()
    assert body["source"] == PDF_PLAN.name
    assert [p["number"] for p in body["pages"]] == [p.number for p in doc.pages]
    n_measures = len(list(rows.scalars(select(db.MeasureRow).where(db.MeasureRow.document_id == doc.id))))
    assert body["records"]["measures"] == n_measures > 0


def test_unknown_and_malformed_ids(client: TestClient) -> None:
    assert client.get("/documents/" + "0" * 64).status_code == 404
    assert client.get("/documents/../etc").status_code == 404
    assert client.get("/documents/xyz").status_code == 422
    assert client.get("/records/measures/999999").status_code == 404
    assert client.get("/records/nonsense").status_code == 422
    assert client.get("/uploads/" + "0" * 32).status_code == 404


# --- records -------------------------------------------------------------------------------

def test_every_record_points_at_its_source_text(client: TestClient, rows: Session) -> None:
    texts = {d.id: d.text for d in rows.scalars(select(db.DocumentRow))}
    seen = 0
    for kind in ("measures", "goals", "funding", "organizations", "persons"):
        for item in all_items(client, f"/records/{kind}"):
            span = item["span"]
            assert item["source_text"] == texts[item["document_id"]][span["start"]:span["end"]]
            one = client.get(f"/records/{kind}/{item['id']}").json()
            assert one["source_text"] == item["source_text"] and one["span"] == span
            seen += 1
    assert seen > 20


def _funded(rows: Session, model: type, owner: str) -> dict[int, list[db.FundingRow]]:
    lines: dict[int, list[db.FundingRow]] = defaultdict(list)
    for f in rows.scalars(select(db.FundingRow)):
        if getattr(f, owner) is not None:
            lines[getattr(f, owner)].append(f)
    return {m.id: lines[m.id] for m in rows.scalars(select(model))}


def _line_ok(f: db.FundingRow, source: str | None, year: int | None, lo: float | None,
             hi: float | None) -> bool:
    in_year = year is None or f.year == year or (
        f.year_from is not None and f.year_to is not None and f.year_from <= year <= f.year_to)
    amount = None if f.amount_rub is None else float(f.amount_rub)
    return ((source is None or f.source == source) and in_year
            and (lo is None or (amount is not None and amount >= lo))
            and (hi is None or (amount is not None and amount <= hi)))


@pytest.mark.parametrize(("source", "year", "lo", "hi"), [
    ("federal", None, None, None), (None, 2023, None, None), ("regional", 2022, None, None),
    (None, None, 100e6, None), ("municipal", None, None, 10e6), (None, 2024, 1e6, 60e6),
])
def test_funding_filters_match_the_rows(client: TestClient, rows: Session, source: str | None,
                                        year: int | None, lo: float | None, hi: float | None) -> None:
    params = {k: v for k, v in {"source": source, "year": year, "amount_min": lo, "amount_max": hi}.items()
              if v is not None}
    lines = list(rows.scalars(select(db.FundingRow)))
    want = {f.id for f in lines if _line_ok(f, source, year, lo, hi)}
    assert {i["id"] for i in all_items(client, "/records/funding", **params)} == want
    measures = _funded(rows, db.MeasureRow, "measure_id")
    want_m = {mid for mid, fl in measures.items() if any(_line_ok(f, source, year, lo, hi) for f in fl)}
    assert {i["id"] for i in all_items(client, "/records/measures", **params)} == want_m
    assert want and want != {f.id for f in lines}  # the filter keeps some lines and drops some


def test_records_by_document_and_name(client: TestClient, rows: Session) -> None:
    measures = list(rows.scalars(select(db.MeasureRow)))
    doc_id = measures[0].document_id
    assert {i["id"] for i in all_items(client, "/records/measures", document=doc_id)} == {
        m.id for m in measures if m.document_id == doc_id}
    word = measures[0].name.split()[0]
    got = all_items(client, "/records/measures", q=word.lower())
    assert {i["id"] for i in got} == {m.id for m in measures if word.lower() in m.name.lower()}
    assert all(i["title"] == i["name"] for i in got)


def test_a_filter_that_does_not_apply_is_refused(client: TestClient) -> None:
    r = client.get("/records/persons", params={"source": "federal"})
    assert r.status_code == 400 and "persons" in r.json()["detail"]
    assert client.get("/records/goals", params={"year": 2023}).status_code == 400
    assert client.get("/records/measures", params={"amount_min": "nan"}).status_code == 422
    assert client.get("/records/measures", params={"limit": 0}).status_code == 422


def test_funding_summary_sums_the_lines(client: TestClient, rows: Session) -> None:
    sums: dict[tuple[str, int | None], float] = defaultdict(float)
    for f in rows.scalars(select(db.FundingRow)):
        sums[(f.source, f.year)] += float(f.amount_rub or 0)
    summary = client.get("/funding/summary").json()["rows"]
    got = {(r["source"], r["year"]): r["amount_rub"] or 0 for r in summary}
    assert got == pytest.approx(dict(sums))


# --- security ------------------------------------------------------------------------------

@pytest.mark.parametrize("hostile", ["' OR 1=1 --", "%", "_", "\\", "'; DROP TABLE documents; --"])
def test_filters_are_bound_parameters(client: TestClient, rows: Session, hostile: str) -> None:
    for path, name in (("/documents", "q"), ("/documents", "municipality"), ("/records/measures", "q")):
        r = client.get(path, params={name: hostile})
        assert r.status_code == 200 and r.json()["total"] == 0, (path, name)
    assert rows.scalar(text("SELECT count(*) FROM documents")) == 2


def test_the_read_side_cannot_write(client: TestClient) -> None:
    engine = client.app.state.web.read_engine
    with engine.connect() as conn, pytest.raises(OperationalError, match="readonly|read-only"):
        conn.execute(text("DELETE FROM measures"))
    for method in ("put", "delete", "patch"):
        assert getattr(client, method)("/documents").status_code == 405
    assert client.post("/records/measures").status_code == 405


def test_uploads_need_the_token(fresh: tuple[TestClient, Path], tmp_path: Path) -> None:
    c, _spool = fresh
    files = {"files": (TXT_PLAN.name, TXT_PLAN.read_bytes())}
    assert c.post("/documents", files=files).status_code == 401
    r = c.post("/documents", files=files, headers=auth("wrong"))
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    assert c.post("/documents", files=files, headers={"Authorization": TOKEN}).status_code == 401
    with TestClient(create_app(tmp_path / "none.db", token=None)) as closed:
        assert closed.post("/documents", files=files, headers=auth("")).status_code == 401
        assert closed.post("/documents", files=files, headers=auth()).status_code == 401


def test_oversized_uploads_get_413(fresh: tuple[TestClient, Path]) -> None:
    c, spool = fresh
    big = {"files": ("big.txt", b"x" * 300_000)}
    r = c.post("/documents", files=big, headers=auth())
    assert r.status_code == 413 and "limit" in r.json()["detail"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it streams
        yield b"--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.txt\"\r\n\r\n"
        for _ in range(40):
            yield b"y" * 10_000
        yield b"\r\n--b--\r\n"

    r = c.post("/documents", content=chunks(),
               headers={**auth(), "Content-Type": "multipart/form-data; boundary=b"})
    assert r.status_code == 413
    assert not any(spool.glob("*")) if spool.exists() else True


def test_bad_requests_are_4xx(fresh: tuple[TestClient, Path]) -> None:
    c, _spool = fresh
    assert c.post("/documents", content=b"plain", headers={**auth(), "Content-Type": "text/plain"}
                  ).status_code == 415
    r = c.post("/documents", data={"other": "1"}, files={"note": ("a.txt", b"a")}, headers=auth())
    assert r.status_code == 400 and "files" in r.json()["detail"]
    r = c.post("/documents", content=b"--b\r\ngarbage",
               headers={**auth(), "Content-Type": "multipart/form-data; boundary=b"})
    assert r.status_code == 400


def _poll(c: TestClient, upload_ids: list[str]) -> list[dict]:
    c.app.state.web.uploads.wait(60)
    return [c.get(f"/uploads/{i}").json() for i in upload_ids]


def test_upload_names_never_become_paths(fresh: tuple[TestClient, Path], tmp_path: Path) -> None:
    c, spool = fresh
    data = TXT_PLAN.read_bytes()
    names = ["../../../evil-plan.txt", "..\\..\\evil-plan.txt", "/tmp/evil-plan.txt", "..", "sub/.."]
    r = c.post("/documents", files=[("files", (n, data)) for n in names], headers=auth())
    assert r.status_code == 202
    got = r.json()["uploads"]
    assert [u["name"] for u in got] == ["evil-plan.txt"] * 3 + ["upload", "upload"]
    done = _poll(c, [u["id"] for u in got])
    assert [u["status"] for u in done] == ["ingested"] + ["skipped"] * 4
    assert not any(p.name == "evil-plan.txt" for base in (tmp_path, Path("/tmp"), Path.cwd())
                   for p in base.iterdir())
    assert list(spool.iterdir()) == []  # the spooled bytes are gone once ingested
    doc = c.get(f"/documents/{done[0]['doc_id']}").json()
    assert doc["source"] == "evil-plan.txt"


def test_safe_name_drops_control_characters() -> None:
    assert safe_name("\x00ev\nil\u202e.txt") == "evil.txt"
    assert safe_name("dir\\\x01") == "upload"
    assert len(safe_name("я" * 1000)) == 255


def test_uploads_go_through_the_pipeline_like_ingest(fresh: tuple[TestClient, Path], tmp_path: Path) -> None:
    """Same outcome, one-line reason and dedup by sha256 as `ingest` over the same files."""
    c, _spool = fresh
    bad = {"empty.txt": b"", "broken.pdf": b"%PDF-1.4\nnot really",
           "legacy.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,
           "picture.png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 50}
    batch = [(PDF_PLAN.name, PDF_PLAN.read_bytes()), *bad.items(), ("copy.pdf", PDF_PLAN.read_bytes())]
    r = c.post("/documents", files=[("files", item) for item in batch], headers=auth())
    assert r.status_code == 202
    done = _poll(c, [u["id"] for u in r.json()["uploads"]])

    folder = tmp_path / "files"
    folder.mkdir()
    for name, data in batch:
        (folder / name).write_bytes(data)
    report = ingest_paths([folder / name for name, _ in batch], tmp_path / "cli.db", jobs=1)
    assert [u["status"] for u in done] == [x.outcome for x in report.results]
    assert [u["line"] for u in done] == [x.line() for x in report.results]
    assert [u["status"] for u in done] == ["ingested", "failed", "failed", "failed", "failed", "skipped"]
    assert done[0]["doc_id"] == done[-1]["doc_id"]
    for u, (name, _data) in zip(done[1:5], batch[1:5], strict=True):
        assert "\n" not in u["message"] and u["message"].startswith(f"{name}: ")

    engine = open_engine(tmp_path / "up.db")
    with Session(engine) as s:
        assert s.scalar(text("SELECT count(*) FROM documents")) == 1
        errors = list(s.scalars(select(db.IngestError)))
        assert sorted(e.source for e in errors) == sorted(bad)
        run = s.get(db.Run, errors[0].run_id)
        assert (run.n_files, run.n_ingested, run.n_skipped, run.n_failed) == (6, 1, 1, 4)
    assert os.path.exists(tmp_path / "up.db")


def test_serve_command_builds_the_app(monkeypatch: pytest.MonkeyPatch, store: Path) -> None:
    """`stratdoc serve` hands uvicorn an app over --db with the token from the environment."""
    import uvicorn
    from typer.testing import CliRunner

    from stratdoc.cli import app as cli

    served: dict = {}
    monkeypatch.setattr(uvicorn, "run", lambda application, **kw: served.update(app=application, **kw))
    result = CliRunner().invoke(cli, ["serve", "--db", str(store), "--port", "8123", "--max-upload-mb", "1"],
                                env={"STRATDOC_API_TOKEN": TOKEN})
    assert result.exit_code == 0, result.output
    assert (served["host"], served["port"]) == ("127.0.0.1", 8123)
    with TestClient(served["app"]) as c:
        assert c.get("/documents").json()["total"] == 2
        assert c.get("/", follow_redirects=False).headers["location"] == "/browse"
        big = {"files": ("big.txt", b"x" * (1024 * 1024 + 1))}
        assert c.post("/documents", files=big, headers=auth()).status_code == 413


def test_finished_upload_statuses_are_bounded(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from stratdoc.web import uploads

    monkeypatch.setattr(uploads, "KEPT_STATUSES", 3)
    q = uploads.UploadQueue(open_engine(tmp_path / "q.db"), 1000, tmp_path / "spool")
    states = ["ingested", "queued", "failed", "running", "skipped", "ingested"]
    for i, status in enumerate(states):
        q._uploads[str(i)] = uploads.Upload(str(i), f"f{i}.txt", status=status)
    with q._lock:
        q._forget_oldest()
    assert list(q._uploads) == ["1", "3", "5"]  # unfinished ones stay, whatever their age
