"""Batches on a Celery cluster: workers on any number of machines read, extract and store
documents whose bytes travel in the task message; a client enqueues them and gathers the
results into the report a local run prints.

Celery is imported only here, and only when a broker URL is given: without one, `ingest` and
the upload API run everything in-process as before.
"""
