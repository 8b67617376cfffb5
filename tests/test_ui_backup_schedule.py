"""Scheduled backups from the window: the administrator picks the folder, the timer's check makes the day's
backup once (a real SQLite online backup, checked), and a second check the same day makes none.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.accounts import Role
from app.desk import Desk
from tests.accounts_helpers import sign_in_as
from ui.backup_schedule import BackupScheduler, BackupSettingsDialog


@pytest.mark.sqlite_only  # on a server the backups are pg_dump's: the service refuses
def test_the_administrator_sets_the_folder_and_the_day_is_backed_up_once(
    qtbot: QtBot, desk: Desk, tmp_path: Path
) -> None:
    folder = tmp_path / "usb"
    dialog = BackupSettingsDialog(desk)
    qtbot.addWidget(dialog)
    dialog.folder_edit.setText(str(folder))
    dialog.daily.setValue(3)
    dialog.accept()
    assert dialog.result() == BackupSettingsDialog.DialogCode.Accepted
    assert desk.backups.folder() == folder
    scheduler = BackupScheduler(desk, every_ms=3_600_000)
    messages: list[str] = []
    scheduler.message.connect(messages.append)
    with qtbot.waitSignal(scheduler.requests.finished, timeout=20_000):
        scheduler.start()
    assert scheduler.timer.isActive()
    made = sorted(folder.glob("xinfang-*.sqlite"))
    assert len(made) == 1 and made[0].stat().st_size > 0
    assert messages == [f"已自动备份到 {made[0]}"]
    with qtbot.waitSignal(scheduler.requests.finished, timeout=20_000):
        scheduler.run_now()  # the next hourly check, the same day: nothing is due
    assert sorted(folder.glob("xinfang-*.sqlite")) == made and len(messages) == 1


def test_a_clerk_may_not_move_the_backups(qtbot: QtBot, desk: Desk, tmp_path: Path) -> None:
    sign_in_as(desk, Role.CLERK)
    dialog = BackupSettingsDialog(desk)
    qtbot.addWidget(dialog)
    dialog.folder_edit.setText(str(tmp_path / "elsewhere"))
    dialog.accept()
    assert dialog.result() != BackupSettingsDialog.DialogCode.Accepted
    assert "恢复备份和设置备份文件夹" in dialog.errors.text()
    assert desk.backups.folder() != tmp_path / "elsewhere"
