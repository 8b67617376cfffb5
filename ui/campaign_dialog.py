"""新建专项活动: a campaign's code, name, kind (四重攻坚: 重点领域/重点群体/重点问题/重点人员, 积案化解 …) and
period. The service checks every field and says what is wrong beside the form; nothing is saved until all
is right.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import DeskError, ValidationError
from app.sources.campaigns import CampaignService
from app.sources.records import CAMPAIGN_KINDS
from ui.app_messages import app_message

ERROR_STYLE = "color: #C0392B;"
DEFAULT_MONTHS = 6  # a campaign usually runs half a year


class CampaignDialog(QDialog):
    def __init__(self, campaigns: CampaignService, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("新建专项活动"))
        self._campaigns = campaigns
        self.campaign_id: int | None = None
        self.code_edit, self.name_edit = QLineEdit(self), QLineEdit(self)
        self.code_edit.setPlaceholderText(self.tr("如 2026-SCGJ"))
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItems(list(CAMPAIGN_KINDS))
        self.starts, self.ends = QDateEdit(self), QDateEdit(self)
        first = QDate(today.year, today.month, today.day)
        for edit, shown in ((self.starts, first), (self.ends, first.addMonths(DEFAULT_MONTHS))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(shown)
        form = QFormLayout()
        form.addRow(self.tr("代码"), self.code_edit)
        form.addRow(self.tr("名称"), self.name_edit)
        form.addRow(self.tr("类型"), self.kind_combo)
        form.addRow(self.tr("开始"), self.starts)
        form.addRow(self.tr("结束"), self.ends)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.error)
        column.addWidget(buttons)

    @staticmethod
    def _day(edit: QDateEdit) -> date:
        value = edit.date().toPython()
        assert isinstance(value, date)
        return value

    def save(self) -> None:
        try:
            self.campaign_id = self._campaigns.create(
                self.code_edit.text(),
                self.name_edit.text(),
                self.kind_combo.currentText(),
                self._day(self.starts),
                self._day(self.ends),
            )
        except ValidationError as error:
            self._show("\n".join(app_message(e.message) for e in error.errors))
            return
        except DeskError as error:
            self._show(app_message(error.message))
            return
        self.accept()

    def _show(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
