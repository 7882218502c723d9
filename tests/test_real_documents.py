"""Golden tests on real documents the rules were never tuned on, scored by the shared scorer.

The documents live in ../shared/corpus/ (an export strategy, two investment declarations, a
registry of planned projects, a scanned road map, a scanned plan of objects); their answer keys
in tests/data/real/ were written by reading the documents themselves, before the pipeline read
them (see the README there for the choices made). Each document is ingested through the command line into a
temporary database and exported, exactly as a user would, and each key is scored with the
functions of ../shared/eval/score.py: records matched one to one by fuzzy name (>= 85), fields of
matched records checked, optional records neither counted when missed nor as false positives.

A document's score is the shared scorer's figure for that document alone: the mean of the
record types' F1 (types with something to find) and the share of field checks passed, averaged.
Issue 8 asks 0.85 of every document. The scans (a road map, a plan of objects) are read by OCR;
they skip where Tesseract is absent and the pipeline stores no text for them. The documents
that miss the line today are marked xfail (FAILING_TODAY) with their before-score.
Run `python -m tests.test_real_documents` for the full report with misses.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from typer.testing import CliRunner

from stratdoc.cli import app

KEYS = Path(__file__).parent / "data" / "real"
MIN_DOCUMENT_SCORE = 0.85
SCAN_REASON = "scanned document stored as no_text: Tesseract (tesseract-ocr, tesseract-ocr-rus) is absent"
RECORD_TYPES = ("directions", "goals", "measures", "indicators", "projects", "organizations", "persons",
                "events")
LIST_FIELDS = ("responsible", "items")
# What fails today, by key (the before-score of issue 8); each mark goes when the fix lands.
# strict=False: a fix elsewhere may turn one green before its mark is removed.
FAILING_TODAY: dict[tuple[str, str], str] = {
    # Before the fixes of issue 8 (keys committed first): export strategy 0.625, Kursk declaration
    # 0.487, KChR declaration 0.823, planned-projects registry 1.000. A document that misses its
    # line again is marked here with its score and cause.
    ("score", "Plan-obektov-23025"): "scanned plan read by OCR, 0.372: all 22 keyed objects found with "
                                     "their customer, but the header «бюджет» under the budget columns is "
                                     "misread, so the funding lines carry no source; the objects of pages "
                                     "5-13 beyond the key count as unexpected",
    ("score", "kchr_roadmap_kadr_standard_2019_scan"): "scanned road map read by OCR, 0.404: measures F1 "
                                                       "0.78 but their numbers and responsible units "
                                                       "mostly missed, 2 of 9 persons of the member list",
}


def cases(test: str) -> list:
    return [pytest.param(stem, marks=pytest.mark.xfail(strict=False, reason=FAILING_TODAY[test, stem]))
            if (test, stem) in FAILING_TODAY else stem for stem in sorted(keys())]


def keys() -> dict[str, dict[str, Any]]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(KEYS.glob("*.json"))}


def load_scorer(shared: Path) -> ModuleType:
    """The shared scorer itself, so the figures here are the ones its command line prints."""
    spec = importlib.util.spec_from_file_location("shared_score", shared / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def document_score(scorer: ModuleType, gold: dict, pred: dict) -> tuple[float, dict[str, dict], list[str]]:
    """The score of one document (score.py's `main` over a gold folder holding only this key),
    the per-type counts and precision/recall/F1, and every miss."""
    totals: dict[str, dict] = {}
    misses: list[str] = []
    scorer.score_document(gold, pred, totals, misses)
    f1s, ok, checks = [], 0, 0
    for rtype, t in totals.items():
        ok += t["ok"]
        checks += t["checks"]
        if rtype in ("document", "funding"):
            continue
        t["precision"], t["recall"], t["f1"] = scorer.prf(t)
        if t["tp"] + t["fn"]:
            f1s.append(t["f1"])
    mean_f1 = sum(f1s) / len(f1s) if f1s else 0.0
    field_accuracy = ok / checks if checks else 0.0
    return (mean_f1 + field_accuracy) / 2, totals, misses


def describe(score: float, totals: dict[str, dict], misses: list[str]) -> str:
    lines = [f"score {score:.3f}"]
    for rtype, t in totals.items():
        prf = f"P {t['precision']:.2f} R {t['recall']:.2f} F1 {t['f1']:.2f} " if "f1" in t else ""
        lines.append(f"  {rtype:<14}{prf}fields {t['ok']}/{t['checks']}")
    return "\n".join(lines + misses)


@pytest.fixture(scope="module")
def exported(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    """Every keyed document ingested into one fresh database and exported, by file name."""
    tmp = tmp_path_factory.mktemp("real")
    db, out = tmp / "real.db", tmp / "export.jsonl"
    files = [str(shared / key["folder"] / key["source"]) for key in keys().values()]
    runner = CliRunner()
    res = runner.invoke(app, ["ingest", *files, "--db", str(db)])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["export", "--format", "jsonl", "-o", str(out), "--db", str(db)])
    assert res.exit_code == 0, res.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {Path(r["document"]["source"]).name: r for r in records}


@pytest.fixture(scope="module")
def scorer(shared: Path) -> ModuleType:
    return load_scorer(shared)


def prediction(exported: dict[str, dict], key: dict) -> dict:
    pred = exported.get(key["source"])
    assert pred is not None, f"{key['source']} is not in the export"
    if key.get("scanned") and pred["document"].get("status") == "no_text":
        pytest.skip(SCAN_REASON)
    return pred


def test_keys_are_well_formed() -> None:
    """Each key names its file, keeps to the shared shape, and spells alternatives so that the
    scorer can use them (an `any_of` inside a list field would never match)."""
    found = keys()
    assert len(found) == 6
    for stem, key in found.items():
        assert Path(key["source"]).stem == stem
        assert key["folder"].startswith("corpus/")
        assert key["document"]["format"] == Path(key["source"]).suffix[1:]
        assert set(key) <= {"source", "folder", "scanned", "document", "funding", *RECORD_TYPES}, stem
        for rtype in RECORD_TYPES:
            for rec in key.get(rtype, []):
                assert rec.get("optional", False) in (True, False), (stem, rec)
                name = rec["text" if rtype == "goals" else "name"]
                for alt in name["any_of"] if isinstance(name, dict) else [name]:
                    assert isinstance(alt, str) and alt.strip(), (stem, rec)
                for field in LIST_FIELDS:
                    assert all(isinstance(item, str) for item in rec.get(field, [])), (stem, rec)
                for value in rec.get("values", []):
                    assert isinstance(value["year"], int), (stem, rec)


@pytest.mark.parametrize("stem", cases("score"))
def test_document_score(stem: str, exported: dict[str, dict], scorer: ModuleType) -> None:
    key = keys()[stem]
    score, totals, misses = document_score(scorer, key, prediction(exported, key))
    assert score >= MIN_DOCUMENT_SCORE, describe(score, totals, misses)


@pytest.mark.parametrize("stem", cases("nothing"))
def test_nothing_where_the_key_lists_nothing(stem: str, exported: dict[str, dict],
                                             scorer: ModuleType) -> None:
    """A type keyed with nothing to find (persons of a strategy whose only names are cited
    authors, say) adds no false positives to the shared score, so they are counted here: every
    record of such a type must be one of the key's optional records."""
    key = keys()[stem]
    pred = prediction(exported, key)
    extra = {}
    for rtype in RECORD_TYPES:
        golds = key.get(rtype)
        if rtype == "organizations" or golds is None or any(not g.get("optional") for g in golds):
            continue
        preds = pred.get(rtype) or []
        matched = {j for _, j in scorer.match(rtype, golds, preds)}
        unexpected = [scorer.key_of(rtype, p) for j, p in enumerate(preds) if j not in matched]
        if unexpected:
            extra[rtype] = unexpected
    assert not extra, extra


def report(shared: Path) -> None:  # pragma: no cover - a report for people, run by hand
    """Ingest, export and print every document's score, its per-type figures and misses."""
    import tempfile

    scorer = load_scorer(shared)
    with tempfile.TemporaryDirectory() as tmp:
        db, out = Path(tmp) / "real.db", Path(tmp) / "export.jsonl"
        runner = CliRunner()
        files = [str(shared / key["folder"] / key["source"]) for key in keys().values()]
        print(runner.invoke(app, ["ingest", *files, "--db", str(db)]).output)
        runner.invoke(app, ["export", "--format", "jsonl", "-o", str(out), "--db", str(db)])
        records = {Path(r["document"]["source"]).name: r
                   for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    for key in keys().values():
        pred = records.get(key["source"], {})
        print(f"== {key['source']} (status {pred.get('document', {}).get('status')})")
        print(describe(*document_score(scorer, key, pred)))


if __name__ == "__main__":
    report(Path(__file__).resolve().parents[1].parent / "shared")
