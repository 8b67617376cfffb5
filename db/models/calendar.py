"""The working-day calendar and the deadline rules, as data an administrator edits."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class Holiday(Base):
    """One day that differs from the plain week: a public holiday, or a weekend make-up workday (调休上班)."""

    __tablename__ = "holidays"
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    name: Mapped[str] = mapped_column(String(32))  # 国庆节, 春节 …; for a make-up day the holiday it serves
    workday: Mapped[bool] = mapped_column(Boolean, default=False)  # True: a weekend day that is worked
    source: Mapped[str] = mapped_column(String(16), default="manual")  # chinesecalendar / computed / manual


class HolidayYear(Base):
    """Whether a year's State Council notice (make-up days included) is in the table, or only computed."""

    __tablename__ = "holiday_years"
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    announced: Mapped[bool] = mapped_column(Boolean, default=False)


class DeadlineRuleRow(Base):
    """A statutory period (RULES.md §1), editable: provinces differ."""

    __tablename__ = "deadline_rules"
    key: Mapped[str] = mapped_column(String(32), primary_key=True)  # notice, handling, extension …
    label: Mapped[str] = mapped_column(String(64))
    days: Mapped[int] = mapped_column(Integer)
    unit: Mapped[str] = mapped_column(String(8))  # calendar / working
    roll_forward: Mapped[bool] = mapped_column(Boolean, default=True)
    basis: Mapped[str] = mapped_column(String(200), default="")
