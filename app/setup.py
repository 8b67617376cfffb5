"""The first run: the agency, its townships and departments, and the administrator — in one transaction.

Refused once any account exists: it cannot make a second administrator behind the first one's back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from argon2 import PasswordHasher
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.accounts import Account, Role, insert_account
from app.errors import FieldError, ValidationError
from app.settings import SettingsService, validate_settings
from db.engine import Database
from db.models import Account as AccountRow
from db.models import Department, Setting, Township

MAX_NAME = 64


@dataclass(frozen=True)
class SetupDefaults:
    """What the first-run form offers: the seeded county's name, code, townships and departments."""

    agency_name: str
    agency_code: str
    townships: list[str]
    departments: list[str]


class SetupService:
    def __init__(
        self, db: Database, settings: SettingsService, hasher: PasswordHasher, clock: Callable[[], datetime]
    ) -> None:
        self._db = db
        self._settings = settings
        self._hasher = hasher
        self._clock = clock

    def defaults(self) -> SetupDefaults:
        agency = self._settings.get()
        with self._db.reading() as session:
            towns = session.scalars(
                select(Township.name).where(Township.active).order_by(Township.sort_order)
            )
            units = session.scalars(
                select(Department.name).where(Department.active).order_by(Department.sort_order)
            )
            return SetupDefaults(agency.agency_name, agency.agency_code, list(towns), list(units))

    def first_run(
        self,
        agency_name: str,
        agency_code: str,
        townships: list[str],
        departments: list[str],
        admin_username: str,
        admin_name: str,
        admin_password: str,
    ) -> Account:
        agency = validate_settings(
            replace(self._settings.get(), agency_name=agency_name, agency_code=agency_code)
        )
        towns = _names("townships", townships, "乡镇（街道）")
        units = _names("departments", departments, "部门")
        with self._db.writing() as session:
            if session.scalar(select(func.count()).select_from(AccountRow)):
                raise ValidationError.single("admin_username", "已完成首次设置（已有账号），不能再次设置")
            session.merge(Setting(key="agency_name", value=agency.agency_name))
            session.merge(Setting(key="agency_code", value=agency.agency_code))
            _keep_only(session, Township, towns, "T")
            _keep_only(session, Department, units, "D")
            return insert_account(
                session, self._hasher, self._clock(), admin_username, admin_name, Role.ADMIN, admin_password
            )


def _names(field: str, names: list[str], what: str) -> list[str]:
    clean = [n.strip() for n in names if n.strip()]
    if not clean:
        raise ValidationError.single(field, f"请至少填写一个{what}")
    errors = [
        FieldError(field, f"{what}名称“{n[:20]}”超过{MAX_NAME}个字") for n in clean if len(n) > MAX_NAME
    ]
    if len(set(clean)) != len(clean):
        errors.append(FieldError(field, f"{what}名称有重复"))
    if errors:
        raise ValidationError(errors)
    return clean


def _keep_only(session: Session, model: Any, names: list[str], prefix: str) -> None:
    """The listed names active in the listed order; the others kept (records may name them) but inactive."""
    rows = {row.name: row for row in session.scalars(select(model))}
    used = {row.code for row in rows.values()}
    for order, name in enumerate(names, start=1):
        row = rows.get(name)
        if row is None:
            row = model(code=_free_code(used, prefix), name=name)
            session.add(row)
        row.sort_order, row.active = order, True
    for name, row in rows.items():
        if name not in names:
            row.active = False


def _free_code(used: set[str], prefix: str) -> str:
    number = len(used) + 1
    while f"{prefix}{number:03d}" in used:
        number += 1
    used.add(f"{prefix}{number:03d}")
    return f"{prefix}{number:03d}"
