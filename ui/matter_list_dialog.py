"""The matters behind a figure (a hotspot, a warning, a backlog bucket, a campaign): read in the thread pool,
a double-click (or Enter) on a row opens the matter on the matters page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.matters import MatterService
from app.records import MatterSummary
from ui.vocabulary import vocab
from ui.workers import Requests

MATTER_ROLE = Qt.ItemDataRole.UserRole + 1


def summaries_of(matters: MatterService, matter_nos: Sequence[str]) -> list[MatterSummary]:
    """The matters' summaries in the order given (runs in the pool)."""
    return matters.summaries_by_no(list(matter_nos))


class MatterListDialog(QDialog):
    matter_activated = Signal(str)
    loaded = Signal()

    def __init__(
        self, title: str, work: Callable[[], list[MatterSummary]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._title = title
        self.summaries: list[MatterSummary] = []
        self.heading = QLabel(self.tr("正在读取……"), self)
        self.heading.setWordWrap(True)
        self.table = QTableWidget(0, 7, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("事项编号"),
                self.tr("登记时间"),
                self.tr("来访人"),
                self.tr("属地"),
                self.tr("类别"),
                self.tr("状态"),
                self.tr("概况"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.heading)
        column.addWidget(self.table, 1)
        column.addWidget(buttons)
        self.resize(960, 480)
        self.table.itemActivated.connect(lambda item: self._open(item.row()))
        self.table.cellDoubleClicked.connect(lambda row, _col: self._open(row))
        self._requests = Requests(self)
        self._requests.finished.connect(self._show)
        self._requests.failed.connect(self.heading.setText)
        self._requests.run(work)

    @property
    def matter_numbers(self) -> list[str]:
        return [s.matter_no for s in self.summaries]

    def _show(self, summaries: list[MatterSummary]) -> None:
        self.summaries = summaries
        self.table.setRowCount(len(summaries))
        for row, matter in enumerate(summaries):
            cells = [
                matter.matter_no,
                f"{matter.received_at:%Y-%m-%d %H:%M}",
                matter.persons,
                matter.township,
                vocab(matter.category),
                vocab(matter.status),
                matter.summary,
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(MATTER_ROLE, matter.matter_no)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        text = self.tr("%1：共 %2 件事项（双击一行打开）")
        self.heading.setText(text.replace("%1", self._title).replace("%2", str(len(summaries))))
        self.loaded.emit()

    def _open(self, row: int) -> None:
        if 0 <= row < len(self.summaries):
            self.matter_activated.emit(self.summaries[row].matter_no)
