"""Backups: online and checked, restore only after checks (the old database kept), retention by file name
dates, the integrity check, and the command line."""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sqlite3
import threading
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app import cli_safekeeping
from app.backup import BackupConfig, BackupService, check_file, retained, scheduled_name, startup_check
from app.desk import Desk
from app.errors import DeskError, ValidationError
from db.engine import Database
from tests.accounts_helpers import open_signed_in
from tests.conftest import NOW, FixedClock
from tests.factories import visit

pytestmark = pytest.mark.sqlite_only  # SQLite online backups and files; PostgreSQL relies on the server's


def _register(desk: Desk, n: int, start: int = 0) -> list[str]:
    return [desk.intake.register_visit(visit(summary=f"第{start + i}号测试来访")).matter_no for i in range(n)]


def _count(path: Path, table: str = "matters") -> int:
    with sqlite3.connect(path) as conn:
        found = int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    conn.close()
    return found


def _service(desk: Desk, **kwargs: Any) -> BackupService:
    return BackupService(desk.db, desk.data_dir, desk.clock, **kwargs)


# ---- backup ----


def test_backup_while_another_connection_writes_is_whole_and_has_every_committed_row(
    desk: Desk, db_path: Path, tmp_path: Path
) -> None:
    _register(desk, 5)
    writer, stop = open_signed_in(str(db_path), clock=FixedClock()), threading.Event()
    written: list[str] = []

    def keep_writing() -> None:
        while not stop.is_set():
            written.extend(_register(writer, 1, 1000 + len(written)))

    thread = threading.Thread(target=keep_writing)
    thread.start()
    try:
        copies = []
        for i in range(5):
            committed = desk.matters.count()
            info = _service(desk).backup(tmp_path / "out" / f"copy{i}.sqlite")
            copies.append((committed, info))
    finally:
        stop.set()
        thread.join()
        writer.close()
    assert written, "the writer did not write during the backups"
    for committed, info in copies:
        assert check_file(info.path).ok
        assert info.counts["matters"] >= committed, "a row committed before the backup began is missing"
        assert info.counts["matters"] == _count(info.path) and info.counts["visits"] == _count(
            info.path, "visits"
        )
        assert info.schema_revision and info.manifest.exists()
        assert not Path(f"{info.path}-wal").exists(), "a backup is one self-contained file"


def test_backup_writes_a_manifest_with_the_checksum(desk: Desk, tmp_path: Path) -> None:
    _register(desk, 2)
    info = _service(desk).backup(tmp_path / "b.sqlite")
    manifest = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))
    assert manifest["sha256"] == hashlib.sha256(info.path.read_bytes()).hexdigest() == info.sha256
    assert manifest["counts"] == {"matters": 2, "visits": 2, "persons": 1}
    assert manifest["program_version"] and manifest["schema_revision"] == info.schema_revision


def test_backup_refuses_to_overwrite_the_database_itself(desk: Desk, db_path: Path) -> None:
    with pytest.raises(ValidationError):
        _service(desk).backup(db_path)


def test_postgresql_backup_is_said_to_be_not_implemented(tmp_path: Path) -> None:
    server = SimpleNamespace(url="postgresql://clerk@server/xinfang")
    service = BackupService(server, tmp_path)  # type: ignore[arg-type]
    for attempt in (lambda: service.backup(tmp_path / "b.sqlite"), lambda: service.restore(tmp_path / "b")):
        with pytest.raises(DeskError, match="pg_dump"):
            attempt()
    assert startup_check(server) == []  # type: ignore[arg-type]


# ---- restore ----


def test_restore_of_a_good_file_replaces_the_database_and_keeps_the_old_one(
    desk: Desk, db_path: Path, tmp_path: Path
) -> None:
    kept = _register(desk, 2)
    backup = _service(desk).backup(tmp_path / "good.sqlite")
    _register(desk, 3, start=10)
    info = _service(desk).restore(backup.path)
    desk.close()
    assert info.kept_aside.parent == db_path.parent / "backups" and info.kept_aside.name.startswith(
        "before-restore-"
    )
    assert _count(info.kept_aside) == 5 and check_file(info.kept_aside).ok
    assert (info.counts["matters"], info.needs_upgrade) == (2, False)
    reopened = open_signed_in(str(db_path), clock=FixedClock())
    try:
        assert reopened.matters.count() == 2 and reopened.matters.detail(kept[1]).summary == "第1号测试来访"
        assert _register(reopened, 1, start=20) == ["X信访〔2026〕3号"]  # the counter came back too
        assert startup_check(reopened.db) == [] and _service(reopened).check().ok
    finally:
        reopened.close()


