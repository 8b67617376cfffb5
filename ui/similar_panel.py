"""相似事项: open matters that look like the one being typed, each with why it matched, and the link of this
visit to a group of related matters for joint handling (一揽子调处、联合调处).

It only shows what it is handed and says what the clerk asked for through signals; the intake's sources
controller (ui/intake_sources.py) asks the services.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.sources.records import SimilarMatch
from ui.app_messages import app_message
from ui.vocabulary import clause_separator, vocab

LINKED_STYLE = "background: #E3F2FD; color: #0D47A1; padding: 4px; border-radius: 3px;"
MATTER_ROLE = Qt.ItemDataRole.UserRole + 1
MATTER, REASONS, PLACE = 0, 1, 2  # the columns: number and summary, why it matched, township and status


class SimilarPanel(QGroupBox):
    matter_activated = Signal(str)  # open this matter
    group_requested = Signal(list)  # make a group of these matter numbers and link the visit to it
    join_requested = Signal(int)  # link the visit to this existing group
    unlink_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("相似事项"))
        self._matches: list[SimilarMatch] = []
        self._build()
        self._connect()
        self.show_matches([])
        self.show_link(None, "")

    def _build(self) -> None:
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("事项"), self.tr("为何相似"), self.tr("属地·状态")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(REASONS, QHeaderView.ResizeMode.Stretch)  # why: always in sight
        self.focus_label = QLabel(self.tr("列表(&J)："), self)
        self.focus_label.setBuddy(self.table)
        self.group_button = QPushButton(self.tr("选中事项建组联合调处(&G)"), self)
        self.join_button = QPushButton(self.tr("并入该事项所在组(&U)"), self)
        self.unlink_button = QPushButton(self.tr("取消关联"), self)
        self.linked = QLabel(self)
        self.linked.setWordWrap(True)
        self.linked.setStyleSheet(LINKED_STYLE)
        top = QHBoxLayout()
        top.addWidget(self.focus_label)
        top.addWidget(self.heading, 1)
        buttons = QHBoxLayout()
        for button in (self.group_button, self.join_button, self.unlink_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addWidget(self.table, 1)
        column.addLayout(buttons)
        column.addWidget(self.linked)

    def _connect(self) -> None:
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.cellDoubleClicked.connect(lambda row, _col: self._open(row))
        self.group_button.clicked.connect(lambda: self.group_requested.emit(self.selected_numbers()))
        self.join_button.clicked.connect(self._join)
        self.unlink_button.clicked.connect(self.unlink_requested)

    # ---- what the controller and tests read ----

    @property
    def matches(self) -> list[SimilarMatch]:
        return list(self._matches)

    def selected_numbers(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self._matches[row].matter_no for row in rows if row < len(self._matches)]

    def current_match(self) -> SimilarMatch | None:
        row = self.table.currentRow()
        return self._matches[row] if 0 <= row < len(self._matches) else None

    # ---- showing ----

    def show_busy(self) -> None:
        self.heading.setText(self.tr("正在查找相似事项……"))

    def show_message(self, text: str) -> None:
        self.heading.setText(text)

    def show_matches(self, matches: list[SimilarMatch], asked: bool = False) -> None:
        self._matches = list(matches)
        self.table.setRowCount(len(matches))
        for row, match in enumerate(matches):
            group = self.tr("（已在联合调处组）") if match.group_id is not None else ""
            cells = [
                f"{match.matter_no}\n{match.summary}",
                clause_separator().join(app_message(r) for r in match.reasons),
                f"{match.township}·{vocab(match.category)}\n{vocab(match.status)}{group}",
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(MATTER_ROLE, match.matter_no)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        if matches:
            text = self.tr("%1 件在办事项可能是同一问题（双击打开）").replace("%1", str(len(matches)))
        elif asked:
            text = self.tr("没有相似的在办事项")
        else:
            text = self.tr("填写概况、诉求或被反映对象后，这里列出可能相同的在办事项")
        self.heading.setText(text)
        self._update_buttons()

    def show_link(self, group_id: int | None, description: str) -> None:
        """The group this visit will join when saved, or none."""
        self.linked.setText(self.tr("本次登记将并入：%1").replace("%1", description) if group_id else "")
        self.linked.setVisible(group_id is not None)
        self.unlink_button.setEnabled(group_id is not None)

    def _update_buttons(self) -> None:
        self.group_button.setEnabled(bool(self.selected_numbers()))
        current = self.current_match()
        self.join_button.setEnabled(current is not None and current.group_id is not None)

    def _join(self) -> None:
        current = self.current_match()
        if current is not None and current.group_id is not None:
            self.join_requested.emit(current.group_id)

    def _open(self, row: int) -> None:
        if 0 <= row < len(self._matches):
            self.matter_activated.emit(self._matches[row].matter_no)
