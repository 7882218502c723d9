"""Writing one document with its extraction, and reading documents back.

`save_document` runs inside the caller's transaction: the pipeline commits once per
document, so a failure leaves nothing half-written.

Several processes may write into one PostgreSQL database at once. Two of them storing the same
bytes are serialized by `claim_document` (a transaction-scoped advisory lock on the document's
id), so the second one finds the first one's document and skips it. Organizations are shared
rows: each document inserts the ones it needs up front, in key order and with
`ON CONFLICT DO NOTHING`, so two writers never fail on the unique key nor wait on each other in
a cycle.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, insert, or_, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from stratdoc.errors import NotFound
from stratdoc.schema import Document, Extraction, FundingLine, Span
from stratdoc.store.models import (
    Base,
    BlockRow,
    CellRow,
    DirectionRow,
    DocumentOrganization,
    DocumentRow,
    EventRow,
    FundingRow,
    GoalRow,
    IndicatorRow,
    IndicatorValueRow,
    MeasureRow,
    Organization,
    PageRow,
    PersonRow,
    ProjectRow,
    Responsible,
    TableRow,
    TaskRow,
)

META_FIELDS = ("kind", "title", "municipality", "region", "act_number", "adopted_on", "amended_on",
               "published_on", "issuer", "horizon_year")


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def span_columns(span: Span | None) -> dict[str, Any]:
    if span is None:
        return {"page": None, "start": 0, "end": 0}
    return {"page": span.page, "start": span.start, "end": span.end,
            "table_idx": getattr(span, "table", None), "row_idx": getattr(span, "row", None),
            "col_idx": getattr(span, "col", None)}


def get_document(session: Session, doc_id: str) -> DocumentRow | None:
    return session.get(DocumentRow, doc_id)


def claim_document(session: Session, doc_id: str) -> DocumentRow | None:
    """Take the right to write `doc_id` until the transaction ends; returns the document as
    stored by whoever held it before. PostgreSQL: an advisory lock keyed on the id. SQLite
    lets one writer at a time into the file anyway."""
    if session.get_bind().dialect.name == "postgresql":
        key = int.from_bytes(hashlib.sha256(doc_id.encode()).digest()[:8], "big", signed=True)
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": key})
        return session.scalar(select(DocumentRow).where(DocumentRow.id == doc_id)
                              .execution_options(populate_existing=True))
    return session.get(DocumentRow, doc_id)


def delete_document(session: Session, doc_id: str) -> None:
    """Remove a document and, by cascade, everything extracted from it."""
    session.execute(delete(Responsible).where(Responsible.document_id == doc_id))
    row = session.get(DocumentRow, doc_id)
    if row is not None:
        session.delete(row)
        session.flush()


def save_document(session: Session, doc: Document, ext: Extraction, *, n_bytes: int,
                  pipeline_version: str, run_id: int | None,
                  org_key: Callable[[str], str]) -> DocumentRow:
    """Insert a document, its structure and its records (replacing an earlier version)."""
    delete_document(session, doc.id)
    meta = ext.document
    row = DocumentRow(
        id=doc.id, source=doc.source, format=doc.format.value, status=doc.status.value,
        pipeline_version=pipeline_version, run_id=run_id, ingested_at=utcnow(), n_bytes=n_bytes,
        n_pages=doc.n_pages, text=doc.text, warnings=list(doc.warnings), hints=dict(doc.hints),
        **{f: getattr(meta, f) for f in META_FIELDS},
    )
    session.add(row)
    session.flush()
    _save_structure(session, doc)
    _save_records(session, doc.id, ext, org_key)
    return row


def _save_structure(session: Session, doc: Document) -> None:
    """Pages, blocks, tables and cells in one executemany per table: a 400-page document has
    tens of thousands of them, and the ORM's per-object bookkeeping cost more than the SQL."""
    if doc.pages:
        session.execute(insert(PageRow), [dict(document_id=doc.id, number=p.number, start=p.start, end=p.end)
                                          for p in doc.pages])
    if doc.blocks:
        session.execute(insert(BlockRow), [
            dict(document_id=doc.id, idx=i, kind=b.kind.value, page=b.page, start=b.start, end=b.end,
                 level=b.level, list_item=b.list_item, table_idx=b.table_index)
            for i, b in enumerate(doc.blocks)])
    if not doc.tables:
        return
    ids = session.execute(
        insert(TableRow).returning(TableRow.id, sort_by_parameter_order=True),
        [dict(document_id=doc.id, idx=t.index, name=t.name, n_rows=t.n_rows, n_cols=t.n_cols, page=t.page,
              page_end=t.page_end, start=t.start, end=t.end) for t in doc.tables]).scalars().all()
    cells = [dict(table_id=tid, row=c.row, col=c.col, row_span=c.row_span, col_span=c.col_span, text=c.text,
                  start=c.start, end=c.end, page=c.page)
             for tid, t in zip(ids, doc.tables, strict=True) for c in t.cells]
    if cells:
        session.execute(insert(CellRow), cells)


def _org_id(session: Session, name: str, org_key: Callable[[str], str],
            cache: dict[str, int]) -> int:
    key = org_key(name)[:512]
    if key not in cache:
        _add_organizations(session, [name], org_key, cache)
    return cache[key]


