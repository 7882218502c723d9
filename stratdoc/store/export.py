"""The export contract (shared contract.md): one JSON object per document, from the rows.

Reading back from the SQL rows, not from in-memory records, proves that what consumers get
is what the database holds.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any, TextIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from stratdoc.store import models as db
from stratdoc.store.repository import META_FIELDS, iter_documents


def _num(v: Decimal | float | None) -> float | None:
    return None if v is None else float(v)


def _iso(v: date | None) -> str | None:
    return v.isoformat() if v else None


def span_of(row: Any) -> dict[str, Any]:
    span: dict[str, Any] = {"page": row.page, "start": row.start, "end": row.end}
    for col, key in (("table_idx", "table"), ("row_idx", "row"), ("col_idx", "col")):
        value = getattr(row, col, None)
        if value is not None:
            span[key] = value
    return span


def funding_of(f: db.FundingRow) -> dict[str, Any]:
    return {"source": f.source, "year": f.year, "year_from": f.year_from, "year_to": f.year_to,
            "scenario": f.scenario, "amount": _num(f.amount), "unit": f.unit,
            "amount_rub": _num(f.amount_rub), "raw": f.raw, "note": f.note, "span": span_of(f)}


def document_record(session: Session, doc: db.DocumentRow) -> dict[str, Any]:
    """The contract object of one stored document."""
    meta: dict[str, Any] = {"id": doc.id, "source": doc.source, "format": doc.format}
    for f in META_FIELDS:
        v = getattr(doc, f)
        meta[f] = _iso(v) if isinstance(v, date) else v
    meta.update({"status": doc.status, "pages": doc.n_pages, "pipeline_version": doc.pipeline_version})

    resp: dict[tuple[str, int], list[str]] = defaultdict(list)
    r_ = db.Responsible
    for r in session.scalars(select(r_).where(r_.document_id == doc.id)
                             .order_by(r_.record_type, r_.record_id, r_.idx)):
        resp[(r.record_type, r.record_id)].append(r.name)

    def rows(model: Any) -> list[Any]:
        return list(session.scalars(select(model).where(model.document_id == doc.id).order_by(model.idx)))

    out: dict[str, Any] = {"document": meta}
    out["directions"] = [{"name": d.name, "kind": d.kind, "items": list(d.items or []), "span": span_of(d)}
                         for d in rows(db.DirectionRow)]
    out["goals"] = [{"number": g.number, "text": g.text,
                     "tasks": [{"number": t.number, "text": t.text} for t in g.tasks], "span": span_of(g)}
                    for g in rows(db.GoalRow)]
    out["measures"] = [{"number": m.number, "name": m.name, "goal": m.goal,
                        "responsible": resp[("measure", m.id)], "expected_result": m.expected_result,
                        "funding": [funding_of(f) for f in m.funding], "span": span_of(m)}
                       for m in rows(db.MeasureRow)]
    out["indicators"] = [{"number": i.number, "name": i.name, "unit": i.unit, "goal": i.goal,
                          "responsible": resp[("indicator", i.id)],
                          "values": [{"year": v.year,
                                      "value": v.value if v.value is not None else v.value_text,
                                      "kind": v.kind, "scenario": v.scenario, "note": v.note}
                                     for v in i.values],
                          "span": span_of(i)}
                         for i in rows(db.IndicatorRow)]
    out["projects"] = [{"name": p.name, "object": p.object, "period": p.period, "status": p.status,
                        "section": p.section, "funding": [funding_of(f) for f in p.funding],
                        "responsible": resp[("project", p.id)], "span": span_of(p)}
                       for p in rows(db.ProjectRow)]
    out["funding"] = [funding_of(f) for f in session.scalars(
        select(db.FundingRow).where(db.FundingRow.document_id == doc.id, db.FundingRow.measure_id.is_(None),
                                 db.FundingRow.project_id.is_(None)).order_by(db.FundingRow.idx))]
    out["organizations"] = [{"name": o.name, "mentions": o.mentions, "span": span_of(o)}
                            for o in rows(db.DocumentOrganization)]
    out["persons"] = [{"name": p.name, "position": p.position, "organization": p.organization,
                       "span": span_of(p)} for p in rows(db.PersonRow)]
    out["events"] = [{"name": e.name, "kind": e.kind, "date_from": _iso(e.date_from),
                      "date_to": _iso(e.date_to), "place": e.place, "span": span_of(e)}
                     for e in rows(db.EventRow)]
    return out


def iter_records(session: Session) -> Iterator[dict[str, Any]]:
    for doc in iter_documents(session):
        yield document_record(session, doc)


def write_jsonl(session: Session, out: TextIO) -> int:
    n = 0
    for rec in iter_records(session):
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n
