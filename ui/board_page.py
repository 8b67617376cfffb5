"""The supervision board (督办台): the open matters that need attention, worst first, so that nothing runs
past its deadline unseen (未办必督).

It asks SupervisionService for the rows and the counts; it refreshes when matters change and on a timer,
since deadlines pass with time and nobody announces that. While hidden it refreshes only the counts (for
the badge) and reloads its table when shown again.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.desk import Desk
from app.errors import DeskError
from app.supervision_records import BoardRow, BoardSlice, BoardSummary, SupervisionRecord
from ui import board_parts as parts
from ui import printing, questions
from ui.app_messages import app_message
from ui.board_model import COLUMN, BoardTableModel
from ui.notifier import Notifier
from ui.signed_in import signed_in_name
from ui.vocabulary import list_separator
from ui.workers import Requests

REFRESH_MS = 3 * 60 * 1000  # deadlines pass with time: look again every three minutes
GRACE_MS = 400  # a refresh answered within this is shown at once; a slower one arrives when ready
DUBAN = "督办单"
COLUMN_WIDTHS = (140, 190, 56, 124, 124, 96, 76, 64, 220, 56)  # 包案领导, the last, stretches
SELECT_ROW = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows


class BoardPage(QWidget):
    matter_activated = Signal(str)  # open the matter (double-click, Enter or 打开事项)
    summary_changed = Signal(object)  # the BoardSummary after each refresh: the window's badge
    message = Signal(str)  # for the status bar

    def __init__(
        self,
        desk: Desk,
        notifier: Notifier,
        parent: QWidget | None = None,
        refresh_ms: int = REFRESH_MS,
        wait_ms: int = GRACE_MS,
    ) -> None:
        """``wait_ms``: the grace of the first refresh (the window gives none, and settles it later)."""
        super().__init__(parent)
        self._desk, self._notifier = desk, notifier
        self.clerk = signed_in_name(desk)  # who signs a 督办; the window keeps it current
        self.summary: BoardSummary | None = None
        self.shown_total: int | None = None  # how many rows the filter lets through (the table: the first)
        self.raise_dialog: parts.RaiseDialog | None = None
        self._stale = True
        self.model = BoardTableModel(self)
        self.summary_requests = Requests(self)
        self.summary_requests.finished.connect(self._summary_arrived)
        self.summary_requests.failed.connect(lambda text: self._say(text, error=True))
        self.row_requests = Requests(self)
        self.row_requests.finished.connect(self._rows_arrived)
        self.row_requests.failed.connect(lambda text: self._say(text, error=True))
        self._build()
        self._connect()
        self.timer = QTimer(self)
        self.timer.setInterval(refresh_ms)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        notifier.matters_changed.connect(self.refresh)
        notifier.visits_changed.connect(self.refresh)  # a repeat visit may raise a level
        self.refresh(wait_ms)

    # --- layout --------------------------------------------------------------------------------------
    def _build(self) -> None:
        names = self._desk.reference.names()
        leaders = [leader.name for leader in self._desk.cases.leaders()]
        self.filters = parts.BoardFilters(names.departments, names.clerks, leaders, self)
        self.summary_label = QLabel(self)
        self.count_label = QLabel(self)  # 显示前 N 件，共 M 件
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.table = self._build_table()
        self.department_counts = parts.CountsTable(self.tr("责任部门"), self)
        self.clerk_counts = parts.CountsTable(self.tr("首接人"), self)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(QLabel(self.tr("需关注事项：按部门"), side))
        side_layout.addWidget(self.department_counts)
        side_layout.addWidget(QLabel(self.tr("需关注事项：按首接人"), side))
        side_layout.addWidget(self.clerk_counts)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addWidget(self.summary_label)
        layout.addWidget(self._build_actions())
        layout.addWidget(self.count_label)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message_label)

    def _build_table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the service's order until a click
        table.setSortingEnabled(True)
        for column, width in zip(COLUMN.values(), COLUMN_WIDTHS, strict=False):
            table.setColumnWidth(column, width)
        header.setStretchLastSection(True)
        return table

    def _build_actions(self) -> QToolBar:
        bar = QToolBar(self)
        self.open_action = QAction(self.tr("打开事项"), self)
        self.raise_action = QAction(self.tr("督办…"), self)
        self.raise_action.setShortcut(QKeySequence("Ctrl+D"))
        self.resolve_action = QAction(self.tr("解除督办"), self)
        self.print_action = QAction(self.tr("打印督办单"), self)
        self.refresh_action = QAction(self.tr("刷新"), self)
        self.refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        for action in (self.open_action, self.raise_action, self.resolve_action, self.print_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            bar.addAction(action)
            self.table.addAction(action)
        bar.addSeparator()
        bar.addAction(self.refresh_action)
        self.refresh_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.refresh_action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        return bar

    def _connect(self) -> None:
        self.filters.changed.connect(lambda: self.refresh())
        self.department_counts.chosen.connect(self.filters.department_combo.setCurrentText)
        self.clerk_counts.chosen.connect(self.filters.clerk_combo.setCurrentText)
        self.table.activated.connect(self._activated)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.open_action.triggered.connect(self.open_selected)
        self.raise_action.triggered.connect(self.raise_selected)
        self.resolve_action.triggered.connect(self.resolve_selected)
        self.print_action.triggered.connect(self.print_selected)
        self.refresh_action.triggered.connect(lambda: self.refresh())

    # --- refreshing ----------------------------------------------------------------------------------
    def refresh(self, wait_ms: int = GRACE_MS) -> None:
        """The counts always (the badge); the table only while it can be seen. Both are read in a worker:
        an answer within ``wait_ms`` is shown at once, a slower one when it comes."""
        service = self._desk.supervision
        if self.isVisible():
            wanted = self.filters.value()
            self.row_requests.run(lambda: service.board_slice(wanted), wait_ms)
        else:
            self._stale = True
        self.summary_requests.run(service.summary, wait_ms)

    def settle(self, wait_ms: int) -> None:
        """Show the answers that come within ``wait_ms`` (the window's start-up grace)."""
        self.summary_requests.settle(wait_ms)
        self.row_requests.settle(0)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        if self._stale:
            self._reload_rows()
        super().showEvent(event)

    def _reload_rows(self, wait_ms: int = GRACE_MS) -> None:
        service, wanted = self._desk.supervision, self.filters.value()
        self._stale = False
        self.row_requests.run(lambda: service.board_slice(wanted), wait_ms)

    def _summary_arrived(self, summary: BoardSummary) -> None:
        self.summary = summary
        self._show_summary(summary)
        self.summary_changed.emit(summary)

    def _rows_arrived(self, found: BoardSlice) -> None:
        keep = self.selected_row()
        self.model.set_rows(found.rows)
        self.shown_total = found.total
        text = self.tr("显示前 %1 件，共 %2 件") if len(found.rows) < found.total else self.tr("共 %2 件")
        self.count_label.setText(text.replace("%1", str(len(found.rows))).replace("%2", str(found.total)))
        if keep is not None:
            self.select_matter(keep.matter_no)
        self._update_actions()

    def _show_summary(self, s: BoardSummary) -> None:
        levels = s.by_level
        text = (
            self.tr("超期 %1 件，临期 %2 件，红牌 %3，黄牌 %4，普通 %5（需关注共 %6 件）")
            .replace("%1", str(s.overdue))
            .replace("%2", str(s.near_due))
            .replace("%3", str(levels.get("红牌", 0)))
            .replace("%4", str(levels.get("黄牌", 0)))
            .replace("%5", str(levels.get("普通", 0)))
            .replace("%6", str(s.attention))
        )
        self.summary_label.setText(text)
        color = "#C62828" if s.overdue else "#8D6E00" if s.near_due else "#2E7D32"
        self.summary_label.setStyleSheet(f"font-size: 15px; font-weight: bold; color: {color};")
        self.department_counts.set_counts(s.by_department)
        self.clerk_counts.set_counts(s.by_clerk)

    # --- selection -----------------------------------------------------------------------------------
    def selected_row(self) -> BoardRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_matter(self, matter_no: str) -> bool:
        for row, item in enumerate(self.model.rows()):
            if item.matter_no == matter_no:
                self.table.selectionModel().select(self.model.index(row, 0), SELECT_ROW)
                self.table.setCurrentIndex(self.model.index(row, 0))
                return True
        return False

    def _update_actions(self) -> None:
        row = self.selected_row()
        for action in (self.open_action, self.raise_action, self.print_action):
            action.setEnabled(row is not None)
        self.resolve_action.setEnabled(row is not None and bool(row.supervision_ids))

    def _activated(self, index: QModelIndex) -> None:
        self.matter_activated.emit(self.model.row_at(index.row()).matter_no)

    # --- actions -------------------------------------------------------------------------------------
    def open_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.matter_activated.emit(row.matter_no)

    def raise_selected(self) -> None:
        """Open the 督办 dialog (window-modal, not blocking): it raises the 督办 itself on OK."""
        row = self.selected_row()
        if row is None:
            return
        service = self._desk.supervision
        dialog = parts.RaiseDialog(service, row.matter_no, row.summary, self.clerk, row.level, self)
        dialog.accepted.connect(lambda: self._raised(dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.raise_dialog = dialog
        dialog.open()

    def _raised(self, dialog: parts.RaiseDialog) -> None:
        if dialog.raised is not None:
            text = self.tr("已对 %1 %2督办").replace("%1", dialog.matter_no)
            self._say(text.replace("%2", dialog.raised.level))
            self._notifier.matters_changed.emit()

    def resolve_selected(self) -> None:
        row = self.selected_row()
        if row is None or not row.supervision_ids:
            return
        chosen = self._choose_supervision(row)
        if chosen is None:
            return
        try:
            self._desk.supervision.resolve(chosen.id, self.clerk)
        except DeskError as error:
            self._say(app_message(error.message), error=True)
            return
        self._say(self.tr("已解除 %1 的%2督办").replace("%1", row.matter_no).replace("%2", chosen.level))
        self._notifier.matters_changed.emit()

    def _choose_supervision(self, row: BoardRow) -> SupervisionRecord | None:
        """The one 督办 to lift: confirmed when there is one, chosen from a list when several."""
        raised = self._desk.supervision.supervisions(row.matter_no)
        open_ones = [r for r in raised if r.id in row.supervision_ids]
        if len(open_ones) != 1:
            return parts.choose_supervision(self, open_ones)
        one = open_ones[0]
        question = self.tr("解除 %1 的%2督办（%3）？").replace("%1", row.matter_no).replace("%2", one.level)
        return one if questions.ask(self, question.replace("%3", one.reason)) else None

    def print_selected(self) -> bool:
        """督办单: numbered and recorded first, then printed (the file the service returns)."""
        row = self.selected_row()
        if row is None:
            return False
        notices = self._desk.notices
        try:
            prepared = notices.prepare(row.matter_no, DUBAN)
            printed = notices.record_print(prepared, clerk=self.clerk or None)
            done = printing.print_pdf(printed.path, self, self._desk.settings.get().printer)
        except (DeskError, printing.PdfPrintError) as error:
            self._say(app_message(getattr(error, "message", str(error))), error=True)
            return False
        self._say(self.tr("已出具督办单 %1").replace("%1", list_separator().join(printed.doc_nos)))
        self._notifier.matters_changed.emit()
        return done

    def _say(self, text: str, error: bool = False) -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet("color: #C62828;" if error else "color: #2E7D32;")
        self.message.emit(text)
