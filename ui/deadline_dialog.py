"""Setting a deadline by hand (期限调整): a new date and the reason, written on the matter's timeline."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.deadline_views import MAX_REASON, DeadlineViewService
from app.errors import DeskError, ValidationError
from ui.app_messages import app_message
from ui.vocabulary import vocab


class DeadlineOverrideDialog(QDialog):
    def __init__(
        self,
        deadlines: DeadlineViewService,
        deadline_id: int,
        clerk: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._deadlines = deadlines
        self._clerk = clerk
        self.deadline_id = deadline_id
        self._build()
        info = deadlines.info(deadline_id)
        self.title_label.setText(
            self.tr("%1：现为 %2（起算日 %3）")
            .replace(
                "%1",
                vocab(info.label)
                + (self.tr("（%1）").replace("%1", info.department) if info.department else ""),
            )
            .replace("%2", f"{info.effective_due:%Y-%m-%d}")
            .replace("%3", f"{info.start:%Y-%m-%d}")
        )
        self.new_due = info.effective_due

    def _build(self) -> None:
        self.setWindowTitle(self.tr("调整期限"))
        self.title_label = QLabel(self)
        self.title_label.setWordWrap(True)
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setMaxLength(MAX_REASON)
        self.reason_edit.setPlaceholderText(self.tr("调整的理由（将记入办理过程）"))
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #C62828;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        form = QFormLayout()
        form.addRow(self.tr("新的期限"), self.date_edit)
        form.addRow(self.tr("理由"), self.reason_edit)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("确定"), QDialogButtonBox.ButtonRole.AcceptRole).setDefault(True)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    @property
    def new_due(self) -> date:
        chosen = self.date_edit.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    @new_due.setter
    def new_due(self, value: date) -> None:
        self.date_edit.setDate(QDate(value.year, value.month, value.day))

    @property
    def reason(self) -> str:
        return self.reason_edit.text()

    @reason.setter
    def reason(self, value: str) -> None:
        self.reason_edit.setText(value)

    @property
    def error_text(self) -> str:
        return self.error_label.text() if not self.error_label.isHidden() else ""

    def accept(self) -> None:
        try:
            self._deadlines.override(self.deadline_id, self.new_due, self.reason, self._clerk)
        except ValidationError as error:
            self._show("\n".join(app_message(e.message) for e in error.errors))
            return
        except DeskError as error:
            self._show(app_message(error.message))
            return
        super().accept()

    def _show(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()
