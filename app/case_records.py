"""Plain records of the case service: what a step returns and what the matter's page shows of its workflow.

No ORM objects leave app/. Glossary: 签收 signed for; 退回 returned; 反馈 feedback; 评价 rating;
包案领导 leader in charge; 五包一 the team of up to five; 领导接访日 a leader's reception day;
上级交办件 a matter assigned from above; 督办 supervision.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

BUREAU = "本机关"  # the rated body when it is the bureau itself, not a department


@dataclass(frozen=True)
class ActionInfo:
    key: str
    label: str
    target: str | None  # None: the status stays
    condition: str = ""  # when set, the target applies only when this holds


@dataclass(frozen=True)
class CaseResult:
    """What one step did: the status and version the window now shows."""

    matter_no: str
    action: str  # the action's label, as on the timeline
    status: str
    version: int
    events: int  # events on the timeline after this step
    note: str  # the event's note


@dataclass(frozen=True)
class DeadlineInfo:
    id: int  # the deadline row, for explain() and override()
    rule_key: str
    label: str  # the rule's label
    department: str  # "" for the bureau's own deadline
    start: date
    due: date  # by the rule and the calendar
    effective_due: date  # the override when there is one
    overridden: bool
    override_reason: str
    met_at: datetime | None
    cancelled: bool
    window: (
        bool  # a visitor's (复查/复核申请) or department's (退回异议) period: a right, not the bureau's duty
    )


@dataclass(frozen=True)
class AssignmentInfo:
    department: str
    kind: str  # 转送 / 交办
    assigned_at: datetime
    assigned_by: str
    handling_due: date | None
    signed_at: datetime | None
    returned_at: datetime | None
    return_reason: str
    feedback_at: datetime | None
    feedback: str


@dataclass(frozen=True)
class RatingInfo:
    body: str  # BUREAU or a department's name
    result: str  # 满意 / 基本满意 / 不满意 / 未评价
    rated_at: datetime


@dataclass(frozen=True)
class LeaderInfo:
    name: str
    title: str
    role: str = ""  # on a matter: 包案 / 五包一


@dataclass(frozen=True)
class ReceptionDayInfo:
    id: int
    leader: str
    title: str
    day: date
    place: str


@dataclass(frozen=True)
class UpperAssignmentInfo:
    body: str
    ref_no: str
    received: date
    due: date
    reported: date | None
    note: str


@dataclass(frozen=True)
class SupervisionInfo:
    level: str  # 普通 / 黄牌 / 红牌
    reason: str
    raised_at: datetime
    raised_by: str
    resolved_at: datetime | None


@dataclass(frozen=True)
class CaseFile:
    """Everything the matter's page needs about the workflow state."""

    matter_no: str
    status: str
    version: int
    allowed: list[ActionInfo]
    deadlines: list[DeadlineInfo]
    next_deadline: DeadlineInfo | None
    assignments: list[AssignmentInfo]
    ratings: list[RatingInfo]
    leaders: list[LeaderInfo]
    upper_assignment: UpperAssignmentInfo | None
    supervisions: list[SupervisionInfo]
    outcomes: list[str]
    refusal_reason: str
    refusal_route: str
    replied_at: datetime | None
    closed_at: datetime | None
    extended: bool
    merged_into: str  # the number it was merged into, "" otherwise
    merged_from: list[str]  # the numbers merged into this one


def format_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"
