"""热点预警: the hotspot board of one ISO week — the warnings of a likely group visit (集访风险) first,
then the rising entities, townships and topics with this week, last week and the growth; rows beyond the
administrator's thresholds are marked. The board is read in the thread pool; a double-click on a warning or
a row lists the matters behind it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.desk import Desk
from app.sources.records import HotspotBoard, HotspotRow
from app.tally.periods import weeks_in
from ui.app_messages import app_message
from ui.matter_list_dialog import MatterListDialog, summaries_of
from ui.notifier import Notifier
from ui.stale_page import StalePage
from ui.threshold_dialog import ThresholdDialog
from ui.vocabulary import vocab
from ui.workers import Requests

CROSSED = QColor("#FDECEA")  # beyond the thresholds
WARNING_STYLE = "QListWidget { background: #FFF3E0; color: #B71C1C; font-weight: bold; }"
NOS_ROLE = Qt.ItemDataRole.UserRole + 1


def growth_text(row: HotspotRow) -> str:
    if row.growth is None:
        return QCoreApplication.translate("HotspotPage", "新增") if row.this_week else "—"
    return f"{row.growth:+.0%}"


class HotspotTable(QTableWidget):
    """One part of the board (entities, townships or topics)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 6, parent)
        self.setHorizontalHeaderLabels(
            [
                self.tr("名称"),
                self.tr("本周件数"),
                self.tr("上周件数"),
                self.tr("增长"),
                self.tr("本周人次"),
                self.tr("上周人次"),
            ]
        )
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.rows: list[HotspotRow] = []

    def show_rows(self, rows: list[HotspotRow]) -> None:
        self.rows = list(rows)
        self.setRowCount(len(rows))
        for index, row in enumerate(rows):
            mark = "⚠ " if row.crossed else ""
            cells = [
                mark + vocab(row.label),  # a category is a fixed word; a name stays
                str(row.this_week),
                str(row.last_week),
                growth_text(row),
                str(row.persons_this_week),
                str(row.persons_last_week),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if row.crossed:
                    item.setBackground(QBrush(CROSSED))
                    item.setToolTip(self.tr("超过预警阈值"))
                self.setItem(index, column, item)


class HotspotPage(StalePage):
    matter_activated = Signal(str)
    shown = Signal(object)  # the HotspotBoard now on the page
    message = Signal(str)

    def __init__(
        self, desk: Desk, notifier: Notifier, parent: QWidget | None = None, *, lazy: bool = False
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.board: HotspotBoard | None = None
        self.list_dialog: MatterListDialog | None = None
        self._stale = False
        self._build()
        year, week, _ = desk.clock().date().isocalendar()
        self.year.setValue(year)
        self.week.setMaximum(weeks_in(year))
        self.week.setValue(week)
        self._requests = Requests(self)
        self._requests.finished.connect(self._show)
        self._requests.failed.connect(self._failed)
        self.year.valueChanged.connect(self._year_changed)
        self.week.valueChanged.connect(self.refresh)
        self.refresh_button.clicked.connect(self.refresh)
        self.thresholds_button.clicked.connect(self.edit_thresholds)
        self.warnings.itemActivated.connect(self._open_warning)
        for table in self.tables.values():
            table.cellDoubleClicked.connect(lambda row, _c, t=table: self.open_row(t, row))
        notifier.visits_changed.connect(self._mark_stale)
        self._stale = lazy  # lazy: read when first shown (a hidden tab at start)
        if not lazy:
            self.refresh()

    def _build(self) -> None:
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2099)
        _affix(self.year, self.tr("%1 年"))
        self.week = QSpinBox(self)
        self.week.setRange(1, 53)
        _affix(self.week, self.tr("第 %1 周"))
        self.refresh_button = QPushButton(self.tr("刷新"), self)
        self.thresholds_button = QPushButton(self.tr("预警阈值…"), self)
        self.period = QLabel(self)
        self.status = QLabel(self)
        bar = QHBoxLayout()
        for widget in (self.year, self.week, self.refresh_button, self.period):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.status)
        bar.addWidget(self.thresholds_button)
        self.warnings = QListWidget(self)
        self.warnings.setStyleSheet(WARNING_STYLE)
        self.warnings.setWordWrap(True)
        warn_box = QGroupBox(self.tr("集访风险预警（双击查看事项）"), self)
        QVBoxLayout(warn_box).addWidget(self.warnings)
        self.tables = {
            "entities": HotspotTable(self),
            "townships": HotspotTable(self),
            "topics": HotspotTable(self),
        }
        titles = {
            "entities": self.tr("被反映对象"),
            "townships": self.tr("乡镇（街道）"),
            "topics": self.tr("问题类别"),
        }
        row = QHBoxLayout()
        for key, table in self.tables.items():
            box = QGroupBox(titles[key], self)
            QVBoxLayout(box).addWidget(table)
            row.addWidget(box, 4 if key == "entities" else 3)
        column = QVBoxLayout(self)
        column.addLayout(bar)
        column.addWidget(warn_box, 1)
        column.addLayout(row, 3)

    def week_key(self) -> str:
        return f"{self.year.value()}-W{self.week.value():02d}"

    def set_week(self, year: int, week: int) -> None:
        self.year.setValue(year)
        self.week.setValue(week)
        self.refresh()

    def _year_changed(self, year: int) -> None:
        self.week.setMaximum(weeks_in(year))
        self.refresh()

    def refresh(self) -> None:
        self._stale = False
        hotspots, key = self.desk.sources.hotspots, self.week_key()
        self.status.setText(self.tr("正在计算……"))
        self._requests.run(lambda: hotspots.board(key))

    def _show(self, board: HotspotBoard) -> None:
        self.board = board
        self.period.setText(f"{board.starts:%Y-%m-%d} — {board.ends:%Y-%m-%d}")
        self.warnings.clear()
        for warning in board.warnings:
            item = QListWidgetItem("⚠ " + app_message(warning.message))
            item.setData(NOS_ROLE, list(warning.matter_nos))
            self.warnings.addItem(item)
        if not board.warnings:
            self.warnings.addItem(self.tr("本周没有集访风险预警"))
        self.tables["entities"].show_rows(board.entities)
        self.tables["townships"].show_rows(board.townships)
        self.tables["topics"].show_rows(board.topics)
        crossed = len(board.crossed())
        self.status.setText(
            self.tr("%1 项超过阈值，%2 条集访预警")
            .replace("%1", str(crossed))
            .replace("%2", str(len(board.warnings)))
        )
        self.shown.emit(board)

    def edit_thresholds(self) -> None:
        """The administrator's thresholds; the board is recomputed with the new ones."""
        dialog = ThresholdDialog(self.desk.sources.hotspots, self)
        if dialog.exec():
            self.refresh()
        dialog.deleteLater()

    def _failed(self, text: str) -> None:
        self.status.setText(text)
        self.message.emit(text)

    # ---- the matters behind ----

    def _open_warning(self, item: QListWidgetItem) -> None:
        numbers = item.data(NOS_ROLE)
        if numbers:
            self.open_matters(item.text().lstrip("⚠ "), list(numbers))

    def open_warning(self, index: int) -> MatterListDialog | None:
        item = self.warnings.item(index)
        numbers = item.data(NOS_ROLE) if item is not None else None
        return self.open_matters(item.text().lstrip("⚠ "), list(numbers)) if numbers else None

    def open_row(self, table: HotspotTable, row: int) -> MatterListDialog | None:
        if not 0 <= row < len(table.rows):
            return None
        hotspot = table.rows[row]
        title = self.tr("%1 本周事项").replace("%1", hotspot.label)
        return self.open_matters(title, hotspot.matter_nos)

    def open_matters(self, title: str, matter_nos: list[str]) -> MatterListDialog:
        matters = self.desk.matters
        dialog = MatterListDialog(title, lambda: summaries_of(matters, matter_nos), self)
        dialog.matter_activated.connect(self.matter_activated)
        dialog.finished.connect(dialog.deleteLater)
        self.list_dialog = dialog
        dialog.open()
        return dialog


def _affix(spin: QSpinBox, pattern: str) -> None:
    """The words around the number ("第 %1 周", "Week %1"): one message, so each language orders them."""
    before, _, after = pattern.partition("%1")
    spin.setPrefix(before)
    spin.setSuffix(after)
