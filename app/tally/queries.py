"""The SQL of the tally: each figure is a CASE/SUM or COUNT grouped by township, in a handful of queries.

Each matter figure is built from a *population* query (one row per matter or rating, with its township)
that the aggregate groups and the drill-down lists, so a cell and the records behind it cannot disagree.
Portable Core expressions only; the one dialect difference (the date of a timestamp) is compiled per backend.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Date, Select, and_, case, exists, func, or_, select, union
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from app.deadline_book import WINDOWS
from app.tally.definitions import (
    ACCEPTANCE_KINDS,
    CLOSE_KIND,
    CLOSING_KINDS,
    MERGE_KIND,
    NOT_RATED,
    ONLINE,
    RETURN_KIND,
    SATISFIED,
    VISIT_GROUPS,
    CategoryGroup,
)
from app.tally.periods import Period
from db.models import Category, Deadline, Matter, MatterEvent, Rating, Visit

TownshipId = int | None
Figures = dict[TownshipId, dict[str, int]]
Population = Select[*tuple[Any, ...]]  # rows of (id, township_id, …)


class day_of(FunctionElement[date]):  # noqa: N801 (an SQL function, named like one)
    """The calendar date of a timestamp: ``date(x)`` on SQLite (whose CAST AS DATE yields the year),
    ``CAST(x AS DATE)`` elsewhere."""

    type = Date()
    inherit_cache = True


@compiles(day_of)
def _day_of_default(element: day_of, compiler: SQLCompiler, **kw: Any) -> str:
    return f"CAST({compiler.process(element.clauses, **kw)} AS DATE)"


@compiles(day_of, "sqlite")
def _day_of_sqlite(element: day_of, compiler: SQLCompiler, **kw: Any) -> str:
    return f"date({compiler.process(element.clauses, **kw)})"


def _in(column: Any, period: Period) -> ColumnElement[bool]:
    return and_(column >= period.start, column < period.end)


def case_bucket(column: Any, periods: Sequence[Period]) -> Any:
    """The index of the period ``column`` falls in (-1: none), as one CASE expression."""
    return case(*((_in(column, p), i) for i, p in enumerate(periods)), else_=-1)


def _top_category() -> Any:
    """The top-level category of a matter's category (the tree has two levels)."""
    return func.coalesce(Category.parent_id, Category.id)


def _visit_base(*columns: Any) -> Population:
    return (
        select(*columns)
        .select_from(Visit)
        .join(Matter, Matter.id == Visit.matter_id)
        .outerjoin(Category, Category.id == Matter.category_id)
    )


def visit_conditions(categories: Sequence[CategoryGroup]) -> dict[str, ColumnElement[bool] | None]:
    """Per visit pair key, the condition a visit meets to be counted there (None: every visit)."""
    conditions: dict[str, ColumnElement[bool] | None] = {
        g.key: (g.where() if g.where is not None else None) for g in VISIT_GROUPS
    }
    for category in categories:
        conditions[category.key] = _top_category() == category.id
    conditions["online"] = Visit.channel.in_(ONLINE)
    return conditions


def visit_figures(session: Session, period: Period, categories: Sequence[CategoryGroup]) -> Figures:
    """批次 and 人次 of every visit pair (and the online 批次) per township, in one query."""
    columns: list[Any] = []
    names: list[str] = []
    for key, condition in visit_conditions(categories).items():
        if condition is None:
            columns += [func.count(Visit.id), func.coalesce(func.sum(Visit.headcount), 0)]
        else:
            columns += [
                func.sum(case((condition, 1), else_=0)),
                func.sum(case((condition, Visit.headcount), else_=0)),
            ]
        names += [f"{key}.批次", f"{key}.人次"]
    query = _visit_base(Matter.township_id, *columns).where(_in(Visit.visited_at, period))
    result: Figures = {}
    for township, *values in session.execute(query.group_by(Matter.township_id)):
        result[township] = {n: int(v or 0) for n, v in zip(names, values, strict=True)}
    return result


def visit_ids(session: Session, period: Period, condition: ColumnElement[bool] | None, row: Any) -> list[int]:
    query = _visit_base(Visit.id).where(_in(Visit.visited_at, period), row(Matter.township_id))
    if condition is not None:
        query = query.where(condition)
    return list(session.scalars(query.order_by(Visit.visited_at, Visit.id)))


# --- matter populations: (id, township_id, …) ---------------------------------------------------------


def _first_events(kinds: Sequence[str], period: Period) -> Any:
    """(matter_id, at): matters whose first event of these kinds falls in the period, with its time.

    Read from the period's events (index on (kind, at)) less the matters with such an event before it,
    not by grouping every event of the database (2.9 s of a 3 s tally on a million visits).
    """
    earlier = aliased(MatterEvent)
    # the kind tested through a CASE, which no index answers: the lookup then goes by the matter's index,
    # a few rows, and not by (kind, at), which SQLite without statistics prefers and which reads every
    # earlier event of the kind (0.5 s on 10,000 visits)
    of_kind = case((earlier.kind.in_(kinds), 1), else_=0) == 1
    before = exists().where(earlier.matter_id == MatterEvent.matter_id, of_kind, earlier.at < period.start)
    return (
        select(MatterEvent.matter_id, func.min(MatterEvent.at).label("at"))
        .where(MatterEvent.kind.in_(kinds), _in(MatterEvent.at, period), ~before)
        .group_by(MatterEvent.matter_id)
        .subquery()
    )


def accepted(period: Period) -> Population:
    """Matters whose first acceptance decision falls in the period."""
    first = _first_events(ACCEPTANCE_KINDS, period)
    return select(Matter.id.label("id"), Matter.township_id.label("township_id")).join(
        first, first.c.matter_id == Matter.id
    )


