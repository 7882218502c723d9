"""The app factory behind `stratdoc serve`: the JSON API, the browse pages and the upload
worker over one store."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import RedirectResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy.orm import sessionmaker

from stratdoc.store.session import open_engine
from stratdoc.version import PIPELINE_VERSION
from stratdoc.web import api, pages
from stratdoc.web.queries import open_read_engine
from stratdoc.web.state import WebState
from stratdoc.web.uploads import UploadQueue

DEFAULT_MAX_UPLOAD_BYTES = 50 * 1024 * 1024


def create_app(db_url: str | Path | None = None, token: str | None = None,
               max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES, spool_dir: Path | None = None,
               broker: str | None = None, queue: str = "stratdoc") -> FastAPI:
    """`db_url`: as `--db` (a path or SQLAlchemy URL); `token`: the bearer token uploads need
    (none: uploads refused); `max_upload_bytes`: the largest request body `POST /documents` takes;
    `broker` (default $STRATDOC_BROKER): a Celery broker URL that uploads are sent to, on `queue`."""
    write_engine = open_engine(str(db_url) if db_url else None)  # creates the tables if missing
    read_engine = open_read_engine(write_engine.url.render_as_string(hide_password=False))
    web = WebState(write_engine=write_engine, read_engine=read_engine,
                   read_sessions=sessionmaker(read_engine, expire_on_commit=False),
                   uploads=UploadQueue(write_engine, max_upload_bytes, spool_dir,
                                       broker=broker or os.environ.get("STRATDOC_BROKER"),
                                       broker_queue=queue),
                   token=token or None, max_upload_bytes=max_upload_bytes)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        web.close()

    app = FastAPI(title="stratdoc", version=PIPELINE_VERSION, lifespan=lifespan,
                  description="Russian strategy documents and the records extracted from them. "
                              "Reads are open; `POST /documents` needs the server's bearer token.")
    app.state.web = web
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=Path(__file__).parent / "static"), name="static")

    @app.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse("/browse", status_code=307)

    return app
