"""End to end on the real material in ../shared: every file ingests, the export keeps the
contract, spans point at real text, and the shared scorer's figures stay above the issue's
acceptance lines. Skipped when ../shared is absent."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stratdoc.cli import app
from stratdoc.ingest import ocr

CONTRACT_KEYS = {"document", "directions", "goals", "measures", "indicators", "projects", "funding",
                 "organizations", "persons", "events"}
DOCUMENT_KEYS = {"id", "source", "format", "kind", "title", "municipality", "region", "act_number",
                 "adopted_on", "amended_on", "published_on", "issuer", "horizon_year"}


@pytest.fixture(scope="module")
def export(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("acceptance")
    db, out = tmp / "a.db", tmp / "export.jsonl"
    runner = CliRunner()
    sources = [str(shared / "seeds"), str(shared / "corpus" / "kursk")]
    res = runner.invoke(app, ["ingest", *sources, "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert "11 files: 11 ingested, 0 skipped (unchanged), 0 failed" in res.output
    res = runner.invoke(app, ["export", "--format", "jsonl", "-o", str(out), "--db", str(db)])
    assert res.exit_code == 0, res.output
    return out


def records(export: Path) -> list[dict]:
    return [json.loads(line) for line in export.read_text(encoding="utf-8").splitlines()]


def score(shared: Path, gold: str, export: Path) -> dict:
    res = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), "--gold", str(shared / gold),
                          "--export", str(export), "--json"], capture_output=True, text=True, check=True)
    return json.loads(res.stdout[: res.stdout.rindex("}") + 1])


def test_every_file_has_the_contract_keys_and_real_spans(export: Path) -> None:
    recs = records(export)
    assert len(recs) == 11
    scanned = [r for r in recs if r["document"]["source"] == "Plan-obektov-23025.pdf"]
    assert scanned[0]["document"]["status"] == ("no_text" if ocr.missing() else "ok")  # read by OCR
    for rec in recs:
        assert CONTRACT_KEYS <= rec.keys()
        assert DOCUMENT_KEYS <= rec["document"].keys()
    # spans point into the stored text: compare against the database's own text
    db = export.parent / "a.db"
    texts = dict(sqlite3.connect(db).execute("select source, text from documents"))
    n = 0
    for rec in recs:
        text = texts[rec["document"]["source"]]
        for key in CONTRACT_KEYS - {"document"}:
            for item in rec[key]:
                span = item["span"]
                assert 0 <= span["start"] < span["end"] <= len(text), (key, item)
                assert text[span["start"]:span["end"]].strip(), (key, item)
                n += 1
    assert n > 500


def test_seed_scores(shared: Path, export: Path) -> None:
    s = score(shared, "gold", export)
    types = s["types"]
    doc = types["document"]
    assert doc["ok"] / doc["checks"] >= 0.8  # foundation issue
    for rtype in ("measures", "indicators", "projects"):  # plan tables issue
        assert types[rtype]["f1"] >= 0.9, rtype
    assert types["directions"]["f1"] >= 0.85  # narrative issue
    assert types["persons"]["f1"] >= 0.9
    assert types["events"]["f1"] >= 0.7
    assert s["score"] >= 0.85


def test_kursk_table_scores(shared: Path, export: Path) -> None:
    s = score(shared, "gold-corpus", export)
    projects = s["types"]["projects"]
    assert projects["f1"] >= 0.9
    assert projects["ok"] / projects["checks"] >= 0.85
