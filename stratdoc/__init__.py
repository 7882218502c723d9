"""stratdoc: Russian strategy documents into structured, queryable data.

One entry point per job: `read` a file into a `Document`, `extract` records from it,
`ingest` files into a database.
"""

__version__ = "0.1.0"
# Bumped whenever an extractor or reader changes its output: stored documents with an
# older pipeline version are re-processed on the next ingest.
PIPELINE_VERSION = "0.1.0"

__all__ = ["PIPELINE_VERSION", "__version__"]
