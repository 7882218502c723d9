"""Golden set for the narrative and metadata extractors: eleven documents written for this test.

Every `tests/data/narrative/<name>.txt` has a hand-made `<name>.json` in the shape of the
shared gold files, written before the extractors ever read the text. The documents imitate the
kinds the pipeline meets (news of strategy sessions and forums, decrees adopting a strategy, a
strategy excerpt, a slide deck, a statistics note with no event or person in it) for towns and
regions that appear nowhere else in the tests, so the figures below measure how the rules
generalize, not how well they fit the seeds. Eight documents came first and the rules were
improved on them; the last three (Novosibirsk, Zainsk, Vologda) were written and scored before
any further change, as a check on the eight.

`tests/data/heldout/` is a second, held-out set of five (news of a strategic session, of
project workshops and, as a saved HTML page, of a forum; a decree adopting a strategy with
numbered clusters; a strategy excerpt with goals, tasks and «Основные мероприятия:» lists), also
written with its gold before the pipeline read it. Before the fixes it prompted, it scored
0.960 with the shared scorer (directions of the numbered clusters, one event name and two
organization names missed); its thresholds are as strict as the first set's.

Records are matched one to one by fuzzy name similarity (the shared scorer's rule: rapidfuzz
ratio or token-sort ratio >= 85 after folding case, quotes and dashes); a gold record marked
`optional` neither counts when missed nor as a false positive when found. Organizations are
scored for recall only: gold lists the ones that must be found.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from rapidfuzz import fuzz

from stratdoc.extract import extract
from stratdoc.ingest import read

DATA = Path(__file__).parent / "data" / "narrative"
HELDOUT = Path(__file__).parent / "data" / "heldout"
PROSE = Path(__file__).parent / "data" / "prose"
# folder → how many documents it holds
SETS = {DATA: 11, HELDOUT: 5, DATA.parent / "news_plain": 9, PROSE: 10, DATA.parent / "directions": 4,
        DATA.parent / "structure": 7}
DOCUMENT_SUFFIXES = (".txt", ".html", ".docx")
THRESHOLD = 85.0
KEYS = {"directions": "name", "goals": "text", "projects": "name", "organizations": "name",
        "persons": "name", "events": "name", "measures": "name"}
RECALL_ONLY = {"organizations"}
# Per-type F1 (organizations: recall) the rules must reach on the set; each sits a little under
# what they reach now, so a change that loses a record or two anywhere in the set shows. Projects
# sit lowest: the slide deck's project lines are not read (shared gold of a deck leaves its slide
# lists out), so three of its projects stay missing on purpose.
MIN_F1 = {"directions": 0.95, "goals": 0.95, "persons": 0.95, "organizations": 0.9, "events": 0.9,
          "projects": 0.8, "measures": 0.95}
MIN_DOCUMENT_ACCURACY = 0.95
MIN_FIELD_ACCURACY = 0.9


def norm(s: Any) -> str:
    if s is None:
        return ""
    s = unicodedata.normalize("NFKC", str(s)).lower().replace("ё", "е")
    s = re.sub(r"[«»“”„\"']", '"', s)
    s = re.sub(r"[‐-―−]", "-", s)
    return " ".join(s.split()).strip(" .,;:")


def sim(a: Any, b: Any) -> float:
    a, b = norm(a), norm(b)
    if not a and not b:
        return 100.0
    if not a or not b:
        return 0.0
    return max(fuzz.token_sort_ratio(a, b), fuzz.ratio(a, b))


def alternatives(value: Any) -> list[Any]:
    return value["any_of"] if isinstance(value, dict) and "any_of" in value else [value]


def value_eq(gold: Any, pred: Any) -> bool:
    for g in alternatives(gold):
        if g is None and pred in (None, "", []):
            return True
        if isinstance(g, int) and not isinstance(g, bool) and pred == g:
            return True
        if g is not None and not isinstance(g, int) and sim(g, pred) >= THRESHOLD:
            return True
    return False


def match(rtype: str, golds: list[dict], preds: list[dict]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching on the key field, best pairs first."""
    key = KEYS[rtype]
    pairs = sorted(((max(sim(alt, p.get(key)) for alt in alternatives(g[key])), i, j)
                    for i, g in enumerate(golds) for j, p in enumerate(preds)), reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for score, i, j in pairs:
        if score >= THRESHOLD and i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j))
    return out


def field_checks(rtype: str, gold: dict, pred: dict) -> list[tuple[str, bool]]:
    """One check per gold field (a list field: one per gold item)."""
    out = []
    for field, want in gold.items():
        if field in ("optional", KEYS[rtype]):
            continue
        got = pred.get(field)
        if field in ("items", "tasks"):
            texts = [t["text"] if isinstance(t, dict) else t for t in want]
            have = [t["text"] if isinstance(t, dict) else t for t in got or []]
            out.extend((f"{field}: {t}", any(sim(t, h) >= THRESHOLD for h in have)) for t in texts)
        else:
            out.append((field, value_eq(want, got)))
    return out


