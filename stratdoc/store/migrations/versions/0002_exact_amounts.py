"""Exact amounts: SQLite keeps a funding line's amount and amount_rub as decimal digits (text).

PostgreSQL already stores numeric(28, 6) exactly: nothing changes there. SQLite had turned
them into binary floats; each stored float becomes the shortest decimal that reads back as
it (what the earlier version printed), rounded to 6 decimals.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None

COLUMNS = ("amount", "amount_rub")


def _digits(value: object) -> str | None:
    """The value as `models.exact` writes it (copied here: a revision must not change later)."""
    if value is None:
        return None
    d = Decimal(repr(value) if isinstance(value, float) else str(value))
    d = d.quantize(Decimal("0.000001"), rounding=ROUND_HALF_UP).normalize()
    return "0" if d == 0 else format(d, "f")


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    bind = op.get_bind()
    # read the values as SQLite stored them (REAL or INTEGER), before the table is rebuilt
    rows = bind.execute(sa.text("SELECT id, amount, amount_rub FROM funding_lines")).all()
    with op.batch_alter_table("funding_lines", recreate="always") as batch:
        for col in COLUMNS:
            batch.alter_column(col, type_=sa.String(40), existing_type=sa.Numeric(28, 6),
                               existing_nullable=True)
    update = sa.text("UPDATE funding_lines SET amount = :a, amount_rub = :r WHERE id = :id")
    params = [{"id": i, "a": _digits(a), "r": _digits(r)} for i, a, r in rows]
    if params:
        bind.execute(update, params)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    with op.batch_alter_table("funding_lines", recreate="always") as batch:
        for col in COLUMNS:
            batch.alter_column(col, type_=sa.Numeric(28, 6), existing_type=sa.String(40),
                               existing_nullable=True)
