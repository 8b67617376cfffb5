"""科长名单 (for an administrator): which clerks may merge 被反映对象 and draft 问责建议函. Until accounts and
roles arrive the chiefs are a list of clerk names; the services check it, the window hides what others may
not do.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import DeskError
from app.sources.chiefs import ChiefRoster


class ChiefsDialog(QDialog):
    def __init__(self, chiefs: ChiefRoster, clerks: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("科长名单"))
        self._chiefs = chiefs
        now = set(chiefs.chiefs())
        self.clerks = QListWidget(self)
        for name in clerks:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if name in now else Qt.CheckState.Unchecked)
            self.clerks.addItem(item)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(QLabel(self.tr("勾选的接待人可以合并被反映对象、起草问责建议函："), self))
        column.addWidget(self.clerks, 1)
        column.addWidget(buttons)

    def checked(self) -> list[str]:
        items = [self.clerks.item(i) for i in range(self.clerks.count())]
        return [item.text() for item in items if item.checkState() == Qt.CheckState.Checked]

    def save(self) -> None:
        try:
            self._chiefs.set_chiefs(self.checked())
        except DeskError as error:
            QMessageBox.warning(self, self.windowTitle(), error.message)
            return
        self.accept()