def score(golds: list[dict], preds: list[dict]) -> tuple[dict[str, dict[str, int]], list[str]]:
    """Counts per record type (tp, fp, fn, ok, checks) over the set, and every miss by name."""
    totals: dict[str, dict[str, int]] = {}
    misses: list[str] = []
    for gold, pred in zip(golds, preds, strict=True):
        src = gold["source"]
        doc_t = totals.setdefault("document", {"ok": 0, "checks": 0})
        for field, want in gold["document"].items():
            ok = value_eq(want, pred["document"].get(field))
            doc_t["ok"] += ok
            doc_t["checks"] += 1
            if not ok:
                misses.append(f"{src}: document.{field}: want {want!r}, got {pred['document'].get(field)!r}")
        for rtype in KEYS:
            if rtype not in gold:
                continue
            t = totals.setdefault(rtype, {"tp": 0, "fp": 0, "fn": 0, "ok": 0, "checks": 0})
            g_list, p_list = gold[rtype], pred[rtype]
            pairs = match(rtype, g_list, p_list)
            matched_g, matched_p = {i for i, _ in pairs}, {j for _, j in pairs}
            for i, g in enumerate(g_list):
                if i not in matched_g and not g.get("optional"):
                    t["fn"] += 1
                    misses.append(f"{src}: {rtype}: missing {g[KEYS[rtype]]!r}")
            for i, j in pairs:
                t["tp"] += not g_list[i].get("optional")
                for field, ok in field_checks(rtype, g_list[i], p_list[j]):
                    t["ok"] += ok
                    t["checks"] += 1
                    if not ok:
                        misses.append(f"{src}: {rtype} {p_list[j][KEYS[rtype]]!r}: {field} wrong "
                                      f"(got {p_list[j].get(field.split(':')[0])!r})")
            if rtype in RECALL_ONLY:
                continue
            for j, p in enumerate(p_list):
                if j not in matched_p:
                    t["fp"] += 1
                    misses.append(f"{src}: {rtype}: unexpected {p[KEYS[rtype]]!r}")
    return totals, misses


def f1(t: dict[str, int]) -> float:
    p = t["tp"] / (t["tp"] + t["fp"]) if t["tp"] + t["fp"] else float(not t["fn"])
    r = t["tp"] / (t["tp"] + t["fn"]) if t["tp"] + t["fn"] else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


def predicted(path: Path) -> dict[str, Any]:
    """The export shape of one document: the contract's record lists and document object."""
    doc = read(path)
    ext = extract(doc).model_dump(mode="json")
    ext["document"]["format"] = doc.format.value
    return ext


@pytest.fixture(scope="module", params=sorted(SETS), ids=lambda folder: folder.name)
def golden(request) -> tuple[dict[str, dict[str, int]], list[str], list[dict], list[dict]]:
    folder = request.param
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]
    preds = [predicted(folder / g["source"]) for g in golds]
    totals, misses = score(golds, preds)
    return totals, misses, golds, preds


@pytest.mark.parametrize(("folder", "count"), sorted(SETS.items()), ids=lambda x: getattr(x, "name", str(x)))
def test_every_document_has_its_gold(folder: Path, count: int) -> None:
    texts = sorted(p.name for p in folder.iterdir() if p.suffix in DOCUMENT_SUFFIXES)
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in folder.glob("*.json")]
    assert texts == sorted(g["source"] for g in golds)
    assert len(texts) == count


@pytest.mark.parametrize(("rtype", "minimum"), sorted(MIN_F1.items()))
def test_record_type_f1(golden, rtype: str, minimum: float) -> None:
    totals, misses, _, _ = golden
    t = totals.get(rtype, {"tp": 0, "fp": 0, "fn": 0})
    if rtype in RECALL_ONLY and rtype not in totals:
        pytest.skip(f"the keys of this set list no {rtype}")  # recall of nothing is not 0
    got = f1(t) if rtype not in RECALL_ONLY else t["tp"] / max(1, t["tp"] + t["fn"])
    assert got >= minimum, (f"{rtype}: {got:.2f} < {minimum} ({t})\n"
                            + "\n".join(m for m in misses if f": {rtype}" in m))


def test_document_fields(golden) -> None:
    totals, misses, _, _ = golden
    t = totals["document"]
    assert t["ok"] / t["checks"] >= MIN_DOCUMENT_ACCURACY, "\n".join(m for m in misses if "document." in m)


def test_fields_of_matched_records(golden) -> None:
    totals, misses, _, _ = golden
    ok = sum(t["ok"] for k, t in totals.items() if k != "document")
    checks = sum(t["checks"] for k, t in totals.items() if k != "document")
    assert ok / checks >= MIN_FIELD_ACCURACY, "\n".join(m for m in misses if " wrong " in m)


def test_negative_control_reports_nothing() -> None:
    """A statistics note names streets after people and mentions surveys in passing: none of
    that is a person or an event."""
    pred = predicted(DATA / "news_irkutsk_statistics.txt")
    assert (pred["persons"], pred["events"], pred["directions"], pred["goals"]) == ([], [], [], [])


if __name__ == "__main__":  # a report of the set: python -m tests.test_narrative_golden
    for folder in sorted(SETS):
        golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]
        totals, misses = score(golds, [predicted(folder / g["source"]) for g in golds])
        print(folder.name)
        for rtype, t in totals.items():
            figure = f"F1 {f1(t):.2f}" if "tp" in t else ""
            print(f"{rtype:<14} {figure:<8} {t}")
        print("\n".join(misses))
