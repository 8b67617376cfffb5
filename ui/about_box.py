"""Help → About: which program this is (version, build date, commit) and which database it has open.

The IT officer reads it off the screen when reporting a problem; the same line is `--version`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.version import build_info


def _tr(text: str) -> str:
    return QCoreApplication.translate("AboutBox", text)


def about_text(database: str) -> str:
    info = build_info()
    built = _tr("构建于 {0}").format(info.built) if info.built else _tr("从源代码运行")
    lines = [
        _tr("信访接待台 Xinfang Desk"),
        _tr("版本 {0}（{1}）").format(info.version, built),
    ]
    if info.commit:
        lines.append(_tr("源代码提交 {0}").format(info.commit))
    lines.append(_tr("数据库 {0}").format(database))
    return "\n".join(lines)


def about_box(parent: QWidget, database: str) -> QMessageBox:
    """The box, not yet shown: the menu calls `exec()`, a test reads it."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(_tr("关于信访接待台"))
    box.setText(about_text(database))
    box.setWindowIcon(parent.windowIcon())
    return box
