"""The holiday table as a service: seeded once, read as a cached WorkCalendar, edited by an administrator.

Every edit recomputes the running deadlines in the same transaction (app.recompute), so a clerk never
sees a due date counted with a calendar that is no longer in the table.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.deadline_rules import load_rules
from app.errors import FieldError, NotFoundError, ValidationError
from app.holiday_table import (
    SOURCE_MANUAL,
    YEARS_AHEAD,
    add_computed_year,
    ensure_year,
    load_calendar,
    missing_years,
    package_rows,
)
from app.recompute import recompute_open_deadlines
from app.signing import signing_clerk
from app.workdays import WEEKDAY_NAMES, WorkCalendar
from db.engine import Database
from db.models import Holiday, HolidayYear

MAX_NAME = 32
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class HolidayDay:
    """One row of the table as the settings page shows it."""

    day: date
    name: str  # 国庆节 …; for a make-up workday, the holiday it serves
    workday: bool  # True: a weekend day that is worked (调休上班)
    source: str  # chinesecalendar / computed / manual

    @property
    def weekday(self) -> str:
        return WEEKDAY_NAMES[self.day.weekday()]


def validate_day(day: date, name: str, workday: bool) -> str:
    """The cleaned name, or a ValidationError with every problem."""
    clean = name.strip()
    errors = []
    if not clean or len(clean) > MAX_NAME:
        errors.append(FieldError("name", f"请填写节假日名称（不超过{MAX_NAME}个字）"))
    if workday and day.weekday() < 5:
        errors.append(FieldError("workday", f"调休上班日必须是星期六或星期日，{day.isoformat()}是工作日"))
    if errors:
        raise ValidationError(errors)
    return clean


class HolidayService:
    def __init__(self, db: Database, clock: Callable[[], datetime] = datetime.now) -> None:
        self._db = db
        self._clock = clock
        self._cache: tuple[int, WorkCalendar] | None = None  # (the year it was built in, the calendar)

    def seed_if_empty(self) -> bool:
        """Fill an empty table from chinesecalendar, then computed years up to two years ahead; True when
        it seeded. On every start, years the clock has moved into are added (and deadlines recomputed)."""
        with self._db.writing() as session:
            empty = not session.scalar(select(func.count()).select_from(HolidayYear))
            if empty:
                days, years = package_rows()
                session.add_all([*days, *years])
                session.flush()
            self._extend(session, recompute=True)
        self._cache = None
        return empty

    def calendar(self) -> WorkCalendar:
        """The working-day calendar from the table; built once per year of the clock and after each edit.

        Never writes (it may be called inside another service's transaction): a year the table lacks is
        added in memory, computed, until the next start or edit stores it."""
        today = self._clock().date()
        if self._cache is None or self._cache[0] != today.year:
            with self._db.reading() as session:
                if not session.scalar(select(func.count()).select_from(HolidayYear)):
                    return WorkCalendar.default(today)  # not seeded yet: the package's data, uncached
                self._cache = (today.year, load_calendar(session, through=today.year + YEARS_AHEAD))
        return self._cache[1]

    def warnings(self) -> list[str]:
        """For the clerk: this year's or next year's arrangement is not in the table yet."""
        calendar, year = self.calendar(), self._clock().year
        return [
            f"{y}年节假日安排尚未公布（目前按法定节假日推算，未含调休），公布后请在设置中更新"
            for y in (year, year + 1)
            if calendar.is_provisional(y)
        ]

    def days(self, year: int) -> list[HolidayDay]:
        with self._db.reading() as session:
            rows = session.scalars(
                select(Holiday)
                .where(Holiday.day >= date(year, 1, 1), Holiday.day <= date(year, 12, 31))
                .order_by(Holiday.day)
            )
            return [HolidayDay(r.day, r.name, r.workday, r.source) for r in rows]

    def years(self) -> dict[int, bool]:
        """Every year in the table and whether its notice is announced."""
        with self._db.reading() as session:
            return {y: bool(a) for y, a in session.execute(select(HolidayYear.year, HolidayYear.announced))}

    def set_day(self, day: date, name: str, workday: bool, clerk: str) -> int:
        """Add or change one day (a holiday, or a weekend make-up workday); how many deadlines moved."""
        clean = validate_day(day, name, workday)

        def edit(session: Session) -> None:
            ensure_year(session, day.year)
            session.merge(Holiday(day=day, name=clean, workday=workday, source=SOURCE_MANUAL))

        return self._edit(clerk, f"设置{day.isoformat()}为{'调休上班' if workday else clean}", edit)

    def remove_day(self, day: date, clerk: str) -> int:
        """Make ``day`` an ordinary day again; how many deadlines moved."""

        def edit(session: Session) -> None:
            row = session.get(Holiday, day)
            if row is None:
                raise NotFoundError(f"{day.isoformat()}不在节假日表中")
            session.delete(row)

        return self._edit(clerk, f"删除{day.isoformat()}", edit)

    def mark_announced(self, year: int, clerk: str, announced: bool = True) -> int:
        """The year's State Council notice is (or is no longer) fully in the table."""

        def edit(session: Session) -> None:
            ensure_year(session, year).announced = announced

        return self._edit(clerk, f"标记{year}年安排{'已' if announced else '未'}公布", edit)

    # -- inside --

    def _edit(self, clerk: str, what: str, change: Callable[[Session], None]) -> int:
        """One administrator edit and the recomputation it causes, in one transaction."""
        with self._db.writing() as session:
            signer = signing_clerk(session, clerk)
            change(session)
            session.flush()
            self._extend(session, recompute=False)
            moved = recompute_open_deadlines(session, load_calendar(session), load_rules(session))
        self._cache = None
        log.info("节假日表：%s，操作人 %s，%d 个期限随之调整", what, signer.name, moved)
        return moved

    def _extend(self, session: Session, recompute: bool) -> None:
        """Store the computed years the clock has reached; recompute when asked and something was added."""
        added = missing_years(session, self._clock().year + YEARS_AHEAD)
        for year in added:
            add_computed_year(session, year)
        if added and recompute:
            session.flush()
            recompute_open_deadlines(session, load_calendar(session), load_rules(session))
