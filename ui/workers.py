"""Slow work off the main thread: a callable runs in the QThreadPool, its result comes back on the main
thread.

Each `Requests` numbers what it asks for; only the answer to the newest request is delivered, so a search
typed over a slower one never shows the older results. A DeskError raised in the worker is delivered as
`failed` (the view shows its message); anything else is a bug and is re-raised on the main thread.

A request may give the worker a short grace (`wait_ms`): an answer ready within it is delivered at once, so
a quick list does not flash empty first; a slower one arrives when ready and the window stays responsive.
Typing never waits (a search typed in the box uses no grace).
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from app.errors import DeskError
from ui.app_messages import app_message


class _Relay(QObject):
    """One for the program, living on the main thread as long as the application: a signal emitted from a
    worker is queued to it. (A relay owned by a view could be deleted while a worker still emits to it.)"""

    settled = Signal(object)  # the _Outcome


_relay: _Relay | None = None


def _the_relay() -> _Relay:
    global _relay
    if _relay is None or not shiboken6.isValid(_relay):
        _relay = _Relay(QCoreApplication.instance())
        _relay.settled.connect(_dispatch)
    return _relay


def _dispatch(outcome: object) -> None:
    assert isinstance(outcome, _Outcome)
    owner = outcome.owner()
    if owner is not None and shiboken6.isValid(owner):
        owner._deliver(outcome)  # noqa: SLF001 - the relay is part of Requests


class _Outcome:
    """What one request came to; `delivered` once the main thread has handled it (at most once)."""

    def __init__(self, request_id: int, owner: Requests) -> None:
        self.owner = weakref.ref(owner)  # a view closed meanwhile does not hear its answer
        self.request_id = request_id
        self.ready = threading.Event()
        self.result: object = None
        self.error: BaseException | None = None
        self.delivered = False


class _Job(QRunnable):
    def __init__(self, outcome: _Outcome, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._outcome, self._work, self._relay = outcome, work, relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            self._outcome.result = self._work()
        except BaseException as error:  # handed to the main thread, never lost in the pool
            self._outcome.error = error
        self._outcome.ready.set()
        self._relay.settled.emit(self._outcome)


class Requests(QObject):
    """Background requests of one kind (a search box, a list): the newest wins, older answers are dropped."""

    finished = Signal(object)  # the result of the newest request
    failed = Signal(str)  # a DeskError's message, for the view to show
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._relay = _the_relay()
        self._latest = 0
        self._pending = 0
        self._newest: _Outcome | None = None

    @property
    def latest(self) -> int:
        return self._latest

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def run(self, work: Callable[[], Any], wait_ms: int = 0) -> int:
        """Start `work` in the pool; returns the request id. Earlier requests' answers will be dropped.

        With `wait_ms`, an answer ready within that time is delivered before this returns.
        """
        self._latest += 1
        outcome = _Outcome(self._latest, self)
        self._newest = outcome
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        self._pool.start(_Job(outcome, work, self._relay))
        if wait_ms > 0 and outcome.ready.wait(wait_ms / 1000):
            self._deliver(outcome)
        return outcome.request_id

    def settle(self, wait_ms: int) -> bool:
        """Wait up to ``wait_ms`` for the newest request and deliver its answer now if it came (the rest
        arrive as usual); True when nothing is left pending."""
        outcome = self._newest
        if outcome is None or outcome.delivered:
            return True
        if outcome.ready.wait(max(wait_ms, 0) / 1000):
            self._deliver(outcome)
            return True
        return False

    def cancel(self) -> None:
        """Forget every request made so far: their answers, when they come, are dropped."""
        self._latest += 1

    def _deliver(self, outcome: _Outcome) -> None:
        if outcome.delivered:
            return  # delivered within the grace; this is the queued signal of the same answer
        outcome.delivered = True
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)
        error = outcome.error
        if outcome.request_id != self._latest:
            return  # a newer request was made: this answer is stale
        if error is not None and not isinstance(error, DeskError):
            raise error  # a bug: reaches the window's excepthook like any other
        if isinstance(error, DeskError):
            self.failed.emit(app_message(error.message))
        else:
            self.finished.emit(outcome.result)


def wait_for_pool(timeout_ms: int = 5000) -> bool:
    """Let running jobs finish (closing the window, tests): True if all finished in time."""
    return bool(QThreadPool.globalInstance().waitForDone(timeout_ms))
