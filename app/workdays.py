"""The working-day calendar (工作日历): which days count as working days, and why the others do not.

The calendar is data, not code: holidays with their names, weekend make-up workdays (调休上班) and the
years whose arrangement the State Council has announced. It is seeded from ``chinesecalendar`` and, for the
years that package does not know yet, from the statutory holidays of 《全国年节及纪念日放假办法》
(2024 revision), so that a later table edited by an administrator can replace either source without
touching the logic.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from types import MappingProxyType

import chinese_calendar
from lunar_python import Lunar

ONE_DAY = timedelta(days=1)
WEEKDAY_NAMES = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")

# chinesecalendar's short names; the statutory text says 清明节, 端午节, 中秋节.
_PACKAGE_NAME_FIXES = {"清明": "清明节", "端午": "端午节", "中秋": "中秋节"}


class WorkCalendar:
    """Working days built from a holiday table; immutable once built."""

    def __init__(
        self,
        holidays: Mapping[date, str],
        makeup_workdays: Iterable[date],
        announced_years: Iterable[int],
    ) -> None:
        self._holidays: Mapping[date, str] = MappingProxyType(dict(holidays))
        self._makeup = frozenset(makeup_workdays)
        self._announced = frozenset(announced_years)
        clash = sorted(self._makeup & self._holidays.keys())
        if clash:
            raise ValueError(f"同一天不能既是节假日又是调休上班日：{clash[0].isoformat()}")

    # -- the data, read-only, so that a settings table can show and save it --

    @property
    def holidays(self) -> Mapping[date, str]:
        return self._holidays

    @property
    def makeup_workdays(self) -> frozenset[date]:
        return self._makeup

    @property
    def announced_years(self) -> frozenset[int]:
        return self._announced

    # -- questions --

    def is_workday(self, d: date) -> bool:
        if d in self._makeup:
            return True
        return d.weekday() < 5 and d not in self._holidays

    def holiday_name(self, d: date) -> str | None:
        return self._holidays.get(d)

    def rest_day_name(self, d: date) -> str | None:
        """Why ``d`` is not a working day (holiday name or 星期六/星期日); None on a working day."""
        if self.is_workday(d):
            return None
        return self._holidays.get(d) or WEEKDAY_NAMES[d.weekday()]

    def is_provisional(self, year: int) -> bool:
        # A year without an announced notice may still gain make-up days and in-lieu days off.
        return year not in self._announced

    def next_workday(self, d: date) -> date:
        while not self.is_workday(d):
            d += ONE_DAY
        return d

    def add_workdays(self, d: date, n: int) -> date:
        """The n-th working day after ``d`` (``d`` itself is not counted); ``d`` when n is 0."""
        if n < 0:
            raise ValueError("工作日数不能为负数")
        while n > 0:
            d += ONE_DAY
            if self.is_workday(d):
                n -= 1
        return d

    def warnings(self, today: date) -> list[str]:
        """Messages for the clerk when this year's or next year's arrangement is not announced."""
        return [
            f"{year}年的调休安排尚未公布，期限按法定节假日和周末推算，请在公布后更新节假日表"
            for year in (today.year, today.year + 1)
            if self.is_provisional(year)
        ]

    # -- constructors --

    @classmethod
    def from_chinesecalendar(cls, first_year: int = 2004, last_year: int = 2026) -> WorkCalendar:
        """The official arrangements shipped in ``chinesecalendar`` for ``first_year``..``last_year``."""
        known = package_years()
        if first_year > last_year or first_year < known.start or last_year >= known.stop:
            raise ValueError(f"chinesecalendar 只有{known.start}年至{known.stop - 1}年的数据")
        years = range(first_year, last_year + 1)
        holidays = {
            d: _package_holiday_name(v) for d, v in chinese_calendar.holidays.items() if d.year in years
        }
        makeup = {d for d in chinese_calendar.workdays if d.year in years}
        return cls(holidays, makeup, years)

    @classmethod
    def default(cls, today: date) -> WorkCalendar:
        """The package's years, then computed statutory holidays up to two years after ``today``."""
        known = package_years()
        official = cls.from_chinesecalendar(known.start, known.stop - 1)
        holidays = dict(official.holidays)
        for year in range(known.stop, today.year + 3):
            holidays.update(statutory_holidays(year))
        return cls(holidays, official.makeup_workdays, official.announced_years)


def package_years() -> range:
    """The years ``chinesecalendar`` has official data for."""
    years = [d.year for d in chinese_calendar.holidays]
    return range(min(years), max(years) + 1)


def _package_holiday_name(english: str) -> str:
    chinese = chinese_calendar.Holiday(english).chinese
    return _PACKAGE_NAME_FIXES.get(chinese, chinese)


def statutory_holidays(year: int) -> dict[date, str]:
    """The fixed days off of 《全国年节及纪念日放假办法》 (2024 revision), without make-up arrangements.

    Only valid from 2025 on; earlier years had other rules and are covered by the official data.
    """
    spring = _lunar_to_solar(year, 1, 1)
    days: list[tuple[date, str]] = [
        (date(year, 1, 1), "元旦"),
        *((spring + timedelta(days=i), "春节") for i in range(-1, 3)),  # 除夕 and 正月初一 to 初三
        (qingming(year), "清明节"),
        (date(year, 5, 1), "劳动节"),
        (date(year, 5, 2), "劳动节"),
        (_lunar_to_solar(year, 5, 5), "端午节"),
        *((date(year, 10, i), "国庆节") for i in (1, 2, 3)),
        (_lunar_to_solar(year, 8, 15), "中秋节"),
    ]
    result: dict[date, str] = {}
    for d, name in sorted(days, key=lambda day: day[0]):
        # 中秋节 can fall inside 国庆节 (e.g. 2028-10-03, as in 2020); keep both names rather than lose one.
        result[d] = f"{result[d]}、{name}" if d in result else name
    return result


def qingming(year: int) -> date:
    """The 清明 solar term, from chinesecalendar's formula (checked against an ephemeris for 2004-2099)."""
    terms = chinese_calendar.get_solar_terms(date(year, 4, 1), date(year, 4, 30))
    return next(d for d, name in terms if name == "清明")


def _lunar_to_solar(year: int, month: int, day: int) -> date:
    solar = Lunar.fromYmd(year, month, day).getSolar()
    return date(solar.getYear(), solar.getMonth(), solar.getDay())
