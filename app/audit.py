"""The audit log: every write captured in the writer's own transaction, and the events that write nothing.

Writes are captured from the session's flush events (one entry per inserted, updated or deleted row, or per
bulk statement) and chained when the transaction commits, with the actor signed in at the time. Reveals,
prints, exports, imports and sign-ins are recorded by the guard and the account service through `record`.
Entries carry table names, ids and column names, never the values: the log holds no ID numbers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, func, inspect, select
from sqlalchemy.orm import ORMExecuteState, Session

from app.audit_chain import AuditRecord, AuditVerdict, append, verify
from app.storage import translated
from db.engine import Database
from db.models import AuditEntry, AuditHead

_PENDING = "audit_pending"
_CARRYING = "audit_carrying"  # session.info key: the carried entry this transaction has chained
ACTOR = "audit_actor"  # session.info key: who this unit of work acts for, when not the signed-in user
_UNAUDITED = {AuditEntry.__tablename__, AuditHead.__tablename__}


@dataclass
class _Carried:
    record: AuditRecord
    written: bool = False


# the entry a guarded call carries into the write transaction it makes (one per thread and task)
_CARRIED: ContextVar[_Carried | None] = ContextVar("audit_carried", default=None)


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    actor: str
    action: str
    record_type: str
    record_id: str
    detail: str


class AuditService:
    """Reads and verifies the log; `record` appends one entry in its own transaction."""

    def __init__(self, db: Database, actor: Callable[[], str], clock: Callable[[], datetime]) -> None:
        self._db = db
        self._actor = actor
        self._clock = clock

    def record(self, action: str, record_type: str = "", record_id: object = "", **detail: Any) -> None:
        with self._db.writing() as session:
            append(session.connection(), [self._entry(action, record_type, record_id, detail)])

    def entry(self, action: str, record_type: str = "", record_id: object = "", **detail: Any) -> AuditRecord:
        """An entry for `record` or `carried`, stamped when it is written."""
        return self._entry(action, record_type, record_id, detail)

    @contextmanager
    def carried(self, record: AuditRecord) -> Iterator[None]:
        """Chain `record` in the first write transaction committed inside the block, with that
        transaction's rows (one commit, one fsync, instead of a transaction of its own after it). If the
        block commits nothing, the record is appended in its own transaction when the block ends
        without error; on an error nothing is appended that was not committed."""
        carried = _Carried(record)
        token = _CARRIED.set(carried)
        try:
            yield
        finally:
            _CARRIED.reset(token)
        if not carried.written:
            with self._db.writing() as session:
                append(session.connection(), [replace(record, at=self._clock())])

    def record_as(
        self, actor: str, action: str, record_type: str = "", record_id: object = "", **detail: Any
    ) -> None:
        """An entry on behalf of someone not (yet) signed in: a sign-in, a failed one, a lockout."""
        with self._db.writing() as session:
            entry = AuditRecord(self._clock(), actor, action, record_type, str(record_id), detail)
            append(session.connection(), [entry])

    def entries(
        self,
        actor: str | None = None,
        record_type: str | None = None,
        record_id: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        action: str | None = None,
        limit: int = 200,
        offset: int = 0,
    ) -> list[AuditRow]:
        where = _filters(actor, record_type, record_id, since, until, action)
        query = select(AuditEntry).where(where).order_by(AuditEntry.id.desc()).limit(limit).offset(offset)
        with self._db.reading() as session:
            return [_row(entry) for entry in session.scalars(query)]

    def count(
        self,
        actor: str | None = None,
        record_type: str | None = None,
        record_id: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        action: str | None = None,
    ) -> int:
        where = _filters(actor, record_type, record_id, since, until, action)
        with self._db.reading() as session:
            return session.scalar(select(func.count()).select_from(AuditEntry).where(where)) or 0

    def verify(self) -> AuditVerdict:
        with translated(), self._db.engine.connect() as conn:
            return verify(conn)

    def _entry(self, action: str, record_type: str, record_id: object, detail: dict[str, Any]) -> AuditRecord:
        return AuditRecord(self._clock(), self._actor(), action, record_type, str(record_id), detail)


def queue(session: Session, record: AuditRecord) -> None:
    """Chain `record` at commit, after the rows this unit of work changed so far."""
    session.flush()
    session.info.setdefault(_PENDING, []).append(record)


def capture_writes(db: Database, actor: Callable[[], str], clock: Callable[[], datetime]) -> None:
    """Make every writing unit of work of `db` append its changes to the chain before it commits."""

    def after_flush(session: Session, _context: Any) -> None:
        pending = session.info.setdefault(_PENDING, [])
        who = session.info.get(ACTOR) or actor()
        for kind, objects in (
            ("insert", session.new),
            ("update", session.dirty),
            ("delete", session.deleted),
        ):
            for obj in objects:
                entry = _row_entry(kind, obj, who, clock())
                if entry is not None:
                    pending.append(entry)

    def on_execute(state: ORMExecuteState) -> None:
        if not (state.is_insert or state.is_update or state.is_delete):
            return
        table = getattr(state.statement, "table", None)
        name = getattr(table, "name", "")
        if name in _UNAUDITED:
            return
        kind = "insert" if state.is_insert else "update" if state.is_update else "delete"
        rows = len(state.parameters) if isinstance(state.parameters, list) else 1
        who = state.session.info.get(ACTOR) or actor()
        record = AuditRecord(clock(), who, kind, name, "", {"bulk": True, "rows": rows})
        state.session.info.setdefault(_PENDING, []).append(record)

    def before_commit(session: Session) -> None:
        session.flush()  # what is still pending is flushed now, so after_flush has seen it
        pending = session.info.pop(_PENDING, None) or []
        carried = _CARRIED.get()
        if carried is not None and not carried.written:
            pending.append(replace(carried.record, at=clock()))
            session.info[_CARRYING] = carried
        if pending:
            append(session.connection(), pending)

    def after_commit(session: Session) -> None:
        carried = session.info.pop(_CARRYING, None)
        if carried is not None:
            carried.written = True

    def forget(session: Session, *_args: Any) -> None:
        session.info.pop(_PENDING, None)
        session.info.pop(_CARRYING, None)

    db.on_write_session("after_flush", after_flush)
    db.on_write_session("do_orm_execute", on_execute)
    db.on_write_session("before_commit", before_commit)
    db.on_write_session("after_commit", after_commit)
    db.on_write_session("after_soft_rollback", forget)


def _row_entry(kind: str, obj: Any, actor: str, at: datetime) -> AuditRecord | None:
    state = inspect(obj)
    table = state.mapper.persist_selectable
    name = getattr(table, "name", state.mapper.class_.__name__)
    if name in _UNAUDITED:
        return None
    detail: dict[str, Any] = {}
    if kind == "update":
        changed = sorted(a.key for a in state.attrs if a.history.has_changes())
        if not changed:
            return None  # touched but not changed: nothing was written
        detail["columns"] = changed
    key = state.mapper.primary_key_from_instance(obj)  # the identity is set only after this event
    return AuditRecord(at, actor, kind, name, ",".join(str(part) for part in key), detail)


def _filters(
    actor: str | None,
    record_type: str | None,
    record_id: str | None,
    since: datetime | None,
    until: datetime | None,
    action: str | None,
) -> ColumnElement[bool]:
    wanted: list[ColumnElement[bool]] = [AuditEntry.id > 0]
    for column, value in (
        (AuditEntry.actor, actor),
        (AuditEntry.record_type, record_type),
        (AuditEntry.record_id, record_id),
        (AuditEntry.action, action),
    ):
        if value:
            wanted.append(column == value)
    if since is not None:
        wanted.append(AuditEntry.at >= since)
    if until is not None:
        wanted.append(AuditEntry.at < until)
    return and_(*wanted)


def _row(entry: AuditEntry) -> AuditRow:
    return AuditRow(
        entry.id, entry.at, entry.actor, entry.action, entry.record_type, entry.record_id, entry.detail
    )
