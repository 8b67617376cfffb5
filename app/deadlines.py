"""Deadlines (办理期限) by rule, counted as RULES.md §1 and 《民法典》 Arts 200-204 say.

A rule is data (number of days, unit, roll-forward flag, legal basis) so that an administrator can change the
defaults; the counting lives here once. Every deadline keeps the days it passed over, so that it can explain
itself to the clerk and to whoever audits it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from app.workdays import ONE_DAY, WorkCalendar

Unit = Literal["calendar", "working"]
State = Literal["正常", "临期", "超期"]

_REGULATION = "《信访工作条例》"


@dataclass(frozen=True)
class DeadlineRule:
    key: str
    label: str
    days: int
    unit: Unit
    roll_forward: bool  # 期限最后一日不是工作日时顺延 (民法典 Art 203)
    basis: str

    def __post_init__(self) -> None:
        # A period of 0 days would end on the start day, which the counting never includes.
        if self.days < 1:
            raise ValueError(f"期限天数须为正整数：{self.days}")
        if self.unit not in ("calendar", "working"):
            raise ValueError(f"未知的期限单位：{self.unit}")


def _rule(key: str, label: str, days: int, unit: Unit, articles: str) -> DeadlineRule:
    return DeadlineRule(key, label, days, unit, roll_forward=True, basis=f"{_REGULATION}{articles}")


DEFAULT_RULES: dict[str, DeadlineRule] = {
    r.key: r
    for r in (
        _rule("notice", "转送、交办或告知受理与否", 15, "calendar", "第二十二条、第二十三条"),
        _rule("misroute_objection", "对转送、交办提出异议", 5, "working", "第二十三条"),
        _rule("handling", "办理并书面答复", 60, "calendar", "第三十四条"),
        _rule("extension", "延长办理期限", 30, "calendar", "第三十四条"),
        _rule("review_request", "申请复查", 30, "calendar", "第三十五条"),
        _rule("review_decision", "作出复查意见", 30, "calendar", "第三十五条"),
        # Time spent on a hearing (听证) is not counted: the caller moves the start date, not this rule.
        _rule("rereview_request", "申请复核", 30, "calendar", "第三十六条"),
        _rule("rereview_decision", "作出复核意见", 30, "calendar", "第三十六条"),
    )
}


@dataclass(frozen=True)
class Deadline:
    start: date
    rule: DeadlineRule
    due: date
    skipped: tuple[tuple[date, str], ...]  # non-working days passed over, with the reason each is off
    provisional: bool  # counted through a year whose 调休 arrangement is not announced yet

    def explain(self) -> str:
        """A Chinese account of how ``due`` was reached: start, rule, unit, days skipped, result, basis."""
        head = f"自{_fmt(self.start)}起算（起算日不计入），"
        body = self._explain_working() if self.rule.unit == "working" else self._explain_calendar()
        note = "。所涉年份的调休安排尚未公布，此期限为推算结果，公布后可能变化" if self.provisional else ""
        return f"{head}{body}{note}。依据：{self.rule.basis}"

    def _explain_calendar(self) -> str:
        last = self.start + timedelta(days=self.rule.days)
        text = f"按{self.rule.days}日（自然日）计，第{self.rule.days}日为{_fmt(last)}"
        if last == self.due:
            return f"{text}，期限届满日：{_fmt(self.due)}"
        # The first run starts on the last day; later runs (e.g. a Sunday after a Saturday) are named too.
        first, *later = _runs(self.skipped)
        text += f"（{first[0][1]}）"
        if later:
            text += f"，其后{_fmt_runs(later)}亦非工作日"
        return f"{text}，顺延至下一个工作日：{_fmt(self.due)}"

    def _explain_working(self) -> str:
        text = f"按{self.rule.days}个工作日计"
        if self.skipped:
            text += f"，跳过非工作日{_fmt_runs(_runs(self.skipped))}"
        return f"{text}，第{self.rule.days}个工作日为{_fmt(self.due)}"


def compute_deadline(start: date, rule: DeadlineRule, calendar: WorkCalendar) -> Deadline:
    """The deadline of ``rule`` for a period starting on ``start`` (the start day itself is not counted)."""
    if rule.unit == "working":
        due = calendar.add_workdays(start, rule.days)
        examined = _days_between(start + ONE_DAY, due)
    else:
        last = start + timedelta(days=rule.days)
        due = calendar.next_workday(last) if rule.roll_forward else last
        examined = _days_between(last, due) if rule.roll_forward else []
    skipped = tuple((d, name) for d in examined if (name := calendar.rest_day_name(d)) is not None)
    provisional = any(calendar.is_provisional(y) for y in {d.year for d in examined})
    return Deadline(start, rule, due, skipped, provisional)


def days_left(deadline: Deadline, today: date) -> int:
    """Calendar days from ``today`` to the due date: 0 on the due day, negative once overdue."""
    return (deadline.due - today).days


def deadline_state(deadline: Deadline, today: date, near_share: float = 0.8, near_days: int = 3) -> State:
    """正常, 临期 (a share of the period used or few days left, whichever comes first) or 超期."""
    remaining = days_left(deadline, today)
    if remaining < 0:
        return "超期"  # the due day itself is still in time: a period ends at 24:00 of its last day
    period = (deadline.due - deadline.start).days
    used_share = (today - deadline.start).days / period if period > 0 else 1.0
    if used_share >= near_share or remaining <= near_days:
        return "临期"
    return "正常"


def _days_between(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def _fmt(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _runs(skipped: tuple[tuple[date, str], ...]) -> list[list[tuple[date, str]]]:
    """Consecutive days with the same reason, grouped, so that a week of 国庆节 reads as one span."""
    runs: list[list[tuple[date, str]]] = []
    for d, name in skipped:
        if runs and runs[-1][-1][1] == name and runs[-1][-1][0] + ONE_DAY == d:
            runs[-1].append((d, name))
        else:
            runs.append([(d, name)])
    return runs


def _fmt_runs(runs: list[list[tuple[date, str]]]) -> str:
    return "、".join(_fmt_run(run[0][0], run[-1][0], run[0][1]) for run in runs)


def _fmt_run(first: date, last: date, name: str) -> str:
    if first == last:
        return f"{_fmt(first)}（{name}）"
    tail = _fmt(last) if last.year != first.year else f"{last.month}月{last.day}日"
    return f"{_fmt(first)}至{tail}（{name}）"
