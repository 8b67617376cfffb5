"""部门考核: each responsible department's record over a period (assigned, signed for on time, closed on time,
overdue, returned, repeat-visit rate, satisfaction rate) with its score and rank; exported to .xlsx, .csv or
.pdf, and printed through the preview, like the tally. Computing and writing run in the thread pool.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.desk import Desk
from app.sources.assessment_export import HEADER, unit_cells
from app.sources.records import UnitRecord
from ui import printing
from ui.notifier import Notifier
from ui.stale_page import StalePage
from ui.vocabulary import QT_TRANSLATE_NOOP, vocab
from ui.workers import Requests

NOTE = QT_TRANSLATE_NOOP(
    "AssessmentPage",
    "按时签收、按期办结、超期、退回按交办件计；重复访率为交办后又来访的件数占比；"
    "满意率为满意与基本满意占已评价件数的比例。",
)
FORMATS = {
    ".xlsx": QT_TRANSLATE_NOOP("AssessmentPage", "Excel 工作簿 (*.xlsx)"),
    ".csv": QT_TRANSLATE_NOOP("AssessmentPage", "CSV 文件 (*.csv)"),
    ".pdf": QT_TRANSLATE_NOOP("AssessmentPage", "PDF 文件 (*.pdf)"),
}


class AssessmentPage(StalePage):
    shown = Signal(list)  # the UnitRecords now on the page
    exported = Signal(str)
    message = Signal(str)

    def __init__(
        self, desk: Desk, notifier: Notifier, parent: QWidget | None = None, *, lazy: bool = False
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.units: list[UnitRecord] = []
        self._build()
        today = desk.clock().date()
        self.first.setDate(QDate(today.year, 1, 1))
        self.last.setDate(QDate(today.year, today.month, today.day))
        self._computing, self._writing = Requests(self), Requests(self)
        self._computing.finished.connect(self._show)
        self._writing.finished.connect(self._written)
        for requests in (self._computing, self._writing):
            requests.failed.connect(self._failed)
            requests.busy_changed.connect(self._busy)
        self.refresh_button.clicked.connect(self.refresh)
        for suffix, button in self.exports.items():
            button.clicked.connect(lambda _checked=False, s=suffix: self.export(s))
        self.print_button.clicked.connect(self.print_preview)
        notifier.matters_changed.connect(self._mark_stale)
        self._stale = lazy  # lazy: read when first shown (a hidden tab at start)
        if not lazy:
            self.refresh()

    def _build(self) -> None:
        self.first, self.last = QDateEdit(self), QDateEdit(self)
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.refresh_button = QPushButton(self.tr("考核"), self)
        self.exports = {
            ".xlsx": QPushButton(self.tr("导出 Excel"), self),
            ".csv": QPushButton(self.tr("导出 CSV"), self),
            ".pdf": QPushButton(self.tr("导出 PDF"), self),
        }
        self.print_button = QPushButton(self.tr("打印…"), self)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.status = QLabel(self)
        bar = QHBoxLayout()
        for widget in (
            QLabel(self.tr("期间"), self),
            self.first,
            QLabel(self.tr("至"), self),
            self.last,
            self.refresh_button,
        ):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.status)
        bar.addWidget(self.busy)
        for button in (*self.exports.values(), self.print_button):
            bar.addWidget(button)
        self.table = QTableWidget(0, len(HEADER), self)
        self.table.setHorizontalHeaderLabels([vocab(title) for title in HEADER])  # the printed form's words
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.note = QLabel(self.tr(NOTE), self)
        self.note.setWordWrap(True)
        column = QVBoxLayout(self)
        column.addLayout(bar)
        column.addWidget(self.table, 1)
        column.addWidget(self.note)

    def period(self) -> tuple[date, date]:
        first, last = self.first.date().toPython(), self.last.date().toPython()
        assert isinstance(first, date) and isinstance(last, date)
        return first, last

    def set_period(self, first: date, last: date) -> None:
        self.first.setDate(QDate(first.year, first.month, first.day))
        self.last.setDate(QDate(last.year, last.month, last.day))
        self.refresh()

    def refresh(self) -> None:
        self._stale = False
        assessment, (first, last) = self.desk.sources.assessment, self.period()
        self._computing.run(lambda: assessment.assess(first, last))

    def _show(self, units: list[UnitRecord]) -> None:
        self.units = list(units)
        self.table.setRowCount(len(units))
        for row, unit in enumerate(units):
            for column, text in enumerate(unit_cells(unit)):
                item = QTableWidgetItem(text)
                if column != 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        first, last = self.period()
        self.status.setText(
            self.tr("%1 至 %2，%3 个责任单位")
            .replace("%1", first.isoformat())
            .replace("%2", last.isoformat())
            .replace("%3", str(len(units)))
        )
        self.shown.emit(self.units)

    def _busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for button in (*self.exports.values(), self.print_button):
            button.setEnabled(not busy)

    def _failed(self, text: str) -> None:
        self.status.setText(text)
        self.message.emit(text)

    # ---- exports and printing ----

    def export(self, suffix: str, target: Path | None = None) -> None:
        """Ask where (unless told), then write the figures shown in the pool."""
        if target is None:
            first, last = self.period()
            span = f"{first:%Y%m%d}-{last:%Y%m%d}"
            suggested = str(Path.home() / (self.tr("信访工作考核_%1").replace("%1", span) + suffix))
            kind = self.tr(FORMATS[suffix])
            path, _ = QFileDialog.getSaveFileName(self, self.tr("导出考核表"), suggested, kind)
            if not path:
                return
            target = Path(path)
            if target.suffix.lower() != suffix:
                target = target.with_name(target.name + suffix)
        self._write(target, preview=False)

    def print_preview(self) -> None:
        """The same PDF as the export, written to a temporary file and shown in the print preview."""
        folder = Path(tempfile.mkdtemp(prefix="xinfang-assess-"))
        self._write(folder / "assessment.pdf", preview=True)

    def _write(self, target: Path, preview: bool) -> None:
        assessment, units, (first, last) = self.desk.sources.assessment, list(self.units), self.period()

        def work() -> tuple[Path, bool]:
            assessment.export(units, target, first, last)
            return target, preview

        self._writing.run(work)

    def _written(self, result: tuple[Path, bool]) -> None:
        path, preview = result
        if preview:
            printing.preview_pdf(path, self, self.desk.settings.get().printer)
            return
        text = self.tr("已导出 %1").replace("%1", str(path))
        self.status.setText(text)
        self.message.emit(text)
        self.exported.emit(str(path))
