"""系统 → 审计日志: the audit log a page at a time, filtered by who, which record and when, and 校验.

The entries, their count and the chain's verdict all come from desk.audit (chief and administrator only —
the service refuses anyone else, and the dialog shows that message instead of a table).
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.desk import Desk
from app.errors import DeskError
from ui.app_messages import app_message
from ui.vocabulary import QT_TRANSLATE_NOOP

PAGE_SIZE = 200
COLUMNS = ("id", "at", "actor", "action", "record_type", "record_id", "detail")
ACTIONS = (  # what the log records, in the words of the office (the stored names stay English)
    ("sign_in", QT_TRANSLATE_NOOP("AuditActions", "登录")),
    ("sign_in_failed", QT_TRANSLATE_NOOP("AuditActions", "登录失败")),
    ("lockout", QT_TRANSLATE_NOOP("AuditActions", "锁定账号")),
    ("sign_out", QT_TRANSLATE_NOOP("AuditActions", "注销")),
    ("insert", QT_TRANSLATE_NOOP("AuditActions", "新增")),
    ("update", QT_TRANSLATE_NOOP("AuditActions", "修改")),
    ("delete", QT_TRANSLATE_NOOP("AuditActions", "删除")),
    ("reveal", QT_TRANSLATE_NOOP("AuditActions", "查看完整号码")),
    ("print", QT_TRANSLATE_NOOP("AuditActions", "打印")),
    ("export", QT_TRANSLATE_NOOP("AuditActions", "导出")),
    ("import", QT_TRANSLATE_NOOP("AuditActions", "导入")),
    ("backup", QT_TRANSLATE_NOOP("AuditActions", "备份")),
    ("restore", QT_TRANSLATE_NOOP("AuditActions", "恢复")),
)
OK_STYLE, BROKEN_STYLE = "color: #1E6B34; font-weight: bold;", "color: #C62828; font-weight: bold;"


class AuditDialog(QDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self._desk, self._page_size = desk, page_size
        self.offset, self.total = 0, 0
        self._build(desk.clock().date())
        self.refresh()

    # --- layout --------------------------------------------------------------------------------------
    def _build(self, today: date) -> None:
        self.setWindowTitle(self.tr("审计日志"))
        self.actor_edit, self.type_edit, self.record_edit = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.actor_edit.setPlaceholderText(self.tr("全部用户"))
        self.type_edit.setPlaceholderText(self.tr("如 matters、persons"))
        self.action_combo = QComboBox(self)
        self.action_combo.addItem(self.tr("全部操作"), None)
        for value, label in ACTIONS:
            self.action_combo.addItem(QCoreApplication.translate("AuditActions", label), value)
        self.since_check, self.until_check = QCheckBox(self.tr("从"), self), QCheckBox(self.tr("到"), self)
        self.since_edit, self.until_edit = self._date_edit(today - timedelta(days=7)), self._date_edit(today)
        search = QPushButton(self.tr("查询"), self)
        search.setDefault(True)
        search.clicked.connect(self.search)
        filters = QGridLayout()
        for column, (text, widget) in enumerate(
            ((self.tr("用户"), self.actor_edit), (self.tr("记录类型"), self.type_edit),
             (self.tr("记录编号"), self.record_edit))
        ):  # fmt: skip
            filters.addWidget(QLabel(text, self), 0, column * 2)
            filters.addWidget(widget, 0, column * 2 + 1)
        dates: tuple[QWidget, ...] = (self.since_check, self.since_edit, self.until_check, self.until_edit)
        for column, date_widget in enumerate(dates):
            filters.addWidget(date_widget, 1, column)
        filters.addWidget(self.action_combo, 1, 4)
        filters.addWidget(search, 1, 5)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("序号"), self.tr("时间"), self.tr("用户"), self.tr("操作"), self.tr("记录类型"),
             self.tr("记录编号"), self.tr("详情")]
        )  # fmt: skip
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(self._footer())
        self.resize(1100, 640)

    def _date_edit(self, day: date) -> QDateEdit:
        edit = QDateEdit(QDate(day.year, day.month, day.day), self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _footer(self) -> QHBoxLayout:
        self.page_label, self.verdict_label = QLabel(self), QLabel(self)
        self.verdict_label.setWordWrap(True)
        self.previous_button = QPushButton(self.tr("上一页"), self)
        self.next_button = QPushButton(self.tr("下一页"), self)
        self.verify_button = QPushButton(self.tr("校验"), self)
        self.verify_button.setToolTip(self.tr("逐条核对哈希链，发现被改动或删除的记录"))
        self.previous_button.clicked.connect(lambda: self.go(self.offset - self._page_size))
        self.next_button.clicked.connect(lambda: self.go(self.offset + self._page_size))
        self.verify_button.clicked.connect(self.verify)
        row = QHBoxLayout()
        for widget in (self.previous_button, self.page_label, self.next_button):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.verdict_label, 2)
        row.addWidget(self.verify_button)
        return row

    # --- filters and pages ---------------------------------------------------------------------------
    def filters(self) -> dict[str, Any]:
        """The keyword arguments of desk.audit.entries / count for what the filters say."""
        since = _start_of(self.since_edit.date()) if self.since_check.isChecked() else None
        until = _start_of(self.until_edit.date().addDays(1)) if self.until_check.isChecked() else None
        return {
            "actor": self.actor_edit.text().strip() or None,
            "record_type": self.type_edit.text().strip() or None,
            "record_id": self.record_edit.text().strip() or None,
            "since": since,
            "until": until,
            "action": self.action_combo.currentData(),
        }

    def search(self) -> None:
        self.go(0)

    def go(self, offset: int) -> None:
        self.offset = max(0, offset)
        self.refresh()

    def refresh(self) -> None:
        try:
            criteria = self.filters()
            self.total = self._desk.audit.count(**criteria)
            rows = self._desk.audit.entries(**criteria, limit=self._page_size, offset=self.offset)
        except DeskError as error:
            self.total, rows = 0, []
            self.page_label.setText(app_message(error.message))
        else:
            last = min(self.offset + len(rows), self.total)
            self.page_label.setText(
                self.tr("第 %1–%2 条，共 %3 条")
                .replace("%1", str(self.offset + 1 if rows else 0)).replace("%2", str(last))
                .replace("%3", str(self.total))
            )  # fmt: skip
        self._fill(rows)
        self.previous_button.setEnabled(self.offset > 0)
        self.next_button.setEnabled(self.offset + self._page_size < self.total)

    def _fill(self, rows: list[Any]) -> None:
        self.table.setRowCount(len(rows))
        for row, entry in enumerate(rows):
            for column, name in enumerate(COLUMNS):
                text = _cell(getattr(entry, name, ""))
                self.table.setItem(
                    row, column, QTableWidgetItem(_action_label(text) if name == "action" else text)
                )
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)

    def cell(self, row: int, name: str) -> str:
        item = self.table.item(row, COLUMNS.index(name))
        return item.text() if item is not None else ""

    # --- the chain -----------------------------------------------------------------------------------
    def verify(self) -> None:
        """Check every link of the chain; say how many were checked, or which entry is the first broken."""
        try:
            verdict = self._desk.audit.verify()
        except DeskError as error:
            self.verdict_label.setText(app_message(error.message))
            self.verdict_label.setStyleSheet(BROKEN_STYLE)
            return
        if verdict.ok:
            text = self.tr("校验通过：%1 条记录，哈希链完整").replace("%1", str(verdict.checked))
        else:
            text = self.tr("校验失败：第 %1 条记录起链条断裂（%2）")
            text = text.replace("%1", str(verdict.first_broken_id)).replace("%2", verdict.reason)
        self.verdict_label.setText(text)
        self.verdict_label.setStyleSheet(OK_STYLE if verdict.ok else BROKEN_STYLE)


def _action_label(action: str) -> str:
    labels = dict(ACTIONS)
    return QCoreApplication.translate("AuditActions", labels[action]) if action in labels else action


def _start_of(day: QDate) -> datetime:
    """Midnight at the start of `day` (an until-filter takes the next day's: the whole last day counts)."""
    return datetime(day.year(), day.month(), day.day())


def _cell(value: Any) -> str:
    if isinstance(value, datetime):
        return f"{value:%Y-%m-%d %H:%M:%S}"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return "" if value is None else str(value)
