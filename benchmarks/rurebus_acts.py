"""Recall of RuREBus measures and programmes (ACT) by the text extractors, and their speed.

    .venv/bin/python benchmarks/rurebus_acts.py [--corpus ../shared/corpus/rurebus/train] [--limit N]

Each .txt goes through the real plain-text reader, which joins wrapped lines and folds
spaces, so every record span is carried back to the original text by aligning the two
texts' non-space characters; an ACT entity counts as found when a record's span overlaps it.

Measures-like records are text measures (lists under «Мероприятия:») and the goals, tasks and
directions the narrative extractors find; projects are the text projects. RuREBus marks any
action phrase as ACT («профилактика коррупции», «мер ответственности»), most of them inside
running sentences where no list or name announces them, so recall is low by design; the share
of records that overlap an ACT (or any entity) tells whether what is found is on target.
Speed: characters per second of the narrative extractors (reading and model loading excluded).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.rurebus import DEFAULT_CORPUS, Entity, read_entities  # noqa: E402
from stratdoc.extract.nlp import Nlp, shared  # noqa: E402
from stratdoc.extract.text.directions import extract_directions  # noqa: E402
from stratdoc.extract.text.goals import extract_goals  # noqa: E402
from stratdoc.extract.text.measures import extract_text_measures  # noqa: E402
from stratdoc.extract.text.projects import extract_text_projects  # noqa: E402
from stratdoc.ingest import read_bytes  # noqa: E402
from stratdoc.schema import Document  # noqa: E402


def align(ours: str, original: str) -> list[int]:
    """For each offset of `ours` (and its end), the offset in `original` of the same character.

    The reader only drops or folds whitespace, so non-space characters match in order; a
    character that cannot be matched nearby keeps the last position instead of derailing.
    """
    out = [0] * (len(ours) + 1)
    j = 0
    for i, ch in enumerate(ours):
        if not ch.isspace():
            k = original.find(ch, j, j + 200)
            if k >= 0:
                j = k
        out[i] = j
        if not ch.isspace() and original[j:j + 1] == ch:
            j += 1
    out[len(ours)] = j
    return out


def spans_of(records: list) -> list[tuple[int, int]]:
    return [(r.span.start, r.span.end) for r in records]


def measures_like(doc: Document, nlp: Nlp) -> list[tuple[int, int]]:
    return (spans_of(extract_text_measures(doc, nlp)) + spans_of(extract_goals(doc, nlp))
            + spans_of(extract_directions(doc, nlp)))


def projects(doc: Document, nlp: Nlp) -> list[tuple[int, int]]:
    return spans_of(extract_text_projects(doc, nlp))


EXTRACTORS: dict[str, Callable[[Document, Nlp], list[tuple[int, int]]]] = {
    "measures-like": measures_like,
    "projects": projects,
}


def overlaps(span: tuple[int, int], e: Entity) -> bool:
    return span[0] < e.end and e.start < span[1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=0, help="only the first N files")
    ap.add_argument("--show", type=int, default=0, help="print up to N records of each extractor")
    args = ap.parse_args(argv)
    files = sorted(args.corpus.rglob("*.txt"))
    if args.limit:
        files = files[: args.limit]
    if not files:
        print(f"no .txt files under {args.corpus}", file=sys.stderr)
        return 1

    nlp = shared().load_all()  # loaded once per process; not part of the speed figure
    acts = chars = 0
    hit = {name: 0 for name in EXTRACTORS}
    any_hit = 0
    n_records = {name: 0 for name in EXTRACTORS}
    on_act = {name: 0 for name in EXTRACTORS}
    on_entity = {name: 0 for name in EXTRACTORS}
    seconds = 0.0
    shown: dict[str, list[str]] = {name: [] for name in EXTRACTORS}
    for path in files:
        data = path.read_bytes()
        original = data.decode("utf-8")
        doc = read_bytes(path, data)
        to_original = align(doc.text, original)
        entities = read_entities(path.with_suffix(".ann"))
        act = [e for e in entities if e.label == "ACT"]
        chars += len(original)
        acts += len(act)
        found_any: set[int] = set()
        for name, extractor in EXTRACTORS.items():
            t0 = time.perf_counter()
            spans = extractor(doc, nlp)
            seconds += time.perf_counter() - t0
            spans = [(to_original[s], to_original[e]) for s, e in spans]
            n_records[name] += len(spans)
            on_act[name] += sum(any(overlaps(s, e) for e in act) for s in spans)
            on_entity[name] += sum(any(overlaps(s, e) for e in entities) for s in spans)
            found = {k for k, e in enumerate(act) if any(overlaps(s, e) for s in spans)}
            hit[name] += len(found)
            found_any |= found
            for s, e in spans[: max(0, args.show - len(shown[name]))]:
                shown[name].append(" ".join(original[s:e].split())[:100])
        any_hit += len(found_any)

    print(f"files {len(files)}, characters {chars:,}, ACT entities {acts:,}")
    for name in EXTRACTORS:
        n = n_records[name] or 1
        print(f"{name:<14} ACT recall {hit[name] / acts:.3f} ({hit[name]}/{acts}); "
              f"records {n_records[name]:,}, overlapping an ACT {on_act[name] / n:.2f}, "
              f"any entity {on_entity[name] / n:.2f}")
    print(f"{'together':<14} ACT recall {any_hit / acts:.3f} ({any_hit}/{acts})")
    print(f"narrative extractors: {chars / seconds:,.0f} chars/s "
          f"({seconds:.1f} s, reading and model loading excluded)")
    for name, texts in shown.items():
        for text in texts:
            print(f"  {name}: {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
