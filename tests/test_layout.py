"""The package's shape, held as tests: where a newcomer looks for a rule is where it is.

Modules stay small, the NLP libraries are imported behind one boundary, and the extractor
rooms import only downwards (lexicon and nlp at the bottom, the rooms above them, the
`extract()` entry on top)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import stratdoc

PACKAGE = Path(stratdoc.__file__).parent
MAX_LINES = 400
NLP_LIBRARIES = {"natasha", "slovnet", "navec", "pymorphy3", "pymorphy2", "razdel"}
BOUNDARY = PACKAGE / "extract" / "nlp"
ROOMS = ("document", "tables", "text", "entities")
BOTTOM = ("lexicon", "nlp")


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def imported(path: Path) -> set[str]:
    """Every module name `path` imports, at any depth of the file."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module)
            out.update(f"{node.module}.{a.name}" for a in node.names)
    return out


def room_of(path_or_module: Path | str) -> str | None:
    if isinstance(path_or_module, Path):
        parts = path_or_module.relative_to(PACKAGE).parts
    else:
        parts = tuple(path_or_module.split(".")[1:])
    return parts[1] if len(parts) > 2 and parts[0] == "extract" else None


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_is_small(path: Path) -> None:
    n = len(path.read_text(encoding="utf-8").splitlines())
    assert n <= MAX_LINES, f"{path.name}: {n} lines"


def test_nlp_libraries_only_behind_the_boundary() -> None:
    offenders = {str(p.relative_to(PACKAGE)): sorted(m for m in imported(p)
                                                     if m.split(".")[0] in NLP_LIBRARIES)
                 for p in modules() if BOUNDARY not in p.parents}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_rooms_import_only_downwards() -> None:
    wrong = []
    for p in modules():
        here = room_of(p)
        if here is None:
            continue
        for m in imported(p):
            there = room_of(m) if m.startswith("stratdoc.extract.") else None
            if there is None or there == here:
                continue
            if here in BOTTOM and there in ROOMS or here in ROOMS and there in ROOMS \
                    or here == "nlp" and there == "lexicon":
                wrong.append(f"{p.relative_to(PACKAGE)} → {m}")
    assert wrong == []


def test_spacy_matchers_are_used_by_extractors() -> None:
    users = [p for p in modules() if any(room_of(p) == r for r in ROOMS + ("lexicon",))
             and "patterns(" in p.read_text(encoding="utf-8")]
    assert len(users) >= 4
    assert any("spacy" in imported(p) or "spacy.matcher" in imported(p) for p in BOUNDARY.glob("*.py"))


def test_package_face_is_lazy_and_complete() -> None:
    names = ("read", "extract", "ingest_paths", "Document", "Extraction")
    code = ("import sys, stratdoc; assert 'natasha' not in sys.modules and 'sqlalchemy' not in sys.modules;"
            f"from stratdoc import {', '.join(names)};"
            f"print(','.join(n for n in {names!r} if callable(getattr(stratdoc, n))))")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert res.stdout.strip() == "read,extract,ingest_paths,Document,Extraction"
