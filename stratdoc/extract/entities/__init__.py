"""People, organizations and events from a document's running text, in one NLP pass.

The three finders share the tagged text (`narrative`) and the organization mentions:
a person's organization is the organization named inside the position phrase.
"""

from __future__ import annotations

from datetime import date

from stratdoc.extract.entities.events import extract_events
from stratdoc.extract.entities.narrative import document_to_narrative
from stratdoc.extract.entities.organizations import mentions_to_organizations, organization_mentions
from stratdoc.extract.entities.persons import extract_persons
from stratdoc.extract.nlp import Nlp, shared
from stratdoc.schema import Document, Extraction


def extract_people_orgs_events(doc: Document, doc_date: date | None = None,
                               nlp: Nlp | None = None, town: str | None = None) -> Extraction:
    """An Extraction holding only persons, organizations and events; `town` is the
    municipality the document is about, where its events at a venue are held."""
    if not doc.text.strip():
        return Extraction()
    nlp = nlp or shared()
    nv = document_to_narrative(doc, nlp)
    orgs = organization_mentions(nv, nlp)
    return Extraction(
        persons=extract_persons(doc, nv, orgs, nlp=nlp),
        organizations=mentions_to_organizations(nv, orgs, nlp),
        events=extract_events(doc, doc_date, nv, nlp=nlp, town=town),
    )
