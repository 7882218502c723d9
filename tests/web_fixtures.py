"""What the HTTP app tests share: a store with two samples ingested by the command-line path,
and the bearer token."""

from __future__ import annotations

from pathlib import Path

from stratdoc.pipeline import ingest_paths

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
TOKEN = "test-token"
PDF_PLAN = SAMPLES / "plan-meropriyatiy.pdf"  # measures on pages 1 and 2
TXT_PLAN = SAMPLES / "plan-cp1251.txt"


def build_store(db: Path) -> Path:
    report = ingest_paths([PDF_PLAN, TXT_PLAN], db, jobs=1)
    assert report.ok, [r.line() for r in report.results]
    return db


def auth(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
