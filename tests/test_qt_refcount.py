"""The Qt binding must not leak references to None.

PySide6 6.12.0 decrements None's reference count on every call of a method that returns nothing
(``setText``, ``show``, ``processEvents``…). On Python 3.11, where None is an ordinary object, the count
reaches zero after enough calls and the interpreter aborts ("none_dealloc") — a window left open all day
would die. pyproject.toml keeps PySide6 below 6.12; this test fails on a binding with the leak.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

CALLS = 2_000


def _none_refs() -> int:
    return sys.getrefcount(None)


def test_void_methods_keep_none_alive(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    app = QApplication.instance()
    assert app is not None
    before = _none_refs()
    for i in range(CALLS):
        label.setText(str(i))
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)
    # a healthy binding may hold a few more or fewer references meanwhile; the leak loses one per call
    assert before - _none_refs() < CALLS // 10
