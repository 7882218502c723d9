"""Versions, kept apart from the package face so every layer can read them without importing it."""

__version__ = "0.1.0"
# Bumped whenever an extractor or reader changes its output: stored documents with an
# older pipeline version are re-processed on the next ingest.
PIPELINE_VERSION = "0.4.0"
