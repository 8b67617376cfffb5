"""The tally as a table: two header rows inside the model (the pairs' names over 批次/人次, spanned by the
view), one row per township, 县直部门, 属地不明 when it has figures, and 合计 in bold; rates as percentages.

Each figure cell carries its row key and column key (ROW_KEY_ROLE, COLUMN_KEY_ROLE) for the drill-down.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from app.tally import Rate, Tally
from app.tally.definitions import BATCHES, MATTER_COLUMNS, PERSONS, sheet_groups

HEADER_ROWS = 2
ROW_KEY_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMN_KEY_ROLE = Qt.ItemDataRole.UserRole + 2
HEAD_BACKGROUND = QColor("#E7EEF7")
TOTAL_BACKGROUND = QColor("#F2F2F2")
Index = QModelIndex | QPersistentModelIndex


class TallyTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tally: Tally | None = None
        self._keys: list[str] = []
        self._top: list[str] = []  # header row 0, by column ("" where a span covers it)
        self._sub: list[str] = []  # header row 1
        self._tips: list[str] = []
        self.spans: list[tuple[int, int, int, int]] = []  # (row, column, rows, columns)

    @property
    def tally(self) -> Tally | None:
        return self._tally

    def set_tally(self, tally: Tally | None) -> None:
        self.beginResetModel()
        self._tally = tally
        self._keys, self._top, self._sub, self._tips, self.spans = (
            [],
            [self.tr("单位")],
            [""],
            [""],
            [(0, 0, 2, 1)],
        )
        if tally is not None:
            for group in sheet_groups(tally.categories):
                column = len(self._top)
                self._keys += [group.batches_key, group.persons_key]
                self._top += [group.header, ""]
                self._sub += [BATCHES, PERSONS]
                tip = getattr(group, "counts", group.header)
                self._tips += [tip, tip]
                self.spans.append((0, column, 1, 2))
            for matter in MATTER_COLUMNS:
                self.spans.append((0, len(self._top), 2, 1))
                self._keys.append(matter.key)
                self._top.append(matter.header)
                self._sub.append("")
                self._tips.append(matter.counts)
        self.endResetModel()

    def column_key(self, column: int) -> str:
        return self._keys[column - 1]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt's name)
        if parent.isValid() or self._tally is None:
            return 0
        return HEADER_ROWS + len(self._tally.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt's name)
        return 0 if parent.isValid() or self._tally is None else 1 + len(self._keys)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        tally = self._tally
        if tally is None or not index.isValid():
            return None
        row, column = index.row(), index.column()
        if row < HEADER_ROWS:
            return self._header_data(row, column, role)
        tally_row = tally.rows[row - HEADER_ROWS]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return tally_row.name
            value = tally_row.values[self._keys[column - 1]]
            return value.percent() if isinstance(value, Rate) else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignLeft if column == 0 else Qt.AlignmentFlag.AlignRight
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and tally_row.kind == "total":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and tally_row.kind == "total":
            return QBrush(TOTAL_BACKGROUND)
        if role == ROW_KEY_ROLE:
            return tally_row.key
        if role == COLUMN_KEY_ROLE and column > 0:
            return self._keys[column - 1]
        if role == Qt.ItemDataRole.ToolTipRole and column > 0:
            return self._tips[column]
        return None

    def _header_data(self, row: int, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._top[column] if row == 0 else self._sub[column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(HEAD_BACKGROUND)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tips[column] or None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.row() < HEADER_ROWS:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
