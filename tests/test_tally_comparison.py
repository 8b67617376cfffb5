"""The tally page's comparison line: the printed form's Chinese in Chinese, plain English in English."""

from __future__ import annotations

from datetime import date, timedelta

from app.desk import Desk
from app.tally.model import Change, Rate
from app.tally.periods import Period
from tests.i18n_scan import CJK
from ui.tally_comparison import change_text, comparison_text, period_text


def test_in_chinese_the_periods_read_as_the_printed_form_says_them() -> None:
    weeks = [Period.of_week(year, week) for year in range(2020, 2032) for week in (1, 2, 27, 52)]
    weeks += [Period.of_week(year, 53) for year in (2020, 2026)]  # 53-week years: across the new year
    ranges = [Period(date(2026, 11, 1), date(2026, 11, 30)), Period(date(2025, 12, 15), date(2026, 1, 14))]
    for period in weeks + ranges:
        assert period_text(period) == period.label


def test_in_chinese_the_changes_read_as_the_printed_form_says_them() -> None:
    changes = [Change(12, 8), Change(8, 12), Change(5, 0), Change(3, 3)]
    changes += [Change(Rate(1, 2), Rate(1, 4)), Change(Rate(0, 0), Rate(1, 2))]
    changes += [Change(Rate(1, 3), Rate(1, 3))]
    for change in changes:
        assert change_text(change) == change.text()
    assert change_text(Change(12, 8)) == "+50.0%"


def test_in_english_the_line_has_no_chinese(desk: Desk, english: None) -> None:
    day = desk.clock().date() - timedelta(days=7)
    year, week, _ = day.isocalendar()
    tally = desk.tally.week(f"{year}-W{week:02d}")
    text = comparison_text(tally)
    assert "vs previous period (week " in text and "vs a year before (week " in text
    assert "closure rate" in text and not CJK.search(text), text
    assert period_text(Period(date(2026, 11, 1), date(2026, 11, 30))) == "2026-11-1 – 11/30"
    assert change_text(Change(Rate(1, 2), Rate(1, 4))) == "+25.0 percentage points"
