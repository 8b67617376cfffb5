"""The search index behind one backend-neutral set of functions.

`find(reader, kind, key, limit)` answers one kind of question (a name, the last digits of an ID number, a
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
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    bindparam,
    column,
    exists,
    func,
    or_,
    select,
    table,
    text,
    true,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import BindParameter

from db import search_pg
from db.models import Matter, MatterPerson, Person
from db.prepared import Prepared, Reader

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


def find(reader: Reader, kind: Kind, key: str, limit: int) -> list[int]:
    """Ids of the matters that `key` finds as `kind`, newest first, at most `limit`."""
    if limit < 1:
        return []
    asked = _question(kind, key, reader.is_sqlite)
    if asked is None:
        return []
    shape, values = asked
    plan = _plan(shape)
    values["limit"] = limit
    if plan.count is None and plan.walk is None:  # a whole number: one b-tree lookup
        return reader.column(plan.listed, **values)
    if plan.count is not None:
        candidates = reader.column(plan.count, **values)[0]
        if candidates == 0:  # most steps of a search find nothing: no need to ask again
            return []
        if candidates <= FEW:
            return reader.column(plan.listed, **values)
    return _among_the_newest(reader, plan, values, limit) or reader.column(plan.listed, **values)


def _among_the_newest(reader: Reader, plan: _Plan, values: dict[str, Any], limit: int) -> list[int]:
    """The first `limit` matters found walking the date index from the newest, or [] when the walk ends
    first. A key found in thousands of matters ("拖欠", a surname) is answered in a few milliseconds this
    way, where sorting every match by date takes tens. The walk is bounded to the NEWEST newest matters; an
    answer of `limit` matters is exact, since the walk saw every matter newer than the last of them.
    """
    assert plan.walk is not None
    found = reader.column(plan.walk, **values)
    return found if len(found) >= limit else []


# --- the questions, as statements prepared once per shape (db/prepared.py) ----------------------------
# A shape is what decides the SQL (the kind, which index answers, the backend); the key itself only fills
# the bind parameters: "key", "like" (a LIKE pattern), "q" (an FTS5 query), "upper" (a name range's end).

Shape = tuple[Kind, str, bool]  # kind, which index ("whole", "trigram", "bigram", "scan", …), SQLite?
_KEY: BindParameter[str] = bindparam("key")
_LIKE: BindParameter[str] = bindparam("like")
_QUERY: BindParameter[str] = bindparam("q")
_LIMIT: BindParameter[int] = bindparam("limit")


class _Plan:
    """The statements of one shape: how many candidates (up to FEW + 1), every match sorted by date, and
    the walk along the date index (None where there is nothing to walk)."""

    def __init__(
        self, count: Select[Any] | None, listed: ColumnElement[bool], walk: ColumnElement[bool] | None
    ):
        self.count = None if count is None else Prepared(count)
        self.listed = Prepared(_newest(listed))
        self.walk = (
            None if walk is None else Prepared(_newest(and_(walk, Matter.received_at >= _NEWEST_BOUND)))
        )


_PLANS: dict[Shape, _Plan] = {}


def _plan(shape: Shape) -> _Plan:
    found = _PLANS.get(shape)
    if found is None:
        found = _PLANS[shape] = _build(*shape)
    return found


def _newest(condition: ColumnElement[bool]) -> Select[Any]:
    return (
        select(Matter.id).where(condition).order_by(Matter.received_at.desc(), Matter.id.desc()).limit(_LIMIT)
    )


_NEWEST_BOUND = (
    select(Matter.received_at).order_by(Matter.received_at.desc()).offset(NEWEST).limit(1).scalar_subquery()
)


def _build(kind: Kind, index: str, sqlite: bool) -> _Plan:
    if kind in _WHOLE:
        return _Plan(None, _WHOLE[kind] == _KEY, None)
    if kind in _TEXT:
        like_columns, trigram_columns, bigram_table = _TEXT[kind]
        if sqlite:
            exact = or_(*(column.like(_LIKE, escape="\\") for column in like_columns))
            found = {"trigram": MATTER_TEXT, "bigram": bigram_table, "bigrams": bigram_table}.get(index)
            candidates = None if found is None else _fts(found)
        else:
            exact = search_pg.contains(like_columns, _LIKE)
            candidates = (
                select(Matter.id).where(exact)
                if index == "trigram"
                else search_pg.bigram_candidates(like_columns, _KEY)
            )
        if candidates is None:  # no index can narrow it: read the newest matters first
            return _Plan(None, exact, exact)
        return _Plan(
            _counted(candidates), and_(Matter.id.in_(candidates), exact), _walking(candidates, exact)
        )
    persons = select(Person.id).where(_person_condition(kind, index, sqlite))
    if kind in (Kind.ID_MASKED, Kind.ID_SUFFIX, Kind.PHONE_PART) and sqlite:
        persons = persons.where(Person.id.in_(_fts(PERSON_DIGITS)))
    candidates = select(MatterPerson.matter_id).where(MatterPerson.person_id.in_(persons))
    walk: ColumnElement[bool]
    if kind in _BY_NAME:
        # does one of this matter's persons have the name (thousands share a surname; collecting all their
        # matters first would cost more than the walk)
        linked = select(MatterPerson.matter_id).join(Person, Person.id == MatterPerson.person_id)
        walk = exists(
            linked.where(MatterPerson.matter_id == Matter.id, _person_condition(kind, index, sqlite))
        )
    else:
        walk = _walking(candidates, true())
    return _Plan(_counted(candidates), Matter.id.in_(candidates), walk)


def _walking(candidates: Select[Any], exact: ColumnElement[bool]) -> ColumnElement[bool]:
    """Is it among the hits, collected once (`id + 0`: an expression no index serves, so the planner walks
    the date index), and does it hold."""
    return and_((Matter.id + 0).in_(candidates), exact)


def _counted(candidates: Select[Any]) -> Select[Any]:
    return select(func.count()).select_from(candidates.limit(FEW + 1).subquery())


def _person_condition(kind: Kind, index: str, sqlite: bool) -> ColumnElement[bool]:
    if kind is Kind.NAME:
        return Person.name == _KEY
    if kind is Kind.NAME_PREFIX:
        if index == "range":  # a b-tree range: only where LIKE would fold no case
            return and_(Person.name >= _KEY, Person.name < bindparam("upper"))
        return Person.name.like(_LIKE, escape="\\") if sqlite else search_pg.name_prefix(_LIKE)
    if kind is Kind.ID_NUMBER:
        return Person.id_number == _KEY
    if kind is Kind.PHONE_PART:
        return Person.phone.like(_LIKE, escape="\\")
    if kind in (Kind.ID_MASKED, Kind.ID_SUFFIX):
        return Person.id_number.like(_LIKE, escape="\\")
    raise ValueError(f"not a person search: {kind}")


def _question(kind: Kind, key: str, sqlite: bool) -> tuple[Shape, dict[str, Any]] | None:
    """Which shape answers `key` as `kind`, and its parameters; None where nothing can match."""
    if kind in _WHOLE:
        return (kind, "whole", sqlite), {"key": key}
    if kind in (Kind.NAME, Kind.ID_NUMBER):
        return (kind, "b-tree", sqlite), {"key": key}
    if kind is Kind.NAME_PREFIX:
        if sqlite and not any(ch.isascii() and ch.isalpha() for ch in key):
            return (kind, "range", sqlite), {"key": key, "upper": key + "\U0010ffff"}
        return (kind, "like", sqlite), {"like": f"{escape_like(key)}%"}
    if kind in _TEXT:
        if len(key) < 2:
            return None  # one character is in nearly every matter: not a search
        index, query = _text_index(kind, key, sqlite)
        return (kind, index, sqlite), {"key": key, "like": f"%{escape_like(key)}%", "q": query}
    digits = key[6:] if kind is Kind.ID_MASKED else key
    if len(digits) < 3:
        return None
    column = "phone" if kind is Kind.PHONE_PART else "id_number"
    patterns = {
        Kind.ID_MASKED: f"{escape_like(key[:6])}%{escape_like(digits)}",
        Kind.ID_SUFFIX: f"%{escape_like(key)}",
        Kind.PHONE_PART: f"%{escape_like(key)}%",
    }
    return (kind, "digits", sqlite), {"like": patterns[kind], "q": f"{{{column}}} : {_phrase(digits)}"}


def _text_index(kind: Kind, key: str, sqlite: bool) -> tuple[str, str]:
    """Which index answers a text of 2 or more characters, and the FTS5 query it is asked."""
    tokens = all(_is_token_char(ch) for ch in key)
    if len(key) == 2:
        # a bigram the tokenizer would cut in half (punctuation): read the text itself
        return ("bigram", _phrase(key)) if tokens or not sqlite else ("scan", "")
    if kind is Kind.NUMBER_PART and sqlite and tokens and not key.isdigit():
        # every bigram of the key in the numbers' own table (no positions there: an AND, and the LIKE
        # makes it exact). The trigram table holds the appeals too: a phrase common in them but in no
        # number read all its hits to find none (2-9 ms on a million visits, per search).
        return "bigrams", " ".join(_phrase(key[i : i + 2]) for i in range(len(key) - 1))
    return "trigram", f"{{{_TEXT[kind][1]}}} : {_phrase(key)}"


_WHOLE: dict[Kind, Any] = {Kind.QUERY_CODE: Matter.query_code, Kind.NUMBER: Matter.matter_no}

# Where each text kind looks: the columns LIKE reads, the trigram table's columns, the bigram table.
_TEXT: dict[Kind, tuple[tuple[Any, ...], str, str]] = {
    Kind.NUMBER_PART: ((Matter.matter_no,), "matter_no", NUMBER_BIGRAM),
    Kind.WORDS: ((Matter.summary, Matter.appeal), "summary appeal", MATTER_BIGRAM),
}
_BY_NAME = (Kind.NAME, Kind.NAME_PREFIX)


def _fts(name: str) -> Select[Any]:
    """Row ids of an FTS5 table matching the query bound as "q" (a phrase, maybe limited to columns)."""
    match = text(f"{name} MATCH :q").bindparams(_QUERY)
    return select(column("rowid")).select_from(table(name)).where(match)


def _phrase(key: str) -> str:
    """`key` as an FTS5 phrase: every character literal."""
    return '"' + key.replace('"', '""') + '"'


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
