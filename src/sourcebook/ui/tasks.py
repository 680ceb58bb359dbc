"""The one helper for background work: run a function on the thread pool, get its result on the GUI thread."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Signals(QObject):
    done = Signal(int, object)
    failed = Signal(int, object)


class _Job(QRunnable):
    def __init__(self, token: int, fn: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self._token = token
        self._fn = fn
        self._signals = signals
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as e:  # noqa: BLE001 - delivered to the caller's on_error
            self._signals.failed.emit(self._token, e)
        else:
            self._signals.done.emit(self._token, result)


_POOL: QThreadPool | None = None


def worker_pool() -> QThreadPool:
    """Two long-lived worker threads shared by every window.

    The store's engine keeps one SQLite connection per thread (SingletonThreadPool, five at most)
    and closes others' when more threads come: a small pool whose threads never expire keeps the
    GUI thread plus the workers well under that.
    """
    global _POOL
    if _POOL is None:
        _POOL = QThreadPool()
        _POOL.setMaxThreadCount(2)
        _POOL.setExpiryTimeout(-1)
    return _POOL


class TaskRunner(QObject):
    """Runs callables off the GUI thread; a newer task with the same key makes older results stale."""

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or worker_pool()
        self._tokens = itertools.count(1)
        self._pending: dict[int, tuple[str | None, Callable, Callable | None, _Signals]] = {}
        self._latest: dict[str, int] = {}

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None] | None = None,
        *,
        key: str | None = None,
    ) -> int:
        token = next(self._tokens)
        signals = _Signals()  # lives on this (GUI) thread, so emits from the pool arrive queued
        signals.done.connect(self._done)
        signals.failed.connect(self._failed)
        self._pending[token] = (key, on_done, on_error, signals)
        if key is not None:
            self._latest[key] = token
        self._pool.start(_Job(token, fn, signals))
        return token

    def cancel(self, key: str) -> None:
        """Drop whatever a running task with this key delivers."""
        self._latest[key] = -1

    def busy(self, key: str) -> bool:
        token = self._latest.get(key)
        return token is not None and token in self._pending

    def _take(self, token: int) -> tuple[Callable, Callable | None] | None:
        key, on_done, on_error, signals = self._pending.pop(token, (None, None, None, None))
        if on_done is None:
            return None
        signals.deleteLater()
        if key is not None and self._latest.get(key) != token:
            return None  # superseded by a newer task with the same key
        return on_done, on_error

    @Slot(int, object)
    def _done(self, token: int, result: object) -> None:
        taken = self._take(token)
        if taken:
            taken[0](result)

    @Slot(int, object)
    def _failed(self, token: int, error: object) -> None:
        taken = self._take(token)
        if taken and taken[1]:
            taken[1](error)

    def wait(self, msecs: int = 5000) -> bool:
        return self._pool.waitForDone(msecs)
