"""`stratdoc db …`: the schema's Alembic migrations, from the command line."""

from __future__ import annotations

from typing import Annotated

import typer

from stratdoc.cli_options import DbOption, out
from stratdoc.cli_options import fail as _fail
from stratdoc.errors import StratdocError

db_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None,
                     help="The database's schema: Alembic migrations shipped with stratdoc.")


@db_app.command("upgrade")
def db_upgrade(
    db: DbOption = None,
    revision: Annotated[str, typer.Option("--revision", help="Target revision.")] = "head",
) -> None:
    """Create the schema or migrate it to the newest revision (every command does this on open).

    A database made before migrations is recognised and upgraded with its rows.

    Example: stratdoc db upgrade --db postgresql+psycopg://user@host/stratdoc
    """
    from stratdoc.store.migrate import upgrade
    from stratdoc.store.session import make_engine

    try:
        step = upgrade(make_engine(db), revision)
    except StratdocError as e:
        raise _fail(str(e)) from e
    before = {None: "a new database", "unversioned": "made before migrations"}.get(step.before, step.before)
    if step.changed:
        out.print(f"upgraded: {before} → {step.after}", markup=False, highlight=False)
    else:
        out.print(f"already at {step.after}", markup=False, highlight=False)


@db_app.command("current")
def db_current(db: DbOption = None) -> None:
    """Print the database's revision and the newest one this stratdoc knows.

    Example: stratdoc db current
    """
    from stratdoc.store.migrate import current_revision, head

    try:
        rev = current_revision(db)
    except StratdocError as e:
        raise _fail(str(e)) from e
    out.print(f"{rev or 'none'} (head {head()})", markup=False, highlight=False)
