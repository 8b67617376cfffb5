"""The start-up integrity check: synchronous when it must be, deferred after paint otherwise; a damaged
file is never written into on either path, and the window is told."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit, QMainWindow, QMessageBox
from pytestqt.qtbot import QtBot

from app import startup_integrity
from app.accounts import Account
from app.desk import Desk, open_desk
from app.errors import StorageError
from app.startup_integrity import marker_path, run_deferred
from tests.accounts_helpers import CHEAP_HASHER
from ui.integrity_watch import IntegrityWatch


def _corrupt(path: Path) -> Path:
    """Garbage over the first page of the matters table (the file still opens; the check finds it)."""
    with sqlite3.connect(path) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'matters'").fetchone()[0]
    conn.close()
    with open(path, "r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(bytes((i * 37 + 11) % 256 for i in range(page_size)))
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _open(path: Path, data_dir: Path, window: bool) -> Desk:
    return open_desk(str(path), password_hasher=CHEAP_HASHER, data_dir=data_dir, window=window)


@pytest.fixture
def big(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file counts as big: the window's check is deferred unless another reason forces it."""
    monkeypatch.setattr(startup_integrity, "SMALL_FILE_BYTES", 0)


@pytest.fixture
def deferred_damaged(db_path: Path, tmp_path: Path, big: None, template_admin: Account) -> Iterator[Desk]:
    _corrupt(db_path)
    desk = _open(db_path, tmp_path, window=True)
    desk.principal.sign_in(template_admin)
    yield desk
    desk.close()


def test_the_session_marker_is_written_at_open_and_cleared_at_close(db_path: Path, tmp_path: Path) -> None:
    marker = marker_path(tmp_path, db_path)
    desk = _open(db_path, tmp_path, window=True)
    assert marker.exists()
    desk.close()
    assert not marker.exists()
    cli = _open(db_path, tmp_path, window=False)  # the command line leaves no marker: it always checks
    assert not marker.exists() and cli.integrity.reason == "command line"
    cli.close()


def test_an_unclean_close_forces_the_check_before_opening(db_path: Path, tmp_path: Path, big: None) -> None:
    assert _open(db_path, tmp_path, window=True).integrity.deferred  # big, clean: after paint (not closed)
    desk = _open(db_path, tmp_path, window=True)  # the marker of the session above is still there
    assert desk.integrity.synchronous and desk.integrity.reason == "previous session not closed"
    desk.close()


def test_small_files_are_checked_before_opening(db_path: Path, tmp_path: Path) -> None:
    desk = _open(db_path, tmp_path, window=True)
    assert desk.integrity.synchronous and desk.integrity.reason == "small file"
    desk.close()


@pytest.mark.parametrize("window", [False, True])
def test_a_damaged_file_is_refused_before_any_write(db_path: Path, tmp_path: Path, window: bool) -> None:
    _corrupt(db_path)
    before = _digest(db_path)
    with pytest.raises(StorageError, match="恢复备份"):
        _open(db_path, tmp_path, window=window)  # small: checked first on both paths
    assert _digest(db_path) == before
    assert not marker_path(tmp_path, db_path).exists()


def test_a_damaged_file_after_an_unclean_close_is_refused(db_path: Path, tmp_path: Path, big: None) -> None:
    _corrupt(db_path)
    marker_path(tmp_path, db_path).write_text("open\n")
    before = _digest(db_path)
    with pytest.raises(StorageError, match="恢复备份"):
        _open(db_path, tmp_path, window=True)
    assert _digest(db_path) == before


def test_the_deferred_check_blocks_every_write(deferred_damaged: Desk, db_path: Path, tmp_path: Path) -> None:
    desk = deferred_damaged
    assert desk.integrity.deferred
    before = _digest(db_path)
    problems = run_deferred(desk.integrity, desk.db)
    assert problems and all("完整性" in p or "损坏" in p for p in problems)
    with pytest.raises(StorageError, match="恢复备份"):
        desk.settings.save(desk.settings.get())
    assert _digest(db_path) == before
    desk.close()
    assert marker_path(tmp_path, db_path).exists()  # the next start checks before opening


def test_a_clean_file_passes_the_deferred_check(
    db_path: Path, tmp_path: Path, big: None, template_admin: Account
) -> None:
    desk = _open(db_path, tmp_path, window=True)
    desk.principal.sign_in(template_admin)
    assert run_deferred(desk.integrity, desk.db) == []
    desk.settings.save(desk.settings.get())  # writes still work
    desk.close()
    assert not marker_path(tmp_path, db_path).exists()


def test_the_window_is_told_after_its_first_paint(qtbot: QtBot, deferred_damaged: Desk) -> None:
    # MainWindow itself builds IntegrityWatch the same way; a bare main window keeps the test to this part
    window, form = QMainWindow(), QLineEdit()
    window.setCentralWidget(form)
    qtbot.addWidget(window)
    watch = IntegrityWatch(window, deferred_damaged, form)
    with qtbot.waitSignal(watch.damaged, timeout=20_000) as blocker:
        window.show()  # the first paint starts the check
    assert blocker.args and blocker.args[0]
    box = watch.message_box
    assert isinstance(box, QMessageBox) and box.isVisible() and "恢复备份" in box.text()
    assert blocker.args[0][0] in box.text()  # the problem itself, for the administrator
    assert not form.isEnabled()
    box.accept()
