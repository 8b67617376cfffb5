"""SQLAlchemy 2 typed models.

Glossary of the domain words kept in Chinese in comments:
- Person: a visitor (来访人). Visit: one visit event (一批次, with a headcount of 人次).
- Matter: a petition matter (信访事项), the thing that is followed until closed.
- MatterEvent: one dated, signed step on a matter's timeline.
- Counter: the yearly sequence a matter number is taken from (never max+1).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Stable constraint names so that Alembic migrations work the same on SQLite and PostgreSQL.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Setting(Base):
    """One configuration value (agency name, codes, window phone, printer…)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class Township(Base):
    """乡镇/街道: where a problem is located; the tally has one row per township."""

    __tablename__ = "townships"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Department(Base):
    """A county department (县直部门) a matter can be forwarded or assigned to."""

    __tablename__ = "departments"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Category(Base):
    """内容分类: a two-level tree (top level as in RULES.md §5, second level beneath)."""

    __tablename__ = "categories"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("categories.id"), default=None)
    initials: Mapped[str] = mapped_column(String(32), default="")  # pinyin initials: cxjs → 城乡建设
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    parent: Mapped[Category | None] = relationship(remote_side="Category.id")


class Clerk(Base):
    """A receiving clerk (接待员). Accounts and roles come with the audit issue."""

    __tablename__ = "clerks"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(32), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Person(Base):
    """A visitor. Certain identity is the ID number; without one, name + phone is a suggestion."""

    __tablename__ = "persons"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), index=True)
    id_number: Mapped[str | None] = mapped_column(String(18), unique=True, default=None)
    sex: Mapped[str | None] = mapped_column(String(2), default=None)  # 男 / 女
    birth_date: Mapped[date | None] = mapped_column(Date, default=None)
    region_code: Mapped[str | None] = mapped_column(String(6), default=None)
    phone: Mapped[str | None] = mapped_column(String(20), index=True, default=None)
    address: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)


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
    version: Mapped[int] = mapped_column(Integer, default=1)

    category: Mapped[Category | None] = relationship()
    township: Mapped[Township | None] = relationship()
    first_clerk: Mapped[Clerk] = relationship()
    previous_matter: Mapped[Matter | None] = relationship(remote_side="Matter.id")
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


class Visit(Base):
    """One visit event (一批次). 人次 is its headcount."""

    __tablename__ = "visits"
    id: Mapped[int] = mapped_column(primary_key=True)
    matter_id: Mapped[int] = mapped_column(ForeignKey("matters.id"), index=True)
    visited_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    channel: Mapped[str] = mapped_column(String(16))  # 来访, 来信, 网上信访, …
    headcount: Mapped[int] = mapped_column(Integer, default=1)
    is_group: Mapped[bool] = mapped_column(Boolean, default=False)  # 集体访: 5 or more
    is_repeat: Mapped[bool] = mapped_column(Boolean, default=False)  # 重访
    is_skip_level: Mapped[bool] = mapped_column(Boolean, default=False)  # 越级访
    flags: Mapped[str] = mapped_column(String(200), default="")  # other flags, comma-separated
    clerk_id: Mapped[int] = mapped_column(ForeignKey("clerks.id"))  # who received this visit
    handler_id: Mapped[int] = mapped_column(ForeignKey("clerks.id"))  # who it goes to (首接首办)
    summary: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)

    matter: Mapped[Matter] = relationship(back_populates="visits")
    clerk: Mapped[Clerk] = relationship(foreign_keys=[clerk_id])
    handler: Mapped[Clerk] = relationship(foreign_keys=[handler_id])
    persons: Mapped[list[VisitPerson]] = relationship(back_populates="visit", cascade="all, delete-orphan")
    materials: Mapped[list[Material]] = relationship(cascade="all, delete-orphan", order_by="Material.id")


class VisitPerson(Base):
    """A registered person on a visit; representatives (代表, at most 5) flagged.

    The name and phone are kept as given at this visit: the person's record holds the latest ones, and an
    old slip reprinted years later must still show what was true that day.
    """

    __tablename__ = "visit_persons"
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id"), primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), primary_key=True, index=True)
    representative: Mapped[bool] = mapped_column(Boolean, default=False)
    name: Mapped[str] = mapped_column(String(64), default="")
    phone: Mapped[str | None] = mapped_column(String(20), index=True, default=None)

    visit: Mapped[Visit] = relationship(back_populates="persons")
    person: Mapped[Person] = relationship()


class Material(Base):
    """A material handed in at a visit (name and page count)."""

    __tablename__ = "materials"
    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    pages: Mapped[int] = mapped_column(Integer, default=1)


class MatterEvent(Base):
    """One dated, signed step on a matter's timeline (登记, 重访, 受理, 转送, …)."""

    __tablename__ = "matter_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    matter_id: Mapped[int] = mapped_column(ForeignKey("matters.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(DateTime)
    clerk_id: Mapped[int] = mapped_column(ForeignKey("clerks.id"))
    note: Mapped[str] = mapped_column(Text, default="")

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
    kind: Mapped[str] = mapped_column(String(16))  # 登记回执, …
    layout: Mapped[str] = mapped_column(String(8))  # a4 / thermal
    printed_at: Mapped[datetime] = mapped_column(DateTime)
    clerk_id: Mapped[int | None] = mapped_column(ForeignKey("clerks.id"), default=None)
    reprint: Mapped[bool] = mapped_column(Boolean, default=False)
    path: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64))


Index("ix_visits_matter_time", Visit.matter_id, Visit.visited_at)
