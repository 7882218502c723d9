"""The narrative structure of a document: its directions, goals with tasks, the measures listed
in its text and the projects its running text names. Tables are read by their own extractor;
the lead's merge joins the two.
"""

from __future__ import annotations

from stratdoc.extract.nlp import Nlp, shared
from stratdoc.extract.text.directions import extract_directions
from stratdoc.extract.text.goals import extract_goals
from stratdoc.extract.text.measures import extract_text_measures
from stratdoc.extract.text.projects import extract_text_projects
from stratdoc.extract.text.record_shapes import drop_strays
from stratdoc.schema import Document, Extraction


def extract_structure(doc: Document, nlp: Nlp | None = None) -> Extraction:
    """The text's records; `nlp` is the process's models unless the caller brings its own."""
    nlp = nlp or shared()
    return drop_strays(nlp, Extraction(
        directions=extract_directions(doc, nlp),
        goals=extract_goals(doc, nlp),
        measures=extract_text_measures(doc, nlp),
        projects=extract_text_projects(doc, nlp),
    ))
