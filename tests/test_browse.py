"""The browse page in a real headless Chromium (Debian's `chromium`, driven by playwright):
upload a sample through the page, open its measures, open one, and check that the highlighted
text is the record's source text and the page shown is the page its span lies on."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy.orm import Session

from stratdoc.store import models as db
from stratdoc.store.session import open_engine
from stratdoc.web import create_app
from tests.web_fixtures import PDF_PLAN, TOKEN

CHROMIUM = os.environ.get("STRATDOC_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


def _printed_on(pdf: Path, name: str) -> int:
    """The page of the PDF whose printed text holds the start of `name`, read by pdfplumber
    straight from the file, not from the store."""
    import pdfplumber

    words = " ".join(name.split()[:2])  # a wrapped cell keeps only its first line together
    with pdfplumber.open(pdf) as doc:
        texts = [" ".join((pg.extract_text() or "").split()) for pg in doc.pages]
    found = [i for i, text in enumerate(texts, 1) if words in text]
    assert len(found) == 1, (words, found)
    return found[0]


def _playwright():  # noqa: ANN202 (the module, imported only when the test runs)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install playwright; no browser download needed)")
    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip("no chromium binary (apt-get install chromium, or set STRATDOC_CHROMIUM)")
    return sync_playwright


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """The app on a real socket, served by uvicorn in a thread."""
    import uvicorn

    store = tmp_path / "browse.db"
    app = create_app(store, token=TOKEN, spool_dir=tmp_path / "spool")
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started
    yield f"http://127.0.0.1:{port}", store
    srv.should_exit = True
    thread.join(timeout=30)
    sock.close()


def test_upload_open_a_measure_and_see_its_span(server: tuple[str, Path], tmp_path: Path) -> None:
    sync_playwright = _playwright()
    base, store = server
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                    args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(f"{base}/browse")
            page.set_input_files("#upload-files", str(PDF_PLAN))
            page.fill("#upload-token", TOKEN)
            page.click("#upload-form button[type=submit]")
            page.wait_for_selector("#upload-status li[data-status=ingested] a.uploaded", timeout=90_000)
            page.click("#upload-status a.uploaded")
            page.click("a.kind[data-kind=measures]")
            links = page.locator("#records a.record")
            assert links.count() > 1
            links.last.click()  # the last measure of the plan: its table continues on page 2
            page.wait_for_selector("mark#hl")
            record_id = int(page.url.rstrip("/").rsplit("/", 1)[1])
            shown_text = page.text_content("mark#hl")
            shown_page = page.text_content("#page")
            page.screenshot(path=str(tmp_path / "record.png"), full_page=True)

            page.fill("header form.search input[name=q]", shown_text.split()[1][:6])
            page.press("header form.search input[name=q]", "Enter")
            assert page.locator("#results a.record").count() >= 1
            page.goto(f"{base}/browse/funding")
            assert page.locator("figure.chart svg rect.bar").count() > 0
            assert page.locator("#funding tbody tr[data-source]").count() > 0
        finally:
            browser.close()

    api = httpx.get(f"{base}/records/measures/{record_id}").json()
    assert shown_text == api["source_text"]
    with Session(open_engine(store)) as s:
        measure = s.get(db.MeasureRow, record_id)
        doc = s.get(db.DocumentRow, measure.document_id)
        assert shown_text == doc.text[measure.start:measure.end] != ""
    assert shown_page == str(api["span"]["page"]) == str(_printed_on(PDF_PLAN, measure.name))
    assert (tmp_path / "record.png").stat().st_size > 10_000
