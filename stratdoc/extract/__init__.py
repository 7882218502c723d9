"""Extractors: a `Document` → an `Extraction` of contract records, each with its span.

`extract` is the one entry point; each module fills one kind of record.
"""

from __future__ import annotations

import re

from stratdoc.extract.metadata import extract_metadata
from stratdoc.schema import Document, Extraction


def org_key(name: str) -> str:
    """Canonical key of an organization name (shared table across documents)."""
    key = name.lower().replace("ё", "е")
    key = re.sub(r"[«»“”„\"']", '"', key)
    return " ".join(key.split()).strip(' .,;:"')


def extract(doc: Document) -> Extraction:
    """Run every extractor over one document."""
    if not doc.text.strip():
        return Extraction()
    return Extraction(document=extract_metadata(doc))


__all__ = ["extract", "org_key"]
