"""The integrity check at start: synchronous where it must be, otherwise after the window paints.

``PRAGMA quick_check`` reads the whole file: milliseconds on a county's database, ~20 s on a million
visits. The rule stays that a damaged file is never migrated or written into, so the check runs before
anything when an upgrade is pending, when the previous window session did not close cleanly (its marker
file is still there), or when the file is small. Otherwise the window opens at once and the same check
runs on its own read-only connection in a background thread; if it finds damage, every write through
the engine is refused from then on (the clerk is told to restore a backup) and the problems are logged.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import event

from app.backup import check_file
from app.errors import StorageError
from app.logs import log
from db import migrate
from db.engine import Database, sqlite_path

SMALL_FILE_BYTES = 64 * 1024 * 1024  # quick_check of 64 MB takes well under a second: check it first
MARKER_SUFFIX = ".session-open"
DAMAGED = "数据库文件已损坏，请用“恢复备份”恢复："
READS = ("SELECT", "PRAGMA", "WITH", "EXPLAIN", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")


def damaged_message(problems: list[str]) -> str:
    return DAMAGED + "；".join(problems[:3])


def marker_path(data_dir: Path, database: Path) -> Path:
    """The open-session marker of one database file, in the data folder."""
    return data_dir / f".{database.name}{MARKER_SUFFIX}"


@dataclass
class IntegrityPlan:
    """What open_desk decided: checked already (`reason` says why), or to be checked in the background."""

    path: Path | None  # the SQLite file; None for a server or a file that does not exist yet
    synchronous: bool
    reason: str
    marker: Path | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def deferred(self) -> bool:
        return self.path is not None and not self.synchronous


def plan_check(db: Database, data_dir: Path, window: bool) -> IntegrityPlan:
    """Decide whether the start-up check must run before anything else (CLI: always)."""
    path = sqlite_path(db.url)
    if path is None or not path.exists():
        return IntegrityPlan(None, True, "no file")
    marker = marker_path(data_dir, path) if window else None
    if not window:
        return IntegrityPlan(path, True, "command line")
    if marker is not None and marker.exists():
        return IntegrityPlan(path, True, "previous session not closed", marker)
    if path.stat().st_size <= SMALL_FILE_BYTES:
        return IntegrityPlan(path, True, "small file", marker)
    if migrate.current_revision(db.engine) != migrate.head_revision():
        return IntegrityPlan(path, True, "upgrade pending", marker)
    return IntegrityPlan(path, False, "deferred", marker)


def check_now(plan: IntegrityPlan) -> None:
    """The synchronous check: raise StorageError (nothing written yet) when the file is damaged."""
    if plan.path is None or not plan.synchronous:
        return
    problems = check_file(plan.path, quick=True).problems
    if problems:
        log.error("start-up integrity check failed (%s): %s", plan.reason, "; ".join(problems[:10]))
        raise StorageError(damaged_message(problems))


def open_session(plan: IntegrityPlan) -> None:
    """Write the marker: until close_session removes it, the next start checks before opening."""
    if plan.marker is not None:
        try:
            plan.marker.parent.mkdir(parents=True, exist_ok=True)
            plan.marker.write_text("open\n", encoding="ascii")
        except OSError as error:  # a read-only data folder: the next start just checks in the background
            log.warning("cannot write the session marker %s: %s", plan.marker, error)


def close_session(plan: IntegrityPlan) -> None:
    """A clean close: the marker goes, unless damage was found (then the next start checks first)."""
    if plan.marker is not None and not plan.problems:
        plan.marker.unlink(missing_ok=True)


def block_writes(db: Database, message: str) -> None:
    """From now on every statement that is not a read raises StorageError(message) before it runs."""

    def refuse(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if not statement.lstrip().upper().startswith(READS):
            raise StorageError(message)

    event.listen(db.engine, "before_cursor_execute", refuse)


def run_deferred(plan: IntegrityPlan, db: Database) -> list[str]:
    """The background check itself (any thread: it opens its own read-only connection)."""
    if not plan.deferred or plan.path is None:
        return []
    report = check_file(plan.path, quick=True)
    log.info("background integrity check: %d problems in %.1f s", len(report.problems), report.seconds)
    if report.problems:
        plan.problems = report.problems
        log.error("background integrity check found damage: %s", "; ".join(report.problems[:10]))
        block_writes(db, damaged_message(report.problems))
    return report.problems


def start_deferred(plan: IntegrityPlan, db: Database, done: Callable[[list[str]], None]) -> threading.Thread:
    """Run the deferred check in a daemon thread (the process may exit without waiting for it); `done`
    is called in that thread with the problems ([] when fine or nothing was deferred)."""

    def work() -> None:
        try:
            problems = run_deferred(plan, db)
        except Exception as error:  # noqa: BLE001 - a failed check must still reach the window
            log.exception("background integrity check failed")
            problems = [f"完整性检查未能完成：{error}"]
            plan.problems = problems
            block_writes(db, damaged_message(problems))
        done(problems)

    thread = threading.Thread(target=work, name="integrity-check", daemon=True)
    thread.start()
    return thread
