"""CSV export for tracking systems: one file per record kind, flat rows keyed by stable ids.

Built from the same contract objects as the JSONL export (`export.iter_records`), so the ids,
values and spans are the ones the JSONL carries. Nested lists become files of their own with
their parent's id: a goal's tasks go to `tasks.csv` with `goal_id`, an indicator's values to
`indicator_values.csv` with `indicator_id`, and every funding line, whether it belongs to a
measure, a project or the document as a whole, to `funding.csv` with `parent_kind` and
`parent_id`. Lists of names (`responsible`, a direction's `items`) are JSON arrays in one cell,
which no name can break, unlike a separator. Files are UTF-8 with a header, empty cell for null.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

SPAN = ("page", "start", "end", "table", "row", "col")

COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": ("id", "source", "format", "kind", "title", "municipality", "region", "act_number",
                  "adopted_on", "amended_on", "published_on", "issuer", "horizon_year", "status", "pages",
                  "pipeline_version"),
    "directions": ("id", "document_id", "name", "kind", "items", *SPAN),
    "goals": ("id", "document_id", "number", "text", *SPAN),
    "tasks": ("id", "document_id", "goal_id", "number", "text"),
    "measures": ("id", "document_id", "number", "name", "goal", "responsible", "expected_result", *SPAN),
    "projects": ("id", "document_id", "name", "object", "period", "status", "section", "responsible",
                 *SPAN),
    "funding": ("id", "document_id", "parent_kind", "parent_id", "source", "year", "year_from", "year_to",
                "scenario", "amount", "unit", "amount_rub", "raw", "note", *SPAN),
    "indicators": ("id", "document_id", "number", "name", "unit", "goal", "responsible", *SPAN),
    "indicator_values": ("id", "document_id", "indicator_id", "year", "value", "kind", "scenario", "note"),
    "organizations": ("id", "document_id", "name", "mentions", *SPAN),
    "persons": ("id", "document_id", "name", "position", "organization", *SPAN),
    "events": ("id", "document_id", "name", "kind", "date_from", "date_to", "place", *SPAN),
}
"""File name (without `.csv`) → its columns, in order."""


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def _flat(item: dict[str, Any], **extra: Any) -> dict[str, Any]:
    row = {k: v for k, v in item.items() if k != "span"}
    row.update((k, v) for k, v in (item.get("span") or {}).items())
    row.update(extra)
    return row


def flatten(rec: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The rows one contract object contributes to each file."""
    doc_id = rec["document"]["id"]
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in COLUMNS}
    rows["documents"].append(dict(rec["document"]))

    def funding(lines: list[dict[str, Any]], parent_kind: str, parent_id: str) -> None:
        rows["funding"].extend(_flat(f, document_id=doc_id, parent_kind=parent_kind, parent_id=parent_id)
                               for f in lines)

    for kind in ("directions", "organizations", "persons", "events"):
        rows[kind].extend(_flat(r, document_id=doc_id) for r in rec[kind])
    for g in rec["goals"]:
        rows["goals"].append(_flat(g, document_id=doc_id))
        rows["tasks"].extend(dict(t, document_id=doc_id, goal_id=g["id"]) for t in g["tasks"])
    for kind, parent_kind in (("measures", "measure"), ("projects", "project")):
        for r in rec[kind]:
            rows[kind].append(_flat(r, document_id=doc_id))
            funding(r["funding"], parent_kind, r["id"])
    funding(rec["funding"], "document", doc_id)
    for ind in rec["indicators"]:
        rows["indicators"].append(_flat(ind, document_id=doc_id))
        rows["indicator_values"].extend(dict(v, document_id=doc_id, indicator_id=ind["id"])
                                        for v in ind["values"])
    return rows


def write_csv_dir(records: Iterable[dict[str, Any]], out_dir: Path) -> dict[str, int]:
    """Write one CSV per record kind into `out_dir`; returns rows written per file."""
    out_dir.mkdir(parents=True, exist_ok=True)
    counts = dict.fromkeys(COLUMNS, 0)
    handles = {name: (out_dir / f"{name}.csv").open("w", encoding="utf-8", newline="") for name in COLUMNS}
    try:
        writers = {name: csv.writer(fh) for name, fh in handles.items()}
        for name, w in writers.items():
            w.writerow(COLUMNS[name])
        for rec in records:
            for name, rows in flatten(rec).items():
                cols = COLUMNS[name]
                for row in rows:
                    writers[name].writerow([_cell(row.get(c)) for c in cols])
                counts[name] += len(rows)
    finally:
        for fh in handles.values():
            fh.close()
    return counts
