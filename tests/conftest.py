"""Shared fixtures: a real SQLite file per test, copied from a template migrated once per run."""

from __future__ import annotations

import os

# Every Qt test drives real widgets without a screen; set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from app.accounts import Account
from app.cases import CaseService
from app.deadlines import DEFAULT_RULES
from app.desk import Desk, open_desk
from tests.accounts_helpers import ADMIN_NAME, ADMIN_PASSWORD, ADMIN_USER, CHEAP_HASHER, raw_accounts

NOW = datetime(2026, 11, 26, 10, 0)  # a Thursday; fixed so deadlines and ages are reproducible


class FixedClock:
    """A clock a test can move: desk services call it for 'now'."""

    def __init__(self, now: datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty database, migrated and seeded with the example county and its administrator, once per run."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    desk = open_desk(str(path), clock=FixedClock(), password_hasher=CHEAP_HASHER)
    desk.accounts.create_first_admin(ADMIN_USER, ADMIN_NAME, ADMIN_PASSWORD)  # public until one exists
    desk.sign_in(ADMIN_USER, ADMIN_PASSWORD)  # once, through the audited path: the log starts as in use
    desk.close()
    return path


@pytest.fixture(scope="session")
def template_admin(template_db: Path) -> Account:
    """The template's administrator account, read without touching the template."""
    desk = open_desk(str(template_db), clock=FixedClock(), password_hasher=CHEAP_HASHER)
    try:
        [admin] = [a for a in raw_accounts(desk).list() if a.username == ADMIN_USER]
        return admin
    finally:
        desk.close()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture
def db_path(tmp_path: Path, template_db: Path) -> Path:
    path = tmp_path / "desk.sqlite"
    shutil.copyfile(template_db, path)
    return path


@pytest.fixture
def desk(db_path: Path, clock: FixedClock, template_admin: Account) -> Iterator[Desk]:
    """The desk on a copy of the template, its administrator signed in.

    The account is handed to the desk's principal as `sign_in` would: a real sign-in is a committed (fsynced)
    transaction, ~25 ms per test here; sign-in itself is tested in test_accounts.py and test_audit.py.
    """
    opened = open_desk(str(db_path), clock=clock, password_hasher=CHEAP_HASHER)
    opened.principal.sign_in(template_admin)
    yield opened
    opened.close()


@pytest.fixture
def cases(desk: Desk) -> CaseService:
    """A case service on the built-in rules and the desk's calendar (the case-service tests' subject)."""
    return CaseService(desk.db, lambda: desk.calendar, lambda: DEFAULT_RULES, desk.clock)
