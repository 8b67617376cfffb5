"""Throwaway PostgreSQL databases for the tests: one migrated template per run, a clone per test.

$XINFANG_TEST_PG_URL names a database on a server where this user may create databases (the clones are
made beside it). CREATE DATABASE … TEMPLATE copies the template's files, which is much quicker than
migrating and seeding again.
"""

from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

PG_URL_ENV = "XINFANG_TEST_PG_URL"
REQUIRE_PG_ENV = "XINFANG_REQUIRE_PG"
BACKENDS = ("sqlite", "postgresql")


def server_url() -> str | None:
    return os.environ.get(PG_URL_ENV) or None


def skip_or_fail_without_server() -> str:
    """The server URL, or a skip (a failure when $XINFANG_REQUIRE_PG=1) saying why there is none."""
    url = server_url()
    if url is None:
        reason = f"PostgreSQL variant: set ${PG_URL_ENV} to a server URL to run it"
        if os.environ.get(REQUIRE_PG_ENV) == "1":
            pytest.fail(f"{reason} (${REQUIRE_PG_ENV}=1: a skipped PostgreSQL test is a failure)")
        pytest.skip(reason)
    return url


def database_url(name: str) -> str:
    url = server_url()
    assert url is not None
    return make_url(url).set(database=name).render_as_string(hide_password=False)


def _admin(statement: str) -> None:
    url = server_url()
    assert url is not None
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(statement))
    finally:
        engine.dispose()


def create_database(template: str | None = None) -> str:
    """A new empty (or cloned) database; its name."""
    name = f"xinfang_test_{uuid.uuid4().hex[:12]}"
    clone = f' TEMPLATE "{template}" STRATEGY FILE_COPY' if template else " TEMPLATE template0"
    _admin(f"CREATE DATABASE \"{name}\"{clone} ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'")
    return name


def drop_database(name: str) -> None:
    _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
