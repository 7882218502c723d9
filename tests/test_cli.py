"""CLI tests: exit codes, the exact one-line errors, and what lands in the database."""

from __future__ import annotations

import io
import json
import os
import random
import sqlite3
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stratdoc.cli import app

runner = CliRunner()

PLAN_TXT = (
    "План мероприятий по реализации стратегии города Твери до 2030 года\n\n"
    "№\tМероприятие\tИсточник финансирования (млн руб.)\tИсполнитель\n"
    "1\tРемонт школ\tБюджет МО 12,5\tУправление образования города Твери\n"
    "2\tСтроительство бассейна\tОбластной бюджет 340,0\tКомитет по физической культуре\n"
)


def docx_bytes(body_xml: str = "<w:p><w:r><w:t>Проверка</w:t></w:r></w:p>") -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                   'content-types"><Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                   'officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
                   '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                   'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                   '</Relationships>')
        z.writestr("word/document.xml",
                   '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                   f'wordprocessingml/2006/main"><w:body>{body_xml}</w:body></w:document>')
    return buf.getvalue()


@pytest.fixture()
def db(tmp_path: Path) -> str:
    return str(tmp_path / "t.db")


def run(*args: str):
    return runner.invoke(app, list(args))


def test_ingest_export_roundtrip(tmp_path: Path, db: str) -> None:
    f = tmp_path / "plan.txt"
    f.write_bytes(PLAN_TXT.encode("cp1251"))
    res = run("ingest", str(f), "--db", db)
    assert res.exit_code == 0, res.output
    assert "1 ingested" in res.output
    out = tmp_path / "export.jsonl"
    res = run("export", "--format", "jsonl", "-o", str(out), "--db", db)
    assert res.exit_code == 0, res.output
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(recs) == 1
    rec = recs[0]
    assert rec["document"]["source"] == "plan.txt"
    assert rec["document"]["format"] == "txt"
    assert len(rec["document"]["id"]) == 64
    for key in ("directions", "goals", "measures", "indicators", "projects", "funding",
                "organizations", "persons", "events"):
        assert isinstance(rec[key], list), key
    con = sqlite3.connect(db)
    text = con.execute("select text from documents").fetchone()[0]
    assert "Строительство бассейна" in text
    # every stored block points at its own text
    for start, end in con.execute("select start, end from blocks"):
        assert 0 <= start < end <= len(text)
    n_cells = con.execute("select count(*) from cells").fetchone()[0]
    assert n_cells == 12


def test_reingest_is_noop_unless_force(tmp_path: Path, db: str) -> None:
    f = tmp_path / "plan.txt"
    f.write_text(PLAN_TXT, encoding="utf-8")
    assert run("ingest", str(f), "--db", db).exit_code == 0
    res = run("ingest", str(f), "--db", db)
    assert res.exit_code == 0
    assert "0 ingested, 1 skipped" in res.output
    res = run("ingest", "--force", str(f), "--db", db)
    assert "1 ingested, 0 skipped" in res.output
    con = sqlite3.connect(db)
    assert con.execute("select count(*) from documents").fetchone()[0] == 1
    assert con.execute("select count(*) from runs").fetchone()[0] == 3


def test_bad_batch_goes_on_and_exits_1(tmp_path: Path, db: str) -> None:
    good = tmp_path / "good.txt"
    good.write_text(PLAN_TXT, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "junk.pdf").write_bytes(b"%PDF-1.4\n" + random.Random(1).randbytes(3000))
    (tmp_path / "nodoc.docx").write_bytes(_zip_with({"word/styles.xml": "<x/>",
                                                     "[Content_Types].xml": "<Types/>"}))
    (tmp_path / "half.docx").write_bytes(docx_bytes()[:300])
    res = run("ingest", str(tmp_path), "--db", db)
    assert res.exit_code == 1
    lines = [ln for ln in res.output.splitlines() if ln.startswith("FAILED ")]
    names = sorted(ln.split()[1].rstrip(":") for ln in lines)
    assert names == ["empty.txt", "half.docx", "junk.pdf", "nodoc.docx"]
    assert "FAILED empty.txt: empty file" in res.output
    assert "word/document.xml" in next(ln for ln in lines if "nodoc.docx" in ln)
    con = sqlite3.connect(db)
    assert [r[0] for r in con.execute("select source from documents")] == ["good.txt"]
    errors = sorted(r[0] for r in con.execute("select source from errors"))
    assert errors == ["empty.txt", "half.docx", "junk.pdf", "nodoc.docx"]


def test_wrong_extension_is_read_as_what_it_is(tmp_path: Path, db: str) -> None:
    f = tmp_path / "actually-docx.pdf"
    f.write_bytes(docx_bytes("<w:p><w:r><w:t>Постановление администрации города Вологды</w:t></w:r></w:p>"))
    res = run("ingest", str(f), "--db", db)
    assert res.exit_code == 0, res.output
    con = sqlite3.connect(db)
    assert con.execute("select format, text from documents").fetchone() == (
        "docx", "Постановление администрации города Вологды")


def test_missing_path_is_an_error_line(tmp_path: Path, db: str) -> None:
    res = run("ingest", str(tmp_path / "nope.pdf"), "--db", db)
    assert res.exit_code == 1
    assert "nope.pdf: no such file or directory" in res.output


def test_show_and_stats(tmp_path: Path, db: str) -> None:
    f = tmp_path / "plan.txt"
    f.write_text(PLAN_TXT, encoding="utf-8")
    run("ingest", str(f), "--db", db)
    res = run("show", "plan.txt", "--db", db)
    assert res.exit_code == 0, res.output
    assert "Ремонт школ" in res.output
    res = run("show", "zzzz", "--db", db)
    assert res.exit_code == 1
    assert "no document matches 'zzzz'" in res.output
    res = run("stats", "--db", db)
    assert res.exit_code == 0
    assert "documents" in res.output and "cells" in res.output


def test_db_from_environment(tmp_path: Path) -> None:
    f = tmp_path / "plan.txt"
    f.write_text(PLAN_TXT, encoding="utf-8")
    path = tmp_path / "env.db"
    res = runner.invoke(app, ["ingest", str(f)], env={**os.environ, "STRATDOC_DB": str(path)})
    assert res.exit_code == 0, res.output
    assert path.exists()


def _zip_with(members: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, text in members.items():
            z.writestr(name, text)
    return buf.getvalue()
