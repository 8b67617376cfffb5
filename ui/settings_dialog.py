"""The agency settings: name, numbering code, window phone, printer, slip layout; the clerk at the window is
the signed-in account, shown read-only (events are signed by the account, never by a typed name).

The layout is built in `_build`; loading, the live number preview and saving are separate. OK saves through
SettingsService; a ValidationError shows each message under its field and keeps the dialog open.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.intake import format_matter_no
from app.language import LANGUAGES, LanguageSetting
from app.settings import AgencySettings, SettingsService
from ui.app_messages import app_message

TEXT_FIELDS = ("agency_name", "agency_code", "window_phone", "printer", "slip_layout", "clerk_name")
NUMBER_FIELDS = ("idle_lock_minutes", "lockout_failures", "lockout_minutes")  # ranges checked by the service
FIELDS = TEXT_FIELDS + NUMBER_FIELDS
ERROR_STYLE = "color: #C62828;"


class SettingsDialog(QDialog):
    settings_saved = Signal(object)  # the AgencySettings as saved (cleaned by the service)

    def __init__(
        self,
        settings_service: SettingsService,
        parent: QWidget | None = None,
        printers: list[str] | None = None,
        year: int | None = None,
        language: LanguageSetting | None = None,
        clerk: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = settings_service
        self._language = language
        self._year = year or date.today().year
        self.saved: AgencySettings | None = None
        self.language_changed = False
        self._build(QPrinterInfo.availablePrinterNames() if printers is None else printers)
        self.code_edit.textChanged.connect(self._update_preview)
        self._loaded = settings_service.get()
        self._load(self._loaded)
        if clerk is not None:  # the signed-in account: not typed here
            self.clerk_name = clerk
            self.clerk_edit.setReadOnly(True)
            self.clerk_edit.setToolTip(self.tr("接待人即当前登录的账户"))

    # --- layout --------------------------------------------------------------------------------------
    def _build(self, printers: list[str]) -> None:
        self.setWindowTitle(self.tr("单位与打印设置"))
        self.name_edit = QLineEdit(self)
        self.code_edit = QLineEdit(self)
        self.number_preview = QLabel(self)
        self.phone_edit = QLineEdit(self)
        self.printer_combo = QComboBox(self)
        self.printer_combo.addItem(self.tr("系统默认"), "")
        for name in printers:
            self.printer_combo.addItem(name, name)
        self.layout_combo = QComboBox(self)
        self.layout_combo.addItem(self.tr("A4"), "a4")
        self.layout_combo.addItem(self.tr("80毫米热敏"), "thermal")
        self.clerk_edit = QLineEdit(self)
        self.spins = {name: self._spin() for name in NUMBER_FIELDS}
        self.error_labels = {name: self._error_label() for name in FIELDS}
        form = QFormLayout()
        self._row(form, self.tr("单位名称"), self.name_edit, "agency_name")
        self._row(form, self.tr("机关代字"), self.code_edit, "agency_code", self.number_preview)
        self._row(form, self.tr("窗口电话"), self.phone_edit, "window_phone")
        self._row(form, self.tr("打印机"), self.printer_combo, "printer")
        self._row(form, self.tr("回执版式"), self.layout_combo, "slip_layout")
        self._row(form, self.tr("接待人"), self.clerk_edit, "clerk_name")
        self._language_row(form)
        self._row(
            form, self.tr("空闲锁定（分钟，0为不锁定）"), self.spins["idle_lock_minutes"], "idle_lock_minutes"
        )
        self._row(form, self.tr("连续输错密码锁定（次）"), self.spins["lockout_failures"], "lockout_failures")
        self._row(form, self.tr("账号锁定时长（分钟）"), self.spins["lockout_minutes"], "lockout_minutes")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def _language_row(self, form: QFormLayout) -> None:
        """This window's language: read at start-up, so a change shows from the next start."""
        self.language_combo = QComboBox(self)
        for code, name in LANGUAGES.items():
            self.language_combo.addItem(name, code)
        if self._language is None:  # no file to keep it in (a test, a tool): no row
            self.language_combo.hide()
            return
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(self._language.get())))
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.language_combo)
        column.addWidget(QLabel(self.tr("界面语言在下次启动程序时生效"), self))
        form.addRow(self.tr("界面语言"), box)

    @property
    def language(self) -> str:
        return str(self.language_combo.currentData())

    def _save_language(self) -> bool:
        """Save the language when it changed; True when the next start will show another one."""
        if self._language is None or self.language == self._language.get():
            return False
        self._language.save(self.language)
        return True

    def _spin(self) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(0, 9999)  # wide on purpose: the service says what is allowed, under the field
        return spin

    def _error_label(self) -> QLabel:
        label = QLabel(self)
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        return label

    def _row(
        self, form: QFormLayout, text: str, field: QWidget, name: str, note: QLabel | None = None
    ) -> None:
        """The field with its note and its error message right under it, in one form row."""
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        if note is not None:
            column.addWidget(note)
        column.addWidget(self.error_labels[name])
        form.addRow(text, box)

    # --- typed properties (the form's values) --------------------------------------------------------
    @property
    def agency_name(self) -> str:
        return self.name_edit.text()

    @agency_name.setter
    def agency_name(self, value: str) -> None:
        self.name_edit.setText(value)

    @property
    def agency_code(self) -> str:
        return self.code_edit.text()

    @agency_code.setter
    def agency_code(self, value: str) -> None:
        self.code_edit.setText(value)

    @property
    def window_phone(self) -> str:
        return self.phone_edit.text()

    @window_phone.setter
    def window_phone(self, value: str) -> None:
        self.phone_edit.setText(value)

    @property
    def printer(self) -> str:
        """The printer's name; empty for the system default."""
        return str(self.printer_combo.currentData() or "")

    @printer.setter
    def printer(self, value: str) -> None:
        if self.printer_combo.findData(value) < 0:  # saved earlier, not connected now: keep it
            self.printer_combo.addItem(self.tr("%1（未连接）").replace("%1", value), value)
        self.printer_combo.setCurrentIndex(self.printer_combo.findData(value))

    @property
    def slip_layout(self) -> str:
        return str(self.layout_combo.currentData())

    @slip_layout.setter
    def slip_layout(self, value: str) -> None:
        self.layout_combo.setCurrentIndex(max(0, self.layout_combo.findData(value)))

    @property
    def clerk_name(self) -> str:
        return self.clerk_edit.text()

    @clerk_name.setter
    def clerk_name(self, value: str) -> None:
        self.clerk_edit.setText(value)

    @property
    def idle_lock_minutes(self) -> int:
        return self.spins["idle_lock_minutes"].value()

    @idle_lock_minutes.setter
    def idle_lock_minutes(self, value: int) -> None:
        self.spins["idle_lock_minutes"].setValue(int(value))

    @property
    def lockout_failures(self) -> int:
        return self.spins["lockout_failures"].value()

    @lockout_failures.setter
    def lockout_failures(self, value: int) -> None:
        self.spins["lockout_failures"].setValue(int(value))

    @property
    def lockout_minutes(self) -> int:
        return self.spins["lockout_minutes"].value()

    @lockout_minutes.setter
    def lockout_minutes(self, value: int) -> None:
        self.spins["lockout_minutes"].setValue(int(value))

    def values(self) -> AgencySettings:
        """The dialog's fields over the settings as loaded (values it does not show are kept)."""
        return replace(self._loaded, **{name: getattr(self, name) for name in FIELDS})

    def field_error(self, name: str) -> str:
        """The message shown under a field ('' when none)."""
        return self.error_labels[name].text()

    # --- behaviour -----------------------------------------------------------------------------------
    def _load(self, settings: AgencySettings) -> None:
        for name in FIELDS:
            setattr(self, name, getattr(settings, name))
        self._update_preview()

    def _update_preview(self) -> None:
        code = self.agency_code.strip() or self.tr("（机关代字）")
        example = format_matter_no(code, self._year, 1)
        self.number_preview.setText(self.tr("编号示例：%1").replace("%1", example))

    def show_errors(self, errors: dict[str, str]) -> None:
        for name, label in self.error_labels.items():
            label.setText(errors.get(name, ""))
            label.setVisible(name in errors)
        first = next((name for name in FIELDS if name in errors), None)
        if first is not None:
            self._field_widget(first).setFocus()

    def _field_widget(self, name: str) -> QWidget:
        widgets: dict[str, QWidget] = {
            "agency_name": self.name_edit,
            "agency_code": self.code_edit,
            "window_phone": self.phone_edit,
            "printer": self.printer_combo,
            "slip_layout": self.layout_combo,
            "clerk_name": self.clerk_edit,
            **self.spins,
        }
        return widgets[name]

    def accept(self) -> None:
        """Save through the service; stay open and show the messages when a value is refused."""
        try:
            self.saved = self._service.save(self.values())
        except ValidationError as error:
            self.show_errors({e.field: app_message(e.message) for e in error.errors})
            return
        self.show_errors({})
        self.language_changed = self._save_language()
        self.settings_saved.emit(self.saved)
        super().accept()
