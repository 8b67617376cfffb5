"""系统 → 账户管理 (administrator): the accounts, and adding one, resetting a password, 停用/启用, 解锁.

Every change is a call to desk.accounts; the service checks the rules (password strength, a unique
username, the administrator's permission) and its Chinese message is shown as it comes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.desk import Desk
from app.errors import DeskError
from ui.app_messages import app_message
from ui.field_errors import FieldErrors

ERROR_STYLE = "color: #C62828;"


def role_label(role: Any) -> str:
    """接待员 / 科长 / 管理员 for a Role (or its value)."""
    labels = {
        "clerk": QCoreApplication.translate("Roles", "接待员"),
        "chief": QCoreApplication.translate("Roles", "科长"),
        "admin": QCoreApplication.translate("Roles", "管理员"),
    }
    value = str(getattr(role, "value", role))
    return labels.get(value, value)


class PasswordDialog(QDialog):
    """A new account (username, name, role) or a new password for one; the password typed twice."""

    def __init__(self, parent: QWidget, title: str, new_account: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.username_edit, self.name_edit = QLineEdit(self), QLineEdit(self)
        self.role_combo = QComboBox(self)
        for value in ("clerk", "chief", "admin"):
            self.role_combo.addItem(role_label(value), value)
        self.password_edit, self.again_edit = QLineEdit(self), QLineEdit(self)
        for edit in (self.password_edit, self.again_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.errors = FieldErrors(self, ("username", "display_name", "role", "password"))
        form = QFormLayout()
        if new_account:
            form.addRow(self.tr("用户名"), self.username_edit)
            form.addRow(self.tr("姓名"), self.name_edit)
            form.addRow(self.tr("角色"), self.role_combo)
        form.addRow(self.tr("密码"), self.password_edit)
        form.addRow(self.tr("再次输入密码"), self.again_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        for name in ("username", "display_name", "role", "password", ""):
            layout.addWidget(self.errors.label(name))
        layout.addWidget(buttons)
        self.action: Any = None  # set by the caller: the service call made on OK

    def accept(self) -> None:
        if self.password_edit.text() != self.again_edit.text():
            self.errors.show({"password": self.tr("两次输入的密码不一致")})
            return
        try:
            self.action(self)
        except DeskError as error:
            self.errors.show_error(error)
            return
        super().accept()


class AccountsDialog(QDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self.accounts: list[Any] = []
        self._build()
        self.refresh()

    def _build(self) -> None:
        self.setWindowTitle(self.tr("账户管理"))
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("用户名"), self.tr("姓名"), self.tr("角色"), self.tr("状态")]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        buttons = QHBoxLayout()
        for text, slot in (
            (self.tr("新增账户…"), self.add),
            (self.tr("重置密码…"), self.reset_password),
            (self.tr("停用/启用"), self.toggle_active),
            (self.tr("解锁"), self.unlock),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self.resize(640, 420)

    def refresh(self) -> None:
        try:
            self.accounts = list(self._desk.accounts.list())
        except DeskError as error:
            self.accounts = []
            self.error_label.setText(app_message(error.message))
        self.table.setRowCount(len(self.accounts))
        for row, account in enumerate(self.accounts):
            state = self._state(account)
            for column, text in enumerate(
                (account.username, account.display_name, role_label(account.role), state)
            ):
                self.table.setItem(row, column, QTableWidgetItem(text))

    def _state(self, account: Any) -> str:
        """启用, 已停用, or 锁定至 HH:MM after too many wrong passwords (解锁 lifts it)."""
        if not account.active:
            return self.tr("已停用")
        locked_until = getattr(account, "locked_until", None)
        if locked_until is not None and locked_until > self._desk.clock():
            return self.tr("锁定至 %1").replace("%1", f"{locked_until:%H:%M}")
        return self.tr("启用")

    def state_of(self, username: str) -> str:
        """The 状态 cell shown for an account ('' when not listed)."""
        rows = [i for i, a in enumerate(self.accounts) if a.username == username]
        item = self.table.item(rows[0], 3) if rows else None
        return item.text() if item is not None else ""

    def select(self, username: str) -> None:
        rows = [i for i, a in enumerate(self.accounts) if a.username == username]
        if rows:
            self.table.selectRow(rows[0])

    def selected(self) -> Any:
        row = self.table.currentRow()
        if 0 <= row < len(self.accounts):
            return self.accounts[row]
        self.error_label.setText(self.tr("请先选中一个账户"))
        return None

    def _call(self, call: Any) -> None:
        """A service call on the selected account; its refusal shown under the table."""
        try:
            call()
        except DeskError as error:
            self.error_label.setText(app_message(error.message))
            return
        self.error_label.clear()
        self.refresh()

    def add(self) -> None:
        dialog = PasswordDialog(self, self.tr("新增账户"), new_account=True)
        dialog.action = lambda d: self._desk.accounts.create(
            d.username_edit.text().strip(), d.name_edit.text().strip(), d.role_combo.currentData(),
            d.password_edit.text(),
        )  # fmt: skip
        if dialog.exec():
            self.refresh()

    def reset_password(self) -> None:
        account = self.selected()
        if account is None:
            return
        title = self.tr("重置 %1 的密码").replace("%1", account.display_name)
        dialog = PasswordDialog(self, title, new_account=False)
        dialog.action = lambda d: self._desk.accounts.set_password(account.username, d.password_edit.text())
        if dialog.exec():
            self.refresh()

    def toggle_active(self) -> None:
        account = self.selected()
        if account is not None:
            self._call(lambda: self._desk.accounts.set_active(account.username, not account.active))

    def unlock(self) -> None:
        account = self.selected()
        if account is not None:
            self._call(lambda: self._desk.accounts.unlock(account.username))
