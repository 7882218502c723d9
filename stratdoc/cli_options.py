"""Options and output shared by the `stratdoc` command's modules: one console each for data
and for messages, the options several commands take, and the one-line failure."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

out = Console()
err = Console(stderr=True)

DbOption = Annotated[str | None, typer.Option(
    "--db", envvar="STRATDOC_DB", show_envvar=True,
    help="SQLite file path or SQLAlchemy URL (e.g. postgresql+psycopg://user@host/db). "
         "Default: ./stratdoc.db")]
BrokerOption = Annotated[str | None, typer.Option(
    "--broker", envvar="STRATDOC_BROKER", show_envvar=True, show_default=False,
    help="Celery broker URL (redis://host:6379/0, amqp://…): the workers there do the work.")]
BackendOption = Annotated[str | None, typer.Option(
    "--backend", envvar="STRATDOC_RESULT_BACKEND", show_envvar=True, show_default=False,
    help="Celery result backend (Redis); default: the broker when it is Redis.")]
QueueOption = Annotated[str, typer.Option("--queue", help="Queue name the client and its workers share.")]


def fail(message: str) -> typer.Exit:
    err.print(f"error: {message}", markup=False, highlight=False, soft_wrap=True)
    return typer.Exit(1)
