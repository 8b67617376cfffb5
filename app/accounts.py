"""Accounts: who may sign in, with which role. Passwords are kept as Argon2id hashes, never as given.

The display name is the clerk's name on every event and slip; creating an account puts it on the clerk list.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import FieldError, NotFoundError, ValidationError
from db.engine import Database
from db.models import Account as AccountRow
from db.models import Clerk

if TYPE_CHECKING:
    from argon2 import PasswordHasher


class Role(StrEnum):
    CLERK = "clerk"  # 接待员
    CHIEF = "chief"  # 科长
    ADMIN = "admin"  # 管理员

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS = {Role.CLERK: "接待员", Role.CHIEF: "科长", Role.ADMIN: "管理员"}
USERNAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{1,31}$")
MIN_PASSWORD, MAX_PASSWORD = 8, 128


@dataclass(frozen=True)
class Account:
    id: int
    username: str
    display_name: str
    role: Role
    active: bool
    locked_until: datetime | None = None


def validate_password(password: str, username: str = "") -> None:
    problems = password_problems(password, username)
    if problems:
        raise ValidationError([FieldError("password", p) for p in problems])


def password_problems(password: str, username: str = "") -> list[str]:
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        return [f"密码长度应为{MIN_PASSWORD}至{MAX_PASSWORD}个字符"]
    problems = []
    if not (any(c.isalpha() for c in password) and any(c.isdigit() for c in password)):
        problems.append("密码须同时包含字母和数字")
    if username and password.lower() == username.lower():
        problems.append("密码不能与用户名相同")
    if any(unicodedata.category(c).startswith("C") for c in password):
        problems.append("密码不能包含控制字符")
    return problems


def validate_account(username: str, display_name: str, role: str) -> tuple[str, str, Role]:
    errors = []
    username, display_name = username.strip(), display_name.strip()
    if not USERNAME.match(username):
        errors.append(FieldError("username", "用户名应为2至32位字母、数字或 . _ -，以字母或数字开头"))
    if (
        not display_name
        or len(display_name) > 32
        or any(unicodedata.category(c)[0] in "CZ" and c != " " for c in display_name)
    ):
        errors.append(FieldError("display_name", "姓名不能为空，不超过32个字，且不含控制字符"))
    if role not in set(Role):
        errors.append(FieldError("role", "角色只能是接待员、科长或管理员"))
    if errors:
        raise ValidationError(errors)
    return username, display_name, Role(role)


def to_account(row: AccountRow) -> Account:
    return Account(row.id, row.username, row.display_name, Role(row.role), row.active, row.locked_until)


class AccountService:
    """Creating and keeping accounts; each method is one transaction (and so one audited write)."""

    def __init__(self, db: Database, hasher: PasswordHasher, clock: Callable[[], datetime]) -> None:
        self._db = db
        self._hasher = hasher
        self._clock = clock

    def has_accounts(self) -> bool:
        with self._db.reading() as session:
            return bool(session.scalar(select(func.count()).select_from(AccountRow)))

    def create_first_admin(self, username: str, display_name: str, password: str) -> Account:
        with self._db.writing() as session:
            if session.scalar(select(func.count()).select_from(AccountRow)):
                raise ValidationError.single("username", "已有账号，不能再次创建首个管理员")
            return insert_account(
                session, self._hasher, self._clock(), username, display_name, Role.ADMIN, password
            )

    def create(self, username: str, display_name: str, role: str, password: str) -> Account:
        with self._db.writing() as session:
            return insert_account(
                session, self._hasher, self._clock(), username, display_name, role, password
            )

    def list(self) -> list[Account]:
        with self._db.reading() as session:
            return [to_account(row) for row in session.scalars(select(AccountRow).order_by(AccountRow.id))]

    def set_password(self, username: str, new_password: str) -> Account:
        with self._db.writing() as session:
            row = _find(session, username)
            validate_password(new_password, row.username)
            row.password_hash = self._hasher.hash(new_password)
            return to_account(row)

    def set_active(self, username: str, active: bool) -> Account:
        with self._db.writing() as session:
            row = _find(session, username)
            if not active and row.role == Role.ADMIN and _active_admins(session) <= 1:
                raise ValidationError.single("username", "不能停用最后一个管理员账号")
            row.active = active
            return to_account(row)

    def unlock(self, username: str) -> Account:
        with self._db.writing() as session:
            row = _find(session, username)
            row.failed_count, row.locked_until = 0, None
            return to_account(row)


def insert_account(
    session: Session,
    hasher: PasswordHasher,
    now: datetime,
    username: str,
    display_name: str,
    role: str,
    password: str,
) -> Account:
    """Add an account inside the caller's transaction (the first-run setup uses it too)."""
    username, display_name, clean_role = validate_account(username, display_name, role)
    validate_password(password, username)
    if session.scalar(select(AccountRow.id).where(func.lower(AccountRow.username) == username.lower())):
        raise ValidationError.single("username", f"用户名“{username}”已被使用")
    row = AccountRow(
        username=username,
        display_name=display_name,
        role=clean_role.value,
        password_hash=hasher.hash(password),
        active=True,
        failed_count=0,
        created_at=now,
    )
    session.add(row)
    if session.scalar(select(Clerk).where(Clerk.name == display_name)) is None:
        session.add(Clerk(name=display_name))  # the account's name signs events: it must be a clerk
    session.flush()
    return to_account(row)


def _find(session: Session, username: str) -> AccountRow:
    row = session.scalar(select(AccountRow).where(AccountRow.username == username.strip()))
    if row is None:
        raise NotFoundError(f"没有用户名为“{username.strip()}”的账号")
    return row


def _active_admins(session: Session) -> int:
    query = (
        select(func.count()).select_from(AccountRow).where(AccountRow.role == Role.ADMIN, AccountRow.active)
    )
    return session.scalar(query) or 0
