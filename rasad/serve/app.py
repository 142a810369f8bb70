"""HTTP API and web page: analyze a text, and query a stored corpus (FastAPI)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, HTTPException, Query
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field

from rasad import __version__
from rasad.ingest.records import InputError

PAGE = Path(__file__).resolve().parent / "static" / "index.html"
MAX_TEXT = 1_000_000  # characters: one article, not a corpus


class AnalyzeRequest(BaseModel):
    """The body of POST /api/analyze."""

    text: str = Field(..., description="article text (title on the first line if no title given)")
    title: str | None = None
    published: str | None = Field(None, description="ISO 8601 or RFC 2822 publication date")
    outlet: str | None = None
    url: str | None = None


def create_app(db_path: str | Path | None = None) -> FastAPI:
    """The application; corpus endpoints answer when ``db_path`` names a rasad database."""
    app = FastAPI(
        title="rasad",
        version=__version__,
        description="Arabic news to structured, sourced event data.",
    )
    state = {"db": Path(db_path) if db_path else None}

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def page() -> str:
        return PAGE.read_text(encoding="utf-8")

    @app.post("/api/analyze")
    def analyze(req: AnalyzeRequest) -> dict[str, Any]:
        """Analyze one article and return its rasad/1 record."""
        return analyze_text(req)

    _corpus_routes(app, state)
    return app


def analyze_text(req: AnalyzeRequest) -> dict[str, Any]:
    """The rasad/1 record for a request; bad input is a 422 with the reason."""
    from rasad.api import analyze_record
    from rasad.ingest.records import Record, parse_published, split_title

    if len(req.text) > MAX_TEXT:
        raise HTTPException(413, f"text longer than {MAX_TEXT} characters")
    title, body = (req.title, req.text) if req.title else split_title(req.text)
    try:
        rec = Record(
            text=body if body.strip() else req.text,
            title=title if body.strip() else None,
            published=parse_published(req.published, "published"),
            outlet=req.outlet,
            url=req.url,
            where="request",
        )
        return analyze_record(rec).to_dict()
    except InputError as err:
        raise HTTPException(422, {"kind": err.kind, "message": err.message}) from None


def _connect(state: dict[str, Any]) -> sqlite3.Connection:
    from rasad.store import db

    if state["db"] is None:
        raise HTTPException(404, "no corpus database: start with rasad serve --db FILE")
    try:
        return db.connect(state["db"], create=False)
    except db.StoreError as err:
        raise HTTPException(404, str(err)) from None


def _corpus_routes(app: FastAPI, state: dict[str, Any]) -> None:
    from rasad.store import query
    from rasad.store.db import unpack

    def filters(
        actor: str | None = None,
        country: str | None = None,
        code: str | None = None,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> query.Filters:
        return query.Filters(
            actor=actor, country=country, code=code, outlet=outlet, since=since, until=until
        )

    @app.get("/api/search")
    def search(
        q: str = "", f: query.Filters = Depends(filters), limit: int = Query(20, ge=1, le=500)
    ) -> list[dict[str, Any]]:
        """Full-text search (clitic-insensitive) with filters."""
        with _connect(state) as con:
            return query.search(con, q, f, limit=limit)

    @app.get("/api/events")
    def events(
        f: query.Filters = Depends(filters), limit: int = Query(50, ge=1, le=1000)
    ) -> list[dict[str, Any]]:
        """Corpus events (deduplicated across articles) with filters."""
        with _connect(state) as con:
            return query.events(con, f, limit=limit)

    @app.get("/api/actors")
    def actors(
        type: str | None = None, country: str | None = None, limit: int = Query(50, ge=1, le=1000)
    ) -> list[dict[str, Any]]:
        """Actors across the corpus, most mentioned first."""
        with _connect(state) as con:
            return query.actors(con, type=type, country=country, limit=limit)

    @app.get("/api/stats")
    def stats() -> dict[str, Any]:
        """Counts of what the corpus holds."""
        with _connect(state) as con:
            return query.stats(con, state["db"])

    @app.get("/api/articles/{article_id}")
    def article(article_id: str) -> dict[str, Any]:
        """The stored rasad/1 record of one article."""
        with _connect(state) as con:
            row = con.execute("SELECT record FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise HTTPException(404, f"no article {article_id}")
        return unpack(row["record"])
