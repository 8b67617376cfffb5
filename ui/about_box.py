"""Help → About: which program this is (version, build date, commit) and which database it has open.

The IT officer reads it off the screen when reporting a problem; the same line is `--version`.
Strings go through QCoreApplication.translate with literal text, so pyside6-lupdate finds them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.version import build_info

translate = QCoreApplication.translate


def about_text(database: str) -> str:
    info = build_info()
    if info.built:
        built = translate("AboutBox", "构建于 {0}").format(info.built)
    else:
        built = translate("AboutBox", "从源代码运行")
    lines = [
        translate("AboutBox", "信访接待台 Xinfang Desk"),
        translate("AboutBox", "版本 {0}（{1}）").format(info.version, built),
    ]
    if info.commit:
        lines.append(translate("AboutBox", "源代码提交 {0}").format(info.commit))
    lines.append(translate("AboutBox", "数据库 {0}").format(database))
    return "\n".join(lines)


def about_box(parent: QWidget, database: str) -> QMessageBox:
    """The box, not yet shown: the menu calls `exec()`, a test reads it."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(translate("AboutBox", "关于信访接待台"))
    box.setText(about_text(database))
    box.setWindowIcon(parent.windowIcon())
    return box
