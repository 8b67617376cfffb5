"""`migrate-to`: a SQLite hall copied into an empty PostgreSQL database, verified, and usable at once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, func, select, update

from app import cli
from app.desk import Desk
from app.errors import StorageError, ValidationError
from app.migrate_to import migrate_to
from app.search import SearchService
from db import transfer
from db.models import Matter
from tests import pg_support
from tests.accounts_helpers import open_signed_in
from tests.conftest import FixedClock
from tests.factories import id_number, person, visit


@pytest.fixture
def empty_server_db() -> Iterator[str]:
    pg_support.skip_or_fail_without_server()
    name = pg_support.create_database()
    yield pg_support.database_url(name)
    pg_support.drop_database(name)


@pytest.fixture
def hall(db_path: Path, clock: FixedClock) -> list[str]:
    """A SQLite hall of five matters, the first merged into the last (a reference pointing forward)."""
    desk = open_signed_in(str(db_path), clock=clock)
    try:
        numbers = [
            desk.intake.register_visit(visit(persons=[person("王𠮷", id_number(seq=i), None)])).matter_no
            for i in range(1, 6)
        ]
        with desk.db.writing() as session:
            forward = update(Matter).where(Matter.id == 1).values(merged_into_id=5, previous_matter_id=4)
            session.execute(forward)
    finally:
        desk.close()
    return numbers


def _opened(url: str, tmp_path: Path) -> Desk:
    return open_signed_in(url, clock=FixedClock(), data_dir=tmp_path / "server")


def test_a_hall_moves_to_postgresql_and_goes_on_working(
    db_path: Path, hall: list[str], empty_server_db: str, tmp_path: Path
) -> None:
    report = migrate_to(str(db_path), empty_server_db)

    assert {t.name: t.rows for t in report.tables}["matters"] == 5
    assert [t.name for t in report.tables] == [t.name for t in transfer.tables()]
    local, server = open_signed_in(str(db_path), clock=FixedClock()), _opened(empty_server_db, tmp_path)
    try:
        assert [server.matters.detail(n) for n in hall] == [local.matters.detail(n) for n in hall]
        found = [s.matter_no for s in SearchService(server.db).search("王𠮷")]
        assert sorted(found) == sorted(hall)
        added = server.intake.register_visit(visit(persons=[person("李四", id_number(seq=99), None)]))
        with server.db.reading() as session:
            assert session.scalar(select(func.max(Matter.id))) == 6  # the id sequence went on past the copy
            assert session.scalar(select(Matter.seq).where(Matter.matter_no == added.matter_no)) == 6
            merged = session.get(Matter, 1)
            assert merged is not None and (merged.merged_into_id, merged.previous_matter_id) == (5, 4)
    finally:
        local.close()
        server.close()


def test_a_target_with_data_is_refused(db_path: Path, hall: list[str], empty_server_db: str) -> None:
    migrate_to(str(db_path), empty_server_db)
    with pytest.raises(ValidationError, match="不是空的"):
        migrate_to(str(db_path), empty_server_db)


def test_a_mismatch_found_in_the_check_leaves_the_target_empty(
    db_path: Path, hall: list[str], empty_server_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = transfer.copy_table

    def lossy(source: Any, target: Any, table: Any) -> int:
        copied = copy(source, target, table)
        if table.name == "visits":
            target.execute(update(table).where(table.c.id == 3).values(summary="篡改"))
        return copied

    monkeypatch.setattr(transfer, "copy_table", lossy)
    with pytest.raises(StorageError, match="visits"):
        migrate_to(str(db_path), empty_server_db)
    engine = create_engine(empty_server_db)
    try:
        with engine.connect() as conn:
            counts = transfer.row_counts(conn)
        assert counts.pop("audit_head") == 1  # the migration's own row: the chain's head, still at its start
        assert sum(counts.values()) == 0  # the copy was rolled back whole
    finally:
        engine.dispose()
    monkeypatch.undo()
    assert migrate_to(str(db_path), empty_server_db).tables  # and a second attempt goes through


def test_only_a_sqlite_file_into_postgresql(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--db", str(db_path), "migrate-to", "sqlite:////tmp/other.sqlite"]) == 2
    assert "PostgreSQL" in capsys.readouterr().err
    missing = str(db_path.with_name("missing.sqlite"))
    assert cli.main(["--db", missing, "migrate-to", "postgresql+psycopg://u@h/d"]) == 2
    assert "不存在" in capsys.readouterr().err
