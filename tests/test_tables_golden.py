"""Golden tests of the table extractors on documents they were not tuned on.

Each document of tests/table_corpus.py is built in a temporary folder, read by the real reader
(`stratdoc.ingest.read`) and passed to `extract_tables`; the records must equal, field by field,
the hand-written expectations in tests/data/tables/<name>.json (contract shapes; amounts as
decimal strings, compared exactly).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from stratdoc.extract.tables import extract_tables
from stratdoc.ingest import read
from stratdoc.schema import Document
from stratdoc.schema.records import Extraction, FundingLine
from tests.pdf_factory import have_font
from tests.table_corpus import BUILDERS, PDF_BUILDERS

DATA = Path(__file__).parent / "data" / "tables"
RECORD_TYPES = ("measures", "indicators", "projects", "funding", "goals", "organizations")


def _dec(value: Decimal | str | None) -> str | None:
    """Exact decimal as a plain string without trailing zeros: «185400.0» → «185400»."""
    if value is None:
        return None
    text = format(Decimal(value).normalize(), "f")
    return text


def funding_shape(lines: list[FundingLine] | list[dict]) -> list[dict]:
    out = []
    for f in lines:
        d = dict(f) if isinstance(f, FundingLine | dict) else f  # a FundingLine iterates as (field, value)
        out.append({"source": d["source"], "year": d["year"], "year_from": d["year_from"],
                   "year_to": d["year_to"],
                    "scenario": d["scenario"], "amount": _dec(d["amount"]), "unit": d["unit"],
                    "amount_rub": _dec(d["amount_rub"])})
    return out


def contract_shape(ex: Extraction) -> dict[str, list]:
    """The extraction as the records of the expectation files (no spans, no notes)."""
    return {
        "measures": [{"number": m.number, "name": m.name, "goal": m.goal, "responsible": m.responsible,
                      "expected_result": m.expected_result, "funding": funding_shape(m.funding)}
                     for m in ex.measures],
        "indicators": [{"number": i.number, "name": i.name, "unit": i.unit, "goal": i.goal,
                        "responsible": i.responsible,
                        "values": [{"year": v.year, "value": v.value, "kind": v.kind, "scenario": v.scenario}
                                   for v in i.values]}
                       for i in ex.indicators],
        "projects": [{"name": p.name, "object": p.object, "period": p.period, "status": p.status,
                      "section": p.section, "responsible": p.responsible, "funding": funding_shape(p.funding)}
                     for p in ex.projects],
        "funding": funding_shape(ex.funding),
        "goals": [{"number": g.number, "text": g.text, "tasks": [{"number": t.number, "text": t.text}
                                                                for t in g.tasks]}
                  for g in ex.goals],
        "organizations": [o.name for o in ex.organizations],
    }


def expected_shape(expected: dict) -> dict[str, list]:
    out = {k: expected[k] for k in RECORD_TYPES}
    for m in out["measures"] + out["projects"]:
        m["funding"] = funding_shape(m["funding"])
    out["funding"] = funding_shape(out["funding"])
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Callable[[str], tuple[Document, Extraction, dict]]:
    """Build, read and extract one document on first use; later tests reuse it."""
    folder = tmp_path_factory.mktemp("tables")
    done: dict[str, tuple[Document, Extraction, dict]] = {}

    def get(name: str) -> tuple[Document, Extraction, dict]:
        if name in PDF_BUILDERS and not have_font():
            pytest.skip(f"{name}: DejaVu font absent")
        if name not in done:
            doc = read(BUILDERS[name](folder))
            expected = json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))
            done[name] = (doc, extract_tables(doc), expected)
        return done[name]

    return get


@pytest.mark.parametrize("record_type", RECORD_TYPES)
@pytest.mark.parametrize("name", list(BUILDERS))
def test_records_equal_the_expectation(corpus, name: str, record_type: str) -> None:
    _, ex, expected = corpus(name)
    assert contract_shape(ex)[record_type] == expected_shape(expected)[record_type]


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("name", list(BUILDERS))
def test_spans_point_at_the_records(corpus, name: str) -> None:
    """Every record's span starts its row in the stored text and covers its name."""
    doc, ex, _ = corpus(name)
    records = [*ex.measures, *ex.indicators, *ex.projects]
    assert records or ex.funding
    for r in records:
        covered = _squash(doc.text[r.span.start:r.span.end])
        assert _squash(r.name)[:20] in covered, (r.name, covered[:120])
        if doc.pages:  # a table joined over pages keeps each row's own page
            t = doc.tables[r.span.table]
            assert t.page <= r.span.page <= t.page_end
    for f in [*ex.funding, *(f for r in [*ex.measures, *ex.projects] for f in r.funding)]:
        assert f.span is not None and doc.text[f.span.start:f.span.end] == f.raw


def test_rows_after_a_page_break_keep_their_page(corpus) -> None:
    _, ex, _ = corpus("pskov_projects")
    assert [p.span.page for p in ex.projects] == [1, 1, 1, 1, 2, 2]


# Header cells and row labels of statistics tables: what a column or a group of rows is called.
LABEL_CELLS = ("Наименование товарной группы", "Код ТН ВЭД", "ВЭД", "АПК", "Показатель, единица",
               "Показатель, единица измерения", "Ед. изм.")


@pytest.mark.parametrize("name", ["tikhoozersk_trade", "verkhnelugovsk_export", "belovodsk_statistics"])
def test_header_and_label_cells_are_no_organizations(corpus, name: str) -> None:
    """The whole extraction (tables and the text around them): no organization is a header cell or a
    label-only row, nor holds one of those abbreviations alone."""
    from stratdoc.extract import extract

    doc, _, expected = corpus(name)
    found = [o.name for o in extract(doc).organizations]
    labels = {" ".join(x.lower().split()) for x in LABEL_CELLS}
    assert not [n for n in found if " ".join(n.lower().split()) in labels], found
    assert set(expected["organizations"]) <= set(found)
