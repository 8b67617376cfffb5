"""The SQL of the tally: each figure is a CASE/SUM or COUNT grouped by township, in a handful of queries.

Each matter figure is built from a *population* query (one row per matter or rating, with its township)
that the aggregate groups and the drill-down lists, so a cell and the records behind it cannot disagree.
Portable Core expressions only; the one dialect difference (the date of a timestamp) is compiled per backend.

The periods enter as bound parameters (``:start``, ``:end``, ``:as_of``, ``:today``), so each statement is
built once per process (per set of categories) and reused for every week, 环比 and 同比: building and
hashing these statements cost more than running them on a small database.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from functools import cache
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Date,
    DateTime,
    Select,
    String,
    and_,
    bindparam,
    case,
    exists,
    func,
    literal,
    literal_column,
    or_,
    select,
    union,
    union_all,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from app.deadline_book import WINDOWS
from app.tally.definitions import (
    ACCEPTANCE_KINDS,
    CLOSING_KINDS,
    NOT_RATED,
    ONLINE,
    SATISFIED,
    VISIT_GROUPS,
    CategoryGroup,
)
from app.tally.periods import Period
from db.models import Category, Deadline, Matter, MatterEvent, Rating, Visit
from db.models.workflow import LATE_CANCELLED, LATE_MET

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


def _start() -> BindParameter[datetime]:
    return bindparam("start", type_=DateTime())


def _end() -> BindParameter[datetime]:
    return bindparam("end", type_=DateTime())


def _as_of() -> BindParameter[datetime]:
    return bindparam("as_of", type_=DateTime())


def _today() -> BindParameter[date]:
    return bindparam("today", type_=Date())


def period_params(period: Period) -> dict[str, datetime]:
    """The values of ``:start`` and ``:end`` for ``period``."""
    return {"start": period.start, "end": period.end}


def as_of_params(as_of: datetime) -> dict[str, Any]:
    """The values of ``:as_of`` and ``:today`` (超期 is judged by the calendar day of ``as_of``)."""
    return {"as_of": as_of, "today": as_of.date()}


def _fixed(values: Sequence[str] | frozenset[str]) -> list[Any]:
    """A fixed list for IN: one parameter per value, compiled into the cached statement, not an expanding
    parameter that SQLAlchemy renders again at every execution."""
    return [literal(v, String()) for v in sorted(values)]


def _in(column: Any, period: Period | None = None) -> ColumnElement[bool]:
    """In the period: its bounds as literals when given, else as ``:start`` and ``:end``."""
    if period is None:
        return and_(column >= _start(), column < _end())
    return and_(column >= period.start, column < period.end)


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
    conditions["online"] = Visit.channel.in_(_fixed(ONLINE))
    return conditions


@cache
def _visit_figures(categories: tuple[CategoryGroup, ...]) -> tuple[Population, tuple[str, ...]]:
    """The grouped statement of ``visit_figures`` and the names of its columns, built once per categories."""
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
    query = _visit_base(Matter.township_id, *columns).where(_in(Visit.visited_at))
    return query.group_by(Matter.township_id), tuple(names)


def visit_figures(session: Session, period: Period, categories: Sequence[CategoryGroup]) -> Figures:
    """批次 and 人次 of every visit pair (and the online 批次) per township, in one query."""
    query, names = _visit_figures(tuple(categories))
    result: Figures = {}
    for township, *values in session.connection().execute(query, period_params(period)):
        result[township] = {n: int(v or 0) for n, v in zip(names, values, strict=True)}
    return result


def visit_ids(session: Session, period: Period, condition: ColumnElement[bool] | None, row: Any) -> list[int]:
    query = _visit_base(Visit.id).where(_in(Visit.visited_at, period), row(Matter.township_id))
    if condition is not None:
        query = query.where(condition)
    return list(session.scalars(query.order_by(Visit.visited_at, Visit.id)))


# --- matter populations: (id, township_id, …) ---------------------------------------------------------


def _first_events(kinds: Sequence[str]) -> Any:
    """(matter_id, at): matters whose first event of these kinds falls in the period, with its time.

    Read from the period's events (index on (kind, at)) less the matters with such an event before it,
    not by grouping every event of the database (2.9 s of a 3 s tally on a million visits).
    """
    earlier = aliased(MatterEvent)
    # the kind tested through a CASE, which no index answers: the lookup then goes by the matter's index,
    # a few rows, and not by (kind, at), which SQLite without statistics prefers and which reads every
    # earlier event of the kind (0.5 s on 10,000 visits)
    of_kind = case((earlier.kind.in_(_fixed(kinds)), 1), else_=0) == 1
    before = exists().where(earlier.matter_id == MatterEvent.matter_id, of_kind, earlier.at < _start())
    return (
        select(MatterEvent.matter_id, func.min(MatterEvent.at).label("at"))
        .where(MatterEvent.kind.in_(_fixed(kinds)), _in(MatterEvent.at), ~before)
        .group_by(MatterEvent.matter_id)
        .subquery()
    )


def accepted(period: Period) -> Population:
    """Matters whose first acceptance decision falls in the period."""
    return _accepted().params(period_params(period))


def _accepted() -> Population:
    first = _first_events(ACCEPTANCE_KINDS)
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
    return _closed().params(period_params(period))


def _closed() -> Population:
    closing = _first_events(CLOSING_KINDS)
    due = func.coalesce(_latest_due("handling"), _latest_due("notice"), Matter.notice_deadline)
    return select(
        Matter.id.label("id"),
        Matter.township_id.label("township_id"),
        case((day_of(closing.c.at) <= due, 1), else_=0).label("on_time"),
    ).join(closing, closing.c.matter_id == Matter.id)


def overdue(as_of: datetime) -> Population:
    """Matters that at ``as_of`` had a duty deadline running and past (the board's 超期, read back in time).

    A row was running at ``as_of`` when it had started, was not met before and was not cancelled before
    (``cancelled_at``: the time of the step that cancelled it, revision 0007; a row cancelled at a time not
    known counts as cancelled before any date).
    """
    return _overdue().params(as_of_params(as_of))


def _overdue() -> Population:
    """Three index range reads instead of one scan of every deadline: rows neither met nor cancelled (on
    the index over (cancelled, met_at)); rows met, and rows cancelled, since ``as_of`` on or after their due
    day (the partial indexes of revision 0007, whose condition each branch carries: a row that ended before
    its due day was never overdue). Each range is tested for being past due at ``as_of``."""
    as_of, today = _as_of(), _today()
    past_due = and_(
        Deadline.rule_key.not_in(_fixed(WINDOWS)),
        Deadline.start <= today,
        func.coalesce(Deadline.override_due, Deadline.due) < today,
    )
    live = select(Deadline.matter_id).where(
        Deadline.cancelled.is_(False), Deadline.met_at.is_(None), past_due
    )
    # "not cancelled" through a CASE, which no index answers: SQLite without statistics would otherwise
    # prefer the index over (cancelled, met_at) and read every row met since ``as_of``
    not_cancelled = case((Deadline.cancelled.is_(False), 1), else_=0) == 1
    met_later = select(Deadline.matter_id).where(not_cancelled, Deadline.met_at >= as_of, LATE_MET, past_due)
    cancelled_later = select(Deadline.matter_id).where(
        Deadline.cancelled_at >= as_of,
        LATE_CANCELLED,
        or_(Deadline.met_at.is_(None), Deadline.met_at >= as_of),
        past_due,
    )
    late = union(live, met_later, cancelled_later)
    return select(Matter.id.label("id"), Matter.township_id.label("township_id")).where(Matter.id.in_(late))


def ratings(period: Period) -> Population:
    """Ratings made in the period: (matter id, township, rated 0/1, satisfied 0/1)."""
    return _ratings().params(period_params(period))


def _ratings() -> Population:
    return (
        select(
            Rating.matter_id.label("id"),
            Matter.township_id.label("township_id"),
            case((Rating.result != NOT_RATED, 1), else_=0).label("rated"),
            case((Rating.result.in_(_fixed(SATISFIED)), 1), else_=0).label("satisfied"),
        )
        .join(Matter, Matter.id == Rating.matter_id)
        .where(_in(Rating.rated_at))
    )


Measure = tuple[str, Any]  # (figure name, aggregate of the population subquery)
MATTER_FIGURES = ("accepted", "closed", "closed_on_time", "overdue", "rated", "satisfied")


def _grouped(population: Population, *measures: Measure) -> Population:
    """Per township, the measures of one population, 0 in the columns of the other figures."""
    sub = population.subquery()
    mine = {name: m(sub) for name, m in measures}
    columns = [mine.get(name, literal_column("0")).label(name) for name in MATTER_FIGURES]
    return select(sub.c.township_id.label("township_id"), *columns).group_by(sub.c.township_id)


@cache
def _matter_statement() -> Any:
    """受理, 办结, 超期 and the ratings grouped by township, one UNION ALL built once (one round trip)."""
    return union_all(
        _grouped(_accepted(), ("accepted", lambda s: func.count(func.distinct(s.c.id)))),
        _grouped(
            _closed(),
            ("closed", lambda s: func.count(func.distinct(s.c.id))),
            ("closed_on_time", lambda s: func.sum(s.c.on_time)),
        ),
        _grouped(_overdue(), ("overdue", lambda s: func.count(func.distinct(s.c.id)))),
        _grouped(
            _ratings(),
            ("rated", lambda s: func.sum(s.c.rated)),
            ("satisfied", lambda s: func.sum(s.c.satisfied)),
        ),
    )


def matter_figures(session: Session, period: Period, as_of: datetime) -> Figures:
    """受理, 办结 (and on time), 超期, and the ratings, per township: four grouped queries in one statement.

    A township has a row from each population it has records in; each figure comes from one of them (0 in
    the others), so the rows add up."""
    result: Figures = {}
    params = {**period_params(period), **as_of_params(as_of)}
    # Core: these rows are tuples, not ORM entities
    for township, *values in session.connection().execute(_matter_statement(), params):
        figures = result.setdefault(township, dict.fromkeys(MATTER_FIGURES, 0))
        for name, value in zip(MATTER_FIGURES, values, strict=True):
            figures[name] += int(value or 0)
    return result


def matter_ids(session: Session, population: Population, row: Any, only: str | None = None) -> list[int]:
    """The distinct ids of a population in one row (``only``: a 0/1 column that must be 1)."""
    sub = population.subquery()
    query = select(sub.c.id).where(row(sub.c.township_id))
    if only is not None:
        query = query.where(sub.c[only] == 1)
    return sorted(set(session.scalars(query)))
