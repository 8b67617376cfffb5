"""The supervision levels (督办等级) raised by rule, as RULES.md §1 and the issue set them; no database.

A matter near its due date is 普通; overdue, 黄牌; overdue by more than ``red_after_days``, or visited again
(重访) while overdue, or with a department silent past its own deadline, 红牌. A level raised by hand wins
when it is higher. Every level comes with its reasons, in Chinese, for the board and the 督办单.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.deadlines import Deadline, DeadlineRule, State, deadline_state

NONE = ""  # no supervision
ORDINARY = "普通"
YELLOW = "黄牌"
RED = "红牌"
LEVELS: tuple[str, ...] = (ORDINARY, YELLOW, RED)  # lowest first
RANK: dict[str, int] = {NONE: 0, ORDINARY: 1, YELLOW: 2, RED: 3}

# Only its start and due matter to deadline_state; the period itself comes from the row.
_PERIOD = DeadlineRule("period", "期限", 1, "calendar", False, "")


@dataclass(frozen=True)
class Policy:
    near_share: float = 0.8  # 临期 once this share of the period is used …
    near_days: int = 3  # … or this many days are left, whichever comes first
    red_after_days: int = 10  # 红牌 when overdue by more than this


@dataclass(frozen=True)
class SilentDepartment:
    """A department past its deadline on an assignment, without feedback (and perhaps not signed for)."""

    department: str
    due: date
    signed: bool


@dataclass(frozen=True)
class ManualLevel:
    level: str
    reason: str
    clerk: str
    raised_on: date


@dataclass(frozen=True)
class Facts:
    """What the rules look at for one open matter, about its next deadline."""

    start: date | None
    due: date | None  # None: no deadline is running
    last_repeat_visit: date | None = None  # the latest 重访 on the matter
    silent: tuple[SilentDepartment, ...] = ()
    manual: tuple[ManualLevel, ...] = ()


def period_state(start: date, due: date, today: date, near_share: float = 0.8, near_days: int = 3) -> State:
    """正常 / 临期 / 超期 of a period, whether its due date came from a rule or from a hand."""
    return deadline_state(Deadline(start, _PERIOD, due, (), False), today, near_share, near_days)


def state_of(facts: Facts, today: date, policy: Policy) -> State:
    if facts.start is None or facts.due is None:
        return "正常"
    return period_state(facts.start, facts.due, today, policy.near_share, policy.near_days)


def level_of(
    facts: Facts, today: date, policy: Policy, state: State | None = None
) -> tuple[str, tuple[str, ...]]:
    """The level and every reason for it: the rules' first, then those raised by hand.
    ``state`` is the state_of the facts when the caller has it already."""
    level, reasons = _by_rule(facts, state or state_of(facts, today, policy), today, policy)
    for manual in facts.manual:
        reasons.append(
            f"人工督办（{manual.level}）：{manual.reason}（{manual.clerk}，{_md(manual.raised_on)}）"
        )
        if RANK[manual.level] > RANK[level]:
            level = manual.level
    return level, tuple(reasons)


def _by_rule(facts: Facts, state: State, today: date, policy: Policy) -> tuple[str, list[str]]:
    if state == "正常" or facts.start is None or facts.due is None:
        return NONE, []
    left = (facts.due - today).days
    if state == "临期":
        return ORDINARY, [_near_reason(facts.start, facts.due, today)]
    reasons = _red_reasons(facts, facts.due, -left, policy)
    return (RED if reasons else YELLOW), [f"超期{-left}天", *reasons]


def _near_reason(start: date, due: date, today: date) -> str:
    left = (due - today).days
    period = (due - start).days
    used = round(100 * (today - start).days / period) if period > 0 else 100
    return f"临期：剩余{left}天，已用去期限的{used}%"


def _red_reasons(facts: Facts, due: date, overdue_days: int, policy: Policy) -> list[str]:
    reasons = []
    if overdue_days > policy.red_after_days:
        reasons.append(f"超期超过{policy.red_after_days}天")
    if facts.last_repeat_visit is not None and facts.last_repeat_visit > due:
        reasons.append(f"超期期间群众重访（{_md(facts.last_repeat_visit)}）")
    for silent in facts.silent:
        not_signed = "，未签收" if not silent.signed else ""
        reasons.append(f"部门逾期未反馈：{silent.department}（期限{_md(silent.due)}{not_signed}）")
    return reasons


def _md(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"
