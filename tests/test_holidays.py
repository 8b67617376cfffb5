"""The holiday table: seeded from chinesecalendar and computed years, edited, open deadlines recomputed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta

import chinese_calendar
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.deadlines import DEFAULT_RULES, compute_deadline
from app.desk import Desk
from app.errors import NotFoundError, ValidationError
from app.holidays import HolidayDay, HolidayService
from app.recompute import recompute_open_deadlines
from app.rules.vocabulary import OPEN_STATUSES
from db.models import Deadline, Holiday, Matter
from tests.conftest import FixedClock
from tests.deadline_helpers import Services, matter_of, notice_row, register, services, set_status, update_row

MAKEUP_2026 = [date(2026, 1, 4), date(2026, 2, 14), date(2026, 2, 28), date(2026, 5, 9), date(2026, 9, 20)]
MAKEUP_2026 += [date(2026, 10, 10)]
NOTICE_DUE = date(2026, 12, 10)  # 15 days from the factory's visit on 2026-11-25, a Thursday


@pytest.fixture
def s(desk: Desk, clock: FixedClock) -> Services:
    return services(desk, clock)


# -- seeding --


def test_seed_fills_package_years_announced_and_two_computed_years(desk: Desk, s: Services) -> None:
    years = s.holidays.years()
    assert all(years[y] for y in range(2004, 2027))
    assert years[2027] is False and years[2028] is False
    assert max(years) == 2028  # the clock is in 2026: two years ahead
    assert s.holidays.seed_if_empty() is False  # once only
    with desk.db.reading() as session:
        sources = set(session.scalars(select(Holiday.source)))
    assert sources == {"chinesecalendar", "computed"}


def test_before_seeding_the_calendar_is_the_packages(desk: Desk, clock: FixedClock) -> None:
    calendar = HolidayService(desk.db, clock).calendar()
    assert calendar.is_workday(date(2026, 10, 10)) and not calendar.is_workday(date(2026, 10, 7))


def test_2026_makeup_days_come_from_the_table_with_the_holiday_they_serve(s: Services) -> None:
    makeup = {d.day: d.name for d in s.holidays.days(2026) if d.workday}
    assert sorted(makeup) == MAKEUP_2026
    assert makeup[date(2026, 10, 10)] == "国庆节"
    assert makeup[date(2026, 2, 14)] == "春节"
    assert all(d.weekday in ("星期六", "星期日") for d in s.holidays.days(2026) if d.workday)


def test_calendar_from_the_table_agrees_with_chinesecalendar(s: Services) -> None:
    calendar = s.holidays.calendar()
    d = date(2025, 1, 1)
    while d <= date(2026, 12, 31):
        assert calendar.is_workday(d) == chinese_calendar.is_workday(d), d
        d += timedelta(days=1)
    assert calendar.holiday_name(date(2026, 4, 5)) == "清明节"


def test_a_year_beyond_the_package_is_computed_and_provisional(s: Services) -> None:
    days = s.holidays.days(2028)
    names = "、".join(d.name for d in days)
    for festival in ("元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"):
        assert festival in names
    assert {d.source for d in days} == {"computed"}
    assert not any(d.workday for d in days)  # make-up days are not known before the notice
    assert date(2028, 1, 26) in {d.day for d in days if d.name == "春节"}  # 正月初一 2028
    calendar = s.holidays.calendar()
    assert calendar.is_provisional(2028)
    # A deadline counted over 2028's Spring Festival (除夕 01-25 to 初三 01-28) says it is only an estimate
    spring = compute_deadline(date(2028, 1, 10), DEFAULT_RULES["notice"], calendar)
    assert spring.due == date(2028, 1, 31)
    assert spring.provisional and dict(spring.skipped)[date(2028, 1, 25)] == "春节"
    assert "尚未公布" in spring.explain()


def test_clock_passing_into_a_year_without_rows_extends_the_calendar(
    desk: Desk, s: Services, clock: FixedClock
) -> None:
    # Given the table reaches 2028 and the clock moves into 2029
    clock.now = datetime(2029, 3, 1, 9, 0)
    calendar = s.holidays.calendar()
    # Then 2030 and 2031 are counted at once (in memory: reading never writes) …
    assert calendar.holiday_name(date(2031, 10, 2)) == "国庆节"
    assert 2031 not in s.holidays.years()
    # … and stored on the next start
    assert s.holidays.seed_if_empty() is False
    assert {2029, 2030, 2031} <= set(s.holidays.years())
    names = "、".join(d.name for d in s.holidays.days(2031))
    assert all(f in names for f in ("春节", "清明节", "端午节", "中秋节"))


# -- warnings --


def test_warns_when_next_year_is_not_announced(s: Services) -> None:
    assert s.holidays.warnings() == [
        "2027年节假日安排尚未公布（目前按法定节假日推算，未含调休），公布后请在设置中更新"
    ]


def test_no_warning_once_marked_announced(s: Services) -> None:
    s.holidays.mark_announced(2027, "李娜")
    assert s.holidays.warnings() == []
    assert s.holidays.years()[2027] is True


def test_warns_for_this_year_and_next_in_a_computed_year(s: Services, clock: FixedClock) -> None:
    clock.now = datetime(2027, 2, 1, 9, 0)
    assert [w[:5] for w in s.holidays.warnings()] == ["2027年", "2028年"]


# -- edits and recomputation --


def test_a_new_holiday_moves_an_open_notice_deadline_and_the_matter_column(desk: Desk, s: Services) -> None:
    matter_no = register(desk)
    assert notice_row(desk, matter_no).due == NOTICE_DUE
    version = matter_of(desk, matter_no).version
    moved = s.holidays.set_day(NOTICE_DUE, "县庆", workday=False, clerk="李娜")
    assert moved == 1
    assert notice_row(desk, matter_no).due == date(2026, 12, 11)
    matter = matter_of(desk, matter_no)
    assert matter.notice_deadline == date(2026, 12, 11)
    assert matter.version == version + 1  # a window holding the matter open sees it changed
    assert s.holidays.calendar().holiday_name(NOTICE_DUE) == "县庆"  # the cache was dropped
    # Removing the day puts the deadline back
    assert s.holidays.remove_day(NOTICE_DUE, "李娜") == 1
    assert matter_of(desk, matter_no).notice_deadline == NOTICE_DUE


def test_met_overridden_and_closed_deadlines_are_left_alone(desk: Desk, s: Services) -> None:
    running, met, overridden, closed = (register(desk) for _ in range(4))
    update_row(desk, notice_row(desk, met).id, met_at=datetime(2026, 11, 26, 9, 0))
    override = s.views.override(notice_row(desk, overridden).id, date(2026, 12, 20), "领导批示延后", "李娜")
    set_status(desk, closed, "办结")
    moved = s.holidays.set_day(NOTICE_DUE, "县庆", workday=False, clerk="王强")
    assert moved == 1  # only the running one without a date set by hand
    assert notice_row(desk, running).due == date(2026, 12, 11)
    assert notice_row(desk, met).due == NOTICE_DUE
    assert notice_row(desk, closed).due == NOTICE_DUE
    held = notice_row(desk, overridden)
    assert held.override_due == override.effective_due == date(2026, 12, 20)
    assert held.due == date(2026, 12, 11)  # the rule's own date follows the table, under the override
    assert matter_of(desk, overridden).notice_deadline == date(2026, 12, 20)


def test_a_makeup_workday_pulls_a_deadline_back(desk: Desk, s: Services) -> None:
    # 2026-12-27 is a Sunday; a 15-day period from 2026-12-12 ends on it and rolls to Monday 12-28
    matter_no = register(desk, visited_at=datetime(2026, 11, 25, 9, 0))
    update_row(desk, notice_row(desk, matter_no).id, start=date(2026, 12, 12), due=date(2026, 12, 28))
    assert s.holidays.set_day(date(2026, 12, 27), "元旦", workday=True, clerk="李娜") == 1
    assert notice_row(desk, matter_no).due == date(2026, 12, 27)


def test_editing_a_future_year_fills_it_with_its_computed_holidays_first(s: Services) -> None:
    s.holidays.set_day(date(2035, 2, 10), "春节", workday=True, clerk="李娜")
    days = s.holidays.days(2035)
    assert {"元旦", "春节", "国庆节"} <= {d.name for d in days}
    assert [d.source for d in days if d.day == date(2035, 2, 10)] == ["manual"]
    assert s.holidays.years()[2035] is False


@pytest.mark.parametrize(
    ("day", "name", "workday", "clerk", "message"),
    [
        (date(2026, 12, 9), "调休", True, "李娜", "调休上班日必须是星期六或星期日"),
        (date(2026, 12, 9), "  ", False, "李娜", "请填写节假日名称"),
        (date(2026, 12, 9), "县庆", False, "无名氏", "不在接待人名单中"),
    ],
)
def test_invalid_edits_are_refused_and_change_nothing(
    desk: Desk, s: Services, day: date, name: str, workday: bool, clerk: str, message: str
) -> None:
    before = s.holidays.days(2026)
    with pytest.raises(ValidationError, match=message):
        s.holidays.set_day(day, name, workday, clerk)
    assert s.holidays.days(2026) == before


def test_removing_a_day_not_in_the_table(s: Services) -> None:
    with pytest.raises(NotFoundError, match="不在节假日表中"):
        s.holidays.remove_day(date(2026, 12, 9), "李娜")


# -- properties --


@pytest.fixture
def seeded(desk: Desk, s: Services) -> Iterator[tuple[Desk, HolidayService]]:
    for day in (1, 5, 9, 13, 17, 20, 24):  # running notice rows from several start days
        register(desk, visited_at=datetime(2026, 11, day, 9, 0))
    yield desk, s.holidays


EDIT_DAYS = st.dates(date(2026, 11, 28), date(2027, 1, 31))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(holidays=st.sets(EDIT_DAYS, max_size=12), makeup=st.sets(EDIT_DAYS, max_size=4))
def test_recompute_never_lands_on_a_rest_day_nor_before_the_start(
    seeded: tuple[Desk, HolidayService], holidays: set[date], makeup: set[date]
) -> None:
    desk, service = seeded
    original = {h.day: h for year in (2026, 2027) for h in service.days(year)}
    for d in holidays - makeup:
        service.set_day(d, "假日", workday=False, clerk="李娜")
    for d in makeup:
        if d.weekday() >= 5:
            service.set_day(d, "调休", workday=True, clerk="李娜")
    calendar = service.calendar()
    with desk.db.reading() as session:
        rows = session.execute(
            select(Deadline.start, Deadline.due, Matter.notice_deadline)
            .join(Matter, Matter.id == Deadline.matter_id)
            .where(Deadline.met_at.is_(None), Matter.status.in_(OPEN_STATUSES))
        ).all()
        assert recompute_open_deadlines(session, calendar, DEFAULT_RULES) == 0  # already up to date
    for start, due, notice_deadline in rows:
        assert calendar.is_workday(due), due
        assert due > start
        assert notice_deadline == due
    _restore(service, original, holidays | makeup)


def _restore(service: HolidayService, original: dict[date, HolidayDay], edited: set[date]) -> None:
    """Back to the seeded table for the next example."""
    now = {h.day for year in (2026, 2027) for h in service.days(year)}
    for d in edited:
        if d in original:
            service.set_day(d, original[d].name, original[d].workday, "李娜")
        elif d in now:
            service.remove_day(d, "李娜")
