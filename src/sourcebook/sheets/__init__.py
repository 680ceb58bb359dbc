"""Spec sheets: everything the library says about one weapon system, every value cited.

``model``/``build`` (no Qt) make the sheet; ``html``, ``text`` and ``timeline`` (no Qt) render
it; ``printing`` and ``pages`` (Qt) paint it on paper and PDF.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sourcebook.errors import SourcebookError

if TYPE_CHECKING:
    from sourcebook.store.library import Library
    from sourcebook.store.records import EntityRow


class UnknownSystem(SourcebookError):
    """A name that matches no system in the library."""


def find_system(lib: Library, name: str) -> EntityRow:
    """The system a name or alias means (any case, spaces and dashes ignored), or UnknownSystem."""
    from sourcebook.store import queries

    found = queries.find_entity(lib, name)
    if found is not None:
        return found
    close = queries.suggest(lib, name)
    hint = f"; did you mean {' or '.join(close)}?" if close else "; 'sourcebook spec --list' lists the systems"
    raise UnknownSystem(f"no system named {name!r} in {lib.name}{hint}")
