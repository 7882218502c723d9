"""Recall of RuREBus institutions (INST) by the organization finder, and its speed.

    .venv/bin/python benchmarks/rurebus_orgs.py [--corpus ../shared/corpus/rurebus/train] [--limit N]

An INST entity counts as found when any organization mention overlaps it. RuREBus marks
generic bodies too («органов местного самоуправления», «организаций»), which the finder
leaves out on purpose (they name no organization), so the recall of named bodies (INST
with a capital letter or a quote) is printed as well. Speed: characters per second of
the whole people/organizations/events pass, on each file and on all files joined into
one large text.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.rurebus import DEFAULT_CORPUS, Entity, read_entities  # noqa: E402
from stratdoc.extract.entities import extract_people_orgs_events  # noqa: E402
from stratdoc.extract.entities.narrative import document_to_narrative  # noqa: E402
from stratdoc.extract.entities.organizations import organization_mentions  # noqa: E402
from stratdoc.extract.nlp import shared  # noqa: E402
from stratdoc.schema import Document, Format  # noqa: E402


def read_inst(ann: Path) -> list[Entity]:
    return [e for e in read_entities(ann) if e.label == "INST" and e.pieces == 1]


def text_to_document(name: str, text: str) -> Document:
    """The .txt as is: .ann offsets point into it, so no reader may reflow it."""
    return Document(id=name, source=name, format=Format.TXT, text=text)


def is_named(e: Entity) -> bool:
    return any(c.isupper() for c in e.text) or any(q in e.text for q in "«\"")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=0, help="only the first N files")
    ap.add_argument("--misses", type=int, default=0, help="print up to N missed named INST")
    args = ap.parse_args(argv)
    files = sorted(args.corpus.rglob("*.txt"))
    if args.limit:
        files = files[: args.limit]
    if not files:
        print(f"no .txt files under {args.corpus}", file=sys.stderr)
        return 1

    total = found = named = named_found = n_mentions = on_inst = chars = 0
    seconds = 0.0
    misses: list[str] = []
    texts = []
    nlp = shared()
    for path in files:
        text = path.read_text(encoding="utf-8")
        texts.append(text)
        gold = read_inst(path.with_suffix(".ann"))
        t0 = time.perf_counter()
        mentions = organization_mentions(document_to_narrative(text_to_document(path.name, text), nlp), nlp)
        seconds += time.perf_counter() - t0
        chars += len(text)
        n_mentions += len(mentions)
        on_inst += sum(any(m.start < e.end and e.start < m.end for e in gold) for m in mentions)
        for e in gold:
            hit = any(m.start < e.end and e.start < m.end for m in mentions)
            total += 1
            found += hit
            if is_named(e):
                named += 1
                named_found += hit
                if not hit and len(misses) < args.misses:
                    misses.append(e.text)

    print(f"files {len(files)}, characters {chars:,}")
    print(f"INST recall (overlap)        {found / total:.3f}  ({found}/{total})")
    print(f"named INST recall (overlap)  {named_found / named:.3f}  ({named_found}/{named})")
    print(f"mentions overlapping an INST {on_inst / n_mentions:.3f}  ({on_inst}/{n_mentions})")
    print(f"organization finder          {chars / seconds:,.0f} chars/s (NER pass included)")

    big = "\n\n".join(texts)
    t0 = time.perf_counter()
    result = extract_people_orgs_events(text_to_document("joined", big), nlp=nlp)
    dt = time.perf_counter() - t0
    print(f"people+orgs+events, one text of {len(big):,} chars: {dt:.1f} s, {len(big) / dt:,.0f} chars/s "
          f"({len(result.persons)} persons, {len(result.organizations)} organizations, "
          f"{len(result.events)} events)")
    for text in misses:
        print("  missed:", " ".join(text.split()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
