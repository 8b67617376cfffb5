"""Shared fixtures: a real database per test, copied from a template migrated once per run.

The database-backed fixtures (`desk`, `cases`…) run each test twice, on a SQLite file and on a PostgreSQL
database cloned from a template ($XINFANG_TEST_PG_URL; without it the PostgreSQL variant skips). A test
that needs the SQLite file itself asks for `db_path` or is marked `sqlite_only`, and runs on SQLite only.
"""

from __future__ import annotations

import os

# Every Qt test drives real widgets without a screen; set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from app.accounts import Account
from app.cases import CaseService
from app.deadlines import DEFAULT_RULES
from app.desk import Desk, open_desk
from tests import pg_support
from tests.accounts_helpers import ADMIN_NAME, ADMIN_PASSWORD, ADMIN_USER, CHEAP_HASHER, raw_accounts

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

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
    _make_template(str(path), path.parent)
    return path


def _make_template(target: str, data_dir: Path) -> Account:
    """Migrate and seed `target`, create its administrator and sign in once; the administrator."""
    desk = open_desk(target, clock=FixedClock(), password_hasher=CHEAP_HASHER, data_dir=data_dir)
    try:
        desk.accounts.create_first_admin(ADMIN_USER, ADMIN_NAME, ADMIN_PASSWORD)  # public until one exists
        desk.sign_in(ADMIN_USER, ADMIN_PASSWORD)  # once, through the audited path: the log starts as in use
        [admin] = [a for a in raw_accounts(desk).list() if a.username == ADMIN_USER]
        return admin
    finally:
        desk.close()


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" in metafunc.fixturenames:
        marked = metafunc.definition.get_closest_marker("sqlite_only")
        sqlite_only = "db_path" in metafunc.fixturenames or marked
        backends = ("sqlite",) if sqlite_only else pg_support.BACKENDS
        if metafunc.definition.get_closest_marker("postgresql_only"):
            backends = ("postgresql",)
        metafunc.parametrize("backend", backends, indirect=True)


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """ "sqlite" or "postgresql": which database the test's desk runs on."""
    if request.param == "postgresql":
        pg_support.skip_or_fail_without_server()
    return str(request.param)


@pytest.fixture(scope="session")
def pg_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A PostgreSQL database, migrated and seeded once per run; each test gets a clone of it."""
    name = pg_support.create_database()
    _make_template(pg_support.database_url(name), tmp_path_factory.mktemp("pg-template"))
    yield name
    pg_support.drop_database(name)


@pytest.fixture
def db_target(request: pytest.FixtureRequest, backend: str) -> Iterator[str]:
    """What `--db` would be given: the SQLite file's path, or a fresh PostgreSQL database's URL."""
    if backend == "sqlite":
        yield str(request.getfixturevalue("db_path"))
        return
    name = pg_support.create_database(request.getfixturevalue("pg_template"))
    yield pg_support.database_url(name)
    pg_support.drop_database(name)


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
def desk(db_target: str, clock: FixedClock, tmp_path: Path, template_admin: Account) -> Iterator[Desk]:
    """The desk on a copy of the template, its administrator signed in.

    The account is handed to the desk's principal as `sign_in` would: a real sign-in is a committed (fsynced)
    transaction, ~25 ms per test here; sign-in itself is tested in test_accounts.py and test_audit.py. The
    administrator is the first account of both templates, so the SQLite template's record stands for both.
    """
    opened = open_desk(db_target, clock=clock, data_dir=tmp_path, password_hasher=CHEAP_HASHER)
    opened.principal.sign_in(template_admin)
    yield opened
    if "ui.workers" in sys.modules:  # a window's query may still be running in the thread pool
        sys.modules["ui.workers"].wait_for_pool(10_000)
    opened.close()


@pytest.fixture
def cases(desk: Desk) -> CaseService:
    """A case service on the built-in rules and the desk's calendar (the case-service tests' subject)."""
    return CaseService(desk.db, lambda: desk.calendar, lambda: DEFAULT_RULES, desk.clock)


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    """The window's English translation installed for the test (Qt imported only by tests that ask)."""
    from ui.i18n import install_translators, remove_translators

    installed = install_translators(qapp, "en")
    assert installed, "the English translation did not load"
    yield
    remove_translators(qapp, installed)
