"""Records of the supervision board (督办台) that cross the service boundary: no ORM objects leave app/."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

from app.deadlines import State

BoardSort = Literal["level", "due", "days_left"]
ATTENTION: frozenset[State] = frozenset({"临期", "超期"})


@dataclass(frozen=True)
class BoardFilter:
    """Which open matters the board lists; names, as the window shows them. None: no restriction."""

    department: str | None = None  # involved (涉及部门) or assigned to
    clerk: str | None = None  # the first clerk (首接人)
    leader: str | None = None  # in charge (包案) or on the team (五包一)
    states: frozenset[State] | None = None  # e.g. ATTENTION for the overdue and near-due only
    levels: frozenset[str] | None = None  # 普通 / 黄牌 / 红牌; "" for none
    attention_only: bool = False  # only the overdue, the near-due and those under a 督办 raised by hand
    sort: BoardSort = "level"  # level: 红牌 first, then the earliest due date
    descending: bool = False  # reverse the chosen order


@dataclass(frozen=True)
class BoardRow:
    matter_no: str
    summary: str
    status: str
    received_at: datetime
    first_clerk: str
    deadline_id: int | None  # the next deadline: the earliest effective due date still running
    deadline_label: str  # "" when no deadline is running
    deadline_department: str  # "" when the deadline is the bureau's own
    due: date | None
    days_left: int | None  # negative once overdue
    state: State
    level: str  # "" / 普通 / 黄牌 / 红牌
    reasons: tuple[str, ...]
    departments: tuple[str, ...]  # involved and assigned, in the table's order
    leader: str  # the leader in charge (包案领导), "" when none
    supervision_ids: tuple[int, ...]  # unresolved 督办 raised by hand, for the resolve action
    provisional: bool  # the due date falls in a year whose 调休 arrangement is not announced


@dataclass(frozen=True)
class BoardSlice:
    """The first rows of the board in its order, and how many the filter lets through."""

    rows: list[BoardRow]
    total: int  # counted in SQL: may be more than len(rows)
    overdue: int  # of the total, how many are overdue


@dataclass(frozen=True)
class BoardSummary:
    """The always-visible badge and its breakdown, counted over the open matters that need attention
    (overdue, near due, or under a 督办 raised by hand)."""

    attention: int  # the badge
    overdue: int
    near_due: int
    by_level: dict[str, int] = field(default_factory=dict)  # 普通 / 黄牌 / 红牌
    by_department: dict[str, int] = field(default_factory=dict)  # a matter counts once per department
    by_clerk: dict[str, int] = field(default_factory=dict)  # by first clerk


@dataclass(frozen=True)
class SupervisionRecord:
    """One 督办 raised by hand."""

    id: int
    matter_no: str
    level: str
    reason: str
    raised_at: datetime
    raised_by: str
    resolved_at: datetime | None
