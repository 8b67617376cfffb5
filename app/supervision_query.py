"""The SQL behind the supervision board: each open matter with its next deadline, filtered in the database,
and the few facts the level rules need, fetched in bulk for the matters that need them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, and_, false, func, or_, select, union
from sqlalchemy.orm import Session, aliased

from app.deadline_book import WINDOWS
from app.rules.vocabulary import OPEN_STATUSES
from app.supervision_records import BoardFilter
from app.supervision_rules import ManualLevel, Policy, SilentDepartment
from db.models import (
    Assignment,
    Clerk,
    Deadline,
    Department,
    Leader,
    Matter,
    MatterDepartment,
    MatterLeader,
    Supervision,
    Visit,
)

CHUNK = 900  # ids per IN list: far below every backend's limit on bound parameters
BULK = 2000  # above this many matters, a lookup reads every open matter's rows instead
IN_CHARGE = "包案"


def candidates(
    session: Session, wanted: BoardFilter, today: date, policy: Policy
) -> list[Row[*tuple[Any, ...]]]:
    """One row per open matter the filter lets through, with its next deadline (or none)."""
    nd = _next_deadlines()
    first_clerk, department = aliased(Clerk), aliased(Department)
    query = (
        select(
            Matter.id.label("matter_id"),
            Matter.matter_no,
            Matter.summary,
            Matter.status,
            Matter.received_at,
            first_clerk.name.label("first_clerk"),
            nd.c.id.label("deadline_id"),
            nd.c.rule_key,
            func.coalesce(department.name, "").label("department"),
            nd.c.start,
            nd.c.due,
        )
        .join(first_clerk, first_clerk.id == Matter.first_clerk_id)
        .outerjoin(nd, nd.c.matter_id == Matter.id)
        .outerjoin(department, department.id == nd.c.department_id)
        .where(Matter.status.in_(OPEN_STATUSES))
    )
    query = _filtered(query, wanted, first_clerk, nd.c, today, policy, session.get_bind().dialect.name)
    return list(session.execute(query))


def _next_deadlines() -> Any:
    """Per matter, the running deadline with the earliest effective due date (ties: the oldest row), as
    deadline_book.next_deadline picks it for the matter's page."""
    effective = func.coalesce(Deadline.override_due, Deadline.due)
    order = func.row_number().over(partition_by=Deadline.matter_id, order_by=(effective, Deadline.id))
    ranked = (
        select(
            Deadline.id,
            Deadline.matter_id,
            Deadline.rule_key,
            Deadline.department_id,
            Deadline.start,
            effective.label("due"),
            order.label("rank"),
        )
        .where(Deadline.met_at.is_(None), Deadline.cancelled.is_(False))
        .where(Deadline.rule_key.not_in(WINDOWS))  # a visitor's or department's window is not our duty
        .subquery()
    )
    return select(ranked).where(ranked.c.rank == 1).subquery()


def _filtered(
    query: Select[*tuple[Any, ...]],
    wanted: BoardFilter,
    clerk: Any,
    nd: Any,
    today: date,
    policy: Policy,
    dialect: str,
) -> Select[*tuple[Any, ...]]:
    if wanted.clerk is not None:
        query = query.where(clerk.name == wanted.clerk)
    if wanted.department is not None:
        query = query.where(Matter.id.in_(_matters_of_department(wanted.department)))
    if wanted.leader is not None:
        query = query.where(Matter.id.in_(_matters_of_leader(wanted.leader)))
    states = _state_conditions(nd, today, policy, dialect)
    if wanted.states is not None:
        query = query.where(or_(false(), *(states[s] for s in wanted.states)))
    if wanted.attention_only:
        supervised = select(Supervision.matter_id).where(Supervision.resolved_at.is_(None))
        query = query.where(or_(states["超期"], states["临期"], Matter.id.in_(supervised)))
    return query


def _state_conditions(nd: Any, today: date, policy: Policy, dialect: str) -> dict[str, ColumnElement[bool]]:
    """Per state, a condition every matter in that state meets (exact where the backend can count days;
    the rules in Python have the last word)."""
    running = nd.due.is_not(None)
    near = or_(nd.due <= today + timedelta(days=policy.near_days), nd.due <= nd.start)
    if dialect == "sqlite":
        used, period = (
            func.julianday(today) - func.julianday(nd.start),
            func.julianday(nd.due) - func.julianday(nd.start),
        )
        near = or_(near, used >= policy.near_share * period)
    else:
        near = or_(near, running)  # no portable day arithmetic: let Python decide
    return {
        "超期": and_(running, nd.due < today),
        "临期": and_(running, nd.due >= today, near),
        "正常": or_(nd.due.is_(None), nd.due >= today),
    }


def _matters_of_department(name: str) -> Any:
    involved = select(MatterDepartment.matter_id).join(Department).where(Department.name == name)
    assigned = select(Assignment.matter_id).join(Department).where(Department.name == name)
    return union(involved, assigned)


