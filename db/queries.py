"""Queries shared by several services: matter summaries and a person's visits."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Row, Select, bindparam, func, or_, select
from sqlalchemy.orm import Session, aliased

from db.models import Category, Clerk, Matter, MatterPerson, Person, Township, Visit, VisitPerson
from db.prepared import Prepared, Reader


def matter_summary_select() -> Select[*tuple[Any, ...]]:
    """One row per matter with what a list shows: counts and names come from SQL, not Python loops.

    The visits are counted by correlated subqueries (answered by the index on visits (matter_id,
    visited_at)), so only the matters actually listed are counted: restrict it with a WHERE, never
    aggregate every visit of the database to show a page (that was 0.6 s on a million visits).
    """
    first_clerk = aliased(Clerk)
    return summary_joins(select(*summary_columns(first_clerk)), first_clerk)


def summary_columns(first_clerk: type[Clerk]) -> list[Any]:
    """The columns of a matter's summary, in `MatterSummary`'s order (the first clerk is an alias joined by
    `summary_joins`): the visits counted by correlated subqueries, so only the listed matters are counted."""
    visit_count = (
        select(func.count()).select_from(Visit).where(Visit.matter_id == Matter.id).scalar_subquery()
    )
    last_visit_at = select(func.max(Visit.visited_at)).where(Visit.matter_id == Matter.id).scalar_subquery()
    return [
        Matter.id,
        Matter.matter_no,
        Matter.status,
        Matter.received_at,
        Matter.summary,
        func.coalesce(Category.name, "").label("category"),
        func.coalesce(Township.name, "").label("township"),
        first_clerk.name.label("first_clerk"),
        Matter.notice_deadline,
        visit_count.label("visit_count"),
        func.coalesce(last_visit_at, Matter.received_at).label("last_visit_at"),
    ]


def summary_joins(statement: Select[*tuple[Any, ...]], first_clerk: type[Clerk]) -> Select[*tuple[Any, ...]]:
    """The summary's joins: its first clerk, category and township."""
    return (
        statement.join(first_clerk, Matter.first_clerk_id == first_clerk.id)
        .outerjoin(Category, Matter.category_id == Category.id)
        .outerjoin(Township, Matter.township_id == Township.id)
    )


def matter_summary_rows(session: Session, matter_ids: Sequence[int]) -> list[Row[Any]]:
    """The summary rows of these matters, in the order given (a page, or a search's ranking)."""
    if not matter_ids:
        return []
    by_id = {row.id: row for row in session.execute(matter_summary_select().where(Matter.id.in_(matter_ids)))}
    return [by_id[i] for i in matter_ids if i in by_id]


def person_names_by_matter(session: Session, matter_ids: Sequence[int]) -> dict[int, list[str]]:
    rows = session.execute(
        select(MatterPerson.matter_id, Person.name)
        .join(Person, Person.id == MatterPerson.person_id)
        .where(MatterPerson.matter_id.in_(matter_ids))
        .order_by(MatterPerson.matter_id, Person.id)
    )
    names: dict[int, list[str]] = {}
    for matter_id, name in rows:
        names.setdefault(matter_id, []).append(name)
    return names


def visits_select() -> Select[*tuple[Any, ...]]:
    """Visits with their matter number and receiving clerk, newest first."""
    return (
        select(
            Visit.id,
            Visit.visited_at,
            Matter.matter_no,
            Visit.channel,
            Visit.headcount,
            Visit.is_repeat,
            Clerk.name.label("clerk"),
            Visit.summary,
        )
        .join(Matter, Matter.id == Visit.matter_id)
        .join(Clerk, Clerk.id == Visit.clerk_id)
        .order_by(Visit.visited_at.desc(), Visit.id.desc())
    )


def visits_of_person(session: Session, person_id: int, limit: int) -> Sequence[Row[Any]]:
    stmt = (
        visits_select()
        .join(VisitPerson, VisitPerson.visit_id == Visit.id)
        .where(VisitPerson.person_id == person_id)
    )
    return session.execute(stmt.limit(limit)).all()


def visits_between(session: Session, start: datetime, end: datetime, limit: int) -> Sequence[Row[Any]]:
    stmt = visits_select().where(Visit.visited_at >= start, Visit.visited_at < end)
    return session.execute(stmt.limit(limit)).all()


def visit_person_names(session: Session, visit_ids: Sequence[int]) -> dict[int, list[str]]:
    rows = session.execute(
        select(VisitPerson.visit_id, Person.name)
        .join(Person, Person.id == VisitPerson.person_id)
        .where(VisitPerson.visit_id.in_(visit_ids))
        .order_by(VisitPerson.visit_id, VisitPerson.representative.desc(), Person.id)
    )
    names: dict[int, list[str]] = {}
    for visit_id, name in rows:
        names.setdefault(visit_id, []).append(name)
    return names


# --- a person's history, read through prepared statements (db/prepared.py) --------------------------------
# Rows come as plain tuples in the order of the selects above: matter_summary_select() is (id, then the
# fields of app.records.MatterSummary but persons), visits_select() (id, then those of VisitSummary).

