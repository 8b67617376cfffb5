"""Yes/no questions to the clerk, with Chinese buttons whatever Qt translations are installed.

One function, so tests answer every question by patching ``ui.questions.ask``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("Questions", text)


def ask(parent: QWidget | None, question: str) -> bool:
    """True when the clerk answers 是 (the default button)."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("Questions", "信访接待台"),
        question,
        parent=parent,
    )
    yes = box.addButton(QCoreApplication.translate("Questions", "是"), QMessageBox.ButtonRole.YesRole)
    box.addButton(QCoreApplication.translate("Questions", "否"), QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(yes)
    box.exec()
    answered = box.clickedButton() is yes
    box.deleteLater()
    return answered
