"""Painted paths of a pdfium page as pdfminer classifies them (lines, rectangles, curves) and
the edges pdfplumber's table finder makes of them, in pdfplumber's page coordinates.

pdfminer splits a path at each move, keeps one point per operator (a curve's end point),
calls a closed four-corner axis-aligned loop a rectangle and a two-point path a line; the
same rules run here on pdfium's path segments, so the ruled-table finder sees the same
edges. Form XObjects are walked into with their matrices, as pdfminer does.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as raw

Obj = dict[str, Any]
Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def mul(m: Matrix, n: Matrix) -> Matrix:
    """m then n, in PDF's row-vector convention (as pdfminer's mult_matrix)."""
    a, b, c, d, e, f = m
    a1, b1, c1, d1, e1, f1 = n
    return (a * a1 + b * c1, a * b1 + b * d1, c * a1 + d * c1, c * b1 + d * d1,
            e * a1 + f * c1 + e1, e * b1 + f * d1 + f1)


def apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def display_matrix(mediabox: tuple[float, float, float, float], rotation: int) -> Matrix:
    """User space → pdfminer's page space, as pdfminer's interpreter sets up the page CTM."""
    x0, y0, x1, y1 = mediabox
    if rotation == 90:
        return (0.0, -1.0, 1.0, 0.0, -y0, x1)
    if rotation == 180:
        return (-1.0, 0.0, 0.0, -1.0, x1, y1)
    if rotation == 270:
        return (0.0, 1.0, -1.0, 0.0, y1, -x0)
    return (1.0, 0.0, 0.0, 1.0, -x0, -y0)


def c_function(fn: Any, restype: Any, *argtypes: Any) -> Any:
    """A pdfium function re-typed to take and return plain addresses: no pointer objects to
    build and cast for every character."""
    return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(fn, ctypes.c_void_p).value)


VOIDP, INT = ctypes.c_void_p, ctypes.c_int

PAGE_COUNT_OBJECTS = c_function(raw.FPDFPage_CountObjects, INT, VOIDP)
PAGE_GET_OBJECT = c_function(raw.FPDFPage_GetObject, VOIDP, VOIDP, INT)
FORM_COUNT_OBJECTS = c_function(raw.FPDFFormObj_CountObjects, INT, VOIDP)
FORM_GET_OBJECT = c_function(raw.FPDFFormObj_GetObject, VOIDP, VOIDP, INT)
OBJECT_TYPE = c_function(raw.FPDFPageObj_GetType, INT, VOIDP)
OBJECT_MATRIX = c_function(raw.FPDFPageObj_GetMatrix, INT, VOIDP, VOIDP)
PATH, FORM = raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM


def page_objects(handle: int, in_form: bool, parent: Matrix) -> Iterator[tuple[int, Matrix]]:
    """Path objects (addresses) of a page or form object with the matrix taking them to user
    space; text and images, most of a page's objects, are passed over on their type alone."""
    count = FORM_COUNT_OBJECTS(handle) if in_form else PAGE_COUNT_OBJECTS(handle)
    get = FORM_GET_OBJECT if in_form else PAGE_GET_OBJECT
    m = raw.FS_MATRIX()
    m_at = ctypes.addressof(m)
    for i in range(count):
        obj = get(handle, i)
        kind = OBJECT_TYPE(obj)
        if (kind != PATH and kind != FORM) or not OBJECT_MATRIX(obj, m_at):
            continue
        mine = mul((m.a, m.b, m.c, m.d, m.e, m.f), parent)
        if kind == PATH:
            yield obj, mine
        else:
            yield from page_objects(obj, True, mine)


COUNT_SEGMENTS = c_function(raw.FPDFPath_CountSegments, INT, VOIDP)
GET_SEGMENT = c_function(raw.FPDFPath_GetPathSegment, VOIDP, VOIDP, INT)
SEGMENT_TYPE = c_function(raw.FPDFPathSegment_GetType, INT, VOIDP)
SEGMENT_POINT = c_function(raw.FPDFPathSegment_GetPoint, INT, VOIDP, VOIDP, VOIDP)
SEGMENT_CLOSES = c_function(raw.FPDFPathSegment_GetClose, INT, VOIDP)


