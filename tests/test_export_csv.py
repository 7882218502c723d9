"""The feed for tracking systems: CSV files per record kind keyed by stable ids, and `--since RUN`."""

from __future__ import annotations

import csv
import json
from datetime import datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stratdoc.cli import app
from stratdoc.store import models
from stratdoc.store.csv_export import COLUMNS
from stratdoc.store.export import record_id
from stratdoc.store.session import open_engine, session_factory
from tests.known_store import PSKOV_ID, TVER_ID, fill

runner = CliRunner()

PLAN = (
    "План мероприятий по реализации стратегии развития города Костромы до 2030 года\n\n"
    "№\tНаименование мероприятия\tИсточник финансирования (млн руб.)\tОтветственный исполнитель\n"
    "1\tРеконструкция стадиона «Спартак»\tОбластной бюджет 85,0\tКомитет по физической культуре и спорту\n"
    "2\tОткрытие центра молодёжных инициатив\tБюджет города 6,4\tУправление по делам молодёжи\n"
)


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def two_runs(db: str) -> None:
    """Псков stored by run 1, Тверь by run 2."""
    engine = open_engine(db)
    with session_factory(engine)() as s:
        for _ in range(2):
            s.add(models.Run(started_at=datetime(2024, 1, 1), pipeline_version="test"))
        s.commit()
    fill(engine, run_ids=(1, 2))


@pytest.fixture()
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "e.db")
    two_runs(path)
    return path


def export_csv(db: str, out: Path, *extra: str) -> None:
    res = runner.invoke(app, ["export", "--db", db, "--format", "csv", "-o", str(out), *extra])
    assert res.exit_code == 0, res.output


def export_jsonl(db: str, out: Path, *extra: str) -> list[dict]:
    res = runner.invoke(app, ["export", "--db", db, "-o", str(out), *extra])
    assert res.exit_code == 0, res.output
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_one_file_per_kind_with_header(db: str, tmp_path: Path) -> None:
    out = tmp_path / "csv"
    export_csv(db, out)
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{k}.csv" for k in COLUMNS)
    for name, cols in COLUMNS.items():
        with (out / f"{name}.csv").open(encoding="utf-8", newline="") as fh:
            assert next(csv.reader(fh)) == list(cols), name
    docs = read_csv(out / "documents.csv")
    assert [(d["id"], d["municipality"], d["adopted_on"]) for d in docs] == [
        (PSKOV_ID, "Псков", "2023-03-01"), (TVER_ID, "Тверь", "2021-12-20")]
    assert len(read_csv(out / "persons.csv")) == 0


def test_funding_lines_carry_their_parents_id(db: str, tmp_path: Path) -> None:
    out = tmp_path / "csv"
    export_csv(db, out)
    measures = {m["id"]: m for m in read_csv(out / "measures.csv")}
    projects = {p["id"]: p for p in read_csv(out / "projects.csv")}
    funding = read_csv(out / "funding.csv")
    assert len(funding) == 7
    by_parent = {}
    for f in funding:
        if f["parent_kind"] == "measure":
            parent = measures[f["parent_id"]]
        elif f["parent_kind"] == "project":
            parent = projects[f["parent_id"]]
        else:
            assert f["parent_kind"] == "document" and f["parent_id"] == f["document_id"]
            parent = {"name": "(document)", "document_id": f["document_id"]}
        assert parent["document_id"] == f["document_id"]
        by_parent.setdefault(parent["name"], []).append((f["source"], f["year"], f["amount_rub"], f["raw"]))
    assert by_parent["Ремонт набережной"] == [("regional", "2024", "12500000", "12,5"),
                                             ("regional", "2025", "14000000", "14,0"),
                                             ("municipal", "2024", "3100000", "3,1")]
    assert by_parent["Ледовая арена"] == [("regional", "", "300000000", "300,0")]
    assert by_parent["(document)"] == [("total", "", "500000000", "500,0")]
    span_line = next(f for f in funding if f["raw"] == "500,0")
    assert (span_line["year_from"], span_line["year_to"], span_line["page"]) == ("2024", "2026", "2")
    # a list of names is one JSON array in one cell
    pier = next(m for m in measures.values() if m["name"] == "Ремонт набережной")
    assert json.loads(pier["responsible"]) == ["Комитет по строительству"]


def test_nested_values_carry_their_indicator_id(db: str, tmp_path: Path) -> None:
    out = tmp_path / "csv"
    export_csv(db, out)
    indicators = {i["id"]: i["name"] for i in read_csv(out / "indicators.csv")}
    values = [(indicators[v["indicator_id"]], v["year"], float(v["value"]), v["kind"])
              for v in read_csv(out / "indicator_values.csv")]
    assert values == [("Численность населения", "2022", 187.0, "fact"),
                      ("Численность населения", "2030", 190.5, "plan"),
                      ("Протяжённость отремонтированных дорог", "2030", 12.0, "plan")]


