"""What only PostgreSQL has: its search indexes are the ones the planner picks, and a dump before upgrade."""

from __future__ import annotations

import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.orm import Session

from app.desk import Desk
from db import migrate, search_pg
from db.models import Matter
from tests import pg_support
from tests.factories import visit


def _plan(session: Session, statement: object) -> str:
    session.execute(text("SET LOCAL enable_seqscan = off"))  # a few rows: a scan would be cheaper
    compiled = statement.compile(session.get_bind(), compile_kwargs={"literal_binds": True})  # type: ignore[attr-defined]
    return "\n".join(session.scalars(text(f"EXPLAIN {compiled}")))


@pytest.mark.parametrize(
    ("columns", "key", "index"),
    [
        ((Matter.summary, Matter.appeal), "逾期", "search_matters_words_bigram"),
        ((Matter.matter_no,), "20", "search_matters_no_bigram"),
    ],
)
@pytest.mark.postgresql_only
def test_two_characters_are_read_from_the_bigram_index(
    desk: Desk, columns: tuple[object, ...], key: str, index: str
) -> None:
    desk.intake.register_visit(visit())
    with desk.db.reading() as session:
        assert index in _plan(session, search_pg.bigram_candidates(columns, key))
        assert session.scalars(search_pg.bigram_candidates(columns, key)).all() == [1]


@pytest.mark.postgresql_only
def test_three_characters_are_read_from_the_trigram_indexes(desk: Desk) -> None:
    with desk.db.reading() as session:
        words = search_pg.contains((Matter.summary, Matter.appeal), "%逾期交%")
        plan = _plan(session, Matter.__table__.select().where(words))
    assert "search_matters_summary_trgm" in plan and "search_matters_appeal_trgm" in plan


@pytest.fixture
def old_server_db() -> Iterator[Engine]:
    """A PostgreSQL database with data, at revision 0002 (before the search index)."""
    pg_support.skip_or_fail_without_server()
    name = pg_support.create_database()
    engine = create_engine(pg_support.database_url(name))
    config = migrate._config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0002")
        conn.execute(text("INSERT INTO settings (key, value) VALUES ('agency_code', 'X')"))
    yield engine
    engine.dispose()
    pg_support.drop_database(name)


@pytest.mark.skipif(shutil.which("pg_dump") is None, reason="pg_dump is not installed")
def test_a_server_database_is_dumped_before_an_upgrade(old_server_db: Engine, tmp_path: Path) -> None:
    report = migrate.upgrade(old_server_db, backup_dir=tmp_path)
    assert (report.before, report.after) == ("0002", migrate.head_revision())
    assert report.backup is not None and report.backup.parent == tmp_path
    listing = subprocess.run(["pg_restore", "--list", str(report.backup)], capture_output=True, text=True)
    assert listing.returncode == 0 and "TABLE DATA public settings" in listing.stdout
    assert "search_matters_words_bigram" not in listing.stdout  # the copy is of the database before


APPEND = text("UPDATE settings SET value = value || :me WHERE key = :k")


@pytest.mark.postgresql_only
def test_a_real_deadlock_is_run_again_and_both_transactions_commit(desk: Desk) -> None:
    """Two writers lock two rows in opposite orders: the server kills one, write_retrying runs it again."""
    with desk.db.writing() as session:
        session.execute(text("INSERT INTO settings (key, value) VALUES ('a', ''), ('b', '')"))
    both_hold_one = threading.Barrier(2, timeout=30)
    first_attempts: set[str] = set()

    def writer(first: str, second: str) -> None:
        def work(session: Session) -> None:
            session.execute(APPEND, {"me": first, "k": first})
            if first not in first_attempts:  # only the first attempt waits: that is where they cross
                first_attempts.add(first)
                both_hold_one.wait()
            session.execute(APPEND, {"me": first, "k": second})

        desk.db.write_retrying(work)

    threads = [threading.Thread(target=writer, args=pair) for pair in (("a", "b"), ("b", "a"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert desk.db.retries == 1  # one was chosen as the deadlock's victim and ran again
    with desk.db.reading() as session:
        values = dict(session.execute(text("SELECT key, value FROM settings WHERE key IN ('a', 'b')")).all())
    assert sorted(values["a"]) == sorted(values["b"]) == ["a", "b"]  # each writer's two updates, once each
