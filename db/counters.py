"""Yearly sequences taken inside the caller's transaction: never max+1, never random.

One upsert statement both creates the year's row and increments it, so two windows registering at
the same moment on PostgreSQL (or SQLite) get two different numbers and no gap.
"""

from __future__ import annotations

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from db.models import Counter


def next_value(session: Session, name: str, year: int) -> int:
    """Increment the (name, year) counter and return the new value."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    stmt = (
        insert(Counter)
        .values(name=name, year=year, value=1)
        .on_conflict_do_update(
            index_elements=[Counter.name, Counter.year],
            set_={"value": Counter.value + 1},
        )
        .returning(Counter.value)
    )
    return int(session.execute(stmt).scalar_one())