def _refused(desk: Desk, db_path: Path, source: Path, match: str) -> None:
    before = (desk.matters.count(), _count(db_path))
    with pytest.raises(ValidationError, match=match):
        _service(desk).restore(source)
    assert (desk.matters.count(), _count(db_path)) == before
    assert not (db_path.parent / "backups").exists() or not list(
        (db_path.parent / "backups").glob("before-*")
    )
    assert not list(db_path.parent.glob(".*restore*")), "the staged copy was left behind"


def test_restore_refuses_a_corrupt_file_and_replaces_nothing(
    desk: Desk, db_path: Path, tmp_path: Path
) -> None:
    _register(desk, 3)
    bad = _corrupt(_service(desk).backup(tmp_path / "b.sqlite").path, tmp_path / "corrupt.sqlite")
    _register(desk, 1, start=10)
    _refused(desk, db_path, bad, "损坏|无法打开")


def test_restore_refuses_a_file_from_a_newer_program(desk: Desk, db_path: Path, tmp_path: Path) -> None:
    newer = _service(desk).backup(tmp_path / "newer.sqlite").path
    (tmp_path / "newer.json").unlink()  # edited after the backup: the manifest would tell
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    conn.close()
    _register(desk, 1)
    _refused(desk, db_path, newer, "更新版本")


def test_restore_refuses_a_file_that_is_not_a_database(desk: Desk, db_path: Path, tmp_path: Path) -> None:
    text = tmp_path / "notes.sqlite"
    text.write_text("这不是数据库" * 1000, encoding="utf-8")
    _refused(desk, db_path, text, "不是有效的数据库")
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE ledger (name TEXT)")
    conn.close()
    _refused(desk, db_path, other, "不是信访接待台的数据库")
    _refused(desk, db_path, tmp_path / "missing.sqlite", "找不到")


def test_restore_refuses_a_backup_changed_after_its_manifest(
    desk: Desk, db_path: Path, tmp_path: Path
) -> None:
    path = _service(desk).backup(tmp_path / "b.sqlite").path
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE townships SET name = '篡改镇' WHERE id = 1")
    conn.close()
    _refused(desk, db_path, path, "校验值不符")


def test_a_permission_check_can_refuse_a_restore_before_anything_happens(desk: Desk, tmp_path: Path) -> None:
    def clerk_may_not(action: str) -> None:
        if action == "restore":
            raise DeskError("接待员无权恢复数据库")

    service = _service(desk, authorize=clerk_may_not)
    backup = service.backup(tmp_path / "b.sqlite")
    with pytest.raises(DeskError, match="无权"):
        service.restore(backup.path)
    assert not (desk.data_dir / "backups").exists()


# ---- check ----


