"""The export contract (shared contract.md): one JSON object per document, from the rows.

Reading back from the SQL rows, not from in-memory records, proves that what consumers get
is what the database holds.

Every record, funding line, task and indicator value carries a stable `id`, so a tracking
system can upsert: re-running the same pipeline version over the same file gives the same ids.
The id is `record_id(parent, kind, start, end, n)`: the first 32 hex digits of the sha256 of the
parent's id (the document's id for a top-level record, the measure's or project's id for its
funding lines, the goal's or indicator's id for its tasks and values), the list's name, the
span's start and end, and `n`, the record's place among the parent's records of that kind with
that same span (0 for nearly all). The span, not the record's index, is the key so that a record
found earlier in a document by a later pipeline version does not renumber every record after it;
a record whose span moves gets a new id. Tasks and values have no span of their own: their
place in the parent's list stands for it.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any, TextIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from stratdoc.store import models as db
from stratdoc.store.repository import META_FIELDS

NESTED = {"measures": ("funding",), "projects": ("funding",), "goals": ("tasks",),
          "indicators": ("values",)}
"""Lists inside a record whose items get ids of their own, keyed on the record's id."""


def _num(v: Decimal | float | None) -> Decimal | None:
    """An amount as stored, exactly: `2507.3` stays `2507.3`, never a binary float."""
    return None if v is None else db.exact(v)


def _value(v: float | int | None) -> float | int | None:
    """An indicator value as SQLite gives it back: a whole number as an integer (SQLite keeps
    12.0 as 12), so the same document exports the same line from PostgreSQL."""
    if isinstance(v, float) and v.is_integer() and abs(v) < 2**53:
        return int(v)
    return v


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
                                      "value": _value(v.value) if v.value is not None else v.value_text,
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
    return add_ids(out)


def record_id(parent: str, kind: str, start: int, end: int, n: int = 0) -> str:
    """The stable id of a record (see the module's docstring)."""
    key = "\x1f".join((parent, kind, str(start), str(end), str(n)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _with_ids(parent: str, kind: str, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: Counter[tuple[int, int]] = Counter()
    out = []
    for pos, item in enumerate(items):
        span = item.get("span")
        key = (span["start"], span["end"]) if span else (pos, pos)
        rid = record_id(parent, kind, *key, seen[key])
        seen[key] += 1
        item = {"id": rid, **item}
        for sub in NESTED.get(kind, ()):
            item[sub] = _with_ids(rid, f"{kind}.{sub}", item[sub])
        out.append(item)
    return out


def add_ids(rec: dict[str, Any]) -> dict[str, Any]:
    """The contract object with a stable `id` on every record and nested line."""
    doc_id = rec["document"]["id"]
    return {k: v if k == "document" else _with_ids(doc_id, k, v) for k, v in rec.items()}


def documents_since(session: Session, since_run: int | None = None) -> Iterator[db.DocumentRow]:
    """Stored documents in export order; with `since_run`, only those stored by a later run."""
    q = select(db.DocumentRow)
    if since_run is not None:
        q = q.where(db.DocumentRow.run_id > since_run)
    yield from session.scalars(q.order_by(db.DocumentRow.source, db.DocumentRow.id))


def iter_records(session: Session, since_run: int | None = None) -> Iterator[dict[str, Any]]:
    for doc in documents_since(session, since_run):
        yield document_record(session, doc)


def dumps(value: Any) -> str:
    """`json.dumps(value, ensure_ascii=False)`, except that a Decimal is written as a JSON
    number with its own digits (`json` would need it turned into a float first, and rounded)."""
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"not a finite number: {value}")
        return format(value, "f")
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(str(k), ensure_ascii=False)}: {dumps(v)}"
                               for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(dumps(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def write_jsonl(session: Session, out: TextIO, since_run: int | None = None) -> int:
    n = 0
    for rec in iter_records(session, since_run):
        out.write(dumps(rec) + "\n")
        n += 1
    return n
