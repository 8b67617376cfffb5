"""The SQL behind the supervision board: each open matter with its next deadline, filtered in the database,
and the few facts the level rules need, fetched in bulk for the matters that need them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from types import SimpleNamespace
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    Float,
    Row,
    Select,
    and_,
    case,
    cast,
    exists,
    false,
    func,
    literal,
    literal_column,
    or_,
    select,
    union,
    union_all,
)
from sqlalchemy.orm import Session, aliased

from app.deadline_book import WINDOWS
from app.rules.vocabulary import OPEN_STATUSES
from app.supervision_records import BoardFilter
from app.supervision_rules import RANK, ManualLevel, Policy, SilentDepartment
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
    session: Session, wanted: BoardFilter, today: date, policy: Policy, limit: int | None = None
) -> list[Row[*tuple[Any, ...]]]:
    """The open matters the filter lets through, worst first in the board's order, at most ``limit``; each
    with its next deadline (or none), its 督办 rank (0–3, exact, in SQL) and, on every row, ``total`` (how
    many the filter lets through) and ``overdue`` (how many of them are overdue)."""
    nd = _next_deadlines()
    first_clerk, department = aliased(Clerk), aliased(Department)
    dialect = session.get_bind().dialect.name
    states = _state_conditions(nd.c, today, policy, dialect)
    rank = _rank(nd.c, today, policy, dialect, states)
    query = (
        select(
            Matter.id.label("matter_id"),
            Matter.matter_no,
            Matter.summary,
            Matter.status,
            Matter.received_at,
            first_clerk.name.label("first_clerk"),
            nd.c.id.label("deadline_id"),
            nd.c.rule_key.label("rule_key"),
            func.coalesce(department.name, "").label("department"),
            nd.c.start.label("start"),
            nd.c.due.label("due"),
            rank.label("rank"),
            func.count().over().label("total"),
            func.coalesce(func.sum(case((states["超期"], 1), else_=0)).over(), 0).label("overdue"),
        )
        .join(first_clerk, first_clerk.id == Matter.first_clerk_id)
        .outerjoin(nd.row, nd.on)
        .outerjoin(department, department.id == nd.c.department_id)
        .where(Matter.status.in_(OPEN_STATUSES))
    )
    query = _filtered(query, wanted, first_clerk, rank, states)
    query = query.order_by(*_order(wanted, nd.c, rank))
    if limit is not None:
        query = query.limit(limit)
    return list(session.execute(query))


def attention_counts(session: Session, today: date, policy: Policy) -> list[Row[*tuple[Any, ...]]]:
    """The badge's figures in one statement over the matters that need attention (rank > 0): rows
    ("c", first clerk, rank, overdue, near, count) grouped by clerk, level and state, and
    ("d", department, 0, 0, 0, count) — a matter counts once per department involved or assigned."""
    nd = _next_deadlines()
    dialect = session.get_bind().dialect.name
    states = _state_conditions(nd.c, today, policy, dialect)
    rank = _rank(nd.c, today, policy, dialect, states)
    attention = (
        select(
            Matter.id.label("matter_id"),
            Clerk.name.label("clerk"),
            rank.label("rank"),
            case((states["超期"], 1), else_=0).label("overdue"),
            case((states["临期"], 1), else_=0).label("near"),
        )
        .join(Clerk, Clerk.id == Matter.first_clerk_id)
        .outerjoin(nd.row, nd.on)
        .where(Matter.status.in_(OPEN_STATUSES), rank > 0)
        .cte("attention")
    )
    pairs = union(
        select(MatterDepartment.matter_id, MatterDepartment.department_id).where(
            MatterDepartment.matter_id.in_(select(attention.c.matter_id))
        ),
        select(Assignment.matter_id, Assignment.department_id).where(
            Assignment.matter_id.in_(select(attention.c.matter_id))
        ),
    ).subquery()
    by_clerk = select(
        literal("c").label("kind"),
        attention.c.clerk.label("name"),
        attention.c.rank,
        attention.c.overdue,
        attention.c.near,
        func.count().label("n"),
    ).group_by(attention.c.clerk, attention.c.rank, attention.c.overdue, attention.c.near)
    by_department = (
        select(
            literal("d").label("kind"),
            Department.name.label("name"),
            literal(0).label("rank"),
            literal(0).label("overdue"),
            literal(0).label("near"),
            func.count().label("n"),
        )
        .select_from(pairs)
        .join(Department, Department.id == pairs.c.department_id)
        .group_by(Department.name)
    )
    return list(session.execute(union_all(by_clerk, by_department)))


def _order(wanted: BoardFilter, nd: Any, rank: Any) -> list[Any]:
    """sort_board's order in SQL (it sorts the page again in Python): by level, 红牌 first, then the
    earliest due (none last), then the oldest; or by due date, rows without a running deadline last and
    oldest first either way. ``descending`` reverses the whole key, as sorted(reverse=True) does."""
    no_due = case((nd.due.is_(None), 1), else_=0)
    if wanted.sort == "level":
        if wanted.descending:
            return [rank.asc(), no_due.desc(), nd.due.desc(), Matter.received_at.desc(), Matter.id]
        return [rank.desc(), no_due.asc(), nd.due.asc(), Matter.received_at.asc(), Matter.id]
    undated_received = case((nd.due.is_(None), Matter.received_at), else_=literal_column("NULL"))
    if wanted.descending:
        return [no_due.asc(), nd.due.desc(), undated_received.asc(), Matter.received_at.desc(), Matter.id]
    return [no_due.asc(), nd.due.asc(), undated_received.asc(), Matter.received_at.asc(), Matter.id]


@dataclass(frozen=True)
class _NextDeadline:
    """Per matter, the running deadline with the earliest effective due date (ties: the oldest row), as
    deadline_book.next_deadline picks it for the matter's page: ``row`` joined ``on`` a matter, and its
    columns as ``c`` (``c.due`` the effective due date).

    The row is found by a lookup per listed matter on the deadlines' matter index, not by ranking every
    running deadline in a window and joining that: SQLite joined the ranked set by scanning it once per
    open matter (open × running rows: 0.15 s on 10,000 visits, minutes on a million).
    """

    row: Any
    on: ColumnElement[bool]
    c: SimpleNamespace


def _next_deadlines() -> _NextDeadline:
    running, row = aliased(Deadline), aliased(Deadline, name="next_deadline")
    # "neither met nor cancelled" through a CASE, which no index answers, so that the lookup goes by the
    # matter's own rows: SQLite without statistics would prefer the index over (cancelled, met_at), which
    # holds every running row of every matter
    unsettled = case((and_(running.met_at.is_(None), running.cancelled.is_(False)), 1), else_=0) == 1
    first = (
        select(running.id)
        .where(running.matter_id == Matter.id, unsettled)
        .where(running.rule_key.not_in(WINDOWS))  # a visitor's or department's window is not our duty
        .order_by(func.coalesce(running.override_due, running.due), running.id)
        .limit(1)
        .correlate(Matter)
        .scalar_subquery()
    )
    columns = SimpleNamespace(
        id=row.id,
        matter_id=row.matter_id,
        rule_key=row.rule_key,
        department_id=row.department_id,
        start=row.start,
        due=func.coalesce(row.override_due, row.due),
    )
    return _NextDeadline(row, row.id == first, columns)


def _filtered(
    query: Select[*tuple[Any, ...]],
    wanted: BoardFilter,
    clerk: Any,
    rank: Any,
    states: dict[str, ColumnElement[bool]],
) -> Select[*tuple[Any, ...]]:
    if wanted.clerk is not None:
        query = query.where(clerk.name == wanted.clerk)
    if wanted.department is not None:
        query = query.where(Matter.id.in_(_matters_of_department(wanted.department)))
    if wanted.leader is not None:
        query = query.where(Matter.id.in_(_matters_of_leader(wanted.leader)))
    if wanted.states is not None:
        query = query.where(or_(false(), *(states[s] for s in wanted.states)))
    if wanted.levels is not None:
        query = query.where(rank.in_(sorted({RANK.get(level, -1) for level in wanted.levels})))
    if wanted.attention_only:
        query = query.where(rank > 0)  # overdue or near due (a level by rule), or a 督办 by hand
    return query


def _days(first: Any, last: Any, dialect: str) -> ColumnElement[Any]:
    """Calendar days from ``first`` to ``last`` (dates), as a number."""
    if dialect == "sqlite":
        return func.julianday(last) - func.julianday(first)
    return cast(last, Date) - cast(first, Date)  # PostgreSQL: date - date is an integer


def _state_conditions(nd: Any, today: date, policy: Policy, dialect: str) -> dict[str, ColumnElement[bool]]:
    """Per state, exactly the matters app.deadlines.deadline_state puts in it (the share is divided in
    floating point, as Python divides it)."""
    running = nd.due.is_not(None)
    used, period = _days(nd.start, literal(today, Date), dialect), _days(nd.start, nd.due, dialect)
    share = case((nd.due > nd.start, cast(used, Float) / cast(period, Float)), else_=1.0)
    near = or_(nd.due <= today + timedelta(days=policy.near_days), share >= policy.near_share)
    overdue = and_(running, nd.due < today)
    near_due = and_(running, nd.due >= today, near)
    return {"超期": overdue, "临期": near_due, "正常": and_(~overdue, ~near_due)}


def _rank(
    nd: Any, today: date, policy: Policy, dialect: str, states: dict[str, ColumnElement[bool]]
) -> ColumnElement[int]:
    """The 督办 level as RANK (0 none, 1 普通, 2 黄牌, 3 红牌), as supervision_rules.level_of decides it:
    near due 普通; overdue 黄牌, or 红牌 when overdue by more than red_after_days, visited again after the
    due date, or with a department silent past its own deadline; a higher level raised by hand wins."""
    red = or_(
        nd.due < today - timedelta(days=policy.red_after_days),
        exists().where(
            Visit.matter_id == Matter.id, Visit.is_repeat, _date_of(Visit.visited_at, dialect) > nd.due
        ),
        _silent_exists(today),
    )
    by_rule = case((states["超期"], case((red, 3), else_=2)), (states["临期"], 1), else_=0)
    level_rank = case(*((Supervision.level == level, n) for level, n in RANK.items() if n), else_=0)
    by_hand = func.coalesce(
        select(func.max(level_rank))
        .where(Supervision.matter_id == Matter.id, Supervision.resolved_at.is_(None))
        .scalar_subquery(),
        0,
    )
    return case((by_hand > by_rule, by_hand), else_=by_rule)


def _date_of(column: Any, dialect: str) -> ColumnElement[Any]:
    return func.date(column) if dialect == "sqlite" else cast(column, Date)


def _silent_exists(today: date) -> ColumnElement[bool]:
    """The matter has an assignment past its running deadline, without feedback and not returned
    (silent_departments' condition)."""
    own = aliased(Deadline)
    effective = func.coalesce(own.override_due, own.due)
    return exists().where(
        Assignment.matter_id == Matter.id,
        own.id == Assignment.deadline_id,
        Assignment.feedback_at.is_(None),
        Assignment.returned_at.is_(None),
        own.met_at.is_(None),
        own.cancelled.is_(False),
        effective < today,
    )


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
