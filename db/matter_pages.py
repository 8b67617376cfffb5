"""The matters list's pages, one statement each: the page's summaries with their persons.

The page's ids come from the sort column's index alone (it holds the id too: a deep OFFSET skips index
entries, never joined rows), inside the summaries' statement as a subquery; only those 200 matters are
joined, their visits counted and their persons' names joined (in person order, as person_names_by_matter
lists them). The statements are Core, built and compiled once per sort, direction and backend
(db/prepared.py), and run on the driver's cursor of a `Reader`: no Session, no ORM entities, nothing
rebuilt per page, no IN list of 200 ids; each column goes through its type's own result processor.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import ScalarSelect, Select, bindparam, func, literal, select
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.orm import InstrumentedAttribute, aliased

from db.models import Clerk, Matter, MatterPerson, Person
from db.prepared import Prepared, Reader
from db.queries import summary_columns, summary_joins

SORT_COLUMNS: dict[str, InstrumentedAttribute[Any]] = {
    "received_at": Matter.received_at,
    "notice_deadline": Matter.notice_deadline,
    "matter_no": Matter.id,  # numbers sort by issue order (the id), not as text
    "status": Matter.status,
}
DEFAULT_SORT = "received_at"
SEPARATOR = "、"  # between the names of a matter's persons


def count_matters(reader: Reader) -> int:
    """count(*), not count(id): SQLite counts an index's entries without decoding a column (~6 ms
    instead of ~26 ms on 750,000 matters; docs/performance.md says why it is not flat)."""
    return int(reader.rows(_COUNT)[0][0])


def page_rows(reader: Reader, offset: int, limit: int, sort: str, descending: bool) -> list[tuple[Any, ...]]:
    """The summary rows of one page of the sorted list, in list order (ties broken by id): the matter's
    id, then MatterSummary's fields in its order, the persons' names joined with 、 last
    (tests/test_matters_list.py holds the columns to the record's fields)."""
    key = sort if sort in SORT_COLUMNS else DEFAULT_SORT  # one prepared statement per known sort
    page = _prepared_page(key, descending, reader.dialect.name)
    return reader.rows(page, offset=max(offset, 0), limit=max(limit, 0))


_COUNT = Prepared(select(func.count()).select_from(Matter))


@cache
def _prepared_page(sort: str, descending: bool, backend: str) -> Prepared:
    return Prepared(_page(sort, descending, backend))


def _page(sort: str, descending: bool, backend: str) -> Select[*tuple[Any, ...]]:
    key = SORT_COLUMNS[sort]
    order = [key.desc(), Matter.id.desc()] if descending else [key.asc(), Matter.id.asc()]
    ids = (
        select(Matter.id.label("page_id"))
        .order_by(*order)
        .limit(bindparam("limit"))
        .offset(bindparam("offset"))
        .subquery("page")
    )
    first_clerk = aliased(Clerk)
    persons = func.coalesce(_names(backend), "").label("persons")
    listed = (
        select(*summary_columns(first_clerk), persons)
        .select_from(ids)
        .join(Matter, Matter.id == ids.c.page_id)
    )
    return summary_joins(listed, first_clerk).order_by(*order)


def _names(backend: str) -> ScalarSelect[str]:
    """The matter's persons' names joined with 、, in person order: PostgreSQL orders inside string_agg;
    SQLite (3.40 has no ORDER BY in aggregates) concatenates an ordered subquery, which it keeps in order."""
    if backend == "postgresql":
        ordered = aggregate_order_by(literal(SEPARATOR), MatterPerson.person_id)
        return (
            select(func.string_agg(Person.name, ordered))
            .join_from(MatterPerson, Person, Person.id == MatterPerson.person_id)
            .where(MatterPerson.matter_id == Matter.id)
            .scalar_subquery()
        )
    names = (
        select(Person.name.label("name"))
        .join_from(MatterPerson, Person, Person.id == MatterPerson.person_id)
        .where(MatterPerson.matter_id == Matter.id)
        .order_by(MatterPerson.person_id)
        .correlate(Matter)
        .subquery("names")
    )
    return select(func.group_concat(names.c.name, SEPARATOR)).scalar_subquery()
