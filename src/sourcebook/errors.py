"""Errors a user may meet; each carries one line that says what is wrong and with which file."""


class SourcebookError(Exception):
    """Base for errors shown to users as one line, never as a traceback."""

    exit_code = 1


class InputError(SourcebookError):
    """An input file that cannot be ingested."""


class LibraryError(SourcebookError):
    """A library file that is missing, not a library, damaged or of another version."""

    exit_code = 2


class LibraryLocked(LibraryError):
    """Another program is writing the library."""

    exit_code = 3


class ReadOnlyLibrary(LibraryError):
    """A write was asked of a library opened read-only (the bundled one, or a read-only file)."""

    exit_code = 4
