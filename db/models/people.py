"""Visitors (来访人)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, String
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


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
