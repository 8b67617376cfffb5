"""The working-day calendar: official data from chinesecalendar, computed statutory holidays after it."""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.workdays import WorkCalendar, package_years, qingming, statutory_holidays

# A clock fixed in 2026, so that 2027 and 2028 are computed and provisional.
TODAY = date(2026, 9, 1)
CALENDAR = WorkCalendar.default(TODAY)


@pytest.mark.parametrize(
    "d", [date(2026, m, n) for m, n in [(1, 4), (2, 14), (2, 28), (5, 9), (9, 20), (10, 10)]]
)
def test_2026_makeup_saturdays_and_sundays_are_workdays(d: date) -> None:
    assert d.weekday() >= 5
    assert CALENDAR.is_workday(d)
    assert CALENDAR.holiday_name(d) is None
    assert CALENDAR.rest_day_name(d) is None


def test_2026_national_day_is_named() -> None:
    for day in range(1, 8):
        d = date(2026, 10, day)
        assert not CALENDAR.is_workday(d)
        assert CALENDAR.holiday_name(d) == "国庆节"
    assert CALENDAR.is_workday(date(2026, 10, 8))


def test_package_short_names_are_written_in_full() -> None:
    assert CALENDAR.holiday_name(date(2026, 4, 5)) == "清明节"
    assert CALENDAR.holiday_name(date(2026, 6, 19)) == "端午节"
    assert CALENDAR.holiday_name(date(2026, 9, 25)) == "中秋节"


def test_plain_weekend_is_off_and_named_by_weekday() -> None:
    assert CALENDAR.rest_day_name(date(2026, 3, 7)) == "星期六"
    assert CALENDAR.rest_day_name(date(2026, 3, 8)) == "星期日"
    assert CALENDAR.rest_day_name(date(2026, 3, 9)) is None


def test_agrees_with_chinesecalendar_for_every_day_it_knows() -> None:
    d, last = date(2004, 1, 1), date(2026, 12, 31)
    while d <= last:
        assert CALENDAR.is_workday(d) == chinese_calendar.is_workday(d), d
        d += timedelta(days=1)


def test_a_2027_date_works_without_not_implemented_error() -> None:
    with pytest.raises(NotImplementedError):
        chinese_calendar.is_workday(date(2027, 1, 4))
    assert CALENDAR.is_workday(date(2027, 1, 4))
    assert CALENDAR.holiday_name(date(2027, 1, 1)) == "元旦"


def test_2027_spring_festival_is_computed() -> None:
    # The brief guessed 2027-02-06 as 除夕; lunar_python, lunardate and borax all give 正月初一 = 2027-02-06
    # (Year of the Goat), so 除夕 is 2027-02-05 and the four statutory days are 02-05..02-08.
    festival = [d for d, name in statutory_holidays(2027).items() if name == "春节"]
    assert festival == [date(2027, 2, 5), date(2027, 2, 6), date(2027, 2, 7), date(2027, 2, 8)]
    assert CALENDAR.holiday_name(date(2027, 2, 5)) == "春节"
    assert CALENDAR.is_workday(date(2027, 2, 4))
    assert CALENDAR.is_workday(date(2027, 2, 9))


def test_2027_statutory_holidays() -> None:
    assert statutory_holidays(2027) == {
        date(2027, 1, 1): "元旦",
        **{date(2027, 2, day): "春节" for day in (5, 6, 7, 8)},
        date(2027, 4, 5): "清明节",
        date(2027, 5, 1): "劳动节",
        date(2027, 5, 2): "劳动节",
        date(2027, 6, 9): "端午节",
        date(2027, 9, 15): "中秋节",
        **{date(2027, 10, day): "国庆节" for day in (1, 2, 3)},
    }


@pytest.mark.parametrize("year", [2025, 2026])
def test_computed_statutory_days_are_official_holidays(year: int) -> None:
    # The 2024 revision applies from 2025: each statutory day must be in the announced holiday block.
    official = WorkCalendar.from_chinesecalendar(year, year)
    for d, name in statutory_holidays(year).items():
        assert official.holiday_name(d) == name, d


def test_known_lunar_dates_of_2026() -> None:
    holidays = statutory_holidays(2026)
    assert holidays[date(2026, 2, 17)] == "春节"  # 正月初一
    assert holidays[date(2026, 2, 16)] == "春节"  # 除夕
    assert holidays[date(2026, 6, 19)] == "端午节"
    assert holidays[date(2026, 9, 25)] == "中秋节"


def test_qingming_against_official_holidays() -> None:
    for year in range(2008, 2027):  # 清明节 a holiday since 2008
        assert chinese_calendar.get_holiday_detail(qingming(year))[1] == "Tomb-sweeping Day", year


def test_mid_autumn_inside_national_day_keeps_both_names() -> None:
    assert statutory_holidays(2028)[date(2028, 10, 3)] == "国庆节、中秋节"


def test_provisional_years_and_warnings() -> None:
    assert not CALENDAR.is_provisional(2026)
    assert CALENDAR.is_provisional(2027)
    assert CALENDAR.warnings(date(2026, 11, 1)) == [
        "2027年的调休安排尚未公布，期限按法定节假日和周末推算，请在公布后更新节假日表"
    ]
    assert len(CALENDAR.warnings(date(2027, 3, 1))) == 2
    assert WorkCalendar.default(date(2025, 5, 1)).warnings(date(2025, 5, 1)) == []


def test_default_computes_two_years_ahead() -> None:
    later = WorkCalendar.default(date(2030, 1, 1))
    assert later.holiday_name(date(2032, 10, 1)) == "国庆节"
    assert later.holiday_name(date(2033, 10, 1)) is None
    assert package_years() == range(2004, 2027)


def test_provisional_weekends_stay_off() -> None:
    assert not CALENDAR.is_workday(date(2027, 1, 2))  # Saturday: no make-up days are known for 2027
    assert not CALENDAR.is_workday(date(2027, 10, 3))


def test_next_and_add_workdays() -> None:
    assert CALENDAR.next_workday(date(2026, 10, 8)) == date(2026, 10, 8)
    assert CALENDAR.next_workday(date(2026, 10, 1)) == date(2026, 10, 8)
    assert CALENDAR.add_workdays(date(2026, 9, 30), 5) == date(2026, 10, 13)
    assert CALENDAR.add_workdays(date(2026, 10, 4), 0) == date(2026, 10, 4)
    with pytest.raises(ValueError):
        CALENDAR.add_workdays(date(2026, 10, 4), -1)


def test_calendar_is_plain_data() -> None:
    sunday = date(2030, 6, 2)
    calendar = WorkCalendar({date(2030, 6, 3): "自定义假日"}, {sunday}, {2030})
    assert calendar.is_workday(sunday)
    assert calendar.holiday_name(date(2030, 6, 3)) == "自定义假日"
    assert calendar.next_workday(date(2030, 6, 3)) == date(2030, 6, 4)
    assert not calendar.is_provisional(2030)
    with pytest.raises(ValueError):
        WorkCalendar({sunday: "假日"}, {sunday}, set())


def test_from_chinesecalendar_rejects_years_it_does_not_have() -> None:
    with pytest.raises(ValueError):
        WorkCalendar.from_chinesecalendar(2020, 2027)


@given(st.dates(date(2004, 1, 1), date(2028, 12, 31)))
def test_next_workday_is_the_first_workday_on_or_after(d: date) -> None:
    found = CALENDAR.next_workday(d)
    assert CALENDAR.is_workday(found)
    assert all(not CALENDAR.is_workday(d + timedelta(days=i)) for i in range((found - d).days))
