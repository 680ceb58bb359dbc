"""Start-up: the QApplication, the window shown first and the library opened right after, the error dialog."""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from sourcebook.errors import SourcebookError

WHAT_TO_DO = "Open another library with 'sourcebook --db PATH', or reinstall Sourcebook to restore the bundled library."


def process_start() -> float:
    """The process's start as a time.monotonic() value, from /proc (falls back to now)."""
    try:
        with open("/proc/self/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")
        with open("/proc/uptime") as f:
            uptime = float(f.read().split()[0])
        return time.monotonic() - (uptime - started)
    except (OSError, ValueError, IndexError):
        return time.monotonic()


_START = process_start()


def probe(event: str) -> None:
    """With SOURCEBOOK_STARTUP_PROBE=1, report a start-up milestone on stderr (never stdout)."""
    if os.environ.get("SOURCEBOOK_STARTUP_PROBE") == "1":
        sys.stderr.write(f"{event} {time.monotonic() - _START:.4f}\n")
        sys.stderr.flush()


def failure_message(e: BaseException) -> tuple[str, int]:
    """The dialog text and exit status for a library that cannot be opened."""
    if isinstance(e, SourcebookError):
        return f"{e}\n\n{WHAT_TO_DO}", e.exit_code if e.exit_code else 2
    return f"{type(e).__name__}: {e}\n\n{WHAT_TO_DO}", 2


def library_error(path: str | None) -> tuple[str, int] | None:
    """Try to open a library: None when it opens, else the message and exit status run_app would give."""
    from sourcebook.paths import bundled_library
    from sourcebook.store.library import open_library

    try:
        open_library(path if path is not None else bundled_library(), bundled=path is None).close()
    except Exception as e:  # noqa: BLE001 - every failure becomes a message, never a traceback
        return failure_message(e)
    return None


def display_problem(env: dict[str, str] | None = None) -> str | None:
    """Why no window can open here, said before Qt aborts the process over it; None when one can."""
    env = dict(os.environ) if env is None else env
    if not sys.platform.startswith("linux") or env.get("QT_QPA_PLATFORM"):
        return None
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return (
            "no display to open a window on (DISPLAY and WAYLAND_DISPLAY are not set); run Sourcebook "
            "in a desktop session, or set QT_QPA_PLATFORM=offscreen to run it headless"
        )
    if not env.get("WAYLAND_DISPLAY"):
        from ctypes.util import find_library

        missing = [lib for lib in ("xcb-cursor", "xkbcommon-x11", "EGL") if find_library(lib) is None]
        if missing:
            return (
                f"Qt's X11 libraries are missing ({', '.join('lib' + m for m in missing)}); "
                "install them with 'sh scripts/setup.sh app' or your package manager"
            )
    return None


def pin_none() -> None:
    """Work around PySide6 6.12 on Python 3.11 dropping a reference to None on some calls (each
    model reset drops two, each list repaint one): in a long session None's count reaches zero and
    the interpreter aborts ("none_dealloc"). Python 3.12 makes None immortal; before it, give None
    references enough for any session."""
    if sys.version_info < (3, 12) and sys.implementation.name == "cpython":
        import ctypes

        ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40


def run_app(db: str | None) -> int:
    """Show the window on a library (None: the bundled one); returns the exit status."""
    problem = display_problem()
    if problem:
        raise SourcebookError(problem)
    pin_none()
    from sourcebook.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "sourcebook"])
    app.setApplicationName("Sourcebook")
    app.setApplicationDisplayName("Sourcebook")
    app.setOrganizationName("Sourcebook")
    win = MainWindow(deferred=True)  # the frame first; panes right after the first paint
    status = {"code": 0}

    def failed(message: str, code: int) -> None:
        from PySide6.QtWidgets import QMessageBox

        status["code"] = code
        QMessageBox.critical(win, "Sourcebook cannot open the library", message)
        win.close()
        app.exit(code)

    def rendered() -> None:
        probe("content_rendered")
        if os.environ.get("SOURCEBOOK_QUIT_AFTER_RENDER") == "1":
            win.close()
            app.quit()

    def loaded() -> None:
        probe("library_loaded")
        if os.environ.get("SOURCEBOOK_QUIT_AFTER_LOAD") == "1":  # the library wholly open: the benchmark's RSS
            win.close()
            app.quit()

    win.libraryFailed.connect(failed)
    win.contentRendered.connect(lambda: QTimer.singleShot(0, rendered))
    win.libraryOpened.connect(lambda: QTimer.singleShot(0, loaded))
    win.show()
    QTimer.singleShot(0, lambda: probe("window_shown"))
    QTimer.singleShot(0, lambda: win.open_library(db, startup=True))  # the first article, then the rest
    QTimer.singleShot(0, win.build)
    code = app.exec()
    win.runner.wait(30000)  # a worker still loading delivers nowhere once the window is gone
    return status["code"] or code
