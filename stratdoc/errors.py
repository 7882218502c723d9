"""The small exception tree of stratdoc.

Every message names the culprit (file, stage, value) so that one line in a batch log is
enough to understand what went wrong.
"""

from __future__ import annotations

from pathlib import Path


class StratdocError(Exception):
    """Base of everything stratdoc raises on purpose."""


class ReadError(StratdocError):
    """A file could not be read into a Document."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{Path(path).name}: {reason}")


class UnsupportedFormat(ReadError):
    """The bytes are none of the formats we read."""


class EncryptedDocument(ReadError):
    """The file is password-protected."""


class InputTooLarge(ReadError):
    """The file, or what it expands to, exceeds a safety limit."""


class StoreError(StratdocError):
    """The database could not be opened or written."""


class NotFound(StratdocError):
    """A document asked for by id prefix or source name is not in the database."""
