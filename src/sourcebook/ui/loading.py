"""Opening a library for the window: what it needs for its first paint, read in one go.

The app only reads, and reads through store.quick's ReadLibrary (plain sqlite3): SQLAlchemy, which
costs ~0.4 s to import and ~45 MB to hold, is loaded only to explain a file that will not open.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sourcebook.store.library import Library
    from sourcebook.store.quick import ReadLibrary
    from sourcebook.store.records import ArticleRow, ArticleView, ClaimRecord, Summary


@dataclass
class Loaded:
    """What opening a library fetches off the GUI thread, so the first paint needs no more queries."""

    lib: Library | ReadLibrary
    summary: Summary
    predicates: list[str]
    kinds: tuple[str, ...]
    articles: list[ArticleRow]
    article: ArticleView | None
    claims: dict[int, ClaimRecord]


def open_for_reading(path: str, bundled: bool) -> Library | ReadLibrary:
    """A library opened to read: a ReadLibrary, or when the file will not open as one, whatever
    store.library makes of it (its exact error, or a Library if it opens after all)."""
    from sourcebook.errors import LibraryError
    from sourcebook.store.quick import ReadLibrary

    try:
        return ReadLibrary(path, bundled=bundled)
    except LibraryError:
        from sourcebook.store.library import open_library

        return open_library(path, bundled=bundled)


def load_library(
    path: str,
    bundled: bool,
    last_article: int | None,
    *,
    painted: bool = False,
    lib: Library | ReadLibrary | None = None,
) -> Loaded:
    """Open a library (or take ``lib``, already open) and read what the window shows first (runs on
    a worker thread).

    ``painted``: the first paint was already made (quick_first_paint); the article list's first
    page, the summary and the predicates are read (article and claims are left empty).
    """
    from sourcebook.ingest.drafts import ENTITY_KINDS
    from sourcebook.store import queries

    lib = lib if lib is not None else open_for_reading(path, bundled)
    if painted:
        arts = queries.articles(lib, limit=200)
        return Loaded(lib, queries.summary(lib), queries.predicates(lib), tuple(ENTITY_KINDS), arts, None, {})
    arts = queries.articles(lib, limit=200)
    first = last_article if last_article is not None else (arts[0].id if arts else None)
    view = queries.article(lib, first) if first is not None else None
    if view is None and arts:
        view = queries.article(lib, arts[0].id)
    claims = article_claims(lib, view.id) if view else {}
    return Loaded(lib, queries.summary(lib), queries.predicates(lib), tuple(ENTITY_KINDS), arts, view, claims)


@dataclass
class FirstPaint:
    """What the window paints first, read in plain sqlite3 on the GUI thread right after the frame."""

    lib: ReadLibrary
    name: str
    articles: list[ArticleRow] | None  # None: not read yet (the last-read article came first)
    article: ArticleView | None
    claims: dict[int, ClaimRecord]


def quick_first_paint(path: str, bundled: bool, last_article: int | None) -> FirstPaint:
    """The library opened read-only, its article list and its first article (store.quick: the same
    records as the query API gives); raises on anything unusual, and the caller takes the full path."""
    from sourcebook.store import quick

    lib = quick.ReadLibrary(path, bundled=bundled)
    try:
        with lib.reading() as con:
            # the article the reader left comes first; the list (a sort of every title) follows on a
            # worker — unless there is no such article, and the list's first is the one to show
            arts = None
            view = quick.article(con, last_article) if last_article is not None else None
            if view is None:
                arts = quick.articles(con, limit=200)
                view = quick.article(con, arts[0].id) if arts else None
            claims = {c.id: c for c in quick.article_claims(con, view.id)} if view else {}
    except BaseException:
        lib.close()
        raise
    return FirstPaint(lib, lib.name, arts, view, claims)


def article_claims(lib: Library | ReadLibrary, article_id: int) -> dict[int, ClaimRecord]:
    from sourcebook.store import queries
    from sourcebook.store.records import ClaimFilter

    return {c.id: c for c in queries.claims(lib, ClaimFilter(article_id=article_id), limit=None)}
