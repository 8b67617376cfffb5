"""AssessmentService: the departments' record (考核) over a period, one row per responsible department.

The counts are over the assignments (转送/交办) made in the period:
- 按时签收: signed for within the 5-working-day objection period that starts with the assignment;
- 按期办结: the department's handling deadline met (its feedback) by the deadline in force;
- 超期: the handling deadline missed — met late, or still unmet after its due date by the period's end;
- 退回: returned as misrouted;
- 重复访率: share of the assigned matters visited again (重访) after the assignment;
- 满意率: of the department's ratings given in the period (未评价 aside), 满意 and 基本满意.
The score weighs them 20 / 40 / 20 / 20 (signing, closing on time, no repeat visits, satisfaction); equal
scores share a rank.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from app.sources.records import UnitRecord
from app.tally.periods import Period
from db.engine import Database
from db.models import Assignment, Deadline, Department, Rating, Visit

SATISFIED = ("满意", "基本满意")
UNRATED = "未评价"
WEIGHTS = (20.0, 40.0, 20.0, 20.0)


@dataclass
class _Tally:
    assigned: int = 0
    signed_on_time: int = 0
    closed_on_time: int = 0
    overdue: int = 0
    returned: int = 0
    matters: set[int] | None = None
    repeats: set[int] | None = None
    rated: int = 0
    satisfied: int = 0


class AssessmentService:
    def __init__(self, db: Database, clock: Callable[[], datetime] = datetime.now) -> None:
        self._db = db
        self._clock = clock

    def assess(self, date_from: date, date_to: date) -> list[UnitRecord]:
        """Every department with an assignment or a rating in the period, best first."""
        period = Period.between(date_from, date_to)
        start = datetime.combine(period.first, time.min)
        end = datetime.combine(period.last + timedelta(1), time.min)
        judged_on = min(period.last, self._clock().date())
        with self._db.reading() as session:
            tallies: dict[str, _Tally] = defaultdict(_Tally)
            _assignments(session, start, end, judged_on, tallies)
            _ratings(session, start, end, tallies)
        return _ranked([_unit(name, t) for name, t in tallies.items()])

    def export(
        self,
        rows: list[UnitRecord],
        path: Path | str,
        date_from: date | None = None,
        date_to: date | None = None,
    ) -> Path:
        """Write the rows as .xlsx, .csv or .pdf (by the extension), the period in the title."""
        from app.sources.assessment_export import write_assessment

        title = "信访工作责任单位考核情况"
        if date_from and date_to:
            title += f"（{date_from:%Y-%m-%d}至{date_to:%Y-%m-%d}）"
        return write_assessment(rows, Path(path), title, self._clock())


def _assignments(
    session: Session, start: datetime, end: datetime, judged_on: date, out: dict[str, _Tally]
) -> None:
    handling = aliased(Deadline)
    rows = session.execute(
        select(
            Department.name,
            Assignment.matter_id,
            Assignment.department_id,
            Assignment.assigned_at,
            Assignment.signed_at,
            Assignment.returned_at,
            handling.due,
            handling.override_due,
            handling.met_at,
            handling.cancelled,
        )
        .join(Department, Department.id == Assignment.department_id)
        .outerjoin(handling, handling.id == Assignment.deadline_id)
        .where(Assignment.assigned_at >= start, Assignment.assigned_at < end)
    ).all()
    objections = _objection_dues(session, {r[1] for r in rows})
    repeats = _last_repeat(session, {r[1] for r in rows})
    for name, matter, dept, at, signed, returned, due, override, met, cancelled in rows:
        t = out[name]
        t.matters, t.repeats = t.matters or set(), t.repeats or set()
        t.assigned += 1
        t.matters.add(matter)
        objection_due = objections.get((matter, dept, at.date()))
        if signed is not None and objection_due is not None and signed.date() <= objection_due:
            t.signed_on_time += 1
        t.returned += returned is not None
        deadline = override or due
        if deadline is not None and not cancelled:
            if met is not None and met.date() <= deadline:
                t.closed_on_time += 1
            elif (met is not None and met.date() > deadline) or (met is None and judged_on > deadline):
                t.overdue += 1
        if repeats.get(matter) is not None and repeats[matter] > at:
            t.repeats.add(matter)


def _objection_dues(session: Session, matters: set[int]) -> dict[tuple[int, int | None, date], date]:
    """(matter, department, start) → the due date in force of the objection period of an assignment."""
    rows = session.execute(
        select(
            Deadline.matter_id, Deadline.department_id, Deadline.start, Deadline.due, Deadline.override_due
        ).where(Deadline.rule_key == "misroute_objection", Deadline.matter_id.in_(matters))
    ).all()
    return {(m, d, s): override or due for m, d, s, due, override in rows}


def _last_repeat(session: Session, matters: set[int]) -> dict[int, datetime]:
    rows = session.execute(
        select(Visit.matter_id, func.max(Visit.visited_at))
        .where(Visit.is_repeat, Visit.matter_id.in_(matters))
        .group_by(Visit.matter_id)
    )
    return dict(rows.all())


def _ratings(session: Session, start: datetime, end: datetime, out: dict[str, _Tally]) -> None:
    rows = session.execute(
        select(Department.name, Rating.result, func.count())
        .join(Department, Department.id == Rating.department_id)
        .where(Rating.rated_at >= start, Rating.rated_at < end, Rating.result != UNRATED)
        .group_by(Department.name, Rating.result)
    ).all()
    for name, result, count in rows:
        out[name].rated += count
        out[name].satisfied += count if result in SATISFIED else 0


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _unit(name: str, t: _Tally) -> UnitRecord:
    matters, repeats = len(t.matters or ()), len(t.repeats or ())
    repeat_rate, satisfaction = _rate(repeats, matters), _rate(t.satisfied, t.rated)
    parts = (
        _rate(t.signed_on_time, t.assigned - t.returned),
        _rate(t.closed_on_time, t.closed_on_time + t.overdue),
        None if repeat_rate is None else 1 - repeat_rate,
        satisfaction,
    )
    weighed = [(w, p) for w, p in zip(WEIGHTS, parts, strict=True) if p is not None]
    total = sum(w for w, _ in weighed)
    score = round(100 * sum(w * p for w, p in weighed) / total, 1) if total else 0.0
    return UnitRecord(
        name, t.assigned, t.signed_on_time, t.closed_on_time, t.overdue, t.returned,
        repeats, repeat_rate, t.rated, t.satisfied, satisfaction, score, 0,
    )  # fmt: skip


def _ranked(units: list[UnitRecord]) -> list[UnitRecord]:
    units.sort(key=lambda u: (-u.score, -u.assigned, u.department))
    ranked, rank = [], 0
    for i, unit in enumerate(units):
        if i == 0 or unit.score != units[i - 1].score:
            rank = i + 1
        ranked.append(UnitRecord(**{**unit.__dict__, "rank": rank}))
    return ranked