def _corrupt(source: Path, target: Path) -> Path:
    """A copy with garbage written over the first page of the matters table."""
    shutil.copyfile(source, target)
    with sqlite3.connect(target) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'matters'").fetchone()[0]
    conn.close()
    with open(target, "r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(bytes((i * 37 + 11) % 256 for i in range(page_size)))
    return target


def test_check_finds_a_corrupted_page(desk: Desk, tmp_path: Path) -> None:
    _register(desk, 3)
    assert _service(desk).check().ok
    bad = _corrupt(_service(desk).backup(tmp_path / "b.sqlite").path, tmp_path / "corrupt.sqlite")
    damaged = Database.open(bad)
    try:
        report = BackupService(damaged, tmp_path).check()
        assert not report.ok and all("完整性" in p or "损坏" in p for p in report.problems)
        assert startup_check(damaged)
    finally:
        damaged.dispose()


# ---- scheduled backups and retention ----


def _expected(stamps: list[datetime], daily: int, weekly: int, monthly: int) -> set[datetime]:
    """The rule as written: for each of the last N periods that have backups, its newest backup."""
    keep: set[datetime] = set()
    for n, period in (
        (daily, lambda s: s.date()),
        (weekly, lambda s: s.isocalendar()[:2]),
        (monthly, lambda s: (s.year, s.month)),
    ):
        for chosen in sorted({period(s) for s in stamps}, reverse=True)[:n]:
            keep.add(max(s for s in stamps if period(s) == chosen))
    return keep


backups_per_day = st.lists(st.lists(st.integers(0, 86_399), max_size=3), min_size=400, max_size=400)


@settings(max_examples=150, deadline=None)
@given(days=backups_per_day, daily=st.integers(0, 9), weekly=st.integers(0, 6), monthly=st.integers(0, 14))
def test_retention_over_400_days_keeps_exactly_the_expected_backups(
    days: list[list[int]], daily: int, weekly: int, monthly: int
) -> None:
    """Pruned after every backup, as the program does, the survivors are those the rule names for the
    whole history: nothing the rule would keep was deleted on the way."""
    first = datetime(2025, 10, 23)
    history: list[datetime] = []
    kept: set[datetime] = set()
    for offset, seconds in enumerate(days):
        for second in sorted(set(seconds)):
            stamp = first + timedelta(days=offset, seconds=second)
            history.append(stamp)
            kept = retained(kept | {stamp}, daily, weekly, monthly)
    assert kept == _expected(history, daily, weekly, monthly)
    assert len(kept) <= daily + weekly + monthly
    if history and daily:
        assert max(history) in kept


def test_scheduled_backup_prunes_a_400_day_folder_to_the_grandfather_father_son_set(
    desk: Desk, tmp_path: Path, clock: FixedClock
) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    for offset in range(1, 400):  # one backup each evening for 400 days before today
        (folder / scheduled_name(datetime(2026, 11, 25, 18) - timedelta(days=offset - 1))).touch()
    (folder / "xinfang-pre-upgrade-0002.sqlite").touch()  # not a scheduled backup: left alone
    service = _service(desk)
    assert service.due_backups(folder=folder) == ["daily"]
    run = service.run_scheduled(folder)
    names = sorted(p.name for p in folder.glob("xinfang-20*.sqlite"))
    days = {date.fromisoformat(n[8:18]) for n in names}
    expected = {date(2026, 11, d) for d in (26, 25, 24, 23, 22, 21, 20, 15, 8)} | {
        date(2026, 10, 31), date(2026, 9, 30), date(2026, 8, 31), date(2026, 7, 31), date(2026, 6, 30),
        date(2026, 5, 31), date(2026, 4, 30), date(2026, 3, 31), date(2026, 2, 28), date(2026, 1, 31),
        date(2025, 12, 31),
    }  # fmt: skip
    assert days == expected and len(names) == 7 + 2 + 11
    assert len(run.deleted) == 400 - 20 and (folder / "xinfang-pre-upgrade-0002.sqlite").exists()
    assert run.backup is not None and check_file(run.backup.path).ok
    assert service.due_backups(folder=folder) == []
    assert service.settings.get().last_backup == NOW.isoformat(timespec="seconds")
    clock.now = NOW + timedelta(days=1)
    assert service.due_backups(folder=folder) == ["daily"]


def test_the_backup_folder_and_counts_are_this_pcs_own_settings(desk: Desk, tmp_path: Path) -> None:
    service = _service(desk)
    assert service.folder() == desk.data_dir / "backups"
    assert service.due_backups() == ["daily", "weekly", "monthly"]
    config = service.configure(replace_config(service, folder=str(tmp_path / "share"), keep_daily=3))
    assert (config.folder, config.keep_daily, config.keep_monthly) == (str(tmp_path / "share"), 3, 12)
    assert (desk.data_dir / "backup.json").exists() and service.folder() == tmp_path / "share"
    with pytest.raises(ValidationError, match="保留"):
        service.configure(replace_config(service, keep_daily=-1))


def replace_config(service: BackupService, **changes: Any) -> BackupConfig:
    return replace(service.settings.get(), **changes)


# ---- command line ----


def _cli(db_path: Path, *argv: str) -> int:
    parser = argparse.ArgumentParser()
    cli_safekeeping.add_commands(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    return cli_safekeeping.COMMANDS[args.command](str(db_path), args)


def test_command_line_backup_check_restore(
    desk: Desk, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _register(desk, 2)
    desk.close()
    out = tmp_path / "cli.sqlite"
    assert _cli(db_path, "backup", "--out", str(out)) == 0 and check_file(out).ok
    assert _cli(db_path, "check") == 0
    assert _cli(db_path, "restore", str(out)) == 0
    assert "请重新启动" in capsys.readouterr().out
    assert _cli(db_path, "backup", "--set-folder", str(tmp_path / "usb"), "--keep-daily", "3") == 0
    assert _cli(db_path, "backup", "--scheduled") == 0 and len(list((tmp_path / "usb").glob("*.sqlite"))) == 1
    assert _cli(db_path, "backup", "--scheduled") == 0 and "无需" in capsys.readouterr().out
    bad = _corrupt(out, tmp_path / "bad.sqlite")
    assert _cli(bad, "check") == 1
    assert "问题" in capsys.readouterr().err
