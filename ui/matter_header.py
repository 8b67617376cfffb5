"""The top of a matter's page: number, status, the next deadline with its days left, 首接人, supervision."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QWidget

from app.case_records import CaseFile, DeadlineInfo
from app.records import MatterDetail
from app.supervision_rules import period_state
from ui.matters_model import NEAR_COLOR, OVERDUE_COLOR
from ui.vocabulary import list_separator, vocab

LEVEL_COLORS = {"红牌": "#C62828", "黄牌": "#F9A825", "普通": "#546E7A"}
STATE_COLORS = {"超期": OVERDUE_COLOR.name(), "临期": NEAR_COLOR.name()}


def deadline_state(deadline: DeadlineInfo, today: date) -> str:
    """正常 / 临期 / 超期, counted the way the supervision board counts it."""
    return period_state(deadline.start, deadline.effective_due, today)


class MatterHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number_label = QLabel(self)
        self.number_label.setStyleSheet("font-size: 17px; font-weight: bold;")
        self.status_label = QLabel(self)
        self.supervision_label = QLabel(self)
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        self.deadline_label = QLabel(self)
        self.clerk_label = QLabel(self)
        self.leader_label = QLabel(self)
        top = QHBoxLayout()
        top.addWidget(self.number_label)
        top.addWidget(self.status_label)
        top.addWidget(self.supervision_label)
        top.addStretch(1)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addLayout(top, 0, 0, 1, 3)
        grid.addWidget(self.summary_label, 1, 0, 1, 3)
        grid.addWidget(self.deadline_label, 2, 0)
        grid.addWidget(self.clerk_label, 2, 1)
        grid.addWidget(self.leader_label, 2, 2)
        grid.setColumnStretch(0, 1)
        self.deadline_state = ""
        self.clear()

    def clear(self) -> None:
        for label in (self.status_label, self.supervision_label, self.deadline_label, self.leader_label):
            label.clear()
            label.setStyleSheet("")
        self.clerk_label.clear()
        self.summary_label.clear()
        self.number_label.setText(self.tr("请在左侧选择一件信访事项"))
        self.deadline_state = ""

    def show_matter(self, detail: MatterDetail, case: CaseFile, today: date) -> None:
        self.number_label.setText(detail.matter_no)
        self.status_label.setText(vocab(case.status))
        self.status_label.setStyleSheet(_chip("#1565C0"))
        self.summary_label.setText(detail.summary)
        self.clerk_label.setText(self.tr("首接人：%1").replace("%1", detail.first_clerk))
        self._show_deadline(case.next_deadline, today)
        self._show_supervision(case)
        self._show_leaders(case)

    def _show_deadline(self, deadline: DeadlineInfo | None, today: date) -> None:
        if deadline is None:
            self.deadline_state = ""
            self.deadline_label.setText(self.tr("下一期限：无"))
            self.deadline_label.setStyleSheet("")
            return
        left = (deadline.effective_due - today).days
        if left < 0:
            days = self.tr("已超期 %1 天").replace("%1", str(-left))
        else:
            days = self.tr("剩 %1 天").replace("%1", str(left))
        who = self.tr("（%1）").replace("%1", deadline.department) if deadline.department else ""
        text = self.tr("下一期限：%1%2 %3，%4").replace("%1", vocab(deadline.label)).replace("%2", who)
        text = text.replace("%3", f"{deadline.effective_due:%Y-%m-%d}").replace("%4", days)
        self.deadline_label.setText(text)
        self.deadline_state = deadline_state(deadline, today)
        color = STATE_COLORS.get(self.deadline_state)
        self.deadline_label.setStyleSheet(f"color: {color}; font-weight: bold;" if color else "")

    def _show_supervision(self, case: CaseFile) -> None:
        open_ones = [s for s in case.supervisions if s.resolved_at is None]
        if not open_ones:
            self.supervision_label.clear()
            self.supervision_label.setStyleSheet("")
            return
        level = min(open_ones, key=lambda s: _rank(s.level)).level  # the gravest one shows
        self.supervision_label.setText(self.tr("%1督办").replace("%1", vocab(level)))
        self.supervision_label.setToolTip("\n".join(s.reason for s in open_ones))
        self.supervision_label.setStyleSheet(_chip(LEVEL_COLORS.get(level, "#546E7A")))

    def _show_leaders(self, case: CaseFile) -> None:
        names = list_separator().join(
            self.tr("%1（%2）").replace("%1", leader.name).replace("%2", vocab(leader.role))
            for leader in case.leaders
        )
        self.leader_label.setText(self.tr("包案领导：%1").replace("%1", names) if names else "")

    @property
    def deadline_text(self) -> str:
        return self.deadline_label.text()


def _rank(level: str) -> int:
    return list(LEVEL_COLORS).index(level) if level in LEVEL_COLORS else len(LEVEL_COLORS)


def _chip(color: str) -> str:
    return f"background: {color}; color: white; border-radius: 3px; padding: 1px 6px;"
