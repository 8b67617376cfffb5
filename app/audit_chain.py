"""The audit log's hash chain: append entries under the head's lock, verify the whole chain.

hash = sha256(prev_hash + canonical JSON of the entry, its id included). Editing an entry breaks its own hash,
deleting or inserting one breaks the next entry's prev_hash (or the head, for the last one), so
`verify` names the first broken link. The head row is locked by every appender, so two windows writing
at once still make one chain.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from db.models import AuditEntry, AuditHead

GENESIS = "0" * 64
_BATCH = 5000


@dataclass(frozen=True)
class AuditRecord:
    """An entry before it is chained."""

    at: datetime
    actor: str
    action: str
    record_type: str = ""
    record_id: str = ""
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class AuditVerdict:
    ok: bool
    checked: int
    first_broken_id: int | None = None
    reason: str = ""


def canonical(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def entry_hash(
    prev_hash: str,
    entry_id: int,
    at: datetime,
    actor: str,
    action: str,
    record_type: str,
    record_id: str,
    detail: str,
) -> str:
    body = canonical(
        [entry_id, at.isoformat(timespec="microseconds"), actor, action, record_type, record_id, detail]
    )
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


def append(conn: Connection, records: Sequence[AuditRecord]) -> None:
    """Chain `records` after the head, inside the caller's transaction (the head row is locked first)."""
    if not records:
        return
    # past any row slipped in behind the head's back: writing goes on, and verify still names that row
    newest = select(func.max(AuditEntry.id)).scalar_subquery()
    head = conn.execute(
        select(AuditHead.last_id, AuditHead.last_hash, newest).where(AuditHead.id == 1).with_for_update()
    ).one()
    last_id = max(head.last_id, head[2] or 0)
    last_hash = head.last_hash
    rows: list[dict[str, Any]] = []
    for record in records:
        last_id += 1
        detail = canonical(record.detail)
        at = record.at.replace(tzinfo=None)
        last_hash = entry_hash(
            last_hash, last_id, at, record.actor, record.action, record.record_type, record.record_id, detail
        )
        rows.append(
            {
                "id": last_id,
                "at": at,
                "actor": record.actor,
                "action": record.action,
                "record_type": record.record_type,
                "record_id": record.record_id,
                "detail": detail,
                "prev_hash": rows[-1]["hash"] if rows else head.last_hash,
                "hash": last_hash,
            }
        )
    conn.execute(insert(AuditEntry), rows)
    conn.execute(
        update(AuditHead)
        .where(AuditHead.id == 1)
        .values(last_id=last_id, last_hash=last_hash, entries=AuditHead.entries + len(rows))
    )


def verify(conn: Connection) -> AuditVerdict:
    """Walk the chain from the start; the first entry that does not follow is the broken link."""
    expected_prev, expected_id, checked = GENESIS, 1, 0
    for row in _rows(conn):
        problem = _problem(row, expected_prev, expected_id)
        if problem:
            return AuditVerdict(False, checked, row.id, problem)
        expected_prev, expected_id, checked = row.hash, row.id + 1, checked + 1
    head = conn.execute(select(AuditHead).where(AuditHead.id == 1)).one()
    if head.last_id != expected_id - 1 or head.last_hash != expected_prev or head.entries != checked:
        return AuditVerdict(False, checked, expected_id, "链尾与链头记录不符：末尾的记录被删除，或链头被改动")
    return AuditVerdict(True, checked)


def _problem(row: Any, expected_prev: str, expected_id: int) -> str:
    if row.id != expected_id:
        return f"编号不连续：应为 {expected_id}，实为 {row.id}（有记录被删除或插入）"
    if row.prev_hash != expected_prev:
        return "与前一条记录的哈希不相接（前一条被改动、删除或插入）"
    recomputed = entry_hash(
        row.prev_hash, row.id, row.at, row.actor, row.action, row.record_type, row.record_id, row.detail
    )
    if recomputed != row.hash:
        return "本条内容与其哈希不符（记录被改动）"
    return ""


def _rows(conn: Connection) -> Iterator[Any]:
    """Every entry in id order, read in batches so a long log does not sit in memory at once."""
    after = 0
    while True:
        batch = conn.execute(
            select(AuditEntry.__table__).where(AuditEntry.id > after).order_by(AuditEntry.id).limit(_BATCH)
        ).all()
        yield from batch
        if len(batch) < _BATCH:
            return
        after = batch[-1].id
