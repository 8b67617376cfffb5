"""Today's visits at the window, newest registrations included as soon as they are saved."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from app.desk import Desk
from app.records import VisitSummary
from ui.notifier import Notifier
from ui.visits_model import MATTER_NO_ROLE, VisitsTableModel
from ui.workers import Requests

GRACE_MS = 150  # today's visits read within this are shown at once


class TodayPanel(QWidget):
    matter_activated = Signal(str)  # the clerk opened the matter of a visit (double-click or Enter)

    def __init__(
        self,
        desk: Desk,
        notifier: Notifier,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._clock = desk.clock
        self.model = VisitsTableModel(self)
        self.requests = Requests(self)
        self.requests.finished.connect(self._show)
        self.requests.failed.connect(self._show_failure)
        self._build()
        self.table.activated.connect(self._activated)
        notifier.visits_changed.connect(self.refresh)
        self.refresh()

    def _build(self) -> None:
        self.title = QLabel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.table)

    @property
    def today(self) -> date:
        now = self._clock()
        return now.date() if isinstance(now, datetime) else now

    def refresh(self) -> None:
        """Read today's visits in a worker; they are shown when they arrive (at once if quick)."""
        matters, today = self._desk.matters, self.today
        self.requests.run(lambda: matters.visits_on(today), GRACE_MS)

    def _show_failure(self, message: str) -> None:
        self.title.setText(message)

    def _show(self, visits: list[VisitSummary]) -> None:
        self.model.set_visits(visits)
        self.title.setText(
            self.tr("今日来访 %1：%2 批，%3 人次")
            .replace("%1", f"{self.today:%Y-%m-%d}")
            .replace("%2", str(self.model.rowCount()))
            .replace("%3", str(self.model.headcount))
        )

    def _activated(self, index: QModelIndex) -> None:
        self.matter_activated.emit(str(index.data(MATTER_NO_ROLE)))
