"""我的待办: on the start screen, the window clerk's own matters (as first clerk) that need attention.

The same rows and colours as the supervision board, fewer columns; double-click or Enter opens the matter.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from app.desk import Desk
from app.supervision_records import BoardSlice
from ui.board_model import COLUMN, BoardTableModel
from ui.board_page import GRACE_MS, REFRESH_MS
from ui.notifier import Notifier
from ui.signed_in import signed_in_name
from ui.workers import Requests

SHOWN = ("编号", "概况", "期限事项", "剩余天数", "督办级别")


class MyTasksPanel(QWidget):
    matter_activated = Signal(str)

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
        self._desk = desk
        self.clerk = signed_in_name(desk)
        self.requests = Requests(self)
        self.requests.finished.connect(self._arrived)
        self.requests.failed.connect(self._failed)
        self.model = BoardTableModel(self)
        self.title = QLabel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        for name, column in COLUMN.items():
            self.table.setColumnHidden(column, name not in SHOWN)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMN["概况"], QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.table)
        self.table.activated.connect(self._activated)
        notifier.matters_changed.connect(self.refresh)
        notifier.visits_changed.connect(self.refresh)
        self.timer = QTimer(self)
        self.timer.setInterval(refresh_ms)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.refresh(wait_ms)

    def set_clerk(self, name: str) -> None:
        if name.strip() != self.clerk:
            self.clerk = name.strip()
            self.refresh()

    def refresh(self, wait_ms: int = GRACE_MS) -> None:
        """Read the clerk's worst matters in a worker: an answer within ``wait_ms`` is shown at once."""
        clerk, service = self.clerk, self._desk.supervision
        if not clerk:
            self.requests.cancel()  # an answer for the previous clerk, still coming, is dropped
            self._arrived(BoardSlice([], 0, 0))
            return
        self.requests.run(lambda: service.mine_slice(clerk), wait_ms)

    def settle(self, wait_ms: int) -> None:
        """Show the answer if it comes within ``wait_ms`` (the window's start-up grace)."""
        self.requests.settle(wait_ms)

    def _arrived(self, found: BoardSlice) -> None:
        self.model.set_rows(found.rows)
        if not self.clerk:
            text = self.tr("我的待办：请先在设置中填写接待人")
        elif not found.total:
            text = self.tr("我的待办（%1）：没有临期或超期的事项").replace("%1", self.clerk)
        else:
            text = (
                self.tr("我的待办（%1）：%2 件需关注，其中超期 %3 件")
                .replace("%1", self.clerk)
                .replace("%2", str(found.total))
                .replace("%3", str(found.overdue))
            )
            if len(found.rows) < found.total:
                text += self.tr("（显示最紧急的 %1 件）").replace("%1", str(len(found.rows)))
        self.title.setText(text)
        style = "font-weight: bold; color: #C62828;" if found.overdue else "font-weight: bold;"
        self.title.setStyleSheet(style)

    def _failed(self, message: str) -> None:
        self.title.setText(message)
        self.title.setStyleSheet("color: #C62828;")

    def _activated(self, index: QModelIndex) -> None:
        self.matter_activated.emit(self.model.row_at(index.row()).matter_no)
