"""PostgreSQL's half of the search index (revision 0003): pg_trgm GIN indexes and bigram GIN expressions.

The conditions here are written so the planner finds those indexes: ILIKE on an indexed column for 3 or
more characters (pg_trgm answers LIKE and ILIKE, and folds case the way SQLite's LIKE folds ASCII), and
for 2 characters the very expression of a bigram index, ``xinfang_bigrams(…) @> ARRAY[lower(key)]``.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.dialects.postgresql import array

from db.models import Matter, Person


def contains(columns: tuple[Any, ...], pattern: Any) -> ColumnElement[bool]:
    """`pattern` (a LIKE pattern escaped with a backslash, or its bind parameter) in any of `columns`,
    ASCII case folded."""
    return or_(*(column.ilike(pattern, escape="\\") for column in columns))


def bigram_candidates(columns: tuple[Any, ...], key: Any) -> Select[Any]:
    """Matters whose `columns` hold the 2-character `key`, read from the bigram GIN index of those columns."""
    grams: ColumnElement[Any] = func.xinfang_bigrams(columns[0])
    for column in columns[1:]:
        grams = grams.op("||")(func.xinfang_bigrams(column))
    return select(Matter.id).where(grams.op("@>", is_comparison=True)(array([func.lower(key)])))


def name_prefix(pattern: Any) -> ColumnElement[bool]:
    """Names matching `pattern` (the key escaped, then `%`): pg_trgm answers an anchored ILIKE of any
    length from the name's index."""
    return Person.name.ilike(pattern, escape="\\")
