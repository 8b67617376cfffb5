"""Yearly sequences taken inside the caller's transaction: never max+1, never random.

One upsert statement both creates the year's row and increments it, so two windows registering at
the same moment on PostgreSQL (or SQLite) get two different numbers and no gap.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from db.models import Counter


def next_value(session: Session, name: str, year: int) -> int:
    """Increment the (name, year) counter and return the new value."""
    dialect = session.get_bind().dialect.name
    # the dialect's own module, loaded with its engine (PostgreSQL's at every start would cost ~40 ms)
    if dialect == "postgresql":
        from sqlalchemy.dialects import postgresql as chosen
    else:
        from sqlalchemy.dialects import sqlite as chosen  # type: ignore[no-redef]
    stmt = (
        chosen.insert(Counter)
        .values(name=name, year=year, value=1)
        .on_conflict_do_update(
            index_elements=[Counter.name, Counter.year],
            set_={"value": Counter.value + 1},
        )
        .returning(Counter.value)
    )
    return int(session.execute(stmt).scalar_one())
