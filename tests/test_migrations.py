"""Migrations from an empty file, a backup before upgrading, and refusal of a newer database."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from app.errors import DatabaseTooNewError
from db import migrate, search_index
from db.engine import Database
from db.models import Base
from tests.accounts_helpers import open_signed_in
from tests.conftest import FixedClock


def test_empty_file_is_migrated_to_head_and_seeded(tmp_path: Path) -> None:
    desk = open_signed_in(str(tmp_path / "new.sqlite"), clock=FixedClock())
    try:
        assert migrate.current_revision(desk.db.engine) == migrate.head_revision()
        tables = set(inspect(desk.db.engine).get_table_names())
        assert set(Base.metadata.tables) <= tables
        names = desk.reference.names()
        assert "城关镇" in names.townships and "城乡建设" in names.category_names
        assert any(c.initials == "cxjs" for c in names.categories)
    finally:
        desk.close()


def test_migrated_schema_matches_the_models(tmp_path: Path) -> None:
    """Autogenerate finds nothing to do: the revisions and the models agree."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    db = Database.open(tmp_path / "x.sqlite")
    migrate.upgrade(db.engine)
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": search_index.outside_the_index})
        diff = compare_metadata(context, Base.metadata)
    db.dispose()
    assert diff == []


def test_sqlite_settings_are_safe(db_path: Path) -> None:
    db = Database.open(db_path)
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    db.dispose()


def test_upgrade_copies_a_database_with_data_aside_first(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as conn:  # a file with data but behind the current schema
        conn.execute("CREATE TABLE legacy_ledger (name TEXT)")
        conn.execute("INSERT INTO legacy_ledger VALUES ('王𠮷')")
    conn.close()

    db = Database.open(path)
    report = migrate.upgrade(db.engine, backup_dir=tmp_path / "backups")
    db.dispose()

    assert report.before is None and report.after == migrate.head_revision()
    assert report.backup is not None and report.backup.parent == tmp_path / "backups"
    with sqlite3.connect(report.backup) as conn:
        assert conn.execute("SELECT name FROM legacy_ledger").fetchall() == [("王𠮷",)]
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'matters'").fetchone() == (0,)
    conn.close()


def test_up_to_date_database_is_not_copied_again(db_path: Path, tmp_path: Path) -> None:
    db = Database.open(db_path)
    report = migrate.upgrade(db.engine, backup_dir=tmp_path / "backups")
    db.dispose()
    assert report.backup is None and not (tmp_path / "backups").exists()


def test_newer_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite"
    open_signed_in(str(path), clock=FixedClock()).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'from-the-future'")
    conn.close()
    before = path.read_bytes()

    with pytest.raises(DatabaseTooNewError) as caught:
        open_signed_in(str(path), clock=FixedClock())
    assert "更新版本" in caught.value.message
    assert path.read_bytes() == before


def test_the_first_release_database_upgrades_with_all_its_data(tmp_path: Path) -> None:
    """tests/data/xinfang-0.1.0.sqlite was written by release 0.1.0 (150 demo visits); it must open as is."""
    path = tmp_path / "old.sqlite"
    path.write_bytes((Path(__file__).parent / "data" / "xinfang-0.1.0.sqlite").read_bytes())
    with sqlite3.connect(path) as conn:
        before = {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("visits", "matters", "persons")
        }
    conn.close()

    desk = open_signed_in(str(path), clock=FixedClock())
    try:
        assert migrate.current_revision(desk.db.engine) == migrate.head_revision()
        assert desk.matters.count() == before["matters"] == 123
        first = desk.matters.page(0, 1, sort="matter_no", descending=False)[0]
        assert desk.matters.detail(first.matter_no).visits  # the old rows read back through today's code
        with desk.db.reading() as session:  # 0002 gave every registered matter its notice deadline row
            rows = session.execute(text("SELECT count(*), count(DISTINCT matter_id) FROM deadlines")).one()
        assert tuple(rows) == (123, 123)
    finally:
        desk.close()
