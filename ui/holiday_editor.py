"""The holiday table editor (节假日表): a year's holidays and make-up workdays, edited one day at a time.

Every edit goes through HolidayService, which recomputes the open matters' deadlines in the same
transaction; the editor says how many moved and announces ``matters_changed`` so that every view reloads.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
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

from app.errors import DeskError
from app.holiday_table import SOURCE_COMPUTED, SOURCE_MANUAL, SOURCE_PACKAGE
from app.holidays import HolidayDay, HolidayService
from ui.field_errors import FieldErrors
from ui.notifier import Notifier
from ui.vocabulary import QT_TRANSLATE_NOOP, vocab, vocab_join

HEADERS = (
    QT_TRANSLATE_NOOP("HolidayEditor", "日期"),
    QT_TRANSLATE_NOOP("HolidayEditor", "星期"),
    QT_TRANSLATE_NOOP("HolidayEditor", "名称"),
    QT_TRANSLATE_NOOP("HolidayEditor", "类型"),
    QT_TRANSLATE_NOOP("HolidayEditor", "来源"),
)

SOURCES = {
    SOURCE_PACKAGE: QT_TRANSLATE_NOOP("HolidayEditor", "国务院通知"),
    SOURCE_COMPUTED: QT_TRANSLATE_NOOP("HolidayEditor", "推算（未含调休）"),
    SOURCE_MANUAL: QT_TRANSLATE_NOOP("HolidayEditor", "手工录入"),
}
OFF, WORKDAY = QT_TRANSLATE_NOOP("HolidayEditor", "放假"), QT_TRANSLATE_NOOP("HolidayEditor", "调休上班")
DONE_STYLE = "color: #2E7D32; font-weight: bold;"


class HolidayEditor(QWidget):
    def __init__(
        self,
        holidays: HolidayService,
        notifier: Notifier,
        clerk: str,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service, self._notifier, self.clerk = holidays, notifier, clerk
        self.days: list[HolidayDay] = []
        self._build(today)
        self.year_combo.currentIndexChanged.connect(self.load_year)
        self.table.itemSelectionChanged.connect(self._selected)
        self.announce_button.clicked.connect(self.toggle_announced)
        self.save_button.clicked.connect(self.save_day)
        self.remove_button.clicked.connect(self.remove_day)
        self._fill_years(today.year)

    # --- layout --------------------------------------------------------------------------------------
    def _build(self, today: date) -> None:
        self.year_combo = QComboBox(self)
        self.announced_label = QLabel(self)
        self.announce_button = QPushButton(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("年份"), self))
        top.addWidget(self.year_combo)
        top.addWidget(self.announced_label, 1)
        top.addWidget(self.announce_button)
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setHorizontalHeaderLabels([self.tr(h) for h in HEADERS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.date_edit = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(self.tr("如：春节；调休上班日填所服务的节日"))
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItems([self.tr(OFF), self.tr(WORKDAY)])
        self.errors = FieldErrors(self, ("day", "name", "workday", "clerk"))
        self.save_button = QPushButton(self.tr("保存此日"), self)
        self.remove_button = QPushButton(self.tr("删除此日"), self)
        self.result_label = QLabel(self)
        self.result_label.setStyleSheet(DONE_STYLE)
        form = QFormLayout()
        for text, field, name in (
            (self.tr("日期"), self.date_edit, "day"),
            (self.tr("名称"), self.name_edit, "name"),
            (self.tr("类型"), self.kind_combo, "workday"),
        ):
            form.addRow(text, _beside(field, self.errors.label(name)))
        buttons = QHBoxLayout()
        buttons.addWidget(self.result_label, 1)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.errors.label("clerk"))
        layout.addWidget(self.errors.label())
        layout.addLayout(buttons)

    # --- typed properties ----------------------------------------------------------------------------
    @property
    def year(self) -> int:
        return int(self.year_combo.currentData())

    @property
    def day(self) -> date:
        chosen = self.date_edit.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    @day.setter
    def day(self, value: date) -> None:
        self.date_edit.setDate(QDate(value.year, value.month, value.day))

    @property
    def workday(self) -> bool:
        return self.kind_combo.currentIndex() == 1

    @workday.setter
    def workday(self, value: bool) -> None:
        self.kind_combo.setCurrentIndex(1 if value else 0)

    def show_year(self, year: int) -> None:
        index = self.year_combo.findData(year)
        if index < 0:
            self._fill_years(year)
        else:
            self.year_combo.setCurrentIndex(index)

    # --- loading -------------------------------------------------------------------------------------
    def _fill_years(self, wanted: int) -> None:
        years = sorted({*self._service.years(), wanted})
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for year in years:
            self.year_combo.addItem(self.tr("%1年").replace("%1", str(year)), year)
        self.year_combo.setCurrentIndex(years.index(wanted))
        self.year_combo.blockSignals(False)
        self.load_year()

    def load_year(self) -> None:
        self.days = self._service.days(self.year)
        self.table.setRowCount(len(self.days))
        for row, d in enumerate(self.days):
            kind = WORKDAY if d.workday else OFF
            source = SOURCES.get(d.source, d.source)
            name = vocab_join(d.name.split("、"))
            texts = (d.day.isoformat(), vocab(d.weekday), name, self.tr(kind), self.tr(source))
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if d.workday:
                    item.setForeground(Qt.GlobalColor.darkBlue)
                self.table.setItem(row, column, item)
        announced = self._service.years().get(self.year, False)
        status = self.tr("已公布") if announced else self.tr("未公布：按法定节假日推算，未含调休")
        heading = self.tr("%1年安排：%2").replace("%1", str(self.year))
        self.announced_label.setText(heading.replace("%2", status))
        self.announce_button.setText(self.tr("标记为未公布") if announced else self.tr("标记为已公布"))

    def _selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            chosen = self.days[rows[0].row()]
            self.day, self.workday = chosen.day, chosen.workday
            self.name_edit.setText(chosen.name)

    # --- edits ---------------------------------------------------------------------------------------
    def save_day(self) -> int | None:
        day, name, workday = self.day, self.name_edit.text(), self.workday
        return self._edit(lambda: self._service.set_day(day, name, workday, self.clerk), day)

    def remove_day(self) -> int | None:
        day = self.day
        return self._edit(lambda: self._service.remove_day(day, self.clerk), day)

    def toggle_announced(self) -> int | None:
        announced = not self._service.years().get(self.year, False)
        year = self.year
        return self._edit(lambda: self._service.mark_announced(year, self.clerk, announced), date(year, 1, 1))

    def _edit(self, change: Callable[[], int], shown: date) -> int | None:
        """One edit through the service; the number of deadlines it moved, or None when refused."""
        try:
            moved = change()
        except DeskError as error:
            self.errors.show_error(error)
            self.result_label.clear()
            return None
        self.errors.clear()
        self.show_year(shown.year)
        self.load_year()
        self.result_label.setText(self.tr("已重新计算：%1 个期限随之调整").replace("%1", str(moved)))
        self._notifier.matters_changed.emit()
        return moved


def _beside(field: QWidget, error: QLabel) -> QWidget:
    """The field with its error message right of it."""
    box = QWidget(field.parentWidget())
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(field, 1)
    row.addWidget(error, 1)
    return box
