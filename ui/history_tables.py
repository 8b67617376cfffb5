"""The two tables of the history panel: a person's open matters and earlier visits. Read-only, no queries."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from app.records import MatterSummary, VisitSummary
from ui.vocabulary import vocab

OPEN_BACKGROUND = QColor("#FFF4CE")  # open matters stand out: the clerk must not register them twice
MATTER_NO_ROLE = Qt.ItemDataRole.UserRole


def make_table(headers: list[str], parent: QWidget | None = None, stretch: int = -1) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(24)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch if stretch >= 0 else len(headers) - 1, QHeaderView.ResizeMode.Stretch)
    return table


def _item(text: str, tooltip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setToolTip(tooltip or text)
    return item


def fill_matters(table: QTableWidget, matters: list[MatterSummary]) -> None:
    """Number, status, summary, first clerk, deadline, visit count; the number kept in the row's data."""
    table.setRowCount(0)
    for matter in matters:
        row = table.rowCount()
        table.insertRow(row)
        cells = [
            matter.matter_no,
            vocab(matter.status),
            matter.summary,
            matter.first_clerk,
            f"{matter.notice_deadline:%Y-%m-%d}",
            str(matter.visit_count),
        ]
        for column, text in enumerate(cells):
            item = _item(text)
            item.setBackground(QBrush(OPEN_BACKGROUND))
            item.setData(MATTER_NO_ROLE, matter.matter_no)
            table.setItem(row, column, item)


def fill_visits(table: QTableWidget, visits: list[VisitSummary]) -> None:
    """Date, matter number, channel, headcount, clerk, summary — newest first, as the service gives them."""
    table.setRowCount(0)
    for visit in visits:
        row = table.rowCount()
        table.insertRow(row)
        repeat = QCoreApplication.translate("HistoryPanel", "（重访）") if visit.is_repeat else ""
        cells = [
            f"{visit.visited_at:%Y-%m-%d}",
            visit.matter_no,
            vocab(visit.channel),
            str(visit.headcount),
            visit.clerk,
            visit.summary + repeat,
        ]
        for column, text in enumerate(cells):
            table.setItem(row, column, _item(text))


def matter_no_at(table: QTableWidget, row: int) -> str | None:
    item = table.item(row, 0)
    value = item.data(MATTER_NO_ROLE) if item is not None else None
    return value if isinstance(value, str) else None
