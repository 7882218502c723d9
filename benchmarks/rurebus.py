"""Reading the RuREBus brat files (../shared/corpus/rurebus/train): `.ann` entities whose
end-exclusive offsets point into the `.txt` beside them. Shared by the rurebus_* benchmarks."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "rurebus" / "train"


@dataclass(frozen=True)
class Entity:
    label: str
    start: int
    end: int
    text: str
    pieces: int = 1  # a discontinuous entity («A 1 5;9 12») has several


def read_entities(ann: Path) -> list[Entity]:
    """Text-bound entities; a discontinuous one spans from its first to its last piece."""
    out = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        if not line.startswith("T"):
            continue
        _, info, text = line.split("\t", 2)
        label, offsets = info.split(" ", 1)
        pieces = offsets.split(";")
        points = [int(x) for piece in pieces for x in piece.split()]
        out.append(Entity(label, min(points), max(points), text, len(pieces)))
    return out
