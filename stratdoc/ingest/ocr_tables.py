"""Ruled tables on a page image: rule lines found on the pixels → edges and cell grids in the
shapes pdfplumber gives for a text PDF, so `pdf_tables.table_to_grid` builds the tables unchanged.

A rule is a long thin run of dark pixels. Opening the binarized page with a long one-pixel-thick
kernel (erosion, then dilation, both sliding-window sums) keeps only such runs along that axis;
letters, being short, vanish. Rows (or columns) of kept pixels next to each other are one rule,
placed at their middle. pdfplumber's own edge merging, intersection and cell finding then turn
the rules into cells, with its tolerances measured in points as for a text PDF.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from pdfplumber.table import cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges

DARK = 160  # gray level under which a pixel is ink
RULE_MIN_MM = 6.0  # a rule is at least this long: longer than any letter or digit
RULE_MAX_THICK_MM = 1.2  # and at most this thick (a band thicker is a filled area)
TOLERANCE_PT = 4.0  # scanned rules stray more than drawn ones: snap/join/meet within this


@dataclass
class ImageTable:
    """What `table_to_grid` reads of a pdfplumber table: cell boxes and the bounding box."""

    cells: list[tuple[float, float, float, float]]
    bbox: tuple[float, float, float, float]


def dark_mask(gray: np.ndarray) -> np.ndarray:
    return gray < DARK


def opened(mask: np.ndarray, length: int, axis: int) -> np.ndarray:
    """Pixels lying on a run of at least `length` dark pixels along `axis`."""
    m = mask if axis == 1 else mask.T
    n = m.shape[1]
    if n < length:
        return np.zeros_like(mask)
    c = np.zeros((m.shape[0], n + 1), dtype=np.int32)
    np.cumsum(m, axis=1, out=c[:, 1:])
    full = (c[:, length:] - c[:, :-length]) == length  # window [i, i+length) all dark
    # dilation: a pixel is kept when some full window covers it
    f = np.zeros((m.shape[0], full.shape[1] + 1), dtype=np.int32)
    np.cumsum(full, axis=1, out=f[:, 1:])
    idx = np.arange(n)
    lo = np.clip(idx - length + 1, 0, full.shape[1])
    hi = np.clip(idx + 1, 0, full.shape[1])
    kept = (f[:, hi] - f[:, lo]) > 0
    return kept if axis == 1 else kept.T


def runs(values: np.ndarray) -> list[tuple[int, int]]:
    """[start, end) of the True runs of a 1-d boolean array."""
    v = np.concatenate(([False], values, [False])).astype(np.int8)
    d = np.diff(v)
    return list(zip(np.flatnonzero(d == 1).tolist(), np.flatnonzero(d == -1).tolist(), strict=True))


def rule_segments(kept: np.ndarray, max_thick: int, min_len: int) -> list[tuple[float, int, int]]:
    """Horizontal rules of a kept-pixel mask as (y, x0, x1) in pixels.

    Each band of consecutive rows holding kept pixels is cut into the column runs of its union;
    a slightly slanted rule is one band a few pixels taller than the ink."""
    out: list[tuple[float, int, int]] = []
    for y0, y1 in runs(kept.any(axis=1)):
        band = kept[y0:y1]
        cols = band.any(axis=0)
        for x0, x1 in runs(cols):
            if x1 - x0 < min_len:
                continue
            rows = np.flatnonzero(band[:, x0:x1].any(axis=1))
            if y1 - y0 > max_thick * 4 and band[:, x0:x1].sum() / (x1 - x0) > max_thick:
                continue  # a filled area, not a rule
            out.append(((y0 + rows.min() + y0 + rows.max() + 1) / 2, x0, x1))
    return out


def find_rules(gray: np.ndarray, dpi: float) -> tuple[np.ndarray, list[dict[str, Any]]]:
    """The mask of rule pixels (to be blanked before recognition) and the rules as pdfplumber
    edges in points."""
    mm = dpi / 25.4
    min_len, max_thick = max(int(RULE_MIN_MM * mm), 8), max(int(RULE_MAX_THICK_MM * mm), 2)
    mask = dark_mask(gray)
    h_kept, v_kept = opened(mask, min_len, 1), opened(mask, min_len, 0)
    scale = 72.0 / dpi
    edges: list[dict[str, Any]] = []
    for y, x0, x1 in rule_segments(h_kept, max_thick, min_len):
        edges.append(edge("h", x0 * scale, x1 * scale, y * scale, y * scale))
    for x, y0, y1 in rule_segments(v_kept.T, max_thick, min_len):
        edges.append(edge("v", x * scale, x * scale, y0 * scale, y1 * scale))
    return h_kept | v_kept, edges


def edge(orientation: str, x0: float, x1: float, top: float, bottom: float) -> dict[str, Any]:
    return {"object_type": "line", "orientation": orientation, "x0": x0, "x1": x1, "top": top,
            "bottom": bottom, "width": x1 - x0, "height": bottom - top, "doctop": top}


def edges_to_tables(edges: list[dict[str, Any]]) -> list[ImageTable]:
    """pdfplumber's lattice steps on image rules: merge, intersect, cells, tables."""
    if not edges:
        return []
    merged = merge_edges(edges, snap_x_tolerance=TOLERANCE_PT, snap_y_tolerance=TOLERANCE_PT,
                         join_x_tolerance=TOLERANCE_PT, join_y_tolerance=TOLERANCE_PT)
    points = edges_to_intersections(merged, TOLERANCE_PT, TOLERANCE_PT)
    cells = intersections_to_cells(points)
    out: list[ImageTable] = []
    for group in cells_to_tables(cells):
        if len(group) < 2:
            continue
        bbox = (min(c[0] for c in group), min(c[1] for c in group),
                max(c[2] for c in group), max(c[3] for c in group))
        out.append(ImageTable(cells=[tuple(map(float, c)) for c in group], bbox=bbox))
    return out


def page_tables(gray: np.ndarray, dpi: float) -> tuple[np.ndarray, list[ImageTable]]:
    """Rule pixels of the page and its ruled tables (cells in points of the upright page).

    Rules are looked for at half the resolution, each pixel there the darkest of four, so a
    one-pixel rule survives; the mask is scaled back up to blank the rules on the page."""
    h, w = gray.shape[0] // 2 * 2, gray.shape[1] // 2 * 2
    g = gray[:h, :w]
    half = np.minimum(np.minimum(g[0::2, 0::2], g[1::2, 0::2]), np.minimum(g[0::2, 1::2], g[1::2, 1::2]))
    small, edges = find_rules(half, dpi / 2)
    mask = np.zeros(gray.shape, dtype=bool)
    mask[:h, :w] = small.repeat(2, axis=0).repeat(2, axis=1)
    return mask, edges_to_tables(edges)
