"""The 统计 tab: the weekly tally (RULES.md §6) for an ISO week or a range of days, its last twelve weeks as
a chart, the visits or matters behind any cell, and the exports (.xlsx, .csv, .pdf).

The tally is computed and written in the thread pool (ui/workers.py); the page shows a busy bar meanwhile
and never blocks. A double-click on a figure opens the drill-down; a double-click there opens the matter.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, Qt, Signal
from PySide6.QtGui import QFontMetrics, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.desk import Desk
from app.matters import MatterService
from app.records import MatterSummary, VisitSummary
from app.tally import Tally, TallyService
from app.tally.definitions import MATTER_COLUMN, column_kind
from app.tally.periods import weeks_in
from ui.notifier import Notifier
from ui.tally_chart import TrendChart
from ui.tally_comparison import comparison_text
from ui.tally_model import COLUMN_KEY_ROLE, HEADER_ROWS, ROW_KEY_ROLE, TallyTableModel
from ui.vocabulary import QT_TRANSLATE_NOOP, vocab
from ui.workers import Requests

FORMATS = {
    ".xlsx": QT_TRANSLATE_NOOP("TallyPage", "Excel 工作簿 (*.xlsx)"),
    ".csv": QT_TRANSLATE_NOOP("TallyPage", "CSV 文件 (*.csv)"),
    ".pdf": QT_TRANSLATE_NOOP("TallyPage", "PDF 文件 (*.pdf)"),
}
WEEK, RANGE = 0, 1


def cell_records(
    tally_service: TallyService, matters: MatterService, tally: Tally, row_key: str, column_key: str
) -> tuple[str, list[int], list[VisitSummary], list[MatterSummary]]:
    """What one cell counts (runs in the pool): its kind ('visit' / 'matter'), the ids, and their records."""
    ids = tally_service.cell_visits(tally, row_key, column_key)
    kind = column_kind(column_key)
    if kind == "visit":
        return kind, ids, matters.visits_by_ids(ids), []
    return kind, ids, [], matters.summaries(ids)


class DrillDownLayout:
    """The drill-down dialog's widgets."""

    def __init__(self, dialog: QDialog) -> None:
        self.heading = QLabel(dialog)
        self.heading.setWordWrap(True)
        self.table = QTableWidget(0, 6, dialog)
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("DrillDownDialog", "来访时间"),
                QCoreApplication.translate("DrillDownDialog", "事项编号"),
                QCoreApplication.translate("DrillDownDialog", "来访人"),
                QCoreApplication.translate("DrillDownDialog", "人数"),
                QCoreApplication.translate("DrillDownDialog", "形式"),
                QCoreApplication.translate("DrillDownDialog", "概况"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.note = QLabel(dialog)
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        column = QVBoxLayout(dialog)
        column.addWidget(self.heading)
        column.addWidget(self.table, 1)
        column.addWidget(self.note)
        column.addWidget(self.buttons)
        dialog.resize(900, 480)


class DrillDownDialog(QDialog):
    """The records behind one cell; a double-click (or Enter) on a visit opens its matter."""

    matter_activated = Signal(str)
    loaded = Signal()

    def __init__(
        self,
        work: Callable[[], tuple[str, list[int], list[VisitSummary], list[MatterSummary]]],
        title: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("明细：%1").replace("%1", title))
        self.ui = DrillDownLayout(self)
        self.ui.heading.setText(self.tr("正在读取……"))
        self.ui.buttons.rejected.connect(self.reject)
        self.ui.table.itemActivated.connect(self._activated)
        self.ui.table.cellDoubleClicked.connect(lambda row, _column: self._open_row(row))
        self._visits: list[VisitSummary] = []
        self._matters: list[MatterSummary] = []
        self._ids: list[int] = []
        self.kind = ""
        self._requests = Requests(self)
        self._requests.finished.connect(self._show)
        self._requests.failed.connect(self.ui.heading.setText)
        self._title = title
        self._requests.run(work)

    @property
    def visits(self) -> list[VisitSummary]:
        return list(self._visits)

    @property
    def ids(self) -> list[int]:
        return list(self._ids)

    @property
    def matter_numbers(self) -> list[str]:
        return list(dict.fromkeys(v.matter_no for v in self._visits))

    def _show(self, result: tuple[str, list[int], list[VisitSummary], list[MatterSummary]]) -> None:
        self.kind, self._ids, self._visits, self._matters = result
        rows = [self._visit_cells(v) for v in self._visits] + [self._matter_cells(m) for m in self._matters]
        table = self.ui.table
        table.setRowCount(len(rows))
        for row, (cells, matter_no) in enumerate(rows):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, matter_no)
                table.setItem(row, column, item)
        table.resizeColumnsToContents()
        what = (
            self.tr("%1：共 %2 次来访（双击一行打开其事项）")
            if self.kind == "visit"
            else self.tr("%1：共 %2 件事项（双击一行打开）")
        )
        self.ui.heading.setText(what.replace("%1", self._title).replace("%2", str(len(self._ids))))
        self.loaded.emit()

    def _visit_cells(self, visit: VisitSummary) -> tuple[list[str], str]:
        kind = vocab(visit.channel) + (self.tr("（重访）") if visit.is_repeat else "")
        when = f"{visit.visited_at:%Y-%m-%d %H:%M}"
        return [
            when,
            visit.matter_no,
            visit.persons,
            str(visit.headcount),
            kind,
            visit.summary,
        ], visit.matter_no

    def _matter_cells(self, matter: MatterSummary) -> tuple[list[str], str]:
        when = f"{matter.received_at:%Y-%m-%d %H:%M}"
        cells = [
            when,
            matter.matter_no,
            matter.persons,
            str(matter.visit_count),
            vocab(matter.status),
            matter.summary,
        ]
        return cells, matter.matter_no

    def _activated(self, item: QTableWidgetItem) -> None:
        self._open_row(item.row())

    def _open_row(self, row: int) -> None:
        item = self.ui.table.item(row, 0)
        if item is not None:
            self.matter_activated.emit(str(item.data(Qt.ItemDataRole.UserRole)))


