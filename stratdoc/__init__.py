"""stratdoc: Russian strategy documents into structured, queryable data.

One entry point per job: `read` a file into a `Document`, `extract` an `Extraction` of records
from it, `ingest_paths` files into a database:

    >>> import stratdoc
    >>> doc = stratdoc.read("plan.docx")
    >>> ex = stratdoc.extract(doc)
    >>> [m.name for m in ex.measures][:3]

The names load on first use, so `import stratdoc` (and the command line's `--help`) stays fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from stratdoc.version import PIPELINE_VERSION, __version__

_PUBLIC = {
    "read": "stratdoc.ingest",
    "extract": "stratdoc.extract",
    "ingest_paths": "stratdoc.pipeline",
    "Document": "stratdoc.schema",
    "Extraction": "stratdoc.schema",
}

if TYPE_CHECKING:
    from stratdoc.extract import extract
    from stratdoc.ingest import read
    from stratdoc.pipeline import ingest_paths
    from stratdoc.schema import Document, Extraction


def __getattr__(name: str) -> Any:
    if name in _PUBLIC:
        value = getattr(import_module(_PUBLIC[name]), name)
        # importing `stratdoc.extract` binds the sub-package to this name: the function wins
        globals()[name] = value
        return value
    raise AttributeError(f"module 'stratdoc' has no attribute {name!r}")


__all__ = ["PIPELINE_VERSION", "Document", "Extraction", "__version__", "extract", "ingest_paths", "read"]
