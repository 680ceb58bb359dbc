"""Where Sourcebook's own files are: the bundled library and the data files beside it.

An installed wheel carries the top-level ``resources/`` folder as ``sourcebook/resources``; a
source checkout has it two levels above this file. Both are found the same way.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path

BUNDLE_NAME = "sourcebook.sqlite"


@cache
def resource_dir() -> Path:
    installed = Path(str(files("sourcebook") / "resources"))
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / "resources"


def bundled_library() -> Path:
    return resource_dir() / BUNDLE_NAME