class TallyLayout:
    """The page's widgets: the period picker and buttons, the table, the comparisons and the chart."""

    def __init__(self, page: QWidget) -> None:
        self.mode = QComboBox(page)
        self.mode.addItems(
            [
                QCoreApplication.translate("TallyPage", "按周"),
                QCoreApplication.translate("TallyPage", "按日期"),
            ]
        )
        self.year = QSpinBox(page)
        self.year.setRange(2000, 2099)
        self.year.setSuffix(QCoreApplication.translate("TallyPage", " 年"))
        self.week = QSpinBox(page)
        self.week.setRange(1, 53)
        self.week.setPrefix(QCoreApplication.translate("TallyPage", "第 "))
        self.week.setSuffix(QCoreApplication.translate("TallyPage", " 周"))
        self.first = QDateEdit(page)
        self.last = QDateEdit(page)
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.to_label = QLabel(QCoreApplication.translate("TallyPage", "至"), page)
        self.refresh = QPushButton(QCoreApplication.translate("TallyPage", "统计"), page)
        self.exports = {
            ".xlsx": QPushButton(QCoreApplication.translate("TallyPage", "导出 Excel"), page),
            ".csv": QPushButton(QCoreApplication.translate("TallyPage", "导出 CSV"), page),
            ".pdf": QPushButton(QCoreApplication.translate("TallyPage", "导出 PDF"), page),
        }
        self.busy = QProgressBar(page)
        self.busy.setRange(0, 0)  # busy: no percentage to tell
        self.busy.setMaximumWidth(140)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.status = QLabel(page)
        bar = QHBoxLayout()
        for widget in (self.mode, self.year, self.week, self.first, self.to_label, self.last, self.refresh):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.status)
        bar.addWidget(self.busy)
        for button in self.exports.values():
            bar.addWidget(button)
        self.title = QLabel(page)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.title.font()
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        self.title.setFont(font)
        self.table = QTableView(page)
        self.table.horizontalHeader().hide()
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.comparisons = QLabel(page)
        self.comparisons.setWordWrap(True)
        self.chart = TrendChart(page)
        upper = QWidget(page)
        upper_column = QVBoxLayout(upper)
        upper_column.setContentsMargins(0, 0, 0, 0)
        upper_column.addWidget(self.title)
        upper_column.addWidget(self.table, 1)
        upper_column.addWidget(self.comparisons)
        self.splitter = QSplitter(Qt.Orientation.Vertical, page)
        self.splitter.addWidget(upper)
        self.splitter.addWidget(self.chart)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        column = QVBoxLayout(page)
        column.addLayout(bar)
        column.addWidget(self.splitter, 1)


