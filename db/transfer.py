"""Copy every table of one database into another of the same schema, and fingerprint tables to prove it.

Tables go in dependency order (a row's references are copied before it); the rows of each are read in
primary-key order in batches, so a large database never sits in memory whole. A table's fingerprint is
its row count and a SHA-256 over its rows in primary-key order, each value written the same way whatever
the backend returned it as — so equal fingerprints on SQLite and PostgreSQL mean equal contents.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, Table, bindparam, func, select, text, update

from db.models import Base

BATCH = 2_000


@dataclass(frozen=True)
class Fingerprint:
    rows: int
    sha256: str


def tables() -> list[Table]:
    """The program's tables, each after the tables it refers to."""
    return list(Base.metadata.sorted_tables)


def row_counts(conn: Connection) -> dict[str, int]:
    return {t.name: int(conn.scalar(select(func.count()).select_from(t)) or 0) for t in tables()}


def _rows(conn: Connection, table: Table) -> Iterator[list[Any]]:
    """Batches of a table's rows in primary-key order, columns in the model's order."""
    ordered = select(*table.columns).order_by(*table.primary_key.columns)
    result = conn.execution_options(yield_per=BATCH).execute(ordered)
    for batch in result.partitions(BATCH):
        yield [tuple(row) for row in batch]


def copy_table(source: Connection, target: Connection, table: Table) -> int:
    """Copy a table's rows. A reference to a row of the same table (a matter repeating an earlier one, a
    sub-category) may point forward, so it is filled in by a second pass once every row is there."""
    names = [column.name for column in table.columns]
    own = {fk.parent.name for fk in table.foreign_keys if fk.column.table is table}
    later: list[dict[str, Any]] = []
    copied = 0
    for batch in _rows(source, table):
        rows = [dict(zip(names, row, strict=True)) for row in batch]
        later += [_own_references(table, row, own) for row in rows if any(row[n] is not None for n in own)]
        target.execute(table.insert(), [{**row, **dict.fromkeys(own)} for row in rows])
        copied += len(rows)
    for start in range(0, len(later), BATCH):
        _fill_references(target, table, own, later[start : start + BATCH])
    return copied


def _own_references(table: Table, row: dict[str, Any], own: set[str]) -> dict[str, Any]:
    keys = {f"pk_{column.name}": row[column.name] for column in table.primary_key.columns}
    return {**keys, **{f"v_{name}": row[name] for name in own}}


def _fill_references(target: Connection, table: Table, own: set[str], rows: list[dict[str, Any]]) -> None:
    where = [column == bindparam(f"pk_{column.name}") for column in table.primary_key.columns]
    values: dict[str, Any] = {name: bindparam(f"v_{name}") for name in own}
    target.execute(update(table).where(*where).values(values), rows)


def reset_sequences(conn: Connection) -> None:
    """On PostgreSQL, set each serial id's sequence past the copied rows (an insert would collide else)."""
    if conn.dialect.name != "postgresql":
        return
    for table in tables():
        for column in table.primary_key.columns:
            sequence = conn.scalar(
                text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": table.name, "c": column.name}
            )
            if sequence is None:
                continue
            highest = conn.scalar(select(func.max(column)))
            if highest is None:
                conn.execute(text("SELECT setval(:s, 1, false)"), {"s": sequence})
            else:
                conn.execute(text("SELECT setval(:s, :v, true)"), {"s": sequence, "v": int(highest)})


def fingerprint(conn: Connection, table: Table) -> Fingerprint:
    digest, count = hashlib.sha256(), 0
    for batch in _rows(conn, table):
        for row in batch:
            digest.update(json.dumps([_plain(value) for value in row], ensure_ascii=False).encode())
            digest.update(b"\n")
        count += len(batch)
    return Fingerprint(count, digest.hexdigest())


def _plain(value: Any) -> Any:
    """One spelling per value, whichever driver produced it."""
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value.normalize())
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    if isinstance(value, dict | list):
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value