def test_csv_ids_are_the_jsonl_ids(db: str, tmp_path: Path) -> None:
    out = tmp_path / "csv"
    export_csv(db, out)
    recs = export_jsonl(db, tmp_path / "e.jsonl")
    jsonl_ids = {f["id"] for r in recs for m in r["measures"] + r["projects"] for f in m["funding"]}
    jsonl_ids |= {f["id"] for r in recs for f in r["funding"]}
    assert {f["id"] for f in read_csv(out / "funding.csv")} == jsonl_ids
    assert len(jsonl_ids) == 7
    pool = next(m for r in recs for m in r["measures"] if m["name"] == "Строительство бассейна")
    assert pool["id"] == record_id(PSKOV_ID, "measures", pool["span"]["start"], pool["span"]["end"])


def test_since_exports_only_documents_of_later_runs(db: str, tmp_path: Path) -> None:
    assert [r["document"]["id"] for r in export_jsonl(db, tmp_path / "all.jsonl")] == [PSKOV_ID, TVER_ID]
    assert [r["document"]["id"] for r in export_jsonl(db, tmp_path / "s1.jsonl", "--since", "1")] == [TVER_ID]
    assert export_jsonl(db, tmp_path / "s2.jsonl", "--since", "2") == []
    out = tmp_path / "csv"
    export_csv(db, out, "--since", "1")
    assert [d["id"] for d in read_csv(out / "documents.csv")] == [TVER_ID]
    assert {m["name"] for m in read_csv(out / "measures.csv")} == {"Благоустройство парка"}


def test_ids_are_the_same_on_a_rerun_and_unique(tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    db1, db2 = str(tmp_path / "a.db"), str(tmp_path / "b.db")
    for db in (db1, db2):
        res = runner.invoke(app, ["ingest", str(plan), "--db", db, "--jobs", "1"])
        assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["ingest", str(plan), "--db", db2, "--jobs", "1", "--force"])
    assert res.exit_code == 0, res.output

    def ids(rec: dict) -> list[str]:
        found = []

        def walk(value: object, top: bool) -> None:
            if isinstance(value, dict):
                if "id" in value and not top:
                    found.append(value["id"])
                for k, v in value.items():
                    if k != "document":
                        walk(v, False)
            elif isinstance(value, list):
                for v in value:
                    walk(v, False)
        walk(rec, True)
        return found

    first = export_jsonl(db1, tmp_path / "a.jsonl")
    again = export_jsonl(db2, tmp_path / "b.jsonl")
    assert len(first[0]["measures"]) == 2
    assert ids(first[0]) == ids(again[0])
    assert len(ids(first[0])) == len(set(ids(first[0]))) >= 4  # measures and their funding lines at least


def test_csv_needs_a_folder(db: str, tmp_path: Path) -> None:
    res = runner.invoke(app, ["export", "--db", db, "--format", "csv"])
    assert res.exit_code == 1
    assert res.output.startswith("error: ") and len(res.output.strip().splitlines()) == 1
    afile = tmp_path / "a.txt"
    afile.write_text("x")
    res = runner.invoke(app, ["export", "--db", db, "--format", "csv", "-o", str(afile)])
    assert res.exit_code == 1 and "not a folder" in res.output


def test_a_record_found_anew_leaves_the_others_ids_alone(tmp_path: Path) -> None:
    """Ids key on spans, not on places in the list: a new first measure renumbers nothing."""
    from stratdoc.extract import org_key
    from stratdoc.schema import Measure
    from stratdoc.store.repository import save_document
    from tests.known_store import pskov

    def measure_ids(db: str) -> dict[str, tuple[str, list[str]]]:
        recs = export_jsonl(db, tmp_path / "x.jsonl")
        return {m["name"]: (m["id"], [f["id"] for f in m["funding"]]) for m in recs[0]["measures"]}

    db1, db2 = str(tmp_path / "one.db"), str(tmp_path / "two.db")
    fill(open_engine(db1))
    doc, ext = pskov()
    heading = doc.blocks[0]
    ext.measures.insert(0, Measure(name="План мероприятий",
                                   span={"start": heading.start, "end": heading.end}))
    with session_factory(open_engine(db2))() as s:
        save_document(s, doc, ext, n_bytes=1, pipeline_version="test", run_id=None, org_key=org_key)
        s.commit()
    before, after = measure_ids(db1), measure_ids(db2)
    assert len(after) == len(before) + 1
    for name, ids in before.items():
        assert after[name] == ids, name
