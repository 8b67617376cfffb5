"""The search index behind one backend-neutral set of functions.

`find(session, kind, key, limit)` answers one kind of question (a name, the last digits of an ID number, a
phrase of the appeal…) with the ids of the matters it finds, newest first (received_at, then id). On SQLite
the answers come from the indexes of revision 0003 — FTS5 trigram tables for text of 3 or more characters
and for digits, FTS5 tables of character bigrams for 2 characters, b-trees for names and whole numbers —
and the triggers of that revision keep them in step inside every writer's own transaction. Every index hit
is checked again with the LIKE the old search used, so the matches are exactly the same (ASCII case folded,
nothing else). On PostgreSQL the same questions are answered from pg_trgm and bigram GIN indexes
(db/search_pg.py), with ILIKE as the check.

`bulk_indexing` lets a bulk writer index its own rows in one go instead of row by row in the triggers.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, column, exists, func, or_, select, table, text, true
from sqlalchemy.orm import Session

from db import search_pg
from db.models import Matter, MatterPerson, Person

MATTER_TEXT, PERSON_DIGITS = "search_matter_text", "search_person_digits"
MATTER_BIGRAM, NUMBER_BIGRAM = "search_matter_bigram", "search_number_bigram"
FTS_TABLES = (MATTER_TEXT, MATTER_BIGRAM, NUMBER_BIGRAM, PERSON_DIGITS)
SEARCH_TABLE_PREFIX = "search_"  # every table of revision 0003, shadow tables included
NEWEST = 20_000  # how far a walk from the newest matter goes before sorting every match is tried
FEW = 2_000  # up to this many candidates, sorting them all is quicker than any walk


class Kind(Enum):
    """What a search key is taken to be. Keys come cleaned: ID numbers upper-case, digits only for digits."""

    QUERY_CODE = "query_code"  # 查询码, whole
    NUMBER = "number"  # matter number, whole
    NUMBER_PART = "number_part"  # any part of a matter number (2 characters or more)
    ID_NUMBER = "id_number"  # whole ID number
    ID_SUFFIX = "id_suffix"  # the last digits of an ID number (3 or more)
    ID_MASKED = "id_masked"  # 6 leading + 4 trailing characters of a masked number (110105****002X)
    PHONE_PART = "phone_part"  # any 3 or more digits of a phone number
    NAME = "name"  # a person's whole name
    NAME_PREFIX = "name_prefix"  # the start of a name (a surname)
    WORDS = "words"  # any 2 or more characters of the summary or appeal


def find(session: Session, kind: Kind, key: str, limit: int) -> list[int]:
    """Ids of the matters that `key` finds as `kind`, newest first, at most `limit`."""
    if limit < 1:
        return []
    if kind in _WHOLE:
        return _run(session, _WHOLE[kind] == key, limit)
    found = _candidates(session, kind, key)
    if found is None:
        return []
    candidates, exact = found
    if candidates is None:  # no index can narrow it: read the newest matters first
        return _among_the_newest(session, exact, limit) or _run(session, exact, limit)
    listed = and_(Matter.id.in_(candidates), exact)
    if _at_most(session, candidates, FEW):
        return _run(session, listed, limit)
    walk = _walking(kind, key, candidates, exact, _is_sqlite(session))
    return _among_the_newest(session, walk, limit) or _run(session, listed, limit)


def _walking(
    kind: Kind, key: str, candidates: Select[Any], exact: ColumnElement[bool], sqlite: bool
) -> ColumnElement[bool]:
    """The condition as a walk along the date index tests it, matter by matter. A name: does one of this
    matter's persons have it (thousands share a surname; collecting all their matters first would cost more
    than the walk). Otherwise: is it among the hits, collected once (`id + 0`: an expression no index
    serves, so the planner walks the date index)."""
    if kind in _BY_NAME:
        linked = select(MatterPerson.matter_id).join(Person, Person.id == MatterPerson.person_id)
        return exists(linked.where(MatterPerson.matter_id == Matter.id, _by_name(kind, key, sqlite)))
    return and_((Matter.id + 0).in_(candidates), exact)


def _at_most(session: Session, candidates: Select[Any], count: int) -> bool:
    few = select(func.count()).select_from(candidates.limit(count + 1).subquery())
    return int(session.scalar(few) or 0) <= count


def _run(session: Session, condition: ColumnElement[bool], limit: int) -> list[int]:
    stmt = select(Matter.id).where(condition).order_by(Matter.received_at.desc(), Matter.id.desc())
    return list(session.scalars(stmt.limit(limit)))


def _among_the_newest(session: Session, condition: ColumnElement[bool], limit: int) -> list[int]:
    """The first `limit` matters found walking the date index from the newest, or [] when the walk ends
    first. A key found in thousands of matters ("拖欠", a surname) is answered in a few milliseconds this
    way, where sorting every match by date takes tens. The walk is bounded to the NEWEST newest matters; an
    answer of `limit` matters is exact, since the walk saw every matter newer than the last of them.
    """
    bound = (
        select(Matter.received_at)
        .order_by(Matter.received_at.desc())
        .offset(NEWEST)
        .limit(1)
        .scalar_subquery()
    )
    found = _run(session, and_(condition, Matter.received_at >= bound), limit)
    return found if len(found) >= limit else []


_WHOLE: dict[Kind, Any] = {Kind.QUERY_CODE: Matter.query_code, Kind.NUMBER: Matter.matter_no}

# Where each text kind looks: the columns LIKE reads, the trigram table's columns, the bigram table.
_TEXT: dict[Kind, tuple[tuple[Any, ...], str, str]] = {
    Kind.NUMBER_PART: ((Matter.matter_no,), "matter_no", NUMBER_BIGRAM),
    Kind.WORDS: ((Matter.summary, Matter.appeal), "summary appeal", MATTER_BIGRAM),
}

Candidates = tuple[Select[Any] | None, ColumnElement[bool]]  # matter ids an index gives, what must hold


def _candidates(session: Session, kind: Kind, key: str) -> Candidates | None:
    if kind not in _TEXT:
        persons = _person_ids(session, kind, key)
        return None if persons is None else (_matters_of(persons), true())
    if len(key) < 2:
        return None  # one character is in nearly every matter: not a search
    like_columns, trigram_columns, bigram_table = _TEXT[kind]
    like = f"%{escape_like(key)}%"
    if not _is_sqlite(session):
        exact = search_pg.contains(like_columns, like)
        if len(key) >= 3:
            return select(Matter.id).where(exact), exact
        return search_pg.bigram_candidates(like_columns, key), exact
    exact = or_(*(column.like(like, escape="\\") for column in like_columns))
    if len(key) >= 3:
        return _fts(MATTER_TEXT, trigram_columns, key), exact
    if all(_is_token_char(ch) for ch in key):
        return _fts(bigram_table, None, key), exact
    return None, exact  # a bigram the tokenizer would cut in half (punctuation): read the text itself


def _person_ids(session: Session, kind: Kind, key: str) -> Select[Any] | None:
    if kind in _BY_NAME:
        return select(Person.id).where(_by_name(kind, key, _is_sqlite(session)))
    if kind is Kind.ID_NUMBER:
        return select(Person.id).where(Person.id_number == key)
    if kind is Kind.ID_MASKED:
        head, tail = key[:6], key[6:]
        return _digits(session, "id_number", tail, Person.id_number.like(f"{head}%{tail}"))
    if kind is Kind.ID_SUFFIX:
        return _digits(session, "id_number", key, Person.id_number.like(f"%{escape_like(key)}", escape="\\"))
    if kind is Kind.PHONE_PART:
        return _digits(session, "phone", key, Person.phone.like(f"%{escape_like(key)}%", escape="\\"))
    raise ValueError(f"not a person search: {kind}")


def _name_prefix(key: str) -> ColumnElement[bool]:
    if any(ch.isascii() and ch.isalpha() for ch in key):  # LIKE folds ASCII case; a b-tree range does not
        return Person.name.like(f"{escape_like(key)}%", escape="\\")
    return and_(Person.name >= key, Person.name < key + "\U0010ffff")


_BY_NAME: dict[Kind, Callable[[str], ColumnElement[bool]]] = {
    Kind.NAME: lambda key: Person.name == key,
    Kind.NAME_PREFIX: _name_prefix,
}


def _by_name(kind: Kind, key: str, sqlite: bool) -> ColumnElement[bool]:
    if kind is Kind.NAME_PREFIX and not sqlite:
        return search_pg.name_prefix(key)
    return _BY_NAME[kind](key)


def _digits(session: Session, column: str, key: str, exact: ColumnElement[bool]) -> Select[Any] | None:
    if len(key) < 3:
        return None
    found = select(Person.id).where(exact)
    return found.where(Person.id.in_(_fts(PERSON_DIGITS, column, key))) if _is_sqlite(session) else found


def _matters_of(persons: Select[Any]) -> Select[Any]:
    return select(MatterPerson.matter_id).where(MatterPerson.person_id.in_(persons))


def _fts(name: str, columns: str | None, key: str) -> Select[Any]:
    """Row ids of an FTS5 table whose `columns` (None: its only one) hold `key` as a phrase, every
    character literal."""
    phrase = '"' + key.replace('"', '""') + '"'
    query = phrase if columns is None else f"{{{columns}}} : {phrase}"
    match = text(f"{name} MATCH :q").bindparams(q=query)
    return select(column("rowid")).select_from(table(name)).where(match)


def _is_token_char(ch: str) -> bool:
    """What the unicode61 tokenizer keeps inside a token by default: letters, digits, private use."""
    category = unicodedata.category(ch)
    return category[0] in "LN" or category == "Co"


def escape_like(key: str) -> str:
    return key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


# --- keeping the index: bulk writers, repair, checks -------------------------------------------------


def bigrams(value: str | None) -> str:
    """The bigram column as the trigger of revision 0003 cuts it: every pair of neighbouring characters."""
    value = value or ""
    return " ".join(value[i : i + 2] for i in range(len(value) - 1))


class BulkIndex:
    """Rows a bulk writer has inserted with the triggers off, to be indexed in one go."""

    def __init__(self) -> None:
        self.matters: list[tuple[int, str, str, str]] = []  # id, matter_no, summary, appeal
        self.persons: list[tuple[int, str | None, str | None]] = []  # id, id_number, phone

    def write(self, session: Session) -> None:
        conn = session.connection().connection.driver_connection
        assert conn is not None
        conn.executemany(
            f"INSERT INTO {MATTER_TEXT} (rowid, matter_no, summary, appeal) VALUES (?, ?, ?, ?)", self.matters
        )
        conn.executemany(
            f"INSERT INTO {MATTER_BIGRAM} (rowid, words) VALUES (?, ?)",
            [(i, bigrams(f"{summary}\n{appeal}")) for i, _, summary, appeal in self.matters],
        )
        conn.executemany(
            f"INSERT INTO {NUMBER_BIGRAM} (rowid, number) VALUES (?, ?)",
            [(i, bigrams(number)) for i, number, _, _ in self.matters],
        )
        conn.executemany(
            f"INSERT INTO {PERSON_DIGITS} (rowid, id_number, phone) VALUES (?, ?, ?)", self.persons
        )


@contextmanager
def bulk_indexing(session: Session) -> Iterator[BulkIndex]:
    """Inside the caller's transaction: triggers off, the caller's rows indexed at the end, triggers back.

    The triggers are dropped and re-created in the same transaction as the rows, so a committed database
    always has both its triggers and an index in step; a failure rolls all of it back.
    """
    index = BulkIndex()
    if not _is_sqlite(session):
        yield index
        return
    triggers = session.execute(
        text(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search~_%' ESCAPE '~'"
        )
    ).all()
    for name, _ in triggers:
        session.execute(text(f'DROP TRIGGER "{name}"'))
    yield index
    index.write(session)
    for _, sql in triggers:
        session.execute(text(sql))


def optimize(session: Session) -> None:
    """Merge each FTS5 index into one segment: after a bulk load, queries read fewer pages."""
    if _is_sqlite(session):
        for table in FTS_TABLES:
            session.execute(text(f"INSERT INTO {table} ({table}) VALUES ('optimize')"))


def check(session: Session) -> None:
    """Raise if an FTS5 index is damaged (the external-content ones are compared with their tables)."""
    if _is_sqlite(session):
        for table in FTS_TABLES:
            session.execute(text(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')"))


def outside_the_index(name: str | None, type_: str, parent_names: Any) -> bool:
    """Alembic's `include_name` hook: the tables of revision 0003 (FTS5 tables, their shadow tables and
    the positions table) are made by hand, not from the models, so autogenerate must not compare them."""
    return not (type_ == "table" and name is not None and name.startswith(SEARCH_TABLE_PREFIX))
