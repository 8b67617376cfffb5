"""The parts of a matter's page below its header: the record (facts, persons masked, visits, timeline), the
departments with their assignment state, every deadline with 说明/调整, and the documents printed.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.case_records import AssignmentInfo, CaseFile, DeadlineInfo
from app.records import MatterDetail, PersonRecord, VisitRecord
from ui.matter_header import STATE_COLORS, deadline_state
from ui.vocabulary import vocab

if TYPE_CHECKING:
    from app.notices import NoticeRecord  # the notices' module imports ReportLab: not at start

FACT_COLUMNS = 2


def _when(at: datetime | None) -> str:
    return f"{at:%m-%d %H:%M}" if at is not None else ""


def deadline_id(deadline: DeadlineInfo) -> int | None:
    """The row's id for 说明/调整, when the case service gives it (CaseFile's DeadlineInfo.id)."""
    value = getattr(deadline, "id", None)
    return value if isinstance(value, int) else None


# --- the record -------------------------------------------------------------------------------------------


def record_html(detail: MatterDetail, revealed: Mapping[tuple[int, str], str] | None = None) -> str:
    """The record as HTML; numbers masked with a 显示 link (reveal:PERSON:FIELD) unless in `revealed`."""
    facts = [
        (QCoreApplication.translate("MatterSections", "事项编号"), detail.matter_no),
        (QCoreApplication.translate("MatterSections", "查询码"), detail.query_code),
        (QCoreApplication.translate("MatterSections", "登记时间"), f"{detail.received_at:%Y-%m-%d %H:%M}"),
        (QCoreApplication.translate("MatterSections", "信访形式"), vocab(detail.channel)),
        (QCoreApplication.translate("MatterSections", "信访目的"), vocab(detail.purpose)),
        (QCoreApplication.translate("MatterSections", "内容分类"), vocab(detail.category)),
        (QCoreApplication.translate("MatterSections", "问题属地"), detail.township),
        (QCoreApplication.translate("MatterSections", "问题发生地"), detail.place),
    ]
    cells = [f"<th align='left'>{escape(k)}</th><td>{escape(v)}</td>" for k, v in facts if v]
    pairs = [cells[i : i + FACT_COLUMNS] for i in range(0, len(cells), FACT_COLUMNS)]
    rows = "".join(f"<tr>{''.join(pair)}</tr>" for pair in pairs)  # two facts a line: the timeline fits
    persons = [_person_line(p, revealed or {}) for p in detail.persons]
    appeal_title = QCoreApplication.translate("MatterSections", "诉求")
    visits = [_visit_line(v) for v in detail.visits]
    return (
        f"<table cellspacing='2' cellpadding='2'>{rows}</table>"
        f"<h4>{escape(appeal_title)}</h4><p>{escape(detail.appeal).replace(chr(10), '<br>')}</p>"
        + _html_list(QCoreApplication.translate("MatterSections", "来访人"), persons)
        + _list(QCoreApplication.translate("MatterSections", "来访记录"), visits)
        + _timeline(detail)
    )


def _list(title: str, lines: list[str]) -> str:
    return _html_list(title, [escape(line) for line in lines])


def _html_list(title: str, items_html: list[str]) -> str:
    none = escape(QCoreApplication.translate("MatterSections", "无"))
    items = "".join(f"<li>{item}</li>" for item in items_html) or f"<li>{none}</li>"
    return f"<h4>{escape(title)}</h4><ul>{items}</ul>"


def _person_line(person: PersonRecord, revealed: Mapping[tuple[int, str], str]) -> str:
    """Name, numbers (masked, or as revealed) with their 显示 links, and 代表; escaped HTML."""
    mark = QCoreApplication.translate("MatterSections", "代表") if person.representative else ""
    numbers = [
        _number(person.person_id, field, masked, revealed)
        for field, masked in (("id_number", person.id_number_masked), ("phone", person.phone_masked))
        if masked
    ]
    return " ".join([escape(person.name), *numbers, escape(mark)]).strip()


def _number(person_id: int, field: str, masked: str, revealed: Mapping[tuple[int, str], str]) -> str:
    full = revealed.get((person_id, field))
    if full is not None:
        return f"<b>{escape(full)}</b>"
    show = escape(QCoreApplication.translate("MatterSections", "显示"))
    link = f" <a href='reveal:{person_id}:{field}'>{show}</a>" if person_id else ""
    return escape(masked) + link


def _visit_line(visit: VisitRecord) -> str:
    kind = (
        QCoreApplication.translate("MatterSections", "重访")
        if visit.is_repeat
        else QCoreApplication.translate("MatterSections", "初访")
    )
    people = QCoreApplication.translate("MatterSections", "%1人").replace("%1", str(visit.headcount))
    line = QCoreApplication.translate("MatterSections", "{at} {channel} {kind} {people} 接待：{clerk}")
    at = f"{visit.visited_at:%Y-%m-%d %H:%M}"
    return line.format(at=at, channel=vocab(visit.channel), kind=kind, people=people, clerk=visit.clerk)


def _timeline(detail: MatterDetail) -> str:
    titles = (
        QCoreApplication.translate("MatterSections", "时间"),
        QCoreApplication.translate("MatterSections", "环节"),
        QCoreApplication.translate("MatterSections", "经办"),
        QCoreApplication.translate("MatterSections", "说明"),
    )
    head = "".join(f"<th align='left'>{escape(h)}</th>" for h in titles)
    rows = "".join(
        f"<tr><td nowrap>{e.at:%Y-%m-%d %H:%M}</td><td nowrap><b>{escape(vocab(e.kind))}</b></td>"
        f"<td nowrap>{escape(e.clerk)}</td><td>{escape(e.note)}</td></tr>"
        for e in detail.events
    )
    table = f"<table cellspacing='0' cellpadding='3' border='1'><tr>{head}</tr>{rows}</table>"
    title = escape(QCoreApplication.translate("MatterSections", "办理过程"))
    return f"<h4>{title}</h4>{table}"


# --- departments and documents ----------------------------------------------------------------------------


def _table(parent: QWidget, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill_row(table: QTableWidget, row: int, cells: list[str]) -> None:
    for column, text in enumerate(cells):
        table.setItem(row, column, QTableWidgetItem(text))


def departments_table(parent: QWidget) -> QTableWidget:
    headers = (
        QCoreApplication.translate("MatterSections", "部门"),
        QCoreApplication.translate("MatterSections", "方式"),
        QCoreApplication.translate("MatterSections", "交办时间"),
        QCoreApplication.translate("MatterSections", "办理期限"),
        QCoreApplication.translate("MatterSections", "签收"),
        QCoreApplication.translate("MatterSections", "退回"),
        QCoreApplication.translate("MatterSections", "反馈"),
    )
    return _table(parent, list(headers))


def show_assignments(table: QTableWidget, assignments: list[AssignmentInfo]) -> None:
    table.setRowCount(len(assignments))
    for row, a in enumerate(assignments):
        returned = f"{_when(a.returned_at)} {a.return_reason}".strip() if a.returned_at else ""
        feedback = f"{_when(a.feedback_at)} {a.feedback}".strip() if a.feedback_at else ""
        due = f"{a.handling_due:%Y-%m-%d}" if a.handling_due else ""
        signed = _when(a.signed_at) or QCoreApplication.translate("MatterSections", "未签收")
        cells = [a.department, vocab(a.kind), _when(a.assigned_at), due, signed, returned, feedback]
        _fill_row(table, row, cells)


def document_lines(slips: int, notices: list[NoticeRecord]) -> list[str]:
    lines = []
    if slips:
        lines.append(
            QCoreApplication.translate("MatterSections", "登记回执：已打印 %1 次（第 2 次起为补打）").replace(
                "%1", str(slips)
            )
        )
    for n in notices:
        mark = QCoreApplication.translate("MatterSections", "（补打）") if n.reprint else ""
        lines.append(f"{vocab(n.kind)} {n.doc_no} {n.printed_at:%Y-%m-%d %H:%M}{mark}")
    return lines


def documents_list(parent: QWidget) -> QListWidget:
    return QListWidget(parent)


# --- deadlines --------------------------------------------------------------------------------------------


class DeadlinesPanel(QWidget):
    """Every deadline of the matter; 说明 shows how it was counted, 调整 sets it by hand."""

    explain_requested = Signal(int)
    adjust_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        headers = [
            QCoreApplication.translate("MatterSections", "期限"),
            QCoreApplication.translate("MatterSections", "部门"),
            QCoreApplication.translate("MatterSections", "起算日"),
            QCoreApplication.translate("MatterSections", "到期日"),
            QCoreApplication.translate("MatterSections", "状态"),
            "",
        ]
        self.table = _table(self, headers)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.explanation.setStyleSheet("background: #F5F5F5; padding: 4px;")
        self.explanation.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.explanation)
        self.ids: list[int | None] = []

    def show_deadlines(self, case: CaseFile, today: date, can_adjust: bool) -> None:
        self.table.setRowCount(len(case.deadlines))
        self.ids = [deadline_id(d) for d in case.deadlines]
        for row, deadline in enumerate(case.deadlines):
            _fill_row(self.table, row, self._cells(deadline, today))
            state = self.table.item(row, 4)
            color = STATE_COLORS.get(state.text()) if state is not None else None
            if state is not None and color:
                state.setForeground(QColor(color))
            self.table.setCellWidget(row, 5, self._buttons(self.ids[row], deadline, can_adjust))
        self.explanation.hide()

    def _cells(self, d: DeadlineInfo, today: date) -> list[str]:
        due = f"{d.effective_due:%Y-%m-%d}" + (
            QCoreApplication.translate("MatterSections", "（人工调整）") if d.overridden else ""
        )
        label = d.label + (QCoreApplication.translate("MatterSections", "（申请期）") if d.window else "")
        return [
            label,
            d.department or QCoreApplication.translate("MatterSections", "本机关"),
            f"{d.start:%Y-%m-%d}",
            due,
            self._state(d, today),
        ]

    @staticmethod
    def _state(d: DeadlineInfo, today: date) -> str:
        if d.met_at is not None:
            return QCoreApplication.translate("MatterSections", "已完成 %1").replace(
                "%1", f"{d.met_at:%m-%d}"
            )
        if d.cancelled:
            return QCoreApplication.translate("MatterSections", "不再适用")
        return deadline_state(d, today)

    def _buttons(self, ident: int | None, d: DeadlineInfo, can_adjust: bool) -> QWidget:
        box = QWidget(self.table)
        row = QHBoxLayout(box)
        row.setContentsMargins(2, 0, 2, 0)
        explain = QPushButton(QCoreApplication.translate("MatterSections", "说明"), box)
        adjust = QPushButton(QCoreApplication.translate("MatterSections", "调整"), box)
        running = d.met_at is None and not d.cancelled
        explain.setEnabled(ident is not None)
        adjust.setEnabled(ident is not None and running and can_adjust)
        if ident is None:
            for button in (explain, adjust):
                button.setToolTip(QCoreApplication.translate("MatterSections", "案件服务未提供期限编号"))
        else:
            explain.clicked.connect(lambda: self.explain_requested.emit(ident))
            adjust.clicked.connect(lambda: self.adjust_requested.emit(ident))
        row.addWidget(explain)
        row.addWidget(adjust)
        return box

    def show_explanation(self, ident: int, text: str) -> None:
        """How the deadline ``ident`` was counted, under the table, named by its row."""
        row = self.ids.index(ident) if ident in self.ids else -1
        item = self.table.item(row, 0) if row >= 0 else None
        department = self.table.item(row, 1) if row >= 0 else None
        title = (
            self.tr("%1（%2）：").replace("%1", item.text()).replace("%2", department.text())
            if item and department
            else ""
        )
        self.explanation.setText(title + text)
        self.explanation.show()

    def row_buttons(self, row: int) -> tuple[QPushButton, QPushButton]:
        buttons = self.table.cellWidget(row, 5).findChildren(QPushButton)
        return buttons[0], buttons[1]

    @property
    def explanation_text(self) -> str:
        return self.explanation.text() if not self.explanation.isHidden() else ""
