"""The narrative structure of a document: its directions, goals with tasks, the measures listed
in its text and the projects its running text names. Tables are read by their own extractor;
the lead's merge joins the two.
"""

from __future__ import annotations

from stratdoc.extract.text.directions import extract_directions
from stratdoc.extract.text.goals import extract_goals
from stratdoc.extract.text.measures import extract_text_measures
from stratdoc.extract.text.projects import extract_text_projects
from stratdoc.schema import Document, Extraction


def extract_structure(doc: Document) -> Extraction:
    return Extraction(
        directions=extract_directions(doc),
        goals=extract_goals(doc),
        measures=extract_text_measures(doc),
        projects=extract_text_projects(doc),
    )