def _add_organizations(session: Session, names: Iterable[str], org_key: Callable[[str], str],
                       cache: dict[str, int]) -> None:
    """Make sure an organization row exists for each name's key (the first spelling names it),
    and learn their ids."""
    first: dict[str, str] = {}
    for name in names:
        first.setdefault(org_key(name)[:512], name)
    keys = sorted(k for k in first if k not in cache)
    if not keys:
        return
    dialect = session.get_bind().dialect.name
    if dialect in ("postgresql", "sqlite"):
        insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        for key in keys:  # one at a time, in key order: concurrent writers lock in the same order
            session.execute(insert(Organization).values(key=key, name=first[key])
                            .on_conflict_do_nothing(index_elements=["key"]))
    else:
        known = set(session.scalars(select(Organization.key).where(Organization.key.in_(keys))))
        session.add_all(Organization(key=k, name=first[k]) for k in keys if k not in known)
        session.flush()
    for i in range(0, len(keys), 500):
        chunk = keys[i:i + 500]
        cache.update((k, i) for k, i in session.execute(select(Organization.key, Organization.id)
                                                        .where(Organization.key.in_(chunk))))


def _funding_rows(doc_id: str, lines: list[FundingLine]) -> list[FundingRow]:
    return [FundingRow(document_id=doc_id, idx=i, source=f.source, year=f.year, year_from=f.year_from,
                       year_to=f.year_to, scenario=f.scenario, amount=f.amount, unit=f.unit,
                       amount_rub=f.amount_rub, raw=f.raw, note=f.note, **span_columns(f.span))
            for i, f in enumerate(lines)]


def _save_records(session: Session, doc_id: str, ext: Extraction, org_key: Callable[[str], str]) -> None:
    orgs: dict[str, int] = {}
    _add_organizations(session, [*(n for r in (*ext.measures, *ext.projects, *ext.indicators)
                                   for n in r.responsible),
                                 *(o.name for o in ext.organizations)], org_key, orgs)

    def responsible(record_type: str, record_id: int, names: list[str]) -> None:
        for i, name in enumerate(names):
            session.add(Responsible(document_id=doc_id, record_type=record_type, record_id=record_id,
                                    organization_id=_org_id(session, name, org_key, orgs), idx=i,
                                    name=name))

    for i, d in enumerate(ext.directions):
        session.add(DirectionRow(document_id=doc_id, idx=i, name=d.name, kind=d.kind, items=d.items,
                                 **span_columns(d.span)))
    for i, g in enumerate(ext.goals):
        session.add(GoalRow(document_id=doc_id, idx=i, number=g.number, text=g.text,
                            tasks=[TaskRow(idx=k, number=t.number, text=t.text)
                                   for k, t in enumerate(g.tasks)], **span_columns(g.span)))
    for i, m in enumerate(ext.measures):
        mrow = MeasureRow(document_id=doc_id, idx=i, number=m.number, name=m.name, goal=m.goal,
                          expected_result=m.expected_result, funding=_funding_rows(doc_id, m.funding),
                          **span_columns(m.span))
        session.add(mrow)
        session.flush()
        responsible("measure", mrow.id, m.responsible)
    for i, p in enumerate(ext.projects):
        prow = ProjectRow(document_id=doc_id, idx=i, name=p.name, object=p.object, period=p.period,
                          status=p.status, section=p.section, funding=_funding_rows(doc_id, p.funding),
                          **span_columns(p.span))
        session.add(prow)
        session.flush()
        responsible("project", prow.id, p.responsible)
    session.add_all(_funding_rows(doc_id, ext.funding))
    for i, ind in enumerate(ext.indicators):
        irow = IndicatorRow(
            document_id=doc_id, idx=i, number=ind.number, name=ind.name, unit=ind.unit, goal=ind.goal,
            values=[IndicatorValueRow(idx=k, year=v.year,
                                      value=v.value if isinstance(v.value, int | float) else None,
                                      value_text=v.value if isinstance(v.value, str) else None,
                                      kind=v.kind, scenario=v.scenario, note=v.note)
                    for k, v in enumerate(ind.values)],
            **span_columns(ind.span))
        session.add(irow)
        session.flush()
        responsible("indicator", irow.id, ind.responsible)
    seen: set[int] = set()
    for i, o in enumerate(ext.organizations):
        oid = _org_id(session, o.name, org_key, orgs)
        if oid in seen:  # two spellings with one canonical key: keep the first
            continue
        seen.add(oid)
        session.add(DocumentOrganization(document_id=doc_id, organization_id=oid, idx=i, name=o.name,
                                         mentions=o.mentions, **span_columns(o.span)))
    for i, p in enumerate(ext.persons):
        session.add(PersonRow(document_id=doc_id, idx=i, name=p.name, position=p.position,
                              organization=p.organization, **span_columns(p.span)))
    for i, e in enumerate(ext.events):
        session.add(EventRow(document_id=doc_id, idx=i, name=e.name, kind=e.kind, date_from=e.date_from,
                             date_to=e.date_to, place=e.place, **span_columns(e.span)))
    session.flush()


def find_document(session: Session, ref: str) -> DocumentRow:
    """A document by id prefix (4+ hex chars) or by source file name."""
    rows = list(session.scalars(select(DocumentRow).where(
        or_(DocumentRow.source == ref, DocumentRow.id.startswith(ref.lower()) if len(ref) >= 4 else False)
    ).limit(3)))
    if not rows:
        raise NotFound(f"no document matches {ref!r} (give an id prefix of 4+ characters or a file name)")
    if len(rows) > 1:
        raise NotFound(f"{ref!r} matches several documents: " + ", ".join(r.id[:12] for r in rows))
    return rows[0]


def iter_documents(session: Session) -> Iterator[DocumentRow]:
    yield from session.scalars(select(DocumentRow).order_by(DocumentRow.source, DocumentRow.id))


def table_counts(session: Session) -> dict[str, int]:
    return {t.name: session.scalar(select(func.count()).select_from(t)) or 0
            for t in Base.metadata.sorted_tables}
