"""Engine and session set-up. The engine is built from a URL handed in; nothing module-level."""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine, create_engine, event, exc
from sqlalchemy.orm import Session, sessionmaker

from db.prepared import Reader, reading

T = TypeVar("T")
# serialization failure, deadlock detected, unique violation (another window inserted the same key first)
RETRIED_SQLSTATES = frozenset({"40001", "40P01", "23505"})
ATTEMPTS = 5


def database_url(target: str | Path) -> str:
    """Accept a SQLAlchemy URL or a plain path to a SQLite file."""
    text = str(target)
    if text.startswith("sqlite:///") and not text.startswith("sqlite:////"):
        relative = text.removeprefix("sqlite:///")
        if relative and relative != ":memory:" and not relative.startswith("file:"):
            # made absolute: the archive and backups beside the file must not depend on the working folder
            return f"sqlite:///{Path(relative).expanduser().resolve()}"
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for another backend or an in-memory database."""
    if not url.startswith("sqlite"):
        return None
    path = url.split(":///", 1)[1] if ":///" in url else ""
    return Path(path) if path and path != ":memory:" else None


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine with the settings each backend needs for safe concurrent writes.

    SQL parameters are never put into error messages: they carry ID numbers and phone numbers.
    """
    if url.startswith("sqlite"):
        path = sqlite_path(url)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30}, hide_parameters=True, **kwargs)
        _configure_sqlite(engine)
        return engine
    # READ COMMITTED (the default): a registration's counter upsert waits on the row lock, and the
    # version column turns a concurrent edit into a conflict; small pool, one window rarely needs more.
    kwargs.setdefault("pool_size", 3)
    kwargs.setdefault("max_overflow", 5)
    return create_engine(
        url, pool_pre_ping=True, hide_parameters=True, isolation_level="READ COMMITTED", **kwargs
    )


def is_transient(error: exc.DBAPIError) -> bool:
    """A failure that running the same transaction again can cure: it lost a race, nothing is wrong."""
    if getattr(error.orig, "sqlstate", None) in RETRIED_SQLSTATES:
        return True
    return "database is locked" in str(error.orig)  # SQLite: busy beyond busy_timeout


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide when a transaction begins (see "begin" below).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        # FULL: a committed registration survives a power cut, not only a crash.
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # A writer takes the write lock at the start (IMMEDIATE), so two windows never fail on
        # upgrading a read lock to a write lock halfway through a registration; readers don't.
        writing = conn.get_execution_options().get(_WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


_WRITE_OPTION = "xinfang_write"


class Database:
    """The one handle the services receive: an engine and two kinds of unit of work."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.retries = 0  # transactions run again after losing a race (deadlock, serialization, duplicate)
        self.url = engine.url.render_as_string(hide_password=False)
        self._read = sessionmaker(engine, expire_on_commit=False)
        self._write = sessionmaker(engine.execution_options(**{_WRITE_OPTION: True}), expire_on_commit=False)

    @classmethod
    def open(cls, target: str | Path) -> Database:
        return cls(make_engine(database_url(target)))

    def describe(self) -> str:
        """Where the data is, for the status bar: the file, or the server URL without its password."""
        path = sqlite_path(self.url)
        return str(path) if path is not None else self.engine.url.render_as_string(hide_password=True)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only unit of work (rolled back at the end)."""
        with self._read() as session, session.begin():
            yield session
            session.rollback()

    def reader(self) -> AbstractContextManager[Reader]:
        """A read-only unit of work for prepared statements (db/prepared.py): the quick reads a clerk
        waits on, without a Session."""
        return reading(self.engine)

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """One write transaction: committed whole at the end, or rolled back whole on error."""
        with self._write() as session, session.begin():
            yield session

    def write_retrying(self, work: Callable[[Session], T], attempts: int = ATTEMPTS) -> T:
        """`work` in one write transaction, run again (after a short random pause) when it loses a race
        with another window: a deadlock, a serialization failure, or a duplicate key inserted meanwhile.
        `work` must do nothing outside the session, since it may run more than once."""
        for attempt in range(1, attempts + 1):
            try:
                with Database.writing(self) as session:
                    return work(session)
            except exc.DBAPIError as error:
                if attempt == attempts or not is_transient(error):
                    raise
                self.retries += 1
                time.sleep(random.uniform(0.005, 0.01 * 2**attempt))  # at most ~0.6 s in all
        raise AssertionError("unreachable")

    def on_write_session(self, name: str, handler: Any) -> None:
        """Listen to a session event (``after_flush``, ``before_commit`` …) of every writing unit of work."""
        event.listen(self._write, name, handler)

    def dispose(self) -> None:
        self.engine.dispose()
