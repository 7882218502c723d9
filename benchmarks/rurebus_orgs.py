"""Recall of RuREBus institutions (INST) among the organizations stratdoc exports, and its speed.

    .venv/bin/python benchmarks/rurebus_orgs.py [--corpus ../shared/corpus/rurebus/train] [--limit N]
        [--half tune|held-out|both] [--misses N] [--no-joined]

The measure (issue 8, class 10): of the distinct INST strings of a text (lower case, spaces
collapsed, ё as е, counted once per text), the share found among the organization names the
entities pass exports for that text. A string counts as found when every word of it, cut to a
5-letter stem, is a word stem of one exported name. Words are runs of letters and digits
(punctuation and quotes are no words, a hyphen splits «жилищно-коммунального»); one- and
two-letter words in lower case («и», «по», «в», «с») are left out, abbreviations in capitals
(«РК», «РФ») stay. The 5-letter cut is literal: «думы» and «дума», «края» and «край» are two
stems, so a short word in an oblique case is missed even where the nominative name holds it; a
second figure reads short words by their stem less the ending (two words match when they agree
on their first min(5, len − 1) letters, at least three; shorter words only as a whole).

Texts named `…_part_N` are chunks of one source document, so the train part is split by source
document into two halves (sorted source names, alternately): rules are tuned on the first
(`tune`) and the second (`held-out`) shows whether they generalise. Each half is printed.

Printed as well: the share of the finder's organization mentions that overlap an INST span
(precision of a sort: RuREBus does not mark every organization), the overlap recall of INST
spans, the same for named INST (a capital letter or a quote), and speed: characters per
second of the organization pass on each file, and of the people/organizations/events pass on
all files joined into one large text.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.rurebus import DEFAULT_CORPUS, Entity, read_entities  # noqa: E402
from stratdoc.extract.entities import extract_people_orgs_events  # noqa: E402
from stratdoc.extract.entities.narrative import document_to_narrative  # noqa: E402
from stratdoc.extract.entities.organizations import mentions_to_organizations, organization_mentions  # noqa: E402
from stratdoc.extract.nlp import shared  # noqa: E402
from stratdoc.schema import Document, Format  # noqa: E402

STEM_LETTERS = 5
MIN_LOWER_WORD = 3  # shorter lower-case words are prepositions and conjunctions
WORD = re.compile(r"[^\W_]+")
PART = re.compile(r"_part_\d+$")
HALVES = ("tune", "held-out")


def read_inst(ann: Path) -> list[Entity]:
    return [e for e in read_entities(ann) if e.label == "INST" and e.pieces == 1]


def text_to_document(name: str, text: str) -> Document:
    """The .txt as is: .ann offsets point into it, so no reader may reflow it."""
    return Document(id=name, source=name, format=Format.TXT, text=text)


def is_named(e: Entity) -> bool:
    return any(c.isupper() for c in e.text) or any(q in e.text for q in "«\"")


def words(text: str) -> list[str]:
    """The phrase's words, lower case, ё as е; short lower-case words left out."""
    return [w.lower().replace("ё", "е") for w in WORD.findall(text)
            if len(w) >= MIN_LOWER_WORD or w.isupper()]


def word_stems(text: str) -> frozenset[str]:
    """5-letter stems of a phrase's words (see the module docstring for what is a word)."""
    return frozenset(w[:STEM_LETTERS] for w in words(text))


def words_match(a: str, b: str) -> bool:
    """Short words by their stem less the ending: «думы» ~ «дума», «фонда» ~ «фонд»."""
    k = min(STEM_LETTERS, len(a) - 1, len(b) - 1)
    return a == b or k >= MIN_LOWER_WORD and a[:k] == b[:k]


def is_found_short(inst: str, names: list[list[str]]) -> bool:
    want = words(inst)
    return bool(want) and any(all(any(words_match(w, n) for n in have) for w in want) for have in names)


def distinct_key(text: str) -> str:
    return " ".join(text.lower().replace("ё", "е").split())


def is_found(inst: str, names: list[frozenset[str]]) -> bool:
    want = word_stems(inst)
    return bool(want) and any(want <= have for have in names)


def half_of(path: Path, sources: list[str]) -> str:
    return HALVES[sources.index(PART.sub("", path.stem)) % 2]


