"""The structure set (tests/data/structure/, keys explained in its README.md), scored strictly.

The shared scorer checks a goal's tasks and a direction's items only for what the key lists, so
a task list copied under every goal of a list, or subprogrammes read as sub-directions, cost
nothing there. Here every record list and every list field is compared both ways: a record or a
listed text the key does not hold counts against the rules as much as one it misses.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.structure_corpus import DATA, DOCUMENTS, spec_to_docx
from tests.test_narrative_golden import THRESHOLD, predicted, sim

KEYS = {"directions": "name", "goals": "text", "measures": "name", "indicators": "name"}
LIST_FIELDS = {"directions": "items", "goals": "tasks"}
# Per-type F1 and the share of field checks passed that the rules must reach on the set.
MIN_F1 = 0.95
MIN_FIELDS = 0.95


def _text(x: Any) -> str:
    return x["text"] if isinstance(x, dict) else x


def _pairs(key: str, golds: list[dict], preds: list[dict]) -> list[tuple[int, int]]:
    scored = sorted(((sim(g[key], p.get(key)), i, j) for i, g in enumerate(golds)
                     for j, p in enumerate(preds)), reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for s, i, j in scored:
        if s >= THRESHOLD and i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j))
    return out


def _fields(rtype: str, gold: dict, pred: dict) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    listed = LIST_FIELDS.get(rtype)
    if listed:
        want = [_text(t) for t in gold.get(listed, [])]
        got = [_text(t) for t in pred.get(listed) or []]
        out += [(f"{listed} missing {w!r}", any(sim(w, h) >= THRESHOLD for h in got)) for w in want]
        out += [(f"{listed} unexpected {h!r}", any(sim(w, h) >= THRESHOLD for w in want)) for h in got]
    if rtype == "measures" and "goal" in gold:
        out.append((f"goal {pred.get('goal')!r}", gold["goal"] == pred.get("goal")))
    if rtype == "indicators":
        out.append((f"unit {pred.get('unit')!r}", sim(gold["unit"], pred.get("unit")) >= THRESHOLD))
        values = {(v["year"], v["value"]) for v in pred.get("values") or []}
        out += [(f"value {v['year']}: {v['value']}", (v["year"], v["value"]) in values)
                for v in gold["values"]]
    return out


def score_set() -> tuple[dict[str, dict[str, int]], list[str]]:
    """tp/fp/fn per record type and ok/checks over the fields, with every miss by name."""
    totals = {r: {"tp": 0, "fp": 0, "fn": 0} for r in KEYS} | {"fields": {"ok": 0, "checks": 0}}
    misses: list[str] = []
    for path in sorted(DATA.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        pred = predicted(DATA / gold["source"])
        for rtype, key in KEYS.items():
            golds, preds = gold[rtype], pred[rtype]
            pairs = _pairs(key, golds, preds)
            t = totals[rtype]
            t["tp"] += len(pairs)
            t["fn"] += len(golds) - len(pairs)
            t["fp"] += len(preds) - len(pairs)
            misses += [f"{gold['source']}: {rtype}: missing {g[key]!r}"
                       for i, g in enumerate(golds) if i not in {a for a, _ in pairs}]
            misses += [f"{gold['source']}: {rtype}: unexpected {p[key]!r}"
                       for j, p in enumerate(preds) if j not in {b for _, b in pairs}]
            for i, j in pairs:
                for what, ok in _fields(rtype, golds[i], preds[j]):
                    totals["fields"]["ok"] += ok
                    totals["fields"]["checks"] += 1
                    if not ok:
                        misses.append(f"{gold['source']}: {rtype} {golds[i][key]!r}: {what}")
    return totals, misses


def f1(t: dict[str, int]) -> float:
    if not t["tp"]:
        return float(not t["fp"] and not t["fn"])
    p, r = t["tp"] / (t["tp"] + t["fp"]), t["tp"] / (t["tp"] + t["fn"])
    return 2 * p * r / (p + r)


@pytest.fixture(scope="module")
def scored() -> tuple[dict[str, dict[str, int]], list[str]]:
    return score_set()


def test_stored_documents_are_the_corpus_as_built() -> None:
    """tests/data/structure/*.docx are `tests.structure_corpus` as built: edit the corpus, not the files."""
    for name, spec in DOCUMENTS.items():
        assert (DATA / name).read_bytes() == spec_to_docx(spec), name


def test_every_document_has_its_key() -> None:
    texts = sorted(p.name for p in DATA.iterdir() if p.suffix in (".txt", ".docx"))
    keys = sorted(json.loads(p.read_text(encoding="utf-8"))["source"] for p in DATA.glob("*.json"))
    assert texts == keys and len(texts) == 7


@pytest.mark.parametrize("rtype", list(KEYS))
def test_record_type_f1(scored, rtype: str) -> None:
    totals, misses = scored
    assert f1(totals[rtype]) >= MIN_F1, "\n".join(m for m in misses if f": {rtype}" in m)


def test_fields_of_matched_records(scored) -> None:
    totals, misses = scored
    t = totals["fields"]
    assert t["ok"] / t["checks"] >= MIN_FIELDS, "\n".join(m for m in misses if ": " in m and " '" in m)


if __name__ == "__main__":  # a report of the set: python -m tests.test_structure_set
    found, missed = score_set()
    for rtype, t in found.items():
        figure = f"F1 {f1(t):.3f}" if "tp" in t else f"{t['ok'] / t['checks']:.3f}"
        print(f"{rtype:<12} {figure:<10} {t}")
    print("\n".join(missed))
