"""Alembic migrations of the store, shipped inside the package so no alembic.ini is needed."""
