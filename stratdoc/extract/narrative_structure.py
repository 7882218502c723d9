"""The narrative structure of a document: its directions, goals with tasks, and the projects its
running text names. Tables are read by their own extractor; the lead's merge joins the two.
"""

from __future__ import annotations

from stratdoc.extract.directions import extract_directions
from stratdoc.extract.goals import extract_goals
from stratdoc.extract.text_projects import extract_text_projects
from stratdoc.schema import Document, Extraction


def extract_structure(doc: Document) -> Extraction:
    return Extraction(
        directions=extract_directions(doc),
        goals=extract_goals(doc),
        projects=extract_text_projects(doc),
    )
