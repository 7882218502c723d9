"""Alembic's entry point: always run on a connection handed over by `stratdoc.store.migrate`.

The caller holds the lock that serializes migrations (SQLite `BEGIN IMMEDIATE`, a PostgreSQL
advisory lock) and owns the transaction, so nothing here opens or commits one of its own.
"""

from __future__ import annotations

from alembic import context

from stratdoc.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through `stratdoc db upgrade`, which hands over a connection")

context.configure(connection=connection, target_metadata=Base.metadata,
                  render_as_batch=connection.dialect.name == "sqlite", transaction_per_migration=False)
context.run_migrations()
