"""The tally page's comparison line (环比 and 同比 of the totals), in the window's language.

The printed forms keep the county's Chinese (app/tally/model.py: `Change.text`, `Period.label`); the
window says the same in the language it is shown in.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from app.tally import Tally
from app.tally.model import PREVIOUS, Change, Comparison, Rate
from app.tally.periods import Period

translate = QCoreApplication.translate


def comparison_text(tally: Tally) -> str:
    """环比（2026年第46周 11月9日—11月15日）：批次 +12.5%，人次 … — one clause per comparison."""
    clauses = [_clause(tally, comparison) for comparison in tally.comparisons]
    return translate("TallyComparison", "　　").join(clauses)


def _clause(tally: Tally, comparison: Comparison) -> str:
    totals = tally.total.values

    def change(key: str) -> str:
        return change_text(comparison.change(totals, key))

    changes = [
        translate("TallyComparison", "批次 %1").replace("%1", change("all.批次")),
        translate("TallyComparison", "人次 %1").replace("%1", change("all.人次")),
        translate("TallyComparison", "受理 %1").replace("%1", change("accepted")),
        translate("TallyComparison", "办结率 %1").replace("%1", change("closure_rate")),
    ]
    if comparison.name == PREVIOUS:
        name = translate("TallyComparison", "环比")
    else:
        name = translate("TallyComparison", "同比")
    head = translate("TallyComparison", "%1（%2）：").replace("%1", name)
    head = head.replace("%2", period_text(comparison.period))
    return head + translate("TallyComparison", "，").join(changes)


def change_text(change: Change) -> str:
    """+12.5% for a count, +3.2个百分点 for a rate, — when there is nothing to compare with."""
    if isinstance(change.current, Rate):
        diff = change.difference
        if diff is None:
            return "—"
        return translate("TallyComparison", "%1个百分点").replace("%1", Change.signed(diff))
    ratio = change.ratio
    return "—" if ratio is None else f"{Change.signed(ratio * 100)}%"


def period_text(period: Period) -> str:
    """2026年第47周 11月16日—11月22日 (a week), or 2026年11月1日—11月30日 (dates): as `Period.label` says."""
    if period.iso_week is None:
        return _span(period.first, period.last, show_first_year=True)
    year, week = period.iso_week
    head = translate("TallyComparison", "%1年第%2周").replace("%1", str(year)).replace("%2", str(week))
    return f"{head} {_span(period.first, period.last, show_first_year=period.first.year != year)}"


def _span(first: date, last: date, show_first_year: bool) -> str:
    start = _full(first) if show_first_year else _short(first)
    end = _full(last) if last.year != first.year else _short(last)
    return start + translate("TallyComparison", "—") + end


def _short(day: date) -> str:
    text = translate("TallyComparison", "%1月%2日")
    return text.replace("%1", str(day.month)).replace("%2", str(day.day))


def _full(day: date) -> str:
    text = translate("TallyComparison", "%1年%2月%3日").replace("%1", str(day.year))
    return text.replace("%2", str(day.month)).replace("%3", str(day.day))
