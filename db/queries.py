"""Queries shared by several services: matter summaries and a person's visits."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Row, Select, func, select
from sqlalchemy.orm import Session, aliased

from db.models import Category, Clerk, Matter, MatterPerson, Person, Township, Visit, VisitPerson


def matter_summary_select() -> Select[*tuple[Any, ...]]:
    """One row per matter with what a list shows: counts and names come from SQL, not Python loops.

    The visits are counted by correlated subqueries (answered by the index on visits (matter_id,
    visited_at)), so only the matters actually listed are counted: restrict it with a WHERE, never
    aggregate every visit of the database to show a page (that was 0.6 s on a million visits).
    """
    visit_count = (
        select(func.count()).select_from(Visit).where(Visit.matter_id == Matter.id).scalar_subquery()
    )
    last_visit_at = (
        select(func.max(Visit.visited_at)).where(Visit.matter_id == Matter.id).scalar_subquery()
    )
    first_clerk = aliased(Clerk)
    return (
        select(
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
        )
        .join(first_clerk, Matter.first_clerk_id == first_clerk.id)
        .outerjoin(Category, Matter.category_id == Category.id)
        .outerjoin(Township, Matter.township_id == Township.id)
    )


def matter_summary_rows(session: Session, matter_ids: Sequence[int]) -> list[Row[Any]]:
    """The summary rows of these matters, in the order given (a page, or a search's ranking)."""
    if not matter_ids:
        return []
    by_id = {
        row.id: row for row in session.execute(matter_summary_select().where(Matter.id.in_(matter_ids)))
    }
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