PERSON_COLUMNS = (
    Person.id,
    Person.name,
    Person.id_number,
    Person.sex,
    Person.birth_date,
    Person.region_code,
    Person.phone,
)
_PERSON_BY_ID_NUMBER = Prepared(select(*PERSON_COLUMNS).where(Person.id_number == bindparam("key")))
_PERSON_BY_ID = Prepared(select(*PERSON_COLUMNS).where(Person.id == bindparam("key")))
_PERSONS_BY_NAME_AND_PHONE = Prepared(
    select(*PERSON_COLUMNS)
    .where(
        Person.name == bindparam("name"),
        or_(  # the phone given at any earlier visit counts too: people change numbers
            Person.phone == bindparam("phone"),
            Person.id.in_(select(VisitPerson.person_id).where(VisitPerson.phone == bindparam("phone"))),
        ),
    )
    .order_by(Person.id)
    .limit(bindparam("limit"))
)
_VISITS_OF_PERSON = Prepared(
    visits_select()
    .join(VisitPerson, VisitPerson.visit_id == Visit.id)
    .where(VisitPerson.person_id == bindparam("person_id"))
    .limit(bindparam("limit"))
)
_VISIT_NAMES = Prepared(
    select(VisitPerson.visit_id, Person.name)
    .join(Person, Person.id == VisitPerson.person_id)
    .where(VisitPerson.visit_id.in_(bindparam("ids", expanding=True)))
    .order_by(VisitPerson.visit_id, VisitPerson.representative.desc(), Person.id),
    expanding="ids",
)
_MATTERS_OF_PERSON = select(MatterPerson.matter_id).where(MatterPerson.person_id == bindparam("person_id"))
_MATTER_SUMMARIES_OF_PERSON = Prepared(
    matter_summary_select()
    .where(Matter.id.in_(_MATTERS_OF_PERSON))
    .order_by(Matter.received_at.desc(), Matter.id.desc())
)
_MATTER_NAMES_OF_PERSON = Prepared(
    select(MatterPerson.matter_id, Person.name)
    .join(Person, Person.id == MatterPerson.person_id)
    .where(MatterPerson.matter_id.in_(_MATTERS_OF_PERSON))
    .order_by(MatterPerson.matter_id, Person.id)
)


_SUMMARIES_OF = Prepared(
    matter_summary_select().where(Matter.id.in_(bindparam("ids", expanding=True))), expanding="ids"
)
_NAMES_OF_MATTERS = Prepared(
    select(MatterPerson.matter_id, Person.name)
    .join(Person, Person.id == MatterPerson.person_id)
    .where(MatterPerson.matter_id.in_(bindparam("ids", expanding=True)))
    .order_by(MatterPerson.matter_id, Person.id),
    expanding="ids",
)


def summaries_of(reader: Reader, matter_ids: Sequence[int]) -> list[tuple[Any, ...]]:
    """The summary rows (matter_summary_select()) of these matters, in the order given."""
    by_id = {row[0]: row for row in reader.rows(_SUMMARIES_OF, ids=matter_ids)}
    return [by_id[i] for i in matter_ids if i in by_id]


def names_of_matters(reader: Reader, matter_ids: Sequence[int]) -> dict[int, list[str]]:
    """The persons of each matter, by person id."""
    return _grouped(reader.rows(_NAMES_OF_MATTERS, ids=matter_ids))


def person_by_id_number(reader: Reader, id_number: str) -> tuple[Any, ...] | None:
    """The person (PERSON_COLUMNS) with this ID number, or None."""
    return next(iter(reader.rows(_PERSON_BY_ID_NUMBER, key=id_number)), None)


def person_by_id(reader: Reader, person_id: int) -> tuple[Any, ...] | None:
    return next(iter(reader.rows(_PERSON_BY_ID, key=person_id)), None)


def persons_by_name_and_phone(reader: Reader, name: str, phone: str, limit: int) -> list[tuple[Any, ...]]:
    """Persons with this name whose phone is, or once was, this one; by id."""
    return reader.rows(_PERSONS_BY_NAME_AND_PHONE, name=name, phone=phone, limit=limit)


def person_visits(reader: Reader, person_id: int, limit: int) -> list[tuple[Any, ...]]:
    """The person's newest visits (visits_select's columns), newest first."""
    return reader.rows(_VISITS_OF_PERSON, person_id=person_id, limit=limit)


def names_of_visits(reader: Reader, visit_ids: Sequence[int]) -> dict[int, list[str]]:
    """Who came on each visit, representatives first."""
    return _grouped(reader.rows(_VISIT_NAMES, ids=visit_ids))


def person_matter_summaries(reader: Reader, person_id: int) -> list[tuple[Any, ...]]:
    """The summary rows of the person's matters, newest first, in one statement."""
    return reader.rows(_MATTER_SUMMARIES_OF_PERSON, person_id=person_id)


def names_of_person_matters(reader: Reader, person_id: int) -> dict[int, list[str]]:
    """The persons of each of the person's matters, by person id."""
    return _grouped(reader.rows(_MATTER_NAMES_OF_PERSON, person_id=person_id))


def _grouped(rows: list[tuple[Any, ...]]) -> dict[int, list[str]]:
    names: dict[int, list[str]] = {}
    for key, name in rows:
        names.setdefault(key, []).append(name)
    return names