def _latest_due(rule_key: str) -> Any:
    """The matter's latest effective due date of this rule (None: no such row), per matter listed."""
    effective = func.coalesce(Deadline.override_due, Deadline.due)
    return (
        select(func.max(effective))
        .where(Deadline.matter_id == Matter.id, Deadline.rule_key == rule_key)
        .scalar_subquery()
    )


def closed(period: Period) -> Population:
    """Matters closed (办结 or 当场答复) in the period, each with whether it was on time (1) or late (0).

    On time: closed on or before the latest effective due date of its handling periods (after any
    extension); a matter never taken into handling is held to its notice deadline.
    """
    closing = _first_events(CLOSING_KINDS, period)
    due = func.coalesce(_latest_due("handling"), _latest_due("notice"), Matter.notice_deadline)
    return select(
        Matter.id.label("id"),
        Matter.township_id.label("township_id"),
        case((day_of(closing.c.at) <= due, 1), else_=0).label("on_time"),
    ).join(closing, closing.c.matter_id == Matter.id)


def overdue(as_of: datetime) -> Population:
    """Matters that at ``as_of`` had a duty deadline running and past (the board's 超期, read back in time).

    A row was running at ``as_of`` when it had started, was not met before, and was not cancelled before:
    a cancelled row is dated by the step that cancelled it (办结, 合并 of this matter, 退回 by its
    department).

    Three index-led branches instead of one scan of every deadline: rows neither met nor cancelled, rows
    met since ``as_of`` (both on the index over (cancelled, met_at)), and cancelled rows of matters with a
    cancelling step since ``as_of`` (on the index over the events' (kind, at)); a cancelled row can only
    have been running at ``as_of`` if a step cancelled it later.
    """
    today = as_of.date()
    event = aliased(MatterEvent)
    merged = (
        select(Matter.id)
        .where(Matter.id == Deadline.matter_id, Matter.merged_into_id.is_not(None))
        .correlate(Deadline)  # the row's own matter: without it the subquery would read every deadline
    )
    cancelling = and_(
        event.matter_id == Deadline.matter_id,
        event.at >= Deadline.start,
        or_(
            event.kind == CLOSE_KIND,
            and_(event.kind == MERGE_KIND, merged.exists()),
            and_(event.kind == RETURN_KIND, event.department_id == Deadline.department_id),
        ),
    )
    past_due = and_(
        Deadline.rule_key.not_in(WINDOWS),
        Deadline.start <= today,
        func.coalesce(Deadline.override_due, Deadline.due) < today,
    )
    live = select(Deadline.matter_id).where(
        Deadline.cancelled.is_(False), Deadline.met_at.is_(None), past_due
    )
    met_later = select(Deadline.matter_id).where(
        Deadline.cancelled.is_(False), Deadline.met_at >= as_of, past_due
    )
    later = aliased(MatterEvent)
    cancelled_later = (
        select(Deadline.matter_id)
        .join(later, later.matter_id == Deadline.matter_id)
        .where(later.kind.in_((CLOSE_KIND, MERGE_KIND, RETURN_KIND)), later.at >= as_of)
        .where(Deadline.cancelled.is_(True), past_due)
        .where(or_(Deadline.met_at.is_(None), Deadline.met_at >= as_of))
        .where(exists().where(cancelling, event.at >= as_of), ~exists().where(cancelling, event.at < as_of))
    )
    late = union(live, met_later, cancelled_later)
    return select(Matter.id.label("id"), Matter.township_id.label("township_id")).where(Matter.id.in_(late))


def ratings(period: Period) -> Population:
    """Ratings made in the period: (matter id, township, rated 0/1, satisfied 0/1)."""
    return (
        select(
            Rating.matter_id.label("id"),
            Matter.township_id.label("township_id"),
            case((Rating.result != NOT_RATED, 1), else_=0).label("rated"),
            case((Rating.result.in_(SATISFIED), 1), else_=0).label("satisfied"),
        )
        .join(Matter, Matter.id == Rating.matter_id)
        .where(_in(Rating.rated_at, period))
    )


def matter_figures(session: Session, period: Period, as_of: datetime) -> Figures:
    """受理, 办结 (and on time), 超期, and the ratings, per township: four grouped queries."""
    result: Figures = {}

    def collect(population: Population, *measures: tuple[str, Any]) -> None:
        sub = population.subquery()
        query = select(sub.c.township_id, *(m(sub) for _, m in measures)).group_by(sub.c.township_id)
        for township, *values in session.execute(query):
            result.setdefault(township, {}).update(
                {name: int(v or 0) for (name, _), v in zip(measures, values, strict=True)}
            )

    collect(accepted(period), ("accepted", lambda s: func.count(func.distinct(s.c.id))))
    collect(
        closed(period),
        ("closed", lambda s: func.count(func.distinct(s.c.id))),
        ("closed_on_time", lambda s: func.sum(s.c.on_time)),
    )
    collect(overdue(as_of), ("overdue", lambda s: func.count(func.distinct(s.c.id))))
    collect(
        ratings(period),
        ("rated", lambda s: func.sum(s.c.rated)),
        ("satisfied", lambda s: func.sum(s.c.satisfied)),
    )
    return result


def matter_ids(session: Session, population: Population, row: Any, only: str | None = None) -> list[int]:
    """The distinct ids of a population in one row (``only``: a 0/1 column that must be 1)."""
    sub = population.subquery()
    query = select(sub.c.id).where(row(sub.c.township_id))
    if only is not None:
        query = query.where(sub.c[only] == 1)
    return sorted(set(session.scalars(query)))
