"""领导与接访日 (文件 menu): the leaders who take charge of matters, and their reception days (领导接访日).

Two halves: the leaders' list with a line to add one (name and title), and the schedule between two dates
with a line to add a day for a leader at a place. Each 添加 is one service call; the service's message
(a name already used, a day already held) shows under its half, and what was typed stays.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.cases import CaseService
from app.errors import DeskError, ValidationError
from ui.app_messages import app_message
from ui.vocabulary import clause_separator

SCHEDULE_DAYS = 60  # the schedule shown at first: today and the next two months


def _table(parent: QWidget, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for row, cells in enumerate(rows):
        for column, text in enumerate(cells):
            table.setItem(row, column, QTableWidgetItem(text))


def _text(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text() if item is not None else ""


def date_edit(parent: QWidget, value: date) -> QDateEdit:
    edit = QDateEdit(QDate(value.year, value.month, value.day), parent)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    return edit


def read_date(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


def write_date(edit: QDateEdit, value: date) -> None:
    edit.setDate(QDate(value.year, value.month, value.day))


def _error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setStyleSheet("color: #C62828;")
    label.setWordWrap(True)
    label.hide()
    return label


def _message(error: DeskError) -> str:
    if isinstance(error, ValidationError):
        return clause_separator().join(app_message(e.message) for e in error.errors)
    return app_message(error.message)


class LeadersDialog(QDialog):
    changed = Signal()  # a leader or a reception day was added

    def __init__(self, cases: CaseService, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cases = cases
        self.setWindowTitle(self.tr("领导与接访日"))
        layout = QVBoxLayout(self)
        layout.addWidget(self._leaders_box(), 2)
        layout.addWidget(self._schedule_box(today), 3)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 620)
        self.refresh()

    # --- layout -----------------------------------------------------------------------------------------
    def _leaders_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("领导"), self)
        self.leaders_table = _table(box, [self.tr("姓名"), self.tr("职务")])
        self.name_edit, self.title_edit = QLineEdit(box), QLineEdit(box)
        self.name_edit.setPlaceholderText(self.tr("姓名"))
        self.title_edit.setPlaceholderText(self.tr("职务，如：副县长"))
        self.add_leader_button = QPushButton(self.tr("添加领导"), box)
        self.add_leader_button.clicked.connect(self.add_leader)
        self.leader_error = _error_label(box)
        row = QHBoxLayout()
        row.addWidget(self.name_edit, 1)
        row.addWidget(self.title_edit, 2)
        row.addWidget(self.add_leader_button)
        column = QVBoxLayout(box)
        column.addWidget(self.leaders_table, 1)
        column.addLayout(row)
        column.addWidget(self.leader_error)
        return box

    def _schedule_box(self, today: date) -> QGroupBox:
        box = QGroupBox(self.tr("领导接访日"), self)
        self.first_edit = date_edit(box, today)
        self.last_edit = date_edit(box, today + timedelta(days=SCHEDULE_DAYS))
        for edit in (self.first_edit, self.last_edit):
            edit.dateChanged.connect(self.show_schedule)
        span = QHBoxLayout()
        span.addWidget(QLabel(self.tr("从"), box))
        span.addWidget(self.first_edit)
        span.addWidget(QLabel(self.tr("到"), box))
        span.addWidget(self.last_edit)
        span.addStretch(1)
        headers = [self.tr("日期"), self.tr("接访领导"), self.tr("职务"), self.tr("地点")]
        self.days_table = _table(box, headers)
        self.leader_combo = QComboBox(box)
        self.day_edit = date_edit(box, today)
        self.place_edit = QLineEdit(box)
        self.place_edit.setPlaceholderText(self.tr("地点，如：县信访局接待大厅"))
        self.add_day_button = QPushButton(self.tr("安排接访日"), box)
        self.add_day_button.clicked.connect(self.add_reception_day)
        self.day_error = _error_label(box)
        row = QHBoxLayout()
        row.addWidget(self.leader_combo, 1)
        row.addWidget(self.day_edit)
        row.addWidget(self.place_edit, 2)
        row.addWidget(self.add_day_button)
        column = QVBoxLayout(box)
        column.addLayout(span)
        column.addWidget(self.days_table, 1)
        column.addLayout(row)
        column.addWidget(self.day_error)
        return box

    # --- typed properties -------------------------------------------------------------------------------
    @property
    def leader_names(self) -> list[str]:
        items = (self.leaders_table.item(r, 0) for r in range(self.leaders_table.rowCount()))
        return [item.text() for item in items if item is not None]

    @property
    def schedule(self) -> list[tuple[str, str, str]]:
        """(date, leader, place) of each row shown."""
        table = self.days_table
        return [(_text(table, r, 0), _text(table, r, 1), _text(table, r, 3)) for r in range(table.rowCount())]

    @property
    def first(self) -> date:
        return read_date(self.first_edit)

    @first.setter
    def first(self, value: date) -> None:
        write_date(self.first_edit, value)

    @property
    def last(self) -> date:
        return read_date(self.last_edit)

    @last.setter
    def last(self, value: date) -> None:
        write_date(self.last_edit, value)

    @property
    def day(self) -> date:
        return read_date(self.day_edit)

    @day.setter
    def day(self, value: date) -> None:
        write_date(self.day_edit, value)

    @property
    def leader_error_text(self) -> str:
        return self.leader_error.text() if not self.leader_error.isHidden() else ""

    @property
    def day_error_text(self) -> str:
        return self.day_error.text() if not self.day_error.isHidden() else ""

    # --- behaviour --------------------------------------------------------------------------------------
    def refresh(self) -> None:
        leaders = self._cases.leaders()
        _fill(self.leaders_table, [[x.name, x.title] for x in leaders])
        chosen = self.leader_combo.currentText()
        self.leader_combo.clear()
        self.leader_combo.addItems([x.name for x in leaders])
        self.leader_combo.setCurrentIndex(max(0, self.leader_combo.findText(chosen)))
        self.show_schedule()

    def show_schedule(self) -> None:
        days = self._cases.reception_days(self.first, self.last) if self.first <= self.last else []
        _fill(self.days_table, [[f"{d.day:%Y-%m-%d}", d.leader, d.title, d.place] for d in days])

    def add_leader(self) -> None:
        try:
            self._cases.add_leader(self.name_edit.text(), self.title_edit.text())
        except DeskError as error:
            self._show(self.leader_error, _message(error))
            return
        self.leader_error.hide()
        self.name_edit.clear()
        self.title_edit.clear()
        self.refresh()
        self.changed.emit()

    def add_reception_day(self) -> None:
        try:
            self._cases.schedule_reception_day(
                self.leader_combo.currentText(), self.day, self.place_edit.text()
            )
        except DeskError as error:
            self._show(self.day_error, _message(error))
            return
        self.day_error.hide()
        self.place_edit.clear()
        if not self.first <= self.day <= self.last:  # show the day just added
            self.first, self.last = min(self.first, self.day), max(self.last, self.day)
        self.show_schedule()
        self.changed.emit()

    @staticmethod
    def _show(label: QLabel, message: str) -> None:
        label.setText(message)
        label.show()
