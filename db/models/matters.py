"""Matters (信访事项), who they belong to, their timeline, numbering counters and printed documents."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.models.base import Base

if TYPE_CHECKING:  # annotations only: SQLAlchemy resolves these names through its registry
    from db.models.people import Person
    from db.models.reference import Category, Clerk, Department, Township
    from db.models.visits import Visit


class Matter(Base):
    """信访事项: numbered, followed through its statuses until closed."""

    __tablename__ = "matters"
    __table_args__ = (UniqueConstraint("year", "seq", name="uq_matters_year_seq"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    matter_no: Mapped[str] = mapped_column(String(64), unique=True)
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    query_code: Mapped[str] = mapped_column(String(16), unique=True)
    status: Mapped[str] = mapped_column(String(16), index=True)
    received_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    channel: Mapped[str] = mapped_column(String(16))
    purpose: Mapped[str] = mapped_column(String(16), default="")
    category_id: Mapped[int | None] = mapped_column(ForeignKey("categories.id"), default=None)
    township_id: Mapped[int | None] = mapped_column(ForeignKey("townships.id"), default=None)
    place: Mapped[str] = mapped_column(String(200), default="")
    summary: Mapped[str] = mapped_column(String(200))
    appeal: Mapped[str] = mapped_column(Text, default="")
    first_clerk_id: Mapped[int] = mapped_column(ForeignKey("clerks.id"))  # 首接人
    notice_deadline: Mapped[date] = mapped_column(Date, index=True)  # 15-day 告知 deadline
    closed_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    # a person back on a matter already closed opens a new matter that points to the old one (重复信访)
    previous_matter_id: Mapped[int | None] = mapped_column(ForeignKey("matters.id"), default=None)
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("matters.id"), default=None)  # status 合并
    refusal_reason: Mapped[str] = mapped_column(String(64), default="")  # 不予受理: one of a fixed list
    refusal_route: Mapped[str] = mapped_column(String(100), default="")  # the body the visitor should go to
    replied_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)  # 答复意见书 served
    outcomes: Mapped[str] = mapped_column(String(64), default="")  # 三到位一处理, comma-separated
    version: Mapped[int] = mapped_column(Integer, default=1)

    category: Mapped[Category | None] = relationship()
    township: Mapped[Township | None] = relationship()
    first_clerk: Mapped[Clerk] = relationship()
    previous_matter: Mapped[Matter | None] = relationship(
        remote_side="Matter.id", foreign_keys=[previous_matter_id]
    )
    merged_into: Mapped[Matter | None] = relationship(remote_side="Matter.id", foreign_keys=[merged_into_id])
    persons: Mapped[list[MatterPerson]] = relationship(back_populates="matter", cascade="all, delete-orphan")
    visits: Mapped[list[Visit]] = relationship(back_populates="matter", order_by="Visit.visited_at")
    events: Mapped[list[MatterEvent]] = relationship(back_populates="matter", order_by="MatterEvent.id")
    departments: Mapped[list[MatterDepartment]] = relationship(cascade="all, delete-orphan")

    __mapper_args__ = {"version_id_col": version}


class MatterPerson(Base):
    """Who a matter belongs to (the petitioners)."""

    __tablename__ = "matter_persons"
    matter_id: Mapped[int] = mapped_column(ForeignKey("matters.id"), primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), primary_key=True, index=True)

    matter: Mapped[Matter] = relationship(back_populates="persons")
    person: Mapped[Person] = relationship()


class MatterDepartment(Base):
    """A department involved in a matter (涉及部门)."""

    __tablename__ = "matter_departments"
    matter_id: Mapped[int] = mapped_column(ForeignKey("matters.id"), primary_key=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"), primary_key=True)

    department: Mapped[Department] = relationship()


class MatterEvent(Base):
    """One dated, signed step on a matter's timeline (登记, 重访, 受理, 转送, …)."""

    __tablename__ = "matter_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    matter_id: Mapped[int] = mapped_column(ForeignKey("matters.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(DateTime)
    clerk_id: Mapped[int] = mapped_column(ForeignKey("clerks.id"))
    note: Mapped[str] = mapped_column(Text, default="")
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"), default=None)

    matter: Mapped[Matter] = relationship(back_populates="events")
    clerk: Mapped[Clerk] = relationship()


class Counter(Base):
    """A yearly sequence (matter numbers, document numbers). Incremented in the writer's transaction."""

    __tablename__ = "counters"
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


class PrintedDocument(Base):
    """Every print is archived: the PDF kept (by path and hash), reprints marked 补打."""

    __tablename__ = "printed_documents"
    id: Mapped[int] = mapped_column(primary_key=True)
    matter_id: Mapped[int] = mapped_column(ForeignKey("matters.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # 登记回执, 受理告知书, …
    doc_no: Mapped[str] = mapped_column(String(64), default="")  # a notice's own number, X信访告〔2026〕5号
    layout: Mapped[str] = mapped_column(String(8))  # a4 / thermal
    printed_at: Mapped[datetime] = mapped_column(DateTime)
    clerk_id: Mapped[int | None] = mapped_column(ForeignKey("clerks.id"), default=None)
    reprint: Mapped[bool] = mapped_column(Boolean, default=False)
    path: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64))


# Revision 0006_perf: a period's events of a kind (the tally's first acceptance and first closing).
Index("ix_matter_events_kind_at", MatterEvent.kind, MatterEvent.at)
