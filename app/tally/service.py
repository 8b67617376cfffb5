"""TallyService(db, clock): the weekly tally of RULES.md §6 for an ISO week or a date range, and the
records behind any cell (drill-down), for the window's tally page, the exports and the command line.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, DateTime, Select, and_, bindparam, case, func, select, true
from sqlalchemy.orm import Session

from app.tally import queries
from app.tally.definitions import (
    COUNTY_ROW,
    MATTER_COLUMN,
    UNKNOWN_ROW,
    VISIT_GROUPS,
    CategoryGroup,
    Pair,
    column_kind,
)
from app.tally.export import write_tally
from app.tally.model import PREVIOUS, YEAR_BEFORE, Comparison, Rate, Tally, TallyRow, TrendPoint, total_row
from app.tally.periods import Period, weeks_ending
from db.engine import Database
from db.models import Category, Setting, Township, Visit

TREND_WEEKS = 12
DEFAULT_AGENCY = "示例县信访局"
_Townships = list[tuple[int, str, bool]]  # (id, name, active) in the configured order


class TallyService:
    def __init__(self, db: Database, clock: Callable[[], datetime] = datetime.now) -> None:
        self._db = db
        self._clock = clock

    def week(self, iso_week: str) -> Tally:
        """The tally of an ISO week, ``2026-W47`` (a ValidationError for a week that does not exist)."""
        return self._tally(Period.week(iso_week))

    def range(self, first: date, last: date) -> Tally:
        """The tally of the whole days from ``first`` to ``last``, both included."""
        return self._tally(Period.between(first, last))

    def trend(self, last: date, weeks: int = TREND_WEEKS) -> list[TrendPoint]:
        """批次 and 人次 of each of the ``weeks`` ISO weeks up to the one holding ``last``, oldest first."""
        with self._db.reading() as session:
            return _trend(session, weeks_ending(last, weeks))

    def export(self, tally: Tally, path: Path | str) -> Path:
        """Write ``tally`` as .xlsx, .csv or .pdf (by the extension); through the Desk, audited."""
        return write_tally(tally, path)

    def cell_visits(self, tally: Tally, row_key: str, column_key: str) -> list[int]:
        """The ids behind one cell: visit ids for the visit columns and 网信占比, matter ids for the matter
        columns (``definitions.column_kind`` says which). A rate lists every record of its numerator and
        denominator (办结率: the accepted and the closed matters)."""
        row = _row_filter(row_key)
        period = tally.period
        with self._db.reading() as session:
            if column_kind(column_key) == "visit":
                return queries.visit_ids(session, period, _visit_condition(tally, column_key), row)
            return self._matter_cell(session, tally, column_key, row)

    def _matter_cell(self, session: Session, tally: Tally, key: str, row: Any) -> list[int]:
        period, as_of = tally.period, tally.as_of or self._as_of(tally.period)
        if key == "accepted":
            return queries.matter_ids(session, queries.accepted(period), row)
        if key in ("closed", "on_time_rate"):
            return queries.matter_ids(session, queries.closed(period), row)
        if key == "overdue":
            return queries.matter_ids(session, queries.overdue(as_of), row)
        if key == "closure_rate":
            both = queries.matter_ids(session, queries.accepted(period), row)
            return sorted({*both, *queries.matter_ids(session, queries.closed(period), row)})
        if key == "satisfaction_rate":
            return queries.matter_ids(session, queries.ratings(period), row, only="rated")
        raise KeyError(f"未知的统计列：{key}")

    # --- building ---------------------------------------------------------------------------------

    def _tally(self, period: Period) -> Tally:
        as_of = self._as_of(period)
        with self._db.reading() as session:
            townships, categories = _townships(session), _categories(session)
            rows = _rows(session, period, as_of, townships, categories)
            comparisons = tuple(
                Comparison(name, other, _totals(session, other, categories, self._as_of(other)))
                for name, other in ((PREVIOUS, period.previous()), (YEAR_BEFORE, period.year_before()))
            )
            trend = _trend(session, weeks_ending(period.last, TREND_WEEKS))
            agency = session.connection().execute(_reference_queries()[2]).scalar()
        return Tally(
            period=period,
            agency=agency or DEFAULT_AGENCY,
            categories=categories,
            rows=tuple(rows),
            comparisons=comparisons,
            trend=tuple(trend),
            made_at=self._clock(),
            as_of=as_of,
        )

    def _as_of(self, period: Period) -> datetime:
        """超期 is read at the period's end, or now for a period not over yet."""
        return min(period.end, self._clock())


@cache
def _reference_queries() -> tuple[Any, Any, Any]:
    """The townships, the top-level categories and the agency's name: statements built once."""
    townships = select(Township.id, Township.name, Township.active).order_by(Township.sort_order, Township.id)
    categories = (
        select(Category.id, Category.code, Category.name)
        .where(Category.parent_id.is_(None))
        .order_by(Category.sort_order, Category.id)
    )
    agency = select(Setting.value).where(Setting.key == "agency_name")
    return townships, categories, agency


def _townships(session: Session) -> _Townships:
    return [(i, n, bool(a)) for i, n, a in session.connection().execute(_reference_queries()[0])]


