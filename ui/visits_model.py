"""Today's visits as a small table model: a day has at most a few hundred visits, held all at once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from app.records import VisitSummary
from ui.vocabulary import QT_TRANSLATE_NOOP, vocab

MATTER_NO_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("VisitsTableModel", text)


def _first_or_repeat(visit: VisitSummary) -> str:
    return (
        QCoreApplication.translate("VisitsTableModel", "重访")
        if visit.is_repeat
        else QCoreApplication.translate("VisitsTableModel", "初访")
    )


COLUMNS: list[tuple[str, Callable[[VisitSummary], str]]] = [
    (QT_TRANSLATE_NOOP("VisitsTableModel", "时间"), lambda v: f"{v.visited_at:%H:%M}"),
    (QT_TRANSLATE_NOOP("VisitsTableModel", "信访件编号"), lambda v: v.matter_no),
    (QT_TRANSLATE_NOOP("VisitsTableModel", "来访人"), lambda v: v.persons),
    (QT_TRANSLATE_NOOP("VisitsTableModel", "人数"), lambda v: str(v.headcount)),
    (QT_TRANSLATE_NOOP("VisitsTableModel", "形式"), lambda v: vocab(v.channel)),
    (QT_TRANSLATE_NOOP("VisitsTableModel", "初/重访"), _first_or_repeat),
    (QT_TRANSLATE_NOOP("VisitsTableModel", "接待人"), lambda v: v.clerk),
    (QT_TRANSLATE_NOOP("VisitsTableModel", "概况"), lambda v: v.summary),
]
HEADCOUNT_COLUMN = 3


class VisitsTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._visits: list[VisitSummary] = []

    def set_visits(self, visits: list[VisitSummary]) -> None:
        self.beginResetModel()
        self._visits = list(visits)
        self.endResetModel()

    def visit_at(self, row: int) -> VisitSummary:
        return self._visits[row]

    @property
    def headcount(self) -> int:
        """人次: the people who came, counted per visit."""
        return sum(v.headcount for v in self._visits)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._visits)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(COLUMNS[section][0])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        visit = self._visits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[index.column()][1](visit)
        if role == MATTER_NO_ROLE:
            return visit.matter_no
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == len(COLUMNS) - 1:
            return visit.summary
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == HEADCOUNT_COLUMN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
