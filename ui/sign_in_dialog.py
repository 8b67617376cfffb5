"""The sign-in dialog at start and after 注销: username and password, the service's own message on refusal.

Whether a password is right, how many tries are left and how long a lockout lasts are the account service's
business (desk.sign_in); the dialog only shows what it says, under the password field.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.desk import Desk
from app.errors import DeskError
from ui.app_messages import app_message

ERROR_STYLE = "color: #C62828;"


class SignInDialog(QDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None, username: str = "") -> None:
        super().__init__(parent)
        self._desk = desk
        self._build()
        self.username_edit.setText(username)
        (self.password_edit if username else self.username_edit).setFocus()

    def _build(self) -> None:
        agency = self.tr("信访接待台")
        self.setWindowTitle(self.tr("登录 — %1").replace("%1", agency))
        self.username_edit = QLineEdit(self)
        self.username_edit.setObjectName("username")
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        title = QLabel(self.tr("请登录"), self)
        title.setStyleSheet("font-size: 18px; font-weight: bold;")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        form = QFormLayout()
        form.addRow(self.tr("用户名"), self.username_edit)
        form.addRow(self.tr("密码"), self.password_edit)
        form.addRow("", self.error_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("登录"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("退出"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(360)

    @property
    def error(self) -> str:
        """The message shown ('' when none)."""
        return self.error_label.text() if self.error_label.isVisibleTo(self) else ""

    def accept(self) -> None:
        """Sign in; on refusal show the service's message, clear the password and stay open."""
        try:
            self._desk.sign_in(self.username_edit.text().strip(), self.password_edit.text())
        except DeskError as error:
            self.error_label.setText(app_message(error.message))
            self.error_label.show()
            self.password_edit.clear()
            self.password_edit.setFocus()
            return
        self.error_label.hide()
        super().accept()
