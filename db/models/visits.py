"""Visits (来访): one batch (批次) each, its registered persons and the materials handed in."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.models.base import Base

if TYPE_CHECKING:  # annotations only: SQLAlchemy resolves these names through its registry
    from db.models.matters import Matter
    from db.models.people import Person
    from db.models.reference import Clerk


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
    reception_day_id: Mapped[int | None] = mapped_column(ForeignKey("reception_days.id"), default=None)

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


Index("ix_visits_matter_time", Visit.matter_id, Visit.visited_at)
