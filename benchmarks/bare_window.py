"""The baseline for start-up: a bare PySide6 QMainWindow, timed the way the app times itself.

Prints ``window_shown <s>`` on stderr (seconds since the process started, from /proc, the same
clock as sourcebook.ui.app.probe) in the first turn of the event loop after show(), then quits.
"""

from __future__ import annotations

import os
import sys
import time


def process_start() -> float:
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

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402


def main() -> int:
    app = QApplication(sys.argv[:1])
    win = QMainWindow()
    win.setWindowTitle("bare")
    win.resize(1360, 860)
    win.show()

    def shown() -> None:
        sys.stderr.write(f"window_shown {time.monotonic() - _START:.4f}\n")
        sys.stderr.flush()
        win.close()
        app.quit()

    QTimer.singleShot(0, shown)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
