"""When demo visits happen: two years of office days, busier on Mondays and in the mornings."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta

from app.workdays import WorkCalendar

SPAN_DAYS = 730  # about two years of history


def visit_times(rng: random.Random, calendar: WorkCalendar, today: date, total: int) -> Iterator[datetime]:
    """`total` moments in order, spread over the days before `today` by cumulative rounding (exact total).

    Today itself is left out: the service refuses a visit later than its clock, and today's office
    hours may not have come yet.
    """
    days = [today - timedelta(days=n) for n in range(SPAN_DAYS, 0, -1)]
    weights = [_day_weight(calendar, d) * rng.uniform(0.6, 1.4) for d in days]
    scale, given, running = total / sum(weights), 0, 0.0
    for i, day in enumerate(days):
        running += weights[i] * scale
        count = total - given if i == len(days) - 1 else round(running) - given
        given += count
        yield from sorted(_office_time(rng, day) for _ in range(count))


def reception_day(day: date) -> bool:
    """Leaders receive visitors on the first and third Wednesday of the month (领导接访日)."""
    return day.weekday() == 2 and (day.day <= 7 or 15 <= day.day <= 21)


def _day_weight(calendar: WorkCalendar, day: date) -> float:
    if not calendar.is_workday(day):
        return 0.04  # letters and online petitions logged by the clerk on duty
    return 1.5 if day.weekday() == 0 else 1.0  # Monday: the weekend's grievances arrive


def _office_time(rng: random.Random, day: date) -> datetime:
    """08:30–17:30 with a lunch break; mornings are busier."""
    if rng.random() < 0.62:
        minute = rng.randrange(8 * 60 + 30, 12 * 60)
    else:
        minute = rng.randrange(13 * 60 + 30, 17 * 60 + 30)
    return datetime.combine(day, time(minute // 60, minute % 60, rng.randrange(60)))
