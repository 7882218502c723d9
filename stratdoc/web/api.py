"""The JSON API: documents and records read from the store, and uploads into the pipeline.

Reads go through the read-only engine; the only write is `POST /documents`, which hands the
files to the upload worker and so to the same pipeline as `stratdoc ingest`.
"""

from __future__ import annotations

import hmac
from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel
from sqlalchemy.orm import Session

from stratdoc.web import queries
from stratdoc.web.state import WebState
from stratdoc.web.uploads import FILE_FIELD, MAX_FILES_PER_REQUEST, UploadRejected

router = APIRouter()

DocKind = StrEnum("DocKind", {k: k for k in queries.DOCUMENT_KINDS})
RecordKind = StrEnum("RecordKind", {k: k for k in queries.KINDS})
FundingSource = StrEnum("FundingSource", {k: k for k in queries.FUNDING_SOURCES})

DOC_ID = r"^[0-9a-f]{64}$"
Limit = Annotated[int, Query(ge=1, le=500, description="Page size.")]
Offset = Annotated[int, Query(ge=0, le=10**9, description="Items to skip.")]
Year = Annotated[int | None, Query(ge=1000, le=9998)]
Text = Annotated[str | None, Query(min_length=1, max_length=200)]
Amount = Annotated[float | None, Query(ge=-1e18, le=1e18, allow_inf_nan=False,
                                       description="Rubles (amount_rub).")]
DocumentId = Annotated[str | None, Query(pattern=DOC_ID, description="Document id (sha256).")]


def state(request: Request) -> WebState:
    return request.app.state.web


def read_session(request: Request) -> Iterator[Session]:
    with state(request).read_sessions() as session:
        yield session


ReadSession = Annotated[Session, Depends(read_session)]
bearer = HTTPBearer(auto_error=False, description="STRATDOC_API_TOKEN of the server.")


def require_token(request: Request,
                  creds: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
    """Writes need the server's token; with no token configured nobody may write."""
    token = state(request).token
    given = creds.credentials if creds is not None else ""
    if not token or not hmac.compare_digest(given.encode(), token.encode()):
        raise HTTPException(401, "missing or wrong bearer token", headers={"WWW-Authenticate": "Bearer"})


class Page(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]]


class UploadStatus(BaseModel):
    id: str
    name: str
    status: str
    message: str
    line: str
    doc_id: str | None


class UploadAccepted(BaseModel):
    uploads: list[UploadStatus]


@router.get("/documents", response_model=Page, tags=["documents"])
def list_documents(session: ReadSession, limit: Limit = 50, offset: Offset = 0,
                   municipality: Text = None, region: Text = None, kind: DocKind | None = None,
                   year: Year = None, q: Text = None) -> Page:
    """Stored documents, by source name. `year`: adopted or published that year; `q`: words of
    the title (case-insensitive)."""
    f = queries.DocumentFilter(municipality=municipality, region=region,
                               kind=kind.value if kind else None, year=year, q=q)
    total, items = queries.list_documents(session, f, limit, offset)
    return Page(total=total, limit=limit, offset=offset, items=items)


@router.get("/documents/{doc_id}", tags=["documents"])
def get_document(session: ReadSession, doc_id: Annotated[str, Path(pattern=DOC_ID)]) -> dict[str, Any]:
    """One document's metadata, pages and record counts by kind."""
    row = queries.get_document(session, doc_id)
    if row is None:
        raise HTTPException(404, f"no document {doc_id}")
    return queries.document_detail(session, row)


@router.get("/records/{kind}", response_model=Page, tags=["records"])
def list_records(session: ReadSession, kind: RecordKind, limit: Limit = 50, offset: Offset = 0,
                 document: DocumentId = None, source: FundingSource | None = None, year: Year = None,
                 amount_min: Amount = None, amount_max: Amount = None, q: Text = None) -> Page:
    """Records of one kind, each with its span and the source text it covers. `source`, `year`
    and the amount range filter funding lines, and measures and projects by their funding
    lines (one line meeting all of them); `year` also applies to indicators (a value for that
    year) and events (starting that year); `q`: words of the name."""
    f = queries.RecordFilter(document=document, source=source.value if source else None, year=year,
                             amount_min=amount_min, amount_max=amount_max, q=q)
    try:
        total, items = queries.list_records(session, queries.KINDS[kind.value], f, limit, offset)
    except queries.FilterError as e:
        raise HTTPException(400, str(e)) from e
    return Page(total=total, limit=limit, offset=offset, items=items)


@router.get("/records/{kind}/{record_id}", tags=["records"])
def get_record(session: ReadSession, kind: RecordKind,
               record_id: Annotated[int, Path(ge=1, le=2**62)]) -> dict[str, Any]:
    """One record with its span and source text."""
    item = queries.get_record(session, queries.KINDS[kind.value], record_id)
    if item is None:
        raise HTTPException(404, f"no {kind.value} record {record_id}")
    return item


@router.get("/funding/summary", tags=["records"])
def funding_summary(session: ReadSession, document: DocumentId = None,
                    source: FundingSource | None = None, year: Year = None) -> dict[str, Any]:
    """Sums of funding lines in rubles by source and year."""
    return {"rows": queries.funding_sums(session, document, source.value if source else None, year)}


UPLOAD_BODY = {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object", "required": [FILE_FIELD],
    "properties": {FILE_FIELD: {"type": "array", "maxItems": MAX_FILES_PER_REQUEST,
                                "items": {"type": "string", "format": "binary"}}}}}}}}


@router.post("/documents", status_code=202, response_model=UploadAccepted, tags=["uploads"],
             dependencies=[Depends(require_token)], openapi_extra=UPLOAD_BODY,
             responses={401: {"description": "Missing or wrong bearer token"},
                        413: {"description": "Body over the upload limit"}})
async def upload_documents(request: Request) -> Any:
    """Upload one or more files (multipart, parts named `files`) to be ingested in the
    background as `stratdoc ingest` would; answers with an id per file for `GET /uploads/{id}`."""
    try:
        uploads = await state(request).uploads.accept(request)
    except UploadRejected as e:
        return JSONResponse({"detail": e.reason}, status_code=e.status)
    return UploadAccepted(uploads=[UploadStatus(**u.as_dict()) for u in uploads])


@router.get("/uploads/{upload_id}", response_model=UploadStatus, tags=["uploads"])
def upload_status(request: Request,
                  upload_id: Annotated[str, Path(pattern=r"^[0-9a-f]{32}$")]) -> UploadStatus:
    """queued → running → ingested | skipped | failed, with the one-line reason and the
    document id."""
    up = state(request).uploads.get(upload_id)
    if up is None:
        raise HTTPException(404, f"no upload {upload_id}")
    return UploadStatus(**up.as_dict())
