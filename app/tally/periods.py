"""Tally periods: an ISO week (Monday 00:00 to Sunday 24:00) or a range of whole days, and the periods
it is compared with (环比: the one just before, of the same length; 同比: the same one a year before).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from app.errors import ValidationError

_ISO_WEEK = re.compile(r"^\s*(\d{4})-?[Ww](\d{1,2})\s*$")
MAX_DAYS = 3700  # about ten years: a tally longer than that is a typing mistake


@dataclass(frozen=True)
class Period:
    first: date
    last: date  # inclusive
    iso_week: tuple[int, int] | None = None  # (ISO year, week) when the period is that week

    @classmethod
    def week(cls, text: str) -> Period:
        """The ISO week named like ``2026-W47``; a ValidationError for anything else (2025-W53 included)."""
        match = _ISO_WEEK.match(text or "")
        if match is None:
            raise ValidationError.single("week", f"周次“{text}”格式不对，应写作如 2026-W47")
        return cls.of_week(int(match[1]), int(match[2]))

    @classmethod
    def of_week(cls, year: int, week: int) -> Period:
        try:
            monday = date.fromisocalendar(year, week, 1)
        except ValueError:
            raise ValidationError.single(
                "week", f"{year}年没有第{week}周（ISO周次：一年有52或53周）"
            ) from None
        return cls(monday, monday + timedelta(days=6), (year, week))

    @classmethod
    def between(cls, first: date, last: date) -> Period:
        if last < first:
            raise ValidationError.single("to", "结束日期不能早于开始日期")
        if (last - first).days >= MAX_DAYS:
            raise ValidationError.single("to", "统计期间过长（最长约十年）")
        return cls(first, last)

    @property
    def start(self) -> datetime:
        return datetime.combine(self.first, time.min)

    @property
    def end(self) -> datetime:
        """The first moment after the period (exclusive bound)."""
        return datetime.combine(self.last + timedelta(days=1), time.min)

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    @property
    def key(self) -> str:
        if self.iso_week is not None:
            return f"{self.iso_week[0]}-W{self.iso_week[1]:02d}"
        return f"{self.first.isoformat()}_{self.last.isoformat()}"

    @property
    def label(self) -> str:
        """2026年第47周 11月16日—11月22日, or 2026年11月1日—11月30日."""
        if self.iso_week is not None:
            year, week = self.iso_week
            return f"{year}年第{week}周 {self._span(show_first_year=self.first.year != year)}"
        return self._span(show_first_year=True)

    def _span(self, show_first_year: bool) -> str:
        first = f"{self.first.year}年" if show_first_year else ""
        last = f"{self.last.year}年" if self.last.year != self.first.year else ""
        return f"{first}{self.first.month}月{self.first.day}日—{last}{self.last.month}月{self.last.day}日"

    def previous(self) -> Period:
        """环比: the period of the same length just before (for a week, the previous ISO week)."""
        shift = timedelta(days=self.days)
        if self.iso_week is not None:
            year, week, _ = (self.first - shift).isocalendar()
            return Period.of_week(year, week)
        return Period(self.first - shift, self.last - shift)

    def year_before(self) -> Period:
        """同比: the same ISO week a year before (week 53 → that year's last week), else the same dates."""
        if self.iso_week is not None:
            year, week = self.iso_week
            return Period.of_week(year - 1, min(week, weeks_in(year - 1)))
        return Period(_year_before(self.first), _year_before(self.last))


def weeks_in(year: int) -> int:
    """52 or 53: 28 December is always in the year's last ISO week."""
    return date(year, 12, 28).isocalendar()[1]


def _year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def weeks_ending(last: date, count: int) -> list[Period]:
    """The ``count`` ISO weeks up to and including the one holding ``last``, oldest first."""
    year, week, _ = last.isocalendar()
    monday = date.fromisocalendar(year, week, 1)
    periods = []
    for back in range(count - 1, -1, -1):
        y, w, _ = (monday - timedelta(weeks=back)).isocalendar()
        periods.append(Period.of_week(y, w))
    return periods
