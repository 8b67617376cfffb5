"""The holiday table (节假日表) read and filled inside a caller's transaction.

Rows come from three sources: ``chinesecalendar`` (the State Council's notices it ships, make-up
workdays included), ``computed`` (the statutory days of 《全国年节及纪念日放假办法》 for a year not yet
announced, without make-up days) and ``manual`` (an administrator's edit). A year's row in
``holiday_years`` says whether its notice is in the table (announced) or the year is only computed.
"""

from __future__ import annotations

from datetime import date

import chinese_calendar
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.workdays import WorkCalendar, _package_holiday_name, package_years, statutory_holidays
from db.models import Holiday, HolidayYear

SOURCE_PACKAGE = "chinesecalendar"
SOURCE_COMPUTED = "computed"
SOURCE_MANUAL = "manual"
YEARS_AHEAD = 2  # the table always reaches this many years after the current one


def package_rows() -> tuple[list[Holiday], list[HolidayYear]]:
    """Every official holiday and make-up workday ``chinesecalendar`` knows, as table rows."""
    years = package_years()
    official = WorkCalendar.from_chinesecalendar(years.start, years.stop - 1)
    days = [
        Holiday(day=d, name=n, workday=False, source=SOURCE_PACKAGE) for d, n in official.holidays.items()
    ]
    days += [
        Holiday(day=d, name=_package_holiday_name(english), workday=True, source=SOURCE_PACKAGE)
        for d, english in chinese_calendar.workdays.items()
        if d.year in years
    ]
    return days, [HolidayYear(year=y, announced=True) for y in years]


def computed_rows(year: int) -> list[Holiday]:
    """The statutory days off of one year, computed (lunar festivals, 清明) — no make-up days."""
    return [
        Holiday(day=d, name=name, workday=False, source=SOURCE_COMPUTED)
        for d, name in statutory_holidays(year).items()
    ]


def missing_years(session: Session, through: int) -> list[int]:
    """Years after the package's data, up to ``through``, that the table has no rows for yet."""
    known = set(session.scalars(select(HolidayYear.year)))
    return [y for y in range(package_years().stop, through + 1) if y not in known]


def add_computed_year(session: Session, year: int) -> None:
    """Fill one year with its computed statutory holidays; the year is marked not announced."""
    session.add_all(computed_rows(year))
    session.add(HolidayYear(year=year, announced=False))


def ensure_year(session: Session, year: int) -> HolidayYear:
    """Before a day of ``year`` is edited: a year not in the table gets its computed holidays first."""
    row = session.get(HolidayYear, year)
    if row is not None:
        return row
    if year >= package_years().stop:
        session.add_all(computed_rows(year))
    row = HolidayYear(year=year, announced=False)
    session.add(row)
    session.flush()
    return row


def load_calendar(session: Session, through: int | None = None) -> WorkCalendar:
    """The working-day calendar as the table holds it; years up to ``through`` that the table lacks are
    added in memory, computed (so reading never has to write)."""
    holidays: dict[date, str] = {}
    makeup: list[date] = []
    for day, name, workday in session.execute(select(Holiday.day, Holiday.name, Holiday.workday)):
        if workday:
            makeup.append(day)
        else:
            holidays[day] = name
    announced = session.scalars(select(HolidayYear.year).where(HolidayYear.announced))
    if through is not None:
        for year in missing_years(session, through):
            holidays.update(statutory_holidays(year))
    return WorkCalendar(holidays, makeup, announced)
