"""`stratdoc schema` and the JSONL contract: every line exported from samples/ validates, and the
schema rejects a line that drops or misnames a field the contract fixes."""

from __future__ import annotations

import copy
import json

import jsonschema
import pytest
from typer.testing import CliRunner

from stratdoc.cli import app
from stratdoc.schema.export import ExportLine, export_json_schema
from tests.conftest import SAMPLES

runner = CliRunner()


@pytest.fixture(scope="module")
def schema() -> dict:
    res = runner.invoke(app, ["schema"])
    assert res.exit_code == 0, res.output
    printed = json.loads(res.stdout)
    assert printed == export_json_schema()
    jsonschema.Draft202012Validator.check_schema(printed)
    return printed


@pytest.fixture(scope="module")
def lines(tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    tmp = tmp_path_factory.mktemp("schema")
    db = str(tmp / "s.db")
    res = runner.invoke(app, ["ingest", str(SAMPLES), "--db", db, "--jobs", "1"])
    assert res.exit_code == 0, res.output
    out = tmp / "e.jsonl"
    res = runner.invoke(app, ["export", "--db", db, "-o", str(out)])
    assert res.exit_code == 0, res.output
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def errors(schema: dict, line: dict) -> list[str]:
    return [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(line)]


def test_every_exported_sample_line_validates(schema: dict, lines: list[dict]) -> None:
    assert len(lines) == 6
    for line in lines:
        assert errors(schema, line) == [], line["document"]["source"]
        ExportLine.model_validate(line)
    # the samples exercise the nested lists the schema describes
    assert any(f for line in lines for m in line["measures"] for f in m["funding"])
    assert any(v for line in lines for i in line["indicators"] for v in i["values"])


def test_every_record_has_an_id_unique_in_the_export(lines: list[dict]) -> None:
    ids = []
    for line in lines:
        for key, records in line.items():
            if key == "document":
                continue
            for r in records:
                ids.append(r["id"])
                for sub in ("funding", "tasks", "values"):
                    ids.extend(x["id"] for x in r.get(sub, []))
    assert len(ids) > 50
    assert len(ids) == len(set(ids))


def funded_line(lines: list[dict]) -> dict:
    """A copy of the first line with a measure that has funding lines."""
    return copy.deepcopy(next(line for line in lines if any(m["funding"] for m in line["measures"])))


def funded(line: dict) -> dict:
    return next(m for m in line["measures"] if m["funding"])


@pytest.mark.parametrize("break_it", [
    lambda line: line["document"].pop("region"),
    lambda line: line.pop("events"),
    lambda line: funded(line).pop("name"),
    lambda line: funded(line).pop("id"),
    lambda line: funded(line)["span"].pop("start"),
    lambda line: funded(line)["funding"][0].update(source="regional budget"),
    lambda line: funded(line)["funding"][0].pop("amount_rub"),
    lambda line: funded(line).update(responsible="Управление культуры"),
    lambda line: line["document"].update(id="not-a-sha"),
])
def test_the_schema_rejects_a_broken_line(schema: dict, lines: list[dict], break_it) -> None:
    line = funded_line(lines)
    assert errors(schema, line) == []
    break_it(line)
    assert errors(schema, line) != []


def test_extra_fields_are_welcome(schema: dict, lines: list[dict]) -> None:
    line = funded_line(lines)
    funded(line)["confidence"] = 0.9
    line["document"]["source_url"] = "https://example.org/plan.pdf"
    assert errors(schema, line) == []


def test_schema_requires_every_list_of_the_contract(schema: dict) -> None:
    assert schema["title"] == "stratdoc export line"
    assert set(schema["required"]) == {"document", "directions", "goals", "measures", "indicators",
                                       "projects", "funding", "organizations", "persons", "events"}