@dataclass
class Tally:
    distinct: int = 0
    distinct_found: int = 0
    distinct_found_short: int = 0
    spans: int = 0
    spans_found: int = 0
    named: int = 0
    named_found: int = 0
    mentions: int = 0
    on_inst: int = 0
    chars: int = 0
    seconds: float = 0.0
    misses: Counter[str] = field(default_factory=Counter)

    def report(self, title: str) -> None:
        def share(a: int, b: int) -> str:
            return f"{a / b:.3f}  ({a}/{b})" if b else "-"
        print(f"[{title}] characters {self.chars:,}")
        print(f"  distinct INST found among organizations  {share(self.distinct_found, self.distinct)}")
        print(f"    short words less their ending          {share(self.distinct_found_short, self.distinct)}")
        print(f"  mentions overlapping an INST             {share(self.on_inst, self.mentions)}")
        print(f"  INST spans overlapped by a mention       {share(self.spans_found, self.spans)}")
        print(f"  named INST spans overlapped              {share(self.named_found, self.named)}")
        if self.seconds:
            print(f"  organization pass                        {self.chars / self.seconds:,.0f} chars/s "
                  "(NER included)")


def score_file(path: Path, tally: Tally, nlp) -> str:  # noqa: ANN001
    text = path.read_text(encoding="utf-8")
    gold = read_inst(path.with_suffix(".ann"))
    t0 = time.perf_counter()
    nv = document_to_narrative(text_to_document(path.name, text), nlp)
    mentions = organization_mentions(nv, nlp)
    orgs = mentions_to_organizations(nv, mentions, nlp)
    tally.seconds += time.perf_counter() - t0
    tally.chars += len(text)
    names = [word_stems(o.name) for o in orgs]
    name_words = [words(o.name) for o in orgs]
    strings = {distinct_key(e.text): e.text for e in gold}
    for key, inst in strings.items():
        if not word_stems(inst):
            continue
        tally.distinct += 1
        tally.distinct_found_short += is_found_short(inst, name_words)
        if is_found(inst, names):
            tally.distinct_found += 1
        else:
            tally.misses[key] += 1
    tally.mentions += len(mentions)
    tally.on_inst += sum(any(m.start < e.end and e.start < m.end for e in gold) for m in mentions)
    for e in gold:
        hit = any(m.start < e.end and e.start < m.end for m in mentions)
        tally.spans += 1
        tally.spans_found += hit
        if is_named(e):
            tally.named += 1
            tally.named_found += hit
    return text


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=0, help="only the first N files of each half")
    ap.add_argument("--half", choices=(*HALVES, "both"), default="both")
    ap.add_argument("--misses", type=int, default=0, help="print the N most frequent missed INST strings")
    ap.add_argument("--no-joined", action="store_true", help="skip the speed run over one joined text")
    args = ap.parse_args(argv)
    files = sorted(args.corpus.rglob("*.txt"))
    if not files:
        print(f"no .txt files under {args.corpus}", file=sys.stderr)
        return 1
    sources = sorted({PART.sub("", p.stem) for p in files})
    by_half = {h: [p for p in files if half_of(p, sources) == h] for h in HALVES}
    if args.limit:
        by_half = {h: ps[: args.limit] for h, ps in by_half.items()}
    halves = HALVES if args.half == "both" else (args.half,)

    nlp = shared()
    texts: list[str] = []
    tallies = {}
    for h in halves:
        tallies[h] = Tally()
        for path in by_half[h]:
            texts.append(score_file(path, tallies[h], nlp))
    print(f"files {sum(len(by_half[h]) for h in halves)} of {len(files)} "
          f"({len(sources)} source documents split into halves by source)")
    for h in halves:
        tallies[h].report(f"{h}: {len(by_half[h])} files")
        for key, n in tallies[h].misses.most_common(args.misses):
            print(f"    missed {n:3d}  {key}")

    if not args.no_joined:
        big = "\n\n".join(texts)
        t0 = time.perf_counter()
        result = extract_people_orgs_events(text_to_document("joined", big), nlp=nlp)
        dt = time.perf_counter() - t0
        print(f"people+orgs+events, one text of {len(big):,} chars: {dt:.1f} s, {len(big) / dt:,.0f} chars/s "
              f"({len(result.persons)} persons, {len(result.organizations)} organizations, "
              f"{len(result.events)} events)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
