"""专项与积案: the special campaigns (专项活动) with their progress (化解率), and the backlog (积案) as of a
day in its visit-count buckets (1, 2–5, 6–10, 11–30, 31+). Read in the thread pool; a double-click on a
campaign or a bucket lists its open matters, a double-click on a backlog row opens that matter.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.desk import Desk
from app.errors import DeskError
from app.sources.records import Backlog, CampaignProgress
from ui.app_messages import app_message
from ui.campaign_dialog import CampaignDialog
from ui.matter_list_dialog import MatterListDialog, summaries_of
from ui.notifier import Notifier
from ui.stale_page import StalePage
from ui.vocabulary import vocab
from ui.workers import Requests


def table(parent: QWidget, headers: list[str], stretch: int) -> QTableWidget:
    view = QTableWidget(0, len(headers), parent)
    view.setHorizontalHeaderLabels(headers)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


def fill(view: QTableWidget, rows: list[list[str]], figures: tuple[int, ...]) -> None:
    """Rows of text; the ``figures`` columns are counts and rates, set to the right."""
    view.setRowCount(len(rows))
    for row, cells in enumerate(rows):
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if column in figures:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            view.setItem(row, column, item)


class BacklogPage(StalePage):
    matter_activated = Signal(str)
    shown = Signal()

    def __init__(
        self, desk: Desk, notifier: Notifier, parent: QWidget | None = None, *, lazy: bool = False
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.campaigns: list[CampaignProgress] = []
        self.backlog: Backlog | None = None
        self.list_dialog: MatterListDialog | None = None
        self._stale = False
        self._build()
        today = desk.clock().date()
        self.as_of.setDate(QDate(today.year, today.month, today.day))
        self._requests = Requests(self)
        self._requests.finished.connect(self._show)
        self._requests.failed.connect(self.status.setText)
        self.refresh_button.clicked.connect(self.refresh)
        self.as_of.dateChanged.connect(self.refresh)
        self.campaign_table.cellDoubleClicked.connect(lambda row, _c: self.open_campaign(row))
        self.bucket_table.cellDoubleClicked.connect(lambda row, _c: self.open_bucket(row))
        self.backlog_table.cellDoubleClicked.connect(lambda row, _c: self._open_backlog_row(row))
        self.backlog_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.new_campaign_button.clicked.connect(self.new_campaign)
        self.tag_button.clicked.connect(self.tag_selected)
        notifier.matters_changed.connect(self._mark_stale)
        self._stale = lazy  # lazy: read when first shown (a hidden tab at start)
        if not lazy:
            self.refresh()

    def _build(self) -> None:
        self.as_of = QDateEdit(self)
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.refresh_button = QPushButton(self.tr("刷新"), self)
        self.new_campaign_button = QPushButton(self.tr("新建专项活动…"), self)
        self.tag_button = QPushButton(self.tr("选中积案加入所选专项活动"), self)
        self.status = QLabel(self)
        bar = QHBoxLayout()
        for widget in (QLabel(self.tr("截至"), self), self.as_of, self.refresh_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.status)
        bar.addWidget(self.new_campaign_button)
        bar.addWidget(self.tag_button)
        self.campaign_table = table(
            self,
            [
                self.tr("编号"),
                self.tr("专项活动"),
                self.tr("类型"),
                self.tr("期间"),
                self.tr("事项"),
                self.tr("已化解"),
                self.tr("在办"),
                self.tr("化解率"),
            ],
            1,
        )
        self.bucket_table = table(self, [self.tr("来访次数"), self.tr("积案件数")], 0)
        self.backlog_table = table(
            self,
            [
                self.tr("事项编号"),
                self.tr("来访次数"),
                self.tr("已办天数"),
                self.tr("属地"),
                self.tr("类别"),
                self.tr("状态"),
                self.tr("概况"),
            ],
            6,
        )
        campaigns = QGroupBox(self.tr("专项活动（双击查看在办事项）"), self)
        QVBoxLayout(campaigns).addWidget(self.campaign_table)
        buckets = QGroupBox(self.tr("积案分布（双击查看）"), self)
        QVBoxLayout(buckets).addWidget(self.bucket_table)
        rows = QGroupBox(self.tr("积案清单（来访最多者在前）"), self)
        QVBoxLayout(rows).addWidget(self.backlog_table)
        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.addWidget(buckets)
        lower.addWidget(rows)
        lower.setStretchFactor(1, 4)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(campaigns)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)  # campaigns are few; the backlog list is long
        column = QVBoxLayout(self)
        column.addLayout(bar)
        column.addWidget(splitter, 1)

    def _day(self) -> date:
        value = self.as_of.date().toPython()
        assert isinstance(value, date)
        return value

    def refresh(self) -> None:
        self._stale = False
        sources, day = self.desk.sources, self._day()
        self.status.setText(self.tr("正在读取……"))
        campaigns, backlog = sources.campaigns, sources.backlog

        def work() -> tuple[list[CampaignProgress], Backlog]:
            progress = [campaigns.progress(c.campaign_id) for c in campaigns.campaigns()]
            return progress, backlog.backlog(day)

        self._requests.run(work)

    def _show(self, result: tuple[list[CampaignProgress], Backlog]) -> None:
        self.campaigns, self.backlog = result
        fill(
            self.campaign_table,
            [
                [
                    p.campaign.code,
                    p.campaign.name,
                    vocab(p.campaign.kind),
                    f"{p.campaign.starts:%Y-%m-%d}—{p.campaign.ends:%Y-%m-%d}",
                    str(p.matters),
                    str(p.resolved),
                    str(p.open),
                    "—" if p.rate is None else f"{p.rate:.1%}",
                ]
                for p in self.campaigns
            ],
            (4, 5, 6, 7),
        )
        backlog = self.backlog
        fill(
            self.bucket_table,
            [[vocab(bucket), str(count)] for bucket, count in backlog.buckets.items()],
            (1,),
        )
        fill(
            self.backlog_table,
            [
                [
                    r.matter_no,
                    str(r.visits),
                    str(r.days_open),
                    r.township,
                    vocab(r.category),
                    vocab(r.status),
                    r.summary,
                ]
                for r in backlog.rows
            ],
            (1, 2),
        )
        text = self.tr("积案 %1 件；专项活动 %2 项").replace("%1", str(len(backlog.rows)))
        self.status.setText(text.replace("%2", str(len(self.campaigns))))
        self.shown.emit()

    def new_campaign(self) -> None:
        dialog = CampaignDialog(self.desk.sources.campaigns, self.desk.clock().date(), self)
        if dialog.exec():
            self.refresh()
        dialog.deleteLater()

    def tag_selected(self) -> int:
        """Put the selected backlog matters into the campaign selected above; how many were new."""
        row = self.campaign_table.currentRow()
        rows = sorted({i.row() for i in self.backlog_table.selectionModel().selectedRows()})
        if self.backlog is None or not 0 <= row < len(self.campaigns) or not rows:
            self.status.setText(self.tr("请先选中一项专项活动和要加入的积案"))
            return 0
        campaign = self.campaigns[row].campaign
        numbers = [self.backlog.rows[r].matter_no for r in rows if r < len(self.backlog.rows)]
        try:
            added = self.desk.sources.campaigns.tag(campaign.campaign_id, numbers)
        except DeskError as error:
            QMessageBox.warning(self, self.tr("无法加入专项活动"), app_message(error.message))
            return 0
        self.refresh()
        self.status.setText(self.tr("已将 %1 件积案加入“%2”").replace("%1", str(added))
                            .replace("%2", campaign.name))  # fmt: skip
        return added

    def open_campaign(self, row: int) -> MatterListDialog | None:
        if not 0 <= row < len(self.campaigns):
            return None
        progress = self.campaigns[row]
        title = self.tr("%1 在办事项").replace("%1", progress.campaign.name)
        return self.open_matters(title, progress.open_matter_nos)

    def open_bucket(self, row: int) -> MatterListDialog | None:
        if self.backlog is None or not 0 <= row < len(self.backlog.buckets):
            return None
        bucket = list(self.backlog.buckets)[row]
        numbers = [r.matter_no for r in self.backlog.rows if r.bucket == bucket]
        return self.open_matters(self.tr("积案：来访 %1").replace("%1", vocab(bucket)), numbers)

    def _open_backlog_row(self, row: int) -> None:
        if self.backlog is not None and 0 <= row < len(self.backlog.rows):
            self.matter_activated.emit(self.backlog.rows[row].matter_no)

    def open_matters(self, title: str, matter_nos: list[str]) -> MatterListDialog:
        matters = self.desk.matters
        dialog = MatterListDialog(title, lambda: summaries_of(matters, matter_nos), self)
        dialog.matter_activated.connect(self.matter_activated)
        dialog.finished.connect(dialog.deleteLater)
        self.list_dialog = dialog
        dialog.open()
        return dialog
