"""The browse pages, in Russian, rendered on the server from the same queries as the API.

Form fields arrive as text (an empty field is an empty string), so they are parsed here
leniently: a value that is not a valid filter is dropped, not answered with an error page.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape
from sqlalchemy.orm import Session

from stratdoc.web import queries
from stratdoc.web.api import read_session
from stratdoc.web.charts import SOURCE_LABELS, funding_chart

router = APIRouter(prefix="/browse", include_in_schema=False)
env = Environment(loader=PackageLoader("stratdoc.web", "templates"), autoescape=select_autoescape(["html"]))
PER_PAGE = 50
CONTEXT_CHARS = 600
KIND_LABELS = {"strategy": "стратегия", "decree": "постановление", "action_plan": "план мероприятий",
               "presentation": "презентация", "news": "новость", "other": "другое"}
FIELD_LABELS = {"number": "Номер", "goal": "Цель", "expected_result": "Ожидаемый результат",
                "object": "Объект", "period": "Срок", "status": "Статус", "section": "Раздел",
                "unit": "Единица", "position": "Должность", "organization": "Организация",
                "date_from": "Дата начала", "date_to": "Дата окончания", "place": "Место",
                "source": "Источник", "year": "Год", "amount": "Сумма", "amount_rub": "Сумма, руб.",
                "scenario": "Сценарий", "mentions": "Упоминаний", "items": "Пункты"}
ReadSession = Annotated[Session, Depends(read_session)]
Field = Annotated[str, Query(max_length=200)]


def _fmt_rub(value: float | None) -> str:
    return "—" if value is None else f"{value / 1e6:,.1f}".replace(",", "\u00a0").replace(".", ",")


env.filters["mln"] = _fmt_rub
env.globals.update(kind_labels=KIND_LABELS, source_labels=SOURCE_LABELS, field_labels=FIELD_LABELS,
                   record_kinds=queries.KINDS)


def render(name: str, status: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(env.get_template(name).render(**context), status_code=status)


def not_found(what: str) -> HTMLResponse:
    return render("error.html", 404, title="Не найдено", message=what)


def _year(value: str) -> int | None:
    value = value.strip()
    return int(value) if value.isdigit() and 1000 <= int(value) <= 9998 else None


def _doc_id(value: str) -> str | None:
    value = value.strip().lower()
    return value if len(value) == 64 and all(c in "0123456789abcdef" for c in value) else None


@router.get("", response_class=HTMLResponse)
def index(session: ReadSession, municipality: Field = "", region: Field = "", kind: Field = "",
          year: Field = "", q: Field = "", offset: Annotated[int, Query(ge=0, le=10**9)] = 0) -> HTMLResponse:
    f = queries.DocumentFilter(municipality=municipality.strip() or None, region=region.strip() or None,
                               kind=kind if kind in queries.DOCUMENT_KINDS else None, year=_year(year),
                               q=q.strip() or None)
    total, docs = queries.list_documents(session, f, PER_PAGE, offset)
    return render("index.html", title="Документы", docs=docs, total=total, offset=offset, per_page=PER_PAGE,
                  form={"municipality": municipality, "region": region, "kind": kind, "year": year, "q": q})


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document(session: ReadSession, doc_id: Annotated[str, Path(max_length=64)]) -> HTMLResponse:
    row = queries.get_document(session, doc_id)
    if row is None:
        return not_found(f"Документа {doc_id} нет в базе.")
    return render("document.html", title=row.title or row.source, doc=queries.document_detail(session, row))


@router.get("/documents/{doc_id}/{kind}", response_class=HTMLResponse)
def records(session: ReadSession, doc_id: Annotated[str, Path(max_length=64)],
            kind: Annotated[str, Path(max_length=32)],
            offset: Annotated[int, Query(ge=0, le=10**9)] = 0) -> HTMLResponse:
    row = queries.get_document(session, doc_id)
    if row is None or kind not in queries.KINDS:
        return not_found("Нет такого документа или вида записей.")
    k = queries.KINDS[kind]
    total, items = queries.list_records(session, k, queries.RecordFilter(document=doc_id), PER_PAGE, offset)
    return render("records.html", title=f"{k.label}: {row.title or row.source}",
                  doc=queries.document_summary(row), kind=k, items=items, total=total, offset=offset,
                  per_page=PER_PAGE)


def _context(text: str, pages: list[dict[str, int]], item: dict[str, Any]) -> tuple[str, str, str]:
    """The text before, inside and after the record's span: its page's text when that holds the
    span, else a window around it."""
    start, end = item["span"]["start"], item["span"]["end"]
    page = next((p for p in pages if p["number"] == item["span"]["page"]), None)
    if page is not None and page["start"] <= start and end <= page["end"]:
        lo, hi = page["start"], page["end"]
    else:  # no page, or a span the page's text range does not hold (a table run on from a page before)
        lo, hi = max(0, start - CONTEXT_CHARS), min(len(text), end + CONTEXT_CHARS)
    return text[lo:start], text[start:end], text[end:hi]


@router.get("/records/{kind}/{record_id}", response_class=HTMLResponse)
def record(session: ReadSession, kind: Annotated[str, Path(max_length=32)],
           record_id: Annotated[int, Path(ge=1, le=2**62)]) -> HTMLResponse:
    k = queries.KINDS.get(kind)
    item = queries.get_record(session, k, record_id) if k else None
    if item is None:
        return not_found("Нет такой записи.")
    row = queries.get_document(session, item["document_id"])
    assert row is not None  # a record's document exists (foreign key)
    pages = [{"number": p.number, "start": p.start, "end": p.end} for p in row.pages]
    before, hit, after = _context(row.text, pages, item)
    fields = {key: item[key] for key in FIELD_LABELS if item.get(key) not in (None, "", [])}
    return render("record.html", title=item["title"][:120], kind=k, item=item, fields=fields,
                  doc=queries.document_summary(row), before=before, hit=hit, after=after)


@router.get("/search", response_class=HTMLResponse)
def search(session: ReadSession, q: Field = "", document: Field = "") -> HTMLResponse:
    text = q.strip()
    items = queries.search_names(session, text, _doc_id(document), 50) if text else []
    return render("search.html", title="Поиск", q=q, items=items)


def _sum_known(values: Iterable[float | None]) -> float | None:
    """The sum of the amounts there are; None when there are none (lines with no sum)."""
    known = [v for v in values if v is not None]
    return sum(known) if known else None


def _funding(session: Session, document: str, source: str, year: str) -> list[dict[str, Any]]:
    return queries.funding_sums(session, _doc_id(document),
                                source if source in queries.FUNDING_SOURCES else None, _year(year))


@router.get("/funding", response_class=HTMLResponse)
def funding(session: ReadSession, document: Field = "", source: Field = "", year: Field = "") -> HTMLResponse:
    rows = _funding(session, document, source, year)
    years = sorted({r["year"] for r in rows if r["year"] is not None})
    has_periods = any(r["year"] is None for r in rows)
    cells: dict[str, dict[int | None, dict[str, Any]]] = defaultdict(dict)
    for r in rows:
        cells[r["source"]][r["year"]] = r
    table = [{"source": s, "cells": cells[s],
              "total": _sum_known(c["amount_rub"] for c in cells[s].values()),
              "lines": sum(c["lines"] for c in cells[s].values())}
             for s in SOURCE_LABELS if s in cells]
    doc = queries.get_document(session, _doc_id(document)) if _doc_id(document) else None
    return render("funding.html", title="Финансирование", table=table, years=years, has_periods=has_periods,
                  chart=funding_chart(rows), doc=queries.document_summary(doc) if doc else None,
                  form={"document": document, "source": source, "year": year})


@router.get("/funding.svg")
def funding_svg(session: ReadSession, document: Field = "", source: Field = "", year: Field = "") -> Response:
    return Response(funding_chart(_funding(session, document, source, year)), media_type="image/svg+xml")
