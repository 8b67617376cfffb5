"""Following a matter to its end: deadlines, forwarding and assignment to departments, ratings,
supervision, leaders in charge and assignments from above.

Overdue and near-due are never stored: they are derived from the deadlines and today's date.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.models.base import Base

if TYPE_CHECKING:  # annotations only: SQLAlchemy resolves these names through its registry
    from db.models.reference import Clerk, Department


class Deadline(Base):
    """One period a matter is held to: the rule, its start, the computed due date and any override."""

    __tablename__ = "deadlines"
    id: Mapped[int] = mapped_column(primary_key=True)
    matter_id: Mapped[int] = mapped_column(ForeignKey("matters.id"), index=True)
    rule_key: Mapped[str] = mapped_column(String(32))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"), default=None)
    start: Mapped[date] = mapped_column(Date)
    due: Mapped[date] = mapped_column(Date, index=True)  # by the rule and the holiday table
    override_due: Mapped[date | None] = mapped_column(Date, default=None)  # set by hand, with a reason
    override_reason: Mapped[str] = mapped_column(String(200), default="")
    override_by_id: Mapped[int | None] = mapped_column(ForeignKey("clerks.id"), default=None)
    met_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)  # the step was done
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)  # no longer applies (e.g. refused)
    # when it stopped applying: the time of the step that cancelled it (办结, 合并, 退回), set with the flag
    cancelled_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)

    department: Mapped[Department | None] = relationship()

    @property
    def effective_due(self) -> date:
        return self.override_due or self.due


class Assignment(Base):
    """A matter forwarded (转送) or assigned (交办) to one department, and what the department did."""

    __tablename__ = "assignments"
    id: Mapped[int] = mapped_column(primary_key=True)
    matter_id: Mapped[int] = mapped_column(ForeignKey("matters.id"), index=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"), index=True)
    kind: Mapped[str] = mapped_column(String(8))  # 转送 / 交办
    assigned_at: Mapped[datetime] = mapped_column(DateTime)
    assigned_by_id: Mapped[int] = mapped_column(ForeignKey("clerks.id"))
    deadline_id: Mapped[int | None] = mapped_column(ForeignKey("deadlines.id"), default=None)
    signed_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)  # 签收
    returned_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)  # 退回
    return_reason: Mapped[str] = mapped_column(String(200), default="")
    feedback_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)  # 反馈
    feedback: Mapped[str] = mapped_column(Text, default="")

    department: Mapped[Department] = relationship()
    deadline: Mapped[Deadline | None] = relationship()


class Rating(Base):
    """满意度评价 of one rated body (the bureau or a department) on a matter."""

    __tablename__ = "ratings"
    id: Mapped[int] = mapped_column(primary_key=True)
    matter_id: Mapped[int] = mapped_column(ForeignKey("matters.id"), index=True)
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"), default=None)  # None: us
    result: Mapped[str] = mapped_column(String(8))  # 满意 / 基本满意 / 不满意 / 未评价
    rated_at: Mapped[datetime] = mapped_column(DateTime)
    clerk_id: Mapped[int] = mapped_column(ForeignKey("clerks.id"))


class Supervision(Base):
    """督办 raised by hand (rule-raised levels are derived, not stored)."""

    __tablename__ = "supervisions"
    id: Mapped[int] = mapped_column(primary_key=True)
    matter_id: Mapped[int] = mapped_column(ForeignKey("matters.id"), index=True)
    level: Mapped[str] = mapped_column(String(4))  # 普通 / 黄牌 / 红牌
    reason: Mapped[str] = mapped_column(String(200))
    raised_at: Mapped[datetime] = mapped_column(DateTime)
    raised_by_id: Mapped[int] = mapped_column(ForeignKey("clerks.id"))
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)

    raised_by: Mapped[Clerk] = relationship()


class Leader(Base):
    """A leader who takes charge of matters (包案领导) and holds reception days (领导接访日)."""

    __tablename__ = "leaders"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(32), unique=True)
    title: Mapped[str] = mapped_column(String(64), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class MatterLeader(Base):
    """A leader on a matter: the one in charge (包案), or one of the team of up to five (五包一)."""

    __tablename__ = "matter_leaders"
    matter_id: Mapped[int] = mapped_column(ForeignKey("matters.id"), primary_key=True)
    leader_id: Mapped[int] = mapped_column(ForeignKey("leaders.id"), primary_key=True, index=True)
    role: Mapped[str] = mapped_column(String(8))  # 包案 / 五包一

    leader: Mapped[Leader] = relationship()


class ReceptionDay(Base):
    """A leader's scheduled reception day; visits received on it point here."""

    __tablename__ = "reception_days"
    id: Mapped[int] = mapped_column(primary_key=True)
    leader_id: Mapped[int] = mapped_column(ForeignKey("leaders.id"), index=True)
    day: Mapped[date] = mapped_column(Date, index=True)
    place: Mapped[str] = mapped_column(String(100), default="")

    leader: Mapped[Leader] = relationship()


class UpperAssignment(Base):
    """A matter assigned or supervised from above (上级交办件/督办件) with the upper body's reference."""

    __tablename__ = "upper_assignments"
    id: Mapped[int] = mapped_column(primary_key=True)
    matter_id: Mapped[int] = mapped_column(ForeignKey("matters.id"), unique=True)
    body: Mapped[str] = mapped_column(String(64))  # e.g. 市信访局
    ref_no: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[date] = mapped_column(Date)
    due: Mapped[date] = mapped_column(Date)
    reported_at: Mapped[date | None] = mapped_column(Date, default=None)  # 上报 of the result
    note: Mapped[str] = mapped_column(String(200), default="")


# Revision 0006_perf. Running rows (neither met nor cancelled) and rows met since a date, for the board and
# the tally's 超期, without reading every deadline; the ratings of a period.
Index("ix_deadlines_cancelled_met_at", Deadline.cancelled, Deadline.met_at)
Index("ix_ratings_rated_at", Rating.rated_at)
# Revision 0007. Rows met or cancelled on or after their due day (a row that ended before it was never
# overdue), by when they ended: the tally's 超期 as of a past date reads those ended since then as a range.
# Partial indexes: a few percent of the rows; a query uses them when it carries the same condition.
LATE_MET = Deadline.met_at > func.coalesce(Deadline.override_due, Deadline.due)
LATE_CANCELLED = Deadline.cancelled_at > func.coalesce(Deadline.override_due, Deadline.due)
Index("ix_deadlines_met_late", Deadline.met_at, sqlite_where=LATE_MET, postgresql_where=LATE_MET)
Index(
    "ix_deadlines_cancelled_late",
    Deadline.cancelled_at,
    sqlite_where=LATE_CANCELLED,
    postgresql_where=LATE_CANCELLED,
)
