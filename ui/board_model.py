"""The supervision board's rows as a table model: coloured by 督办 level, bold when overdue, sortable.

The service has already judged and ordered the rows (红牌 first); a click on a header re-sorts them here,
in memory: the board holds the open matters only, and its rows are computed whole by the service.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from app.supervision_records import BoardRow
from app.supervision_rules import RANK
from ui.app_messages import app_message
from ui.vocabulary import QT_TRANSLATE_NOOP, clause_separator, list_separator, vocab

MATTER_NO_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

# 红牌 strong red with white text, 黄牌 amber, 普通 light yellow: readable from across the room.
LEVEL_COLORS: dict[str, tuple[str, str]] = {
    "红牌": ("#C62828", "#FFFFFF"),
    "黄牌": ("#FFB300", "#000000"),
    "普通": ("#FFF59D", "#000000"),
}
OVERDUE_TEXT = "#B71C1C"  # an overdue row without a level colour (never expected, but never quiet)

Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("BoardTableModel", text)


def days_text(days_left: int | None) -> str:
    """剩余天数 as the clerk reads it: 3天 / 今日到期 / 超期5天."""
    if days_left is None:
        return ""
    if days_left < 0:
        return QCoreApplication.translate("BoardTableModel", "超期%1天").replace("%1", str(-days_left))
    if days_left == 0:
        return QCoreApplication.translate("BoardTableModel", "今日到期")
    return QCoreApplication.translate("BoardTableModel", "%1天").replace("%1", str(days_left))


def _due_text(row: BoardRow) -> str:
    if row.due is None:
        return ""
    return f"{row.due:%Y-%m-%d}" + (
        QCoreApplication.translate("BoardTableModel", "（暂定）") if row.provisional else ""
    )


def _department(row: BoardRow) -> str:
    """The department the deadline is on, else those involved, else the bureau itself."""
    return (
        row.deadline_department
        or list_separator().join(row.departments)
        or QCoreApplication.translate("BoardTableModel", "本机关")
    )


# (header, display text, sort key); None sorts last whichever the order.
Column = tuple[str, Callable[[BoardRow], str], Callable[[BoardRow], Any]]
COLUMNS: tuple[Column, ...] = (
    (QT_TRANSLATE_NOOP("BoardTableModel", "编号"), lambda r: r.matter_no, lambda r: r.matter_no),
    (QT_TRANSLATE_NOOP("BoardTableModel", "概况"), lambda r: r.summary, lambda r: r.summary),
    (QT_TRANSLATE_NOOP("BoardTableModel", "状态"), lambda r: vocab(r.status), lambda r: r.status),
    (
        QT_TRANSLATE_NOOP("BoardTableModel", "期限事项"),
        lambda r: vocab(r.deadline_label),
        lambda r: r.deadline_label,
    ),
    (QT_TRANSLATE_NOOP("BoardTableModel", "责任部门"), _department, _department),
    (QT_TRANSLATE_NOOP("BoardTableModel", "期限"), _due_text, lambda r: r.due),
    (
        QT_TRANSLATE_NOOP("BoardTableModel", "剩余天数"),
        lambda r: days_text(r.days_left),
        lambda r: r.days_left,
    ),
    (
        QT_TRANSLATE_NOOP("BoardTableModel", "督办级别"),
        lambda r: vocab(r.level),
        lambda r: RANK.get(r.level, 0),
    ),
    (
        QT_TRANSLATE_NOOP("BoardTableModel", "原因"),
        lambda r: clause_separator().join(app_message(x) for x in r.reasons),
        lambda r: tuple(r.reasons),
    ),
    (QT_TRANSLATE_NOOP("BoardTableModel", "首接人"), lambda r: r.first_clerk, lambda r: r.first_clerk),
    (QT_TRANSLATE_NOOP("BoardTableModel", "包案领导"), lambda r: r.leader, lambda r: r.leader),
)
COLUMN = {header: i for i, (header, _, _) in enumerate(COLUMNS)}


class BoardTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[BoardRow] = []
        self._sorted: tuple[int, Qt.SortOrder] | None = None  # a header click; None: the service's order
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(self, rows: list[BoardRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        if self._sorted is not None:
            self._rows = self._ordered(*self._sorted)
        self.endResetModel()

    def row_at(self, row: int) -> BoardRow:
        return self._rows[row]

    def rows(self) -> list[BoardRow]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(COLUMNS[section][0])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[index.column()][1](row)
        if role == Qt.ItemDataRole.BackgroundRole and row.level in LEVEL_COLORS:
            return QBrush(QColor(LEVEL_COLORS[row.level][0]))
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(row)
        if role == Qt.ItemDataRole.FontRole and row.state == "超期":
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row)
        if role == MATTER_NO_ROLE:
            return row.matter_no
        if role == ROW_ROLE:
            return row
        return None

    def _foreground(self, row: BoardRow) -> QBrush | None:
        if row.level in LEVEL_COLORS:
            return QBrush(QColor(LEVEL_COLORS[row.level][1]))
        return QBrush(QColor(OVERDUE_TEXT)) if row.state == "超期" else None

    def _tooltip(self, row: BoardRow) -> str:
        lines = [f"{row.matter_no}  {row.summary}", *map(app_message, row.reasons)]
        if row.provisional:
            lines.append(
                QCoreApplication.translate("BoardTableModel", "期限所在年份的调休安排尚未公布，此日期为推算")
            )
        return "\n".join(lines)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            self._sorted = None  # the view asks for the unsorted order: keep the rows as they are
            return
        self._sorted = (column, order)
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        moved = [self._rows[i.row()].matter_no for i in before]
        self._rows = self._ordered(column, order)
        where = {r.matter_no: n for n, r in enumerate(self._rows)}
        after = [self.index(where[no], i.column()) for no, i in zip(moved, before, strict=True)]
        self.changePersistentIndexList(before, after)  # the selection follows its rows
        self.layoutChanged.emit()

    def _ordered(self, column: int, order: Qt.SortOrder) -> list[BoardRow]:
        key = COLUMNS[column][2]
        present = [r for r in self._rows if key(r) is not None]
        missing = [r for r in self._rows if key(r) is None]
        present.sort(key=lambda r: (key(r), r.received_at), reverse=order == Qt.SortOrder.DescendingOrder)
        return present + missing
