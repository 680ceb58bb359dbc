"""Opening a library off the GUI thread: what the window needs for its first paint, read in one go."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sourcebook.store.library import Library
    from sourcebook.store.records import ArticleRow, ArticleView, ClaimRecord, Summary


@dataclass
class Loaded:
    """What opening a library fetches off the GUI thread, so the first paint needs no more queries."""

    lib: Library
    summary: Summary
    predicates: list[str]
    kinds: tuple[str, ...]
    articles: list[ArticleRow]
    article: ArticleView | None
    claims: dict[int, ClaimRecord]


def load_library(path: str, bundled: bool, last_article: int | None, *, painted: bool = False) -> Loaded:
    """Open a library and read what the window shows first (runs on a worker thread).

    ``painted``: the first paint was already made from the quick path (quick_first_paint); only the
    library, its summary and its predicates are read (articles and article are left empty).
    """
    from sourcebook.ingest.drafts import ENTITY_KINDS
    from sourcebook.store import queries
    from sourcebook.store.library import open_library

    lib = open_library(path, bundled=bundled)
    if painted:
        return Loaded(lib, queries.summary(lib), queries.predicates(lib), tuple(ENTITY_KINDS), [], None, {})
    arts = queries.articles(lib, limit=200)
    first = last_article if last_article is not None else (arts[0].id if arts else None)
    view = queries.article(lib, first) if first is not None else None
    if view is None and arts:
        view = queries.article(lib, arts[0].id)
    claims = article_claims(lib, view.id) if view else {}
    return Loaded(lib, queries.summary(lib), queries.predicates(lib), tuple(ENTITY_KINDS), arts, view, claims)


@dataclass
class FirstPaint:
    """What the window paints first, read in plain sqlite3 before SQLAlchemy is even imported."""

    name: str
    articles: list[ArticleRow]
    article: ArticleView | None
    claims: dict[int, ClaimRecord]


def quick_first_paint(path: str, bundled: bool, last_article: int | None) -> FirstPaint:
    """The article list and the first article through store.quick (the same records as the query
    API gives); raises on anything unusual, and the caller then takes the full path."""
    from pathlib import Path

    from sourcebook.store import quick

    con = quick.connect(path, immutable=bundled)
    try:
        arts = quick.articles(con, limit=200)
        view = quick.article(con, last_article) if last_article is not None else None
        if view is None and arts:
            view = quick.article(con, arts[0].id)
        claims = {c.id: c for c in quick.article_claims(con, view.id)} if view else {}
    finally:
        con.close()
    return FirstPaint("Bundled library" if bundled else Path(path).stem, arts, view, claims)


def article_claims(lib: Library, article_id: int) -> dict[int, ClaimRecord]:
    from sourcebook.store import queries
    from sourcebook.store.records import ClaimFilter

    return {c.id: c for c in queries.claims(lib, ClaimFilter(article_id=article_id), limit=None)}
