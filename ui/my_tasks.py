"""我的待办: on the start screen, the window clerk's own matters (as first clerk) that need attention.

The same rows and colours as the supervision board, fewer columns; double-click or Enter opens the matter.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from app.desk import Desk
from ui.board_model import COLUMN, BoardTableModel
from ui.board_page import REFRESH_MS
from ui.notifier import Notifier

SHOWN = ("编号", "概况", "期限事项", "剩余天数", "督办级别")


class MyTasksPanel(QWidget):
    matter_activated = Signal(str)

    def __init__(
        self, desk: Desk, notifier: Notifier, parent: QWidget | None = None, refresh_ms: int = REFRESH_MS
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self.clerk = desk.settings.get().clerk_name
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
        self.refresh()

    def set_clerk(self, name: str) -> None:
        if name.strip() != self.clerk:
            self.clerk = name.strip()
            self.refresh()

    def refresh(self) -> None:
        rows = self._desk.supervision.mine(self.clerk) if self.clerk else []
        self.model.set_rows(rows)
        overdue = sum(r.state == "超期" for r in rows)
        if not self.clerk:
            text = self.tr("我的待办：请先在设置中填写接待人")
        elif not rows:
            text = self.tr("我的待办（%1）：没有临期或超期的事项").replace("%1", self.clerk)
        else:
            text = (
                self.tr("我的待办（%1）：%2 件需关注，其中超期 %3 件")
                .replace("%1", self.clerk)
                .replace("%2", str(len(rows)))
                .replace("%3", str(overdue))
            )
        self.title.setText(text)
        self.title.setStyleSheet("font-weight: bold; color: #C62828;" if overdue else "font-weight: bold;")

    def _activated(self, index: QModelIndex) -> None:
        self.matter_activated.emit(self.model.row_at(index.row()).matter_no)