def subpaths(handle: int) -> Iterator[tuple[str, list[tuple[float, float]]]]:
    """A path's subpaths as pdfminer's operator letters and end points ('h' repeats the start)."""
    x, y = ctypes.c_float(), ctypes.c_float()
    x_at, y_at = ctypes.addressof(x), ctypes.addressof(y)
    moveto, bezierto = raw.FPDF_SEGMENT_MOVETO, raw.FPDF_SEGMENT_BEZIERTO
    shape: list[str] = []
    pts: list[tuple[float, float]] = []
    bezier = 0
    for i in range(COUNT_SEGMENTS(handle)):
        seg = GET_SEGMENT(handle, i)
        kind = SEGMENT_TYPE(seg)
        if not SEGMENT_POINT(seg, x_at, y_at):
            continue
        if kind == moveto:
            if shape:
                yield "".join(shape), pts
            shape, pts, bezier = ["m"], [(x.value, y.value)], 0
        elif kind == bezierto:
            bezier += 1
            if bezier % 3:
                continue  # control points: pdfminer keeps a curve's end point only
            shape.append("c")
            pts.append((x.value, y.value))
        else:
            shape.append("l")
            pts.append((x.value, y.value))
        if SEGMENT_CLOSES(seg) and pts:
            shape.append("h")
            pts.append(pts[0])
    if shape:
        yield "".join(shape), pts


@dataclass
class PagePaths:
    """A page's painted paths as pdfminer's objects, and the edges pdfplumber makes of them."""

    lines: list[Obj] = field(default_factory=list)
    rects: list[Obj] = field(default_factory=list)
    curves: list[Obj] = field(default_factory=list)
    edges: list[Obj] = field(default_factory=list)


def read_paths(page: pdfium.PdfPage, ctm: Matrix, height: float) -> PagePaths:
    """Lines, rectangles and curves as pdfminer tells them apart, and their edges."""
    out = PagePaths()
    for obj, m in page_objects(ctypes.cast(page.raw, VOIDP).value, False, IDENTITY):
        full = mul(m, ctm)
        for shape, user_pts in subpaths(obj):
            if not shape.startswith("m"):
                continue
            pts = [apply(full, px, py) for px, py in user_pts]
            if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
                shape = shape[:-2] + "h"
                pts.pop()
            flipped = [(px, height - py) for px, py in pts]
            if shape in ("mlh", "ml"):
                out.lines.append(line_obj(flipped[0], flipped[1]))
                out.edges.append(out.lines[-1])
            elif shape in ("mlllh", "mllll") and is_rect(pts):
                rect = box_obj("rect", flipped)
                out.rects.append(rect)
                out.edges.extend(rect_edges(rect))
            elif len(pts) >= 2:
                curve = box_obj("curve", flipped)
                curve["pts"] = flipped
                out.curves.append(curve)
                out.edges.extend(curve_edges(flipped))
    return out


def is_rect(pts: list[tuple[float, float]]) -> bool:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3), last = pts
    return pts[0] == last and ((x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0)
                               or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0))


def box_obj(kind: str, pts: list[tuple[float, float]]) -> Obj:
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    x0, x1, top, bottom = min(xs), max(xs), min(ys), max(ys)
    return {"object_type": kind, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top,
            "width": x1 - x0, "height": bottom - top}


def line_obj(p: tuple[float, float], q: tuple[float, float]) -> Obj:
    line = box_obj("line", [p, q])
    line["orientation"] = "h" if line["top"] == line["bottom"] else "v"
    return line


def rect_edges(r: Obj) -> list[Obj]:
    """The four sides of a rectangle, as pdfplumber's rect_to_edges."""
    base = {"object_type": "rect_edge", "x0": r["x0"], "x1": r["x1"], "top": r["top"],
            "bottom": r["bottom"], "doctop": r["top"], "width": r["width"], "height": r["height"]}
    return [{**base, "bottom": r["top"], "height": 0, "orientation": "h"},
            {**base, "top": r["bottom"], "doctop": r["bottom"], "height": 0, "orientation": "h"},
            {**base, "x1": r["x0"], "width": 0, "orientation": "v"},
            {**base, "x0": r["x1"], "width": 0, "orientation": "v"}]


def curve_edges(pts: list[tuple[float, float]]) -> list[Obj]:
    """Edges between a curve's consecutive points, as pdfplumber's curve_to_edges."""
    out = []
    for (ax, ay), (bx, by) in zip(pts, pts[1:], strict=False):
        top = min(ay, by)
        out.append({"object_type": "curve_edge", "x0": min(ax, bx), "x1": max(ax, bx), "top": top,
                    "doctop": top, "bottom": max(ay, by), "width": abs(ax - bx), "height": abs(ay - by),
                    "orientation": "v" if ax == bx else ("h" if ay == by else None)})
    return out
