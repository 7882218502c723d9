"""What every request of the app shares: the read-only sessions, the upload queue, the token."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from stratdoc.web.uploads import UploadQueue


@dataclass
class WebState:
    write_engine: Engine
    read_engine: Engine
    read_sessions: sessionmaker[Session]
    uploads: UploadQueue
    token: str | None
    max_upload_bytes: int

    def close(self) -> None:
        self.uploads.close()
        self.read_engine.dispose()
        self.write_engine.dispose()