def _matters_of_leader(name: str) -> Select[*tuple[Any, ...]]:
    return select(MatterLeader.matter_id).join(Leader).where(Leader.name == name)


# -- facts fetched for the rows that need them, in chunks --


Scope = Callable[[Any], ColumnElement[bool]]  # a matter-id column → the condition that limits it


def _scopes(ids: Sequence[int]) -> Iterator[Scope]:
    """Scopes that together cover ``ids``: IN lists in chunks for a few matters; for many, every open
    matter in one statement (cheaper than thousands of bound parameters; _grouped drops the rest)."""
    if len(ids) > BULK:
        open_matters = select(Matter.id).where(Matter.status.in_(OPEN_STATUSES))
        yield lambda column: column.in_(open_matters)
        return
    for i in range(0, len(ids), CHUNK):
        yield _within(ids[i : i + CHUNK])


def _within(chunk: Sequence[int]) -> Scope:
    return lambda column: column.in_(chunk)


def _grouped(
    session: Session, ids: Sequence[int], build: Callable[[Scope], Select[*tuple[Any, ...]]]
) -> Iterator[Row[*tuple[Any, ...]]]:
    """Rows of ``build(scope)`` whose first column (a matter id) is one of ``ids``."""
    wanted = set(ids)
    for scope in _scopes(ids):
        yield from (row for row in session.execute(build(scope)) if row[0] in wanted)


def last_repeat_visits(session: Session, ids: Sequence[int]) -> dict[int, date]:
    """The latest repeat visit (重访) per matter."""
    rows = _grouped(
        session,
        ids,
        lambda scope: (
            select(Visit.matter_id, func.max(Visit.visited_at))
            .where(scope(Visit.matter_id), Visit.is_repeat)
            .group_by(Visit.matter_id)
        ),
    )
    return {matter_id: at.date() for matter_id, at in rows}


def silent_departments(
    session: Session, ids: Sequence[int], today: date
) -> dict[int, list[SilentDepartment]]:
    """Assignments past their running deadline with no feedback and not returned."""
    effective = func.coalesce(Deadline.override_due, Deadline.due)

    def build(scope: Scope) -> Select[*tuple[Any, ...]]:
        return (
            select(Assignment.matter_id, Department.name, effective, Assignment.signed_at)
            .join(Deadline, Deadline.id == Assignment.deadline_id)
            .join(Department, Department.id == Assignment.department_id)
            .where(scope(Assignment.matter_id), Assignment.feedback_at.is_(None))
            .where(Assignment.returned_at.is_(None), Deadline.met_at.is_(None), Deadline.cancelled.is_(False))
            .where(effective < today)
            .order_by(Assignment.id)
        )

    found: dict[int, list[SilentDepartment]] = {}
    for matter_id, name, due, signed_at in _grouped(session, ids, build):
        found.setdefault(matter_id, []).append(SilentDepartment(name, due, signed_at is not None))
    return found


def manual_levels(session: Session) -> dict[int, list[tuple[int, ManualLevel]]]:
    """Unresolved 督办 raised by hand on open matters (few at any time), oldest first, with their ids."""
    rows = session.execute(
        select(Supervision, Clerk.name)
        .join(Clerk, Clerk.id == Supervision.raised_by_id)
        .join(Matter, Matter.id == Supervision.matter_id)
        .where(Supervision.resolved_at.is_(None), Matter.status.in_(OPEN_STATUSES))
        .order_by(Supervision.id)
    )
    found: dict[int, list[tuple[int, ManualLevel]]] = {}
    for s, clerk in rows:
        found.setdefault(s.matter_id, []).append(
            (s.id, ManualLevel(s.level, s.reason, clerk, s.raised_at.date()))
        )
    return found


def departments_of(session: Session, ids: Sequence[int]) -> dict[int, list[str]]:
    """Departments involved in (涉及) or assigned (转送/交办) each matter, in the table's order."""

    def build(scope: Scope) -> Select[*tuple[Any, ...]]:
        pairs = union(
            select(MatterDepartment.matter_id, MatterDepartment.department_id).where(
                scope(MatterDepartment.matter_id)
            ),
            select(Assignment.matter_id, Assignment.department_id).where(scope(Assignment.matter_id)),
        ).subquery()
        return (
            select(pairs.c.matter_id, Department.name)
            .join(Department, Department.id == pairs.c.department_id)
            .order_by(pairs.c.matter_id, Department.sort_order, Department.id)
        )

    found: dict[int, list[str]] = {}
    for matter_id, name in _grouped(session, ids, build):
        found.setdefault(matter_id, []).append(name)
    return found


def leaders_in_charge(session: Session, ids: Sequence[int]) -> dict[int, str]:
    rows = _grouped(
        session,
        ids,
        lambda scope: (
            select(MatterLeader.matter_id, Leader.name)
            .join(Leader)
            .where(scope(MatterLeader.matter_id), MatterLeader.role == IN_CHARGE)
        ),
    )
    return dict(rows)
