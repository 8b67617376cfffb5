"""The matters list's pages in two statements each: the page's summaries, then its persons.

The page's ids come from the sort column's index alone (it holds the id too: a deep OFFSET skips index
entries, never joined rows), inside the summaries' statement as a subquery; only those 200 matters are
joined and their visits counted. The statements are Core, built once per sort and direction, and run on
the session's connection: no ORM entities to load, nothing rebuilt per page.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased

from db.models import Category, Clerk, Matter, MatterPerson, Person, Township, Visit

SORT_COLUMNS: dict[str, InstrumentedAttribute[Any]] = {
    "received_at": Matter.received_at,
    "notice_deadline": Matter.notice_deadline,
    "matter_no": Matter.id,  # numbers sort by issue order (the id), not as text
    "status": Matter.status,
}
DEFAULT_SORT = "received_at"


def count_matters(session: Session) -> int:
    """count(*), not count(id): SQLite answers count(*) from the smallest index without reading rows."""
    return int(session.connection().execute(_count()).scalar_one())


def page_rows(
    session: Session, offset: int, limit: int, sort: str, descending: bool
) -> list[tuple[Any, ...]]:
    """The summary rows of one page of the sorted list, in list order (ties broken by id)."""
    params = {"offset": max(offset, 0), "limit": max(limit, 0)}
    return list(session.connection().execute(_page(sort, descending), params).all())


def person_names(session: Session, matter_ids: Sequence[int]) -> dict[int, list[str]]:
    """The persons of these matters, each matter's in person order (as person_names_by_matter)."""
    names: dict[int, list[str]] = {}
    if not matter_ids:
        return names
    for matter_id, name in session.connection().execute(_persons(), {"ids": list(matter_ids)}).all():
        names.setdefault(matter_id, []).append(name)
    return names


@cache
def _count() -> Select[int]:
    return select(func.count()).select_from(Matter)


@cache
def _page(sort: str, descending: bool) -> Select[*tuple[Any, ...]]:
    key = SORT_COLUMNS.get(sort, SORT_COLUMNS[DEFAULT_SORT])
    order = [key.desc(), Matter.id.desc()] if descending else [key.asc(), Matter.id.asc()]
    ids = (
        select(Matter.id.label("page_id"))
        .order_by(*order)
        .limit(bindparam("limit"))
        .offset(bindparam("offset"))
        .subquery("page")
    )
    visit_count = select(func.count()).where(Visit.matter_id == Matter.id).scalar_subquery()
    last_visit_at = select(func.max(Visit.visited_at)).where(Visit.matter_id == Matter.id).scalar_subquery()
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
        .select_from(ids)
        .join(Matter, Matter.id == ids.c.page_id)
        .join(first_clerk, Matter.first_clerk_id == first_clerk.id)
        .outerjoin(Category, Matter.category_id == Category.id)
        .outerjoin(Township, Matter.township_id == Township.id)
        .order_by(*order)
    )


@cache
def _persons() -> Select[int, str]:
    return (
        select(MatterPerson.matter_id, Person.name)
        .join(Person, Person.id == MatterPerson.person_id)
        .where(MatterPerson.matter_id.in_(bindparam("ids", expanding=True)))
        .order_by(MatterPerson.matter_id, Person.id)
    )
