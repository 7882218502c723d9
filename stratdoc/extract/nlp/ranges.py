"""Ranges of a text: the chunks a model's pass takes at a time, and the ranges left out of it
(table cells that can hold no name)."""

from __future__ import annotations

import bisect
from typing import Any

CHUNK_CHARS = 20_000


def clip(ranges: list[tuple[int, int]], ends: list[int], start: int, end: int) -> list[tuple[int, int]]:
    """The sorted, disjoint `ranges` (`ends` their ends) that meet [start, end), cut to it and
    shifted to start at 0: one chunk's share, found without walking the whole list."""
    out: list[tuple[int, int]] = []
    for a, b in ranges[bisect.bisect_right(ends, start):]:
        if a >= end:
            break
        out.append((max(a, start) - start, min(b, end) - start))
    return out


def outside(toks: list[Any], ranges: list[tuple[int, int]],
            context: int = 0) -> tuple[list[Any], frozenset[int]]:
    """The tokens outside the ranges (a token touching one counts as inside), with `context`
    tokens inside on either side of them, and the indices among the kept that follow left-out
    tokens. The kept stay one sequence: with the model's reach of context kept, every outside
    token's tags are computed from the same neighbours as in the whole text."""
    if not ranges:
        return toks, frozenset()
    ranges = sorted(ranges)
    inside: list[bool] = []
    k = 0
    for t in toks:
        while k < len(ranges) and ranges[k][1] <= t.start:
            k += 1
        inside.append(k < len(ranges) and ranges[k][0] < t.stop)
    keep = [not x for x in inside]
    for i, x in enumerate(inside):
        if not x:
            for j in range(max(0, i - context), min(len(toks), i + context + 1)):
                keep[j] = True
    kept: list[Any] = []
    gaps: set[int] = set()
    for i, t in enumerate(toks):
        if keep[i]:
            if i and not keep[i - 1] and kept:
                gaps.add(len(kept))
            kept.append(t)
    return kept, frozenset(gaps)


def text_to_chunks(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Cut the text into pieces of about `size` characters at blank lines (else line breaks)."""
    chunks: list[tuple[int, int]] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = text.rfind("\n\n", start + size // 2, end)
            if cut < 0:
                cut = text.rfind("\n", start + size // 2, end)
            if cut < 0:
                cut = text.rfind(". ", start + size // 2, end)
            end = cut + 1 if cut >= 0 else end
        if text[start:end].strip():
            chunks.append((start, end))
        start = end
    return chunks
