"""Help → About names the program's version, its build and the database in use."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from app import __version__
from app.desk import Desk
from app.version import BUILD_FILE
from ui.about_box import about_text
from ui.main_window import MainWindow
from ui.notifier import Notifier


def test_about_from_the_help_menu(qtbot: QtBot, desk: Desk, db_path: Path) -> None:
    window = MainWindow(desk, Notifier())
    qtbot.addWidget(window)
    seen: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.accept()

    QTimer.singleShot(0, read_and_close)
    window.about_action.trigger()
    [text] = seen
    assert f"版本 {__version__}（从源代码运行）" in text and str(db_path) in text


def test_about_a_built_program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / BUILD_FILE).write_text(json.dumps({"built": "2026-11-26 18:00 UTC", "commit": "f1f144f"}))
    monkeypatch.setattr("app.version.resources_root", lambda: tmp_path)
    text = about_text("/srv/xinfang.sqlite")
    assert "构建于 2026-11-26 18:00 UTC" in text and "源代码提交 f1f144f" in text
