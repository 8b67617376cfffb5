"""节假日与期限规则: the administrator's holiday table and deadline rules, in one dialog with two tabs.

Each edit is signed by the window's clerk (the settings' 接待人) and recomputes the open deadlines at once;
the dialog itself saves nothing on close.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTabWidget, QVBoxLayout, QWidget

from app.desk import Desk
from ui.holiday_editor import HolidayEditor
from ui.notifier import Notifier
from ui.rule_editor import RuleEditor


class CalendarDialog(QDialog):
    def __init__(self, desk: Desk, notifier: Notifier, clerk: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("节假日与期限规则"))
        self.holidays = HolidayEditor(desk.holidays, notifier, clerk, desk.clock().date(), self)
        self.rules = RuleEditor(desk.deadline_rules, notifier, clerk, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.holidays, self.tr("节假日"))
        self.tabs.addTab(self.rules, self.tr("期限规则"))
        signer = clerk or self.tr("（未设置，请先在“设置”中填写接待人）")
        text = self.tr("修改后，所有未办结事项的期限立即重新计算。操作人：%1").replace("%1", signer)
        note = QLabel(text, self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(820, 680)
