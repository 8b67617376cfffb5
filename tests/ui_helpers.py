"""Typing into real widgets the way a clerk does.

`qtbot.keyClicks` with any non-ASCII character aborts the process (PITFALLS.md), so Chinese is committed the
way a pinyin input method commits it: one QInputMethodEvent carrying the text.
"""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot


def _target(widget: QWidget) -> QWidget:
    if isinstance(widget, QComboBox) and widget.lineEdit() is not None:
        return widget.lineEdit()  # type: ignore[return-value]
    return widget


def type_chinese(widget: QWidget, text: str) -> None:
    """Commit ``text`` into ``widget`` as an input method would (no key events)."""
    target = _target(widget)
    target.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(target, event)


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """ASCII by key clicks, anything else through the input method."""
    if text.isascii():
        qtbot.keyClicks(_target(widget), text)
    else:
        type_chinese(widget, text)
