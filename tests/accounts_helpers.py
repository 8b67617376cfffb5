"""Accounts for tests: an administrator in the template database, and helpers to sign in as another role.

Argon2 with cheap parameters (a hash in well under a millisecond): the parameters are a constructor argument
of open_desk; production uses argon2-cffi's defaults. Verification reads the parameters from the hash.
"""

from __future__ import annotations

from typing import Any

from argon2 import PasswordHasher

from app.accounts import Account, AccountService, Role
from app.desk import Desk, open_desk

CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
ADMIN_USER, ADMIN_NAME, ADMIN_PASSWORD = "admin", "李娜", "admin-pass-2026"
# one account per role beside the administrator: display names from the seeded clerk list
PEOPLE = {Role.CLERK: ("clerk", "王强"), Role.CHIEF: ("chief", "张敏"), Role.ADMIN: ("admin", "李娜")}
PASSWORD = "test-pass-2026"


def raw_accounts(desk: Desk) -> AccountService:
    service = desk.raw["accounts"]
    assert isinstance(service, AccountService)
    return service


def sign_in_as(desk: Desk, role: Role) -> Account:
    """Sign `desk` in as the test account of `role` (made on first use)."""
    if role is Role.ADMIN:
        return desk.sign_in(ADMIN_USER, ADMIN_PASSWORD)
    username, name = PEOPLE[role]
    if username not in {a.username for a in raw_accounts(desk).list()}:
        raw_accounts(desk).create(username, name, role, PASSWORD)
    return desk.sign_in(username, PASSWORD)


def open_signed_in(target: str, **kwargs: Any) -> Desk:
    """open_desk, signed in as the template's administrator (or the console operator on a fresh file)."""
    desk = open_desk(target, password_hasher=CHEAP_HASHER, **kwargs)
    if desk.accounts.has_accounts():
        desk.sign_in(ADMIN_USER, ADMIN_PASSWORD)
    else:
        desk.sign_in_console("tests")
    return desk
