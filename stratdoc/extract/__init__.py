"""Extractors: a `Document` → an `Extraction` of contract records, each with its span.

`extract` is the one entry point. Each module fills one kind of record; this module only
merges what two extractors can both find (goals in tables and in text, organizations as
responsible units and as names in prose), so a record is reported once.
"""

from __future__ import annotations

from stratdoc.extract.document.metadata import extract_metadata
from stratdoc.extract.entities import extract_people_orgs_events
from stratdoc.extract.entities.organizations import tidy_organizations
from stratdoc.extract.lexicon.org_names import org_key
from stratdoc.extract.nlp import Nlp, shared
from stratdoc.extract.tables import extract_tables
from stratdoc.extract.text import extract_structure
from stratdoc.schema import Document, Extraction, Goal, Organization


def merge_goals(first: list[Goal], second: list[Goal]) -> list[Goal]:
    """Goals of `first` win; a goal of `second` with a number or text already seen is dropped."""
    seen_numbers = {g.number for g in first if g.number}
    seen_texts = {org_key(g.text) for g in first}
    out = list(first)
    for g in second:
        if (g.number and g.number in seen_numbers) or org_key(g.text) in seen_texts:
            continue
        out.append(g)
    return out


def merge_organizations(nlp: Nlp, *lists: list[Organization]) -> list[Organization]:
    """One record per canonical key, the earliest span kept; names tidied as the text finder
    tidies its own (two names run together in a cell split, capitals recased).

    Both finders read the table text, so a unit found by both is counted by both: the larger
    count stands, rather than their sum.
    """
    merged: dict[str, Organization] = {}
    for org in (o for lst in lists for o in tidy_organizations(lst, nlp)):
        key = org_key(org.name)
        have = merged.get(key)
        if have is None:
            merged[key] = org.model_copy()
            continue
        have.mentions = max(have.mentions, org.mentions)
        if org.span.start < have.span.start:
            have.span = org.span
    return sorted(merged.values(), key=lambda o: o.span.start)


def extract(doc: Document, nlp: Nlp | None = None) -> Extraction:
    """Run every extractor over one document.

    `nlp` holds the models; a worker process builds its own and passes it to every call, and
    without one the process's shared object is used.
    """
    if not doc.text.strip():
        return Extraction()
    nlp = nlp or shared()
    meta = extract_metadata(doc, nlp=nlp)
    tables = extract_tables(doc, nlp=nlp)
    structure = extract_structure(doc, nlp=nlp)
    people = extract_people_orgs_events(doc, meta.adopted_on or meta.published_on, nlp=nlp,
                                        town=meta.municipality)
    return Extraction(
        document=meta,
        directions=structure.directions,
        goals=merge_goals(tables.goals, structure.goals),
        measures=tables.measures + structure.measures,
        indicators=tables.indicators,
        projects=tables.projects + structure.projects,
        funding=tables.funding,
        organizations=merge_organizations(nlp, tables.organizations, people.organizations),
        persons=people.persons,
        events=people.events,
    )


__all__ = ["extract", "org_key"]
