"""The matters page: search, the paged matters table, and the selected matter's record with its slip."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QItemSelection, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.desk import Desk
from app.errors import DeskError
from app.records import MatterDetail, VisitRecord
from ui import printing
from ui.matters_model import MATTER_NO_ROLE, SEARCH_LIMIT, MattersTableModel
from ui.notifier import Notifier

SUMMARY_COLUMN = 6  # 事项概况 takes the room left over
SEARCH_DELAY_MS = 250  # typing pauses this long before the search runs
COLUMN_WIDTHS = (150, 56, 122, 72, 76, 80, 200, 56, 86, 64)


def _tr(text: str) -> str:
    return QCoreApplication.translate("MatterDetailPane", text)


def _section(title: str, lines: list[str]) -> str:
    items = "".join(f"<li>{line}</li>" for line in lines) or f"<li>{escape(_tr('无'))}</li>"
    return f"<h4>{escape(title)}</h4><ul>{items}</ul>"


def detail_html(detail: MatterDetail) -> str:
    """The matter's record as rich text: heading, facts, persons (masked), visits, timeline, departments."""
    facts = [
        (_tr("查询码"), detail.query_code),
        (_tr("状态"), detail.status),
        (_tr("登记时间"), f"{detail.received_at:%Y-%m-%d %H:%M}"),
        (_tr("信访形式"), detail.channel),
        (_tr("信访目的"), detail.purpose),
        (_tr("内容分类"), detail.category),
        (_tr("问题属地"), detail.township),
        (_tr("问题发生地"), detail.place),
        (_tr("首接人"), detail.first_clerk),
        (_tr("告知期限"), f"{detail.notice_deadline:%Y-%m-%d}"),
    ]
    rows = "".join(f"<tr><th align='left'>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in facts if v)
    return (
        f"<h3>{escape(detail.matter_no)}</h3><p><b>{escape(detail.summary)}</b></p><table>{rows}</table>"
        f"<h4>{escape(_tr('诉求'))}</h4><p>{escape(detail.appeal).replace(chr(10), '<br>')}</p>"
        + _section(
            _tr("来访人"),
            [
                _person_line(p.name, p.id_number_masked, p.phone_masked, p.representative)
                for p in detail.persons
            ],
        )
        + _section(_tr("来访记录"), [_visit_line(v) for v in detail.visits])
        + _section(
            _tr("办理过程"),
            [escape(f"{e.at:%Y-%m-%d %H:%M} {e.kind}（{e.clerk}）{e.note}") for e in detail.events],
        )
        + _section(_tr("涉及部门"), [escape(d) for d in detail.departments])
    )


def _person_line(name: str, id_masked: str, phone_masked: str, representative: bool) -> str:
    parts = [name, id_masked, phone_masked, _tr("代表") if representative else ""]
    return escape(" ".join(p for p in parts if p))


def _visit_line(visit: VisitRecord) -> str:
    kind = _tr("重访") if visit.is_repeat else _tr("初访")
    people = _tr("%1人").replace("%1", str(visit.headcount))
    text = f"{visit.visited_at:%Y-%m-%d %H:%M} {visit.channel} {kind} {people} {_tr('接待')}：{visit.clerk}"
    return escape(text)


class MatterDetailPane(QWidget):
    """The selected matter's record and the buttons that print its slip."""

    print_requested = Signal(str)
    preview_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matter_no = ""
        self.browser = QTextBrowser(self)
        self.print_button = QPushButton(self.tr("打印回执"), self)
        self.preview_button = QPushButton(self.tr("打印预览"), self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        layout.addLayout(buttons)
        self.print_button.clicked.connect(lambda: self.print_requested.emit(self.matter_no))
        self.preview_button.clicked.connect(lambda: self.preview_requested.emit(self.matter_no))
        self.show_detail(None)

    def show_detail(self, detail: MatterDetail | None) -> None:
        self.matter_no = detail.matter_no if detail else ""
        self.browser.setHtml(detail_html(detail) if detail else escape(self.tr("请在左侧选择一件信访事项")))
        self.print_button.setEnabled(detail is not None)
        self.preview_button.setEnabled(detail is not None)


class MattersPage(QWidget):
    matter_activated = Signal(str)  # the clerk opened a matter (double-click or Enter on its row)

    def __init__(
        self,
        desk: Desk,
        notifier: Notifier,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self.model = MattersTableModel(desk.matters, desk.clock, self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._build()
        self._connect(notifier)
        self._update_count()

    def _build(self) -> None:
        self.search_box = QLineEdit(self)
        self.search_box.setPlaceholderText(self.tr("按编号、姓名、身份证号、电话或诉求内容搜索"))
        self.search_box.setClearButtonEnabled(True)
        self.count_label = QLabel(self)
        self.table = self._build_table()
        self.detail = MatterDetailPane(self)
        top = QHBoxLayout()
        top.addWidget(self.search_box, 1)
        top.addWidget(self.count_label)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([sum(COLUMN_WIDTHS) + 24, 340])  # every column in view, the record beside it
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    def _build_table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        for column, width in enumerate(COLUMN_WIDTHS):
            table.setColumnWidth(column, width)
        table.horizontalHeader().setSectionResizeMode(SUMMARY_COLUMN, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSortIndicator(2, Qt.SortOrder.DescendingOrder)
        table.setSortingEnabled(True)  # the model sorts in SQL
        return table

    def _connect(self, notifier: Notifier) -> None:
        self.search_box.textChanged.connect(lambda _text: self._timer.start())
        self.search_box.returnPressed.connect(self.search_now)
        self._timer.timeout.connect(self.search_now)
        self.table.activated.connect(self._activated)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._after_reset)
        self.model.rowsInserted.connect(lambda *_: self._update_count())
        self.detail.print_requested.connect(self.print_slip)
        self.detail.preview_requested.connect(self.preview_slip)
        notifier.matters_changed.connect(self.model.refresh)

    # --- search and selection ------------------------------------------------------------------------
    def search_now(self) -> None:
        self._timer.stop()
        if self.search_box.text().strip() != self.model.search_text:
            self.model.set_search(self.search_box.text())

    def _after_reset(self) -> None:
        self._update_count()
        self.detail.show_detail(None)

    def _update_count(self) -> None:
        if self.model.search_text:
            text = self.tr("找到 %1 件").replace("%1", str(self.model.total))
            if self.model.total >= SEARCH_LIMIT:
                text += self.tr("（只列出前 %1 件，请细化搜索）").replace("%1", str(SEARCH_LIMIT))
        else:
            text = self.tr("共 %1 件，已列出 %2 件").replace("%1", str(self.model.total))
            text = text.replace("%2", str(self.model.rowCount()))
        self.count_label.setText(text)

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        matter_no = str(indexes[0].data(MATTER_NO_ROLE))
        try:
            self.detail.show_detail(self._desk.matters.detail(matter_no))
        except DeskError as error:
            self.detail.show_detail(None)
            self._warn(error.message)

    def _activated(self, index: QModelIndex) -> None:
        self.matter_activated.emit(str(index.data(MATTER_NO_ROLE)))

    # --- the slip ------------------------------------------------------------------------------------
    def print_slip(self, matter_no: str) -> None:
        self._with_slip(matter_no, preview=False)

    def preview_slip(self, matter_no: str) -> None:
        self._with_slip(matter_no, preview=True)

    def _with_slip(self, matter_no: str, preview: bool) -> None:
        if not matter_no:
            return
        try:
            printing.print_slip(self._desk, matter_no, self, preview=preview)
        except (DeskError, printing.PdfPrintError) as error:
            self._warn(getattr(error, "message", str(error)))

    def _warn(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("信访接待台"), message)