class TallyPage(QWidget):
    matter_activated = Signal(str)  # a matter opened from the drill-down
    message = Signal(str)  # for the status bar
    shown = Signal(object)  # the Tally now on the page
    exported = Signal(str)  # the path written

    def __init__(
        self, desk: Desk, notifier: Notifier, parent: QWidget | None = None, *, lazy: bool = False
    ) -> None:
        super().__init__(parent)
        self.desk, self.notifier = desk, notifier
        self.service = desk.tally
        self.ui = TallyLayout(self)
        self.model = TallyTableModel(self)
        self.ui.table.setModel(self.model)
        self.drill_dialog: DrillDownDialog | None = None
        self._computing = Requests(self)
        self._exporting = Requests(self)
        self._busy: set[str] = set()
        self._stale = False
        today = desk.clock().date()
        year, week, _ = today.isocalendar()
        self.ui.year.setValue(year)
        self.ui.week.setMaximum(weeks_in(year))
        self.ui.week.setValue(week)
        self.ui.first.setDate(QDate(today.year, today.month, 1))
        self.ui.last.setDate(QDate(today.year, today.month, today.day))
        self._connect()
        self._show_mode()
        self._load_or_wait(lazy)

    def _connect(self) -> None:
        ui = self.ui
        ui.mode.currentIndexChanged.connect(self._show_mode)
        ui.mode.currentIndexChanged.connect(self.refresh)
        ui.year.valueChanged.connect(self._year_changed)
        ui.week.valueChanged.connect(self.refresh)
        ui.first.dateChanged.connect(self.refresh)
        ui.last.dateChanged.connect(self.refresh)
        ui.refresh.clicked.connect(self.refresh)
        for suffix, button in ui.exports.items():
            button.clicked.connect(lambda _checked=False, s=suffix: self.export(s))
        ui.table.doubleClicked.connect(self.drill_down)
        self._computing.finished.connect(self._show)
        self._computing.failed.connect(self._failed)
        self._computing.busy_changed.connect(lambda busy: self._set_busy("tally", busy))
        self._exporting.finished.connect(self._exported)
        self._exporting.failed.connect(self._failed)
        self._exporting.busy_changed.connect(lambda busy: self._set_busy("export", busy))
        self.notifier.visits_changed.connect(self._mark_stale)
        self.notifier.matters_changed.connect(self._mark_stale)

    def _mark_stale(self) -> None:
        """Figures changed: recount now if the page is in sight, else when it next comes into sight."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    def _load_or_wait(self, lazy: bool) -> None:
        """Count now, or (lazy: a hidden tab of the main window) when the page first comes into sight."""
        if lazy:
            self._stale = True
        else:
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._stale:
            self.refresh()

    # --- the period ---

    @property
    def tally(self) -> Tally | None:
        return self.model.tally

    @property
    def busy(self) -> bool:
        return bool(self._busy)

    def set_week(self, year: int, week: int) -> None:
        self.ui.mode.setCurrentIndex(WEEK)
        self.ui.year.setValue(year)
        self.ui.week.setValue(week)
        self.refresh()

    def set_range(self, first: date, last: date) -> None:
        self.ui.mode.setCurrentIndex(RANGE)
        self.ui.first.setDate(QDate(first.year, first.month, first.day))
        self.ui.last.setDate(QDate(last.year, last.month, last.day))
        self.refresh()

    def period_key(self) -> str:
        if self.ui.mode.currentIndex() == WEEK:
            return f"{self.ui.year.value()}-W{self.ui.week.value():02d}"
        return f"{self._first().isoformat()}_{self._last().isoformat()}"

    def _first(self) -> date:
        value = self.ui.first.date().toPython()
        assert isinstance(value, date)
        return value

    def _last(self) -> date:
        value = self.ui.last.date().toPython()
        assert isinstance(value, date)
        return value

    def _year_changed(self, year: int) -> None:
        self.ui.week.setMaximum(weeks_in(year))
        self.refresh()

    def _show_mode(self) -> None:
        by_week = self.ui.mode.currentIndex() == WEEK
        weekly: tuple[QWidget, ...] = (self.ui.year, self.ui.week)
        daily: tuple[QWidget, ...] = (self.ui.first, self.ui.to_label, self.ui.last)
        for widget in weekly:
            widget.setVisible(by_week)
        for widget in daily:
            widget.setVisible(not by_week)

    def refresh(self) -> None:
        """Compute the tally of the period shown, in the pool; the newest request wins."""
        service = self.service
        self._stale = False
        if self.ui.mode.currentIndex() == WEEK:
            key = self.period_key()
            self._computing.run(lambda: service.week(key))
        else:
            first, last = self._first(), self._last()
            self._computing.run(lambda: service.range(first, last))

    def _show(self, tally: Tally) -> None:
        self.model.set_tally(tally)
        table = self.ui.table
        table.clearSpans()
        for row, column, rows, columns in self.model.spans:
            table.setSpan(row, column, rows, columns)
        table.resizeColumnsToContents()
        self._fit_spanned_headers()
        self.ui.title.setText(tally.title)
        self.ui.comparisons.setText(comparison_text(tally))
        self.ui.chart.set_points(tally.trend)
        self.ui.status.setText("")
        self.shown.emit(tally)

    def _fit_spanned_headers(self) -> None:
        """A pair's name spans its two columns, which resizeColumnsToContents ignores: widen the pair."""
        table = self.ui.table
        font = table.font()
        font.setBold(True)
        metrics = QFontMetrics(font)
        for row, column, _rows, columns in self.model.spans:
            if row != 0 or columns < 2:
                continue
            needed = metrics.horizontalAdvance(str(self.model.index(0, column).data())) + 16
            widths = [table.columnWidth(column + i) for i in range(columns)]
            if sum(widths) < needed:
                each = -(-needed // columns)
                for i in range(columns):
                    table.setColumnWidth(column + i, max(widths[i], each))

    def _failed(self, text: str) -> None:
        self.ui.status.setText(text)
        self.message.emit(text)

    def _set_busy(self, what: str, busy: bool) -> None:
        if busy:
            self._busy.add(what)
        else:
            self._busy.discard(what)
        self.ui.busy.setVisible(bool(self._busy))
        exporting = "export" in self._busy
        for button in self.ui.exports.values():
            button.setEnabled(not exporting)
        if exporting:
            self.ui.status.setText(self.tr("正在导出……"))

    # --- drill-down ---

    def drill_down(self, index: QModelIndex) -> DrillDownDialog | None:
        tally = self.model.tally
        if tally is None or not index.isValid() or index.row() < HEADER_ROWS or index.column() == 0:
            return None
        row_key, column_key = index.data(ROW_KEY_ROLE), index.data(COLUMN_KEY_ROLE)
        row_name = tally.rows[index.row() - HEADER_ROWS].name
        title = f"{tally.period.label} {row_name} {self._column_title(index.column())}"
        service, matters = self.service, self.desk.matters

        def work() -> tuple[str, list[int], list[VisitSummary], list[MatterSummary]]:
            return cell_records(service, matters, tally, row_key, column_key)

        dialog = DrillDownDialog(work, title, self)
        dialog.matter_activated.connect(self.matter_activated)
        dialog.finished.connect(dialog.deleteLater)
        self.drill_dialog = dialog
        dialog.open()
        return dialog

    def _column_title(self, column: int) -> str:
        key = self.model.column_key(column)
        if key in MATTER_COLUMN:
            return MATTER_COLUMN[key].header
        top = self.model.index(0, column if column % 2 == 1 else column - 1).data()
        return f"{top}{self.model.index(1, column).data()}"

    # --- exports ---

    def export(self, suffix: str) -> None:
        """Ask where, then write the tally shown in the pool."""
        tally = self.model.tally
        if tally is None:
            return
        suggested = str(Path.home() / (self.tr("信访周报表_%1").replace("%1", tally.period.key) + suffix))
        title, kind = self.tr("导出统计表"), self.tr(FORMATS[suffix])
        path, _ = QFileDialog.getSaveFileName(self, title, suggested, kind)
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != suffix:
            target = target.with_name(target.name + suffix)
        self._exporting.run(lambda: self.desk.tally.export(tally, target))  # permission-checked, audited

    def export_ledger(self) -> None:
        """The register of visits (台账) of the period shown, ID numbers masked, as .xlsx or .csv."""
        tally = self.model.tally
        if tally is None:
            return
        first, last = tally.period.first, tally.period.last
        suggested = str(Path.home() / (self.tr("来访登记台账_%1").replace("%1", tally.period.key) + ".xlsx"))
        filters = f"{self.tr(FORMATS['.xlsx'])};;{self.tr(FORMATS['.csv'])}"
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("导出台账"), suggested, filters)
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in (".xlsx", ".csv"):
            target = target.with_name(target.name + (".csv" if "csv" in chosen else ".xlsx"))
        ledger = self.desk.ledger  # permission-checked and audited as an export

        def work() -> Path:
            ledger.write(first, last, target)
            return target

        self._exporting.run(work)

    def _exported(self, path: Path) -> None:
        text = self.tr("已导出 %1").replace("%1", str(path))
        self.ui.status.setText(text)
        self.message.emit(text)
        self.exported.emit(str(path))
