"""The browse pages as HTML, without a browser: what they show against the store, escaping,
and no reference to anything outside the app (no CDN)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import lxml.html
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from stratdoc.store import models as db
from stratdoc.store.session import open_engine
from stratdoc.web import create_app
from tests.web_fixtures import PDF_PLAN, TOKEN, TXT_PLAN, build_store


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("pages") / "store.db")


@pytest.fixture(scope="module")
def client(store: Path) -> Iterator[TestClient]:
    with TestClient(create_app(store, token=TOKEN)) as c:
        yield c


@pytest.fixture(scope="module")
def rows(store: Path) -> Iterator[Session]:
    with Session(open_engine(store)) as session:
        yield session


def html(client: TestClient, url: str, status: int = 200) -> lxml.html.HtmlElement:
    r = client.get(url)
    assert r.status_code == status, (url, r.text[:300])
    assert r.headers["content-type"].startswith("text/html")
    return lxml.html.fromstring(r.text)


def test_index_lists_documents_and_tolerates_bad_form_values(client: TestClient, rows: Session) -> None:
    sources = {d.source for d in rows.scalars(select(db.DocumentRow))}
    page = html(client, "/browse")
    assert page.get("lang") == "ru"
    assert {td.text for td in page.xpath("//table[@id='documents']//tr/td[2]")} == sources
    page = html(client, "/browse?year=abc&kind=nonsense&municipality=")
    assert int(page.get_element_by_id("total").text) == len(sources)


@pytest.mark.parametrize("source", [PDF_PLAN.name, TXT_PLAN.name])
def test_record_page_marks_the_span_and_shows_the_page(client: TestClient, rows: Session,
                                                       source: str) -> None:
    doc = rows.scalar(select(db.DocumentRow).where(db.DocumentRow.source == source))
    listing = html(client, f"/browse/documents/{doc.id}/measures")
    links = listing.xpath("//table[@id='records']//a[@class='record']/@href")
    measures = list(rows.scalars(select(db.MeasureRow).where(db.MeasureRow.document_id == doc.id)
                                 .order_by(db.MeasureRow.idx)))
    assert links == [f"/browse/records/measures/{m.id}" for m in measures]
    for m in (measures[0], measures[-1]):
        page = html(client, f"/browse/records/measures/{m.id}")
        assert page.get_element_by_id("hl").text_content() == doc.text[m.start:m.end]
        assert page.get_element_by_id("page").text_content() == (str(m.page) if m.page else "—")
        source_text = page.get_element_by_id("source").text_content()
        assert doc.text[m.start:m.end] in source_text and source_text in doc.text


def test_funding_table_and_chart_show_the_sums(client: TestClient) -> None:
    summary = client.get("/funding/summary").json()["rows"]
    page = html(client, "/browse/funding")
    table_rows = page.xpath("//table[@id='funding']/tbody/tr[@data-source]")
    assert {tr.get("data-source") for tr in table_rows} == {r["source"] for r in summary}
    for tr in table_rows:
        amounts = [r["amount_rub"] for r in summary if r["source"] == tr.get("data-source")]
        shown = tr.xpath("td[contains(@class, 'total')]")[0].text.replace("\u00a0", "").replace(",", ".")
        if all(a is None for a in amounts):  # lines that name a source but no sum
            assert shown == "—"
        else:
            assert float(shown) == pytest.approx(sum(a or 0 for a in amounts) / 1e6, abs=0.05)
    bars = page.xpath("//figure//*[local-name()='rect'][@class='bar']")
    assert len(bars) == sum(1 for r in summary if r["year"] is not None and (r["amount_rub"] or 0) > 0)
    svg = client.get("/browse/funding.svg", params={"source": "federal"})
    assert svg.headers["content-type"].startswith("image/svg+xml")
    assert 'data-source="federal"' in svg.text and 'data-source="regional"' not in svg.text


def test_search_finds_records_by_name(client: TestClient, rows: Session) -> None:
    m = rows.scalars(select(db.MeasureRow)).first()
    word = m.name.split()[0].upper()
    page = html(client, f"/browse/search?q={word}")
    hrefs = page.xpath("//table[@id='results']//a/@href")
    assert f"/browse/records/measures/{m.id}" in hrefs


def test_pages_escape_what_they_echo(client: TestClient) -> None:
    r = client.get("/browse/search", params={"q": '"><script>alert(1)</script>'})
    assert r.status_code == 200 and "<script>alert(1)" not in r.text
    r = client.get("/browse", params={"q": "<b>x</b>"})
    assert "<b>x</b>" not in r.text and "&lt;b&gt;x&lt;/b&gt;" in r.text


def test_unknown_things_are_404_pages(client: TestClient) -> None:
    html(client, "/browse/documents/" + "0" * 64, 404)
    html(client, "/browse/records/measures/999999", 404)
    html(client, "/browse/records/nonsense/1", 404)


def test_pages_need_nothing_outside_the_app(client: TestClient, rows: Session) -> None:
    doc = rows.scalar(select(db.DocumentRow).where(db.DocumentRow.source == PDF_PLAN.name))
    m = rows.scalars(select(db.MeasureRow).where(db.MeasureRow.document_id == doc.id)).first()
    for url in ("/browse", f"/browse/documents/{doc.id}", f"/browse/records/measures/{m.id}",
                "/browse/funding", "/browse/search?q=a"):
        page = html(client, url)
        refs = page.xpath("//@src | //link/@href | //a/@href | //form/@action")
        assert refs and all(ref.startswith(("/", "?", "#")) for ref in refs), url
        for ref in page.xpath("//script/@src | //link/@href"):
            assert client.get(ref).status_code == 200
