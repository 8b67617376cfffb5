"""Deadlines by rule: RULES.md §1's worked examples, 2027 without official data, and properties."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.deadlines import DEFAULT_RULES, DeadlineRule, compute_deadline, days_left, deadline_state
from app.workdays import WorkCalendar

CALENDAR = WorkCalendar.default(date(2026, 9, 1))
NOTICE = DEFAULT_RULES["notice"]
MISROUTE = DEFAULT_RULES["misroute_objection"]
DATES = st.dates(date(2004, 1, 1), date(2028, 9, 30))  # the default calendar's holidays end in 2028


def test_default_rules() -> None:
    got = {key: (r.days, r.unit, r.roll_forward) for key, r in DEFAULT_RULES.items()}
    assert got == {
        "notice": (15, "calendar", True),
        "misroute_objection": (5, "working", True),
        "handling": (60, "calendar", True),
        "extension": (30, "calendar", True),
        "review_request": (30, "calendar", True),
        "review_decision": (30, "calendar", True),
        "rereview_request": (30, "calendar", True),
        "rereview_decision": (30, "calendar", True),
    }
    assert NOTICE.basis == "《信访工作条例》第二十二条、第二十三条"
    assert DEFAULT_RULES["handling"].basis == "《信访工作条例》第三十四条"


def test_worked_example_15_days_from_a_makeup_sunday() -> None:
    # Given a matter received on Sunday 2026-09-20, itself a make-up workday
    deadline = compute_deadline(date(2026, 9, 20), NOTICE, CALENDAR)
    # Then day 15 is 2026-10-05, inside 国庆节, and the deadline moves to 2026-10-08
    assert deadline.due == date(2026, 10, 8)
    assert deadline.skipped == tuple((date(2026, 10, d), "国庆节") for d in (5, 6, 7))
    assert not deadline.provisional
    assert deadline.explain() == (
        "自2026年9月20日起算（起算日不计入），按15日（自然日）计，第15日为2026年10月5日（国庆节），"
        "顺延至下一个工作日：2026年10月8日。依据：《信访工作条例》第二十二条、第二十三条"
    )


def test_worked_example_5_working_days_over_national_day() -> None:
    deadline = compute_deadline(date(2026, 9, 30), MISROUTE, CALENDAR)
    # 10-08, 10-09, 10-10 (a make-up Saturday), 10-12, 10-13
    assert deadline.due == date(2026, 10, 13)
    assert date(2026, 10, 10) not in dict(deadline.skipped)
    assert dict(deadline.skipped)[date(2026, 10, 11)] == "星期日"
    assert "跳过非工作日2026年10月1日至10月7日（国庆节）、2026年10月11日（星期日）" in deadline.explain()
    assert "2026年10月13日" in deadline.explain()


def test_roll_over_a_plain_weekend_names_both_days() -> None:
    deadline = compute_deadline(date(2026, 2, 20), NOTICE, CALENDAR)
    assert deadline.due == date(2026, 3, 9)
    assert "第15日为2026年3月7日（星期六），其后2026年3月8日（星期日）亦非工作日" in deadline.explain()


def test_without_roll_forward_the_last_day_stands() -> None:
    rule = DeadlineRule("t", "测试", 15, "calendar", roll_forward=False, basis="测试")
    deadline = compute_deadline(date(2026, 9, 20), rule, CALENDAR)
    assert deadline.due == date(2026, 10, 5)
    assert deadline.skipped == ()


def test_2027_landing_on_a_plain_workday() -> None:
    deadline = compute_deadline(date(2026, 12, 20), NOTICE, CALENDAR)
    assert deadline.due == date(2027, 1, 4)  # Monday; 元旦 (01-01) falls inside the period
    assert deadline.skipped == ()
    assert deadline.provisional
    assert "调休安排尚未公布" in deadline.explain()


def test_2027_national_day_rolls_over_holiday_and_weekend() -> None:
    deadline = compute_deadline(date(2027, 9, 16), NOTICE, CALENDAR)
    # Day 15 is Friday 2027-10-01; 10-01..10-03 are 国庆节 (10-02/03 also the weekend): Monday 10-04
    assert deadline.due == date(2027, 10, 4)
    assert deadline.skipped == tuple((date(2027, 10, d), "国庆节") for d in (1, 2, 3))
    assert deadline.due.weekday() == 0


def test_working_days_over_the_2027_spring_festival() -> None:
    deadline = compute_deadline(date(2027, 2, 3), MISROUTE, CALENDAR)
    # 02-04 (1); 02-05..02-08 春节; 02-09 .. 02-12 (2-5)
    assert deadline.due == date(2027, 2, 12)


def test_handling_period_is_not_provisional_inside_an_announced_year() -> None:
    deadline = compute_deadline(date(2026, 3, 2), DEFAULT_RULES["handling"], CALENDAR)
    assert deadline.due == date(2026, 5, 6)  # day 60 is 05-01, 劳动节 to 05-05
    assert not deadline.provisional


@pytest.mark.parametrize(
    ("today", "state"),
    [
        (date(2026, 3, 2), "正常"),
        (date(2026, 4, 17), "正常"),  # 46 of 65 days used, 19 left
        (date(2026, 4, 23), "临期"),  # 52 of 65 days: 80 % used
        (date(2026, 5, 6), "临期"),  # the due day itself is still in time
        (date(2026, 5, 7), "超期"),
    ],
)
def test_deadline_state_by_share(today: date, state: str) -> None:
    deadline = compute_deadline(date(2026, 3, 2), DEFAULT_RULES["handling"], CALENDAR)
    assert deadline_state(deadline, today) == state


def test_deadline_state_by_days_left_comes_first_on_a_short_period() -> None:
    rule = DeadlineRule("t", "测试", 30, "calendar", roll_forward=True, basis="测试")
    deadline = compute_deadline(date(2026, 6, 1), rule, CALENDAR)  # due Wednesday 07-01
    assert deadline_state(deadline, date(2026, 6, 23), near_share=0.9, near_days=8) == "临期"
    assert deadline_state(deadline, date(2026, 6, 22), near_share=0.9, near_days=8) == "正常"


def test_days_left() -> None:
    deadline = compute_deadline(date(2026, 9, 20), NOTICE, CALENDAR)
    assert days_left(deadline, date(2026, 10, 1)) == 7
    assert days_left(deadline, date(2026, 10, 8)) == 0
    assert days_left(deadline, date(2026, 10, 9)) == -1


def test_rule_rejects_empty_periods() -> None:
    with pytest.raises(ValueError):
        DeadlineRule("t", "测试", 0, "calendar", roll_forward=True, basis="测试")


rules = st.builds(
    DeadlineRule,
    key=st.just("t"),
    label=st.just("测试"),
    days=st.integers(1, 90),
    unit=st.sampled_from(["calendar", "working"]),
    roll_forward=st.booleans(),
    basis=st.just("测试"),
)


@given(DATES, rules)
def test_rolled_deadline_never_lands_on_a_non_working_day(start: date, rule: DeadlineRule) -> None:
    deadline = compute_deadline(start, rule, CALENDAR)
    if rule.roll_forward or rule.unit == "working":
        assert CALENDAR.is_workday(deadline.due)


@given(DATES, rules)
def test_deadline_never_before_start(start: date, rule: DeadlineRule) -> None:
    deadline = compute_deadline(start, rule, CALENDAR)
    assert deadline.due >= start
    assert all(start < d <= deadline.due and not CALENDAR.is_workday(d) for d, _ in deadline.skipped)


@given(DATES, st.integers(0, 60), st.integers(1, 30))
def test_working_day_deadlines_are_monotone_in_start(start: date, gap: int, days: int) -> None:
    rule = DeadlineRule("t", "测试", days, "working", roll_forward=True, basis="测试")
    earlier = compute_deadline(start, rule, CALENDAR)
    later = compute_deadline(start + timedelta(days=gap), rule, CALENDAR)
    assert earlier.due <= later.due


@given(DATES, rules)
def test_explain_mentions_the_due_date(start: date, rule: DeadlineRule) -> None:
    deadline = compute_deadline(start, rule, CALENDAR)
    due = deadline.due
    assert f"{due.year}年{due.month}月{due.day}日" in deadline.explain()
