"""First run (no account yet): the agency, its townships and departments, and the administrator account.

Prefilled from the seeded example county; the lists are edited one name a line. OK calls
desk.setup.first_run in one transaction; refused fields show their message under the field.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.desk import Desk
from app.errors import DeskError, FieldError, ValidationError
from ui.field_errors import FieldErrors

FIELDS = (
    "agency_name",
    "agency_code",
    "townships",
    "departments",
    "admin_username",
    "admin_name",
    "admin_password",
    "admin_password_again",
)
ACCOUNT_FIELDS = {"username": "admin_username", "display_name": "admin_name", "password": "admin_password"}


class FirstRunDialog(QDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self.errors = FieldErrors(self, FIELDS)
        self._build()
        self._prefill()

    # --- layout --------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.setWindowTitle(self.tr("首次使用：设置单位与管理员"))
        intro = QLabel(self.tr("本数据库还没有任何账户。请确认单位信息，并设置管理员账户。"), self)
        intro.setWordWrap(True)
        self.name_edit, self.code_edit = QLineEdit(self), QLineEdit(self)
        self.townships_edit, self.departments_edit = QPlainTextEdit(self), QPlainTextEdit(self)
        self.username_edit, self.display_edit = QLineEdit(self), QLineEdit(self)
        self.password_edit, self.again_edit = QLineEdit(self), QLineEdit(self)
        for edit in (self.password_edit, self.again_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        lists = QHBoxLayout()
        lists.addWidget(self._list_box(self.tr("乡镇（街道），每行一个"), self.townships_edit, "townships"))
        lists.addWidget(self._list_box(self.tr("县直部门，每行一个"), self.departments_edit, "departments"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("完成设置"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("退出"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self._agency_box())
        layout.addLayout(lists, 1)
        layout.addWidget(self._admin_box())
        layout.addWidget(self.errors.label())
        layout.addWidget(self.buttons)
        self.resize(720, 640)

    def _agency_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("单位"), self)
        form = QFormLayout(box)
        self._row(form, self.tr("单位名称"), self.name_edit, "agency_name")
        self._row(form, self.tr("机关代字"), self.code_edit, "agency_code")
        return box

    def _admin_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("管理员账户"), self)
        form = QFormLayout(box)
        self._row(form, self.tr("用户名"), self.username_edit, "admin_username")
        self._row(form, self.tr("姓名"), self.display_edit, "admin_name")
        self._row(form, self.tr("密码"), self.password_edit, "admin_password")
        self._row(form, self.tr("再次输入密码"), self.again_edit, "admin_password_again")
        return box

    def _list_box(self, title: str, edit: QPlainTextEdit, name: str) -> QGroupBox:
        box = QGroupBox(title, self)
        column = QVBoxLayout(box)
        column.addWidget(edit, 1)
        column.addWidget(self.errors.label(name))
        return box

    def _row(self, form: QFormLayout, text: str, field: QWidget, name: str) -> None:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        column.addWidget(self.errors.label(name))
        form.addRow(text, box)

    def _prefill(self) -> None:
        defaults = self._desk.setup.defaults()
        self.name_edit.setText(defaults.agency_name)
        self.code_edit.setText(defaults.agency_code)
        self.townships_edit.setPlainText("\n".join(defaults.townships))
        self.departments_edit.setPlainText("\n".join(defaults.departments))
        self.username_edit.setFocus()

    # --- typed values ----------------------------------------------------------------------------------
    @property
    def townships(self) -> list[str]:
        return _lines(self.townships_edit)

    @property
    def departments(self) -> list[str]:
        return _lines(self.departments_edit)

    def field_error(self, name: str) -> str:
        return self.errors.text(name)

    # --- behaviour -------------------------------------------------------------------------------------
    def accept(self) -> None:
        """Both passwords must match here (a typing slip); everything else is the service's to judge."""
        self.errors.show({})
        if self.password_edit.text() != self.again_edit.text():
            self.errors.show({"admin_password_again": self.tr("两次输入的密码不一致")})
            return
        try:
            self._desk.setup.first_run(
                agency_name=self.name_edit.text(),
                agency_code=self.code_edit.text(),
                townships=self.townships,
                departments=self.departments,
                admin_username=self.username_edit.text().strip(),
                admin_name=self.display_edit.text().strip(),
                admin_password=self.password_edit.text(),
            )
        except ValidationError as error:  # the account's own rules name its fields without the admin_ prefix
            named = [FieldError(ACCOUNT_FIELDS.get(e.field, e.field), e.message) for e in error.errors]
            self.errors.show_error(ValidationError(named))
            return
        except DeskError as error:
            self.errors.show_error(error)
            return
        super().accept()


def _lines(edit: QPlainTextEdit) -> list[str]:
    return [line.strip() for line in edit.toPlainText().splitlines() if line.strip()]
