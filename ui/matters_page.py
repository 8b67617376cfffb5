"""The matters page: search, the paged matters table, and the selected matter's page (MatterView), where
a matter is followed to its end and its slip and notices are printed."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.desk import Desk
from app.errors import DeskError
from ui import printing
from ui.app_messages import app_message
from ui.matter_view import MatterView
from ui.matters_model import MATTER_NO_ROLE, SEARCH_LIMIT, MattersTableModel
from ui.notifier import Notifier

SUMMARY_COLUMN = 6  # 事项概况 takes the room left over
SEARCH_DELAY_MS = 250  # typing pauses this long before the search runs
COLUMN_WIDTHS = (150, 56, 122, 72, 76, 80, 200, 56, 86, 64)
TABLE_WIDTH = 560  # number, status, date and names in view; the rest scrolls


class MattersPage(QWidget):
    matter_activated = Signal(str)  # the clerk opened a matter (double-click or Enter on its row)

    def __init__(
        self,
        desk: Desk,
        notifier: Notifier,
        parent: QWidget | None = None,
        *,
        lazy: bool = False,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        # lazy: the main window's hidden tab reads its first page when first shown, not before the paint
        self.model = MattersTableModel(desk.matters, desk.clock, self, load=not lazy)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._build(notifier)
        self._connect(notifier)
        self._update_count()

    def _build(self, notifier: Notifier) -> None:
        self.search_box = QLineEdit(self)
        self.search_box.setPlaceholderText(self.tr("按编号、姓名、身份证号、电话或诉求内容搜索"))
        self.search_box.setClearButtonEnabled(True)
        self.count_label = QLabel(self)
        self.table = self._build_table()
        self.detail = MatterView(self._desk, notifier, self)
        top = QHBoxLayout()
        top.addWidget(self.search_box, 1)
        top.addWidget(self.count_label)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([TABLE_WIDTH, 900])  # the matter's page is where the work is done
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    def _build_table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        for column, width in enumerate(COLUMN_WIDTHS):
            table.setColumnWidth(column, width)
        table.horizontalHeader().setSectionResizeMode(SUMMARY_COLUMN, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSortIndicator(2, Qt.SortOrder.DescendingOrder)
        table.setSortingEnabled(True)  # the model sorts in SQL
        return table

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.model.load_if_deferred()

    def _connect(self, notifier: Notifier) -> None:
        self.search_box.textChanged.connect(lambda _text: self._timer.start())
        self.search_box.returnPressed.connect(self.search_now)
        self._timer.timeout.connect(self._search_typed)
        self.table.activated.connect(self._activated)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._after_reset)
        self.model.failed.connect(self._show_failure)
        self.model.rowsInserted.connect(lambda *_: self._update_count())
        self.detail.print_requested.connect(self.print_slip)
        self.detail.preview_requested.connect(self.preview_slip)
        notifier.matters_changed.connect(self.model.refresh)

    # --- search and selection ------------------------------------------------------------------------
    def search_now(self) -> None:
        """Enter: search at once (an answer ready within the model's grace is shown before this returns)."""
        self._timer.stop()
        if self.search_box.text().strip() != self.model.search_text or self.model.requests.busy:
            self.model.set_search(self.search_box.text())

    def _search_typed(self) -> None:
        """The clerk paused typing: search in the background; typing goes on, older answers are dropped."""
        if self.search_box.text().strip() != self.model.search_text or self.model.requests.busy:
            self.model.set_search(self.search_box.text(), wait_ms=0)

    def _show_failure(self, message: str) -> None:
        self.count_label.setText(message)

    def _after_reset(self) -> None:
        """The list was read again: the matter on the right stays, selected again if it is listed."""
        self._update_count()
        shown = self.detail.matter_no
        rows = range(self.model.rowCount())
        row = next((r for r in rows if shown and self.model.matter_at(r).matter_no == shown), None)
        if row is not None:
            self.table.selectRow(row)

    def _update_count(self) -> None:
        if self.model.search_text:
            text = self.tr("找到 %1 件").replace("%1", str(self.model.total))
            if self.model.total >= SEARCH_LIMIT:
                text += self.tr("（只列出前 %1 件，请细化搜索）").replace("%1", str(SEARCH_LIMIT))
        else:
            text = self.tr("共 %1 件，已列出 %2 件").replace("%1", str(self.model.total))
            text = text.replace("%2", str(self.model.rowCount()))
        self.count_label.setText(text)

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        matter_no = str(indexes[0].data(MATTER_NO_ROLE))
        if matter_no != self.detail.matter_no:
            self.detail.show_matter(matter_no)

    def _activated(self, index: QModelIndex) -> None:
        self.matter_activated.emit(str(index.data(MATTER_NO_ROLE)))

    # --- the slip ------------------------------------------------------------------------------------
    def print_slip(self, matter_no: str) -> None:
        self._with_slip(matter_no, preview=False)

    def preview_slip(self, matter_no: str) -> None:
        self._with_slip(matter_no, preview=True)

    def _with_slip(self, matter_no: str, preview: bool) -> None:
        if not matter_no:
            return
        try:
            printing.print_slip(self._desk, matter_no, self, preview=preview)
        except (DeskError, printing.PdfPrintError) as error:
            self._warn(app_message(getattr(error, "message", str(error))))

    def _warn(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("信访接待台"), message)
