"""Background work off the GUI thread: one thread per worker, one store connection each.

A job is a callable taking the worker's own store. Results come back through a
small QObject that lives in the GUI thread: per QT_NOTES, only slots of a
GUI-thread QObject run on the GUI thread when a worker thread emits.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from inbox.channels.x import XError
from inbox.credentials import CredentialError
from inbox.outbox import OutboxError
from inbox.store import SqlStore, StoreError
from inbox.templates import TemplateError

log = logging.getLogger(__name__)

Job = Callable[[SqlStore], Any]
# Failures with a message written for the agent: shown, not logged as bugs.
USER_ERRORS: tuple[type[Exception], ...] = (StoreError, OutboxError, XError, CredentialError,
                                            TemplateError)
Callback = Callable[[Any], None]


class _Receiver(QObject):
    """Created on the GUI thread; runs callbacks there."""

    @Slot(object)
    def deliver(self, item: tuple[Callback | None, Any]) -> None:
        callback, value = item
        if callback is not None:
            callback(value)


class _Runner(QObject):
    finished = Signal(object)

    def __init__(self, open_store: Callable[[], SqlStore]) -> None:
        super().__init__()
        self._open = open_store
        self._store: SqlStore | None = None

    @Slot(object)
    def execute(self, item: tuple[Job, Callback | None, Callback | None]) -> None:
        job, on_done, on_error = item
        try:
            if self._store is None:
                self._store = self._open()
            result = job(self._store)
        except USER_ERRORS as exc:  # the agent is told; not a bug
            self.finished.emit((on_error, exc))
        except Exception as exc:  # reported to the GUI, never lost silently
            log.exception("background job failed")
            self.finished.emit((on_error, exc))
        else:
            self.finished.emit((on_done, result))

    @Slot()
    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


_LIVE: set[StoreWorker] = set()
_SKIPPED = object()  # a submit_latest job that a newer ask made pointless


def stop_all() -> int:
    """Stop every worker still running (at exit, and after each test).

    A QThread still running when Python tears Qt down can crash the process
    after everything else went fine, so nothing may outlive its owner.
    """
    stopped = 0
    for worker in list(_LIVE):
        worker.stop()
        stopped += 1
    return stopped


class StoreWorker(QObject):
    """Runs jobs in order on its own thread; ``submit`` never blocks the caller."""

    _submit = Signal(object)
    _close = Signal()

    def __init__(self, open_store: Callable[[], SqlStore], name: str) -> None:
        super().__init__()
        self._thread = QThread()
        self._thread.setObjectName(name)
        self._runner = _Runner(open_store)
        self._runner.moveToThread(self._thread)
        self._receiver = _Receiver()
        self._submit.connect(self._runner.execute)
        self._close.connect(self._runner.close)
        self._runner.finished.connect(self._receiver.deliver)
        self._thread.start()
        self.pending = 0
        self._latest: dict[str, int] = {}  # topic -> the newest ask (submit_latest)
        _LIVE.add(self)

    def submit(self, job: Job, on_done: Callback | None = None,
               on_error: Callback | None = None) -> None:
        self.pending += 1

        def done(value: Any) -> None:
            self.pending -= 1
            if on_done:
                on_done(value)

        def error(exc: Any) -> None:
            self.pending -= 1
            if on_error:
                on_error(exc)

        self._submit.emit((job, done, error))

    def submit_latest(self, topic: str, job: Job, on_done: Callback | None = None,
                      on_error: Callback | None = None) -> None:
        """``submit`` for reads a newer ask of the same ``topic`` makes pointless (a view's
        ids, the counts): a job still queued when a newer one arrives is skipped, and
        only the newest ask's answer (or error) is delivered."""
        ticket = self._latest[topic] = self._latest.get(topic, 0) + 1

        def newest() -> bool:
            return self._latest[topic] == ticket

        def guarded(store: SqlStore) -> Any:
            return job(store) if newest() else _SKIPPED

        def done(value: Any) -> None:
            if value is not _SKIPPED and newest() and on_done:
                on_done(value)

        def error(exc: Any) -> None:
            if newest() and on_error:
                on_error(exc)

        self.submit(guarded, done, error)

    def stop(self) -> None:
        """Finish queued jobs, close the store, end the thread (keeping it referenced)."""
        if self not in _LIVE:
            return  # already stopped: closing a window twice is fine
        _LIVE.discard(self)
        self._close.emit()
        self._thread.quit()
        self._thread.wait()