def _categories(session: Session) -> tuple[CategoryGroup, ...]:
    return tuple(CategoryGroup(i, c, n) for i, c, n in session.connection().execute(_reference_queries()[1]))


def _figures(
    session: Session, period: Period, as_of: datetime, categories: tuple[CategoryGroup, ...]
) -> dict[int | None, dict[str, int | Rate]]:
    """Every column's figure per township id (None: matters without a township)."""
    visits = queries.visit_figures(session, period, categories)
    matters = queries.matter_figures(session, period, as_of)
    return {t: _columns(visits.get(t, {}), matters.get(t, {}), categories) for t in {*visits, *matters}}


def _columns(
    visits: dict[str, int], matters: dict[str, int], categories: tuple[CategoryGroup, ...]
) -> dict[str, int | Rate]:
    values: dict[str, int | Rate] = {key: visits.get(key, 0) for key in _pair_keys(categories)}
    accepted, closed = matters.get("accepted", 0), matters.get("closed", 0)
    values.update(
        accepted=accepted,
        closed=closed,
        overdue=matters.get("overdue", 0),
        closure_rate=Rate(closed, accepted),
        on_time_rate=Rate(matters.get("closed_on_time", 0), closed),
        satisfaction_rate=Rate(matters.get("satisfied", 0), matters.get("rated", 0)),
        online_share=Rate(visits.get("online.批次", 0), visits.get("all.批次", 0)),
    )
    return values


@cache
def _pair_keys(categories: tuple[CategoryGroup, ...]) -> tuple[str, ...]:
    """The keys of the visit columns, 批次 then 人次 of each pair, in the sheet's order."""
    pairs: list[Pair] = [*VISIT_GROUPS, *categories]
    return tuple(key for group in pairs for key in (group.batches_key, group.persons_key))


def _rows(
    session: Session,
    period: Period,
    as_of: datetime,
    townships: _Townships,
    categories: tuple[CategoryGroup, ...],
) -> list[TallyRow]:
    """Townships in order, then 县直部门, then 属地不明 if it has figures, then 合计."""
    figures = _figures(session, period, as_of, categories)
    empty = _columns({}, {}, categories)
    rows = [
        TallyRow(f"township:{i}", name, "county" if name == COUNTY_ROW else "township", figures.get(i, empty))
        for i, name, active in townships
        if active or i in figures
    ]
    rows.sort(key=lambda r: r.kind == "county")  # stable: townships keep their order
    if None in figures:
        rows.append(TallyRow("unknown", UNKNOWN_ROW, "unknown", figures[None]))
    return [*rows, total_row(rows) if rows else TallyRow("total", "合计", "total", empty)]


def _totals(
    session: Session, period: Period, categories: tuple[CategoryGroup, ...], as_of: datetime
) -> dict[str, int | Rate]:
    figures = _figures(session, period, as_of, categories)
    rows = [TallyRow("", "", "township", values) for values in figures.values()]
    return total_row(rows).values if rows else _columns({}, {}, categories)


def _trend(session: Session, weeks: list[Period]) -> list[TrendPoint]:
    """One query: each visit put in its week's bucket by a CASE over the weeks' bounds."""
    bounds = {f"bound_{i}": w.start for i, w in enumerate(weeks)} | {f"bound_{len(weeks)}": weeks[-1].end}
    found = {
        i: (int(b), int(p)) for i, b, p in session.connection().execute(_trend_query(len(weeks)), bounds)
    }
    return [TrendPoint(w, *found.get(i, (0, 0))) for i, w in enumerate(weeks)]


@cache
def _trend_query(weeks: int) -> Select[int, int, int]:
    """The trend's statement for ``weeks`` consecutive weeks, their bounds bound as ``:bound_0`` … (built
    once: building and hashing the CASE costs more than running it on a small database)."""
    bound = [bindparam(f"bound_{i}", type_=DateTime()) for i in range(weeks + 1)]
    week = case(
        *((and_(Visit.visited_at >= bound[i], Visit.visited_at < bound[i + 1]), i) for i in range(weeks)),
        else_=-1,
    )
    bucketed = (
        select(week.label("week"), Visit.headcount)
        .where(Visit.visited_at >= bound[0], Visit.visited_at < bound[-1])
        .subquery()
    )
    return select(bucketed.c.week, func.count(), func.coalesce(func.sum(bucketed.c.headcount), 0)).group_by(
        bucketed.c.week
    )


def _row_filter(row_key: str) -> Callable[[Any], ColumnElement[bool]]:
    if row_key == "total":
        return lambda column: true()
    if row_key == "unknown":
        return lambda column: column.is_(None)
    kind, _, ident = row_key.partition(":")
    if kind != "township" or not ident.isdigit():
        raise KeyError(f"未知的统计行：{row_key}")
    return lambda column: column == int(ident)


def _visit_condition(tally: Tally, column_key: str) -> ColumnElement[bool] | None:
    """The condition of a visit column (both 批次 and 人次 list the same visits); 网信占比: all visits."""
    if column_key in MATTER_COLUMN:
        return None  # online_share: its denominator, every visit, holds its numerator
    pair = column_key.rpartition(".")[0]
    conditions = queries.visit_conditions(tally.categories)
    if pair not in conditions or pair == "online":
        raise KeyError(f"未知的统计列：{column_key}")
    return conditions[pair]
