"""领导包案 on a matter's page: the leader in charge (包案领导) and the team of up to five (五包一), and the
assignment from above (上级交办件) with its 文号, 收到日期, 办结时限 and 上报日期.

The panel only shows and asks; each change goes through a small dialog around one form (layout in
``_build``, typed properties for tests, ``submit`` makes the one service call with the version on screen).
The service checks the values (at most five, no one twice, a real leader …); the dialog shows its message
and keeps the clerk's input.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.case_records import CaseFile, CaseResult, LeaderInfo, UpperAssignmentInfo
from app.errors import ConflictError, DeskError, ValidationError
from app.rules.vocabulary import OPEN_STATUSES
from ui.action_forms import ActionCall
from ui.app_messages import app_message
from ui.leaders_dialog import date_edit, read_date, write_date
from ui.vocabulary import list_separator

TEAM_MAX = 5  # 五包一: the service refuses more; the form says how many are ticked
IN_CHARGE = "包案"


def _who(leader: LeaderInfo) -> str:
    if not leader.title:
        return leader.name
    return (
        QCoreApplication.translate("LeadersPanel", "%1（%2）")
        .replace("%1", leader.name)
        .replace("%2", leader.title)
    )


def _day(value: date | None) -> str:
    return f"{value:%Y-%m-%d}" if value is not None else ""


class LeadersPanel(QWidget):
    """The 领导包案 tab: who is in charge, the team, the assignment from above, and their buttons."""

    set_leaders_requested = Signal()
    record_upper_requested = Signal()
    report_upper_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build()
        self.show_case(None)

    def _build(self) -> None:
        self.in_charge_label, self.team_label = QLabel(self), QLabel(self)
        self.team_label.setWordWrap(True)
        self.set_leaders_button = QPushButton(self.tr("设置包案领导…"), self)
        leaders = QGroupBox(self.tr("包案领导与五包一"), self)
        grid = QGridLayout(leaders)
        grid.addWidget(QLabel(self.tr("包案领导"), leaders), 0, 0)
        grid.addWidget(self.in_charge_label, 0, 1)
        grid.addWidget(QLabel(self.tr("五包一成员"), leaders), 1, 0)
        grid.addWidget(self.team_label, 1, 1)
        grid.addWidget(self.set_leaders_button, 0, 2, Qt.AlignmentFlag.AlignRight)
        grid.setColumnStretch(1, 1)
        upper = QGroupBox(self.tr("上级交办"), self)
        form = QGridLayout(upper)
        titles = [self.tr("交办机关"), self.tr("文号"), self.tr("收到日期")]
        titles += [self.tr("办结时限"), self.tr("上报日期")]
        self.upper_labels = [QLabel(upper) for _ in titles]
        for column, (title, label) in enumerate(zip(titles, self.upper_labels, strict=True)):
            form.addWidget(QLabel(f"<b>{title}</b>", upper), 0, column)
            form.addWidget(label, 1, column)
        self.record_upper_button = QPushButton(self.tr("登记上级交办…"), self)
        self.report_upper_button = QPushButton(self.tr("上报结果"), self)
        form.addWidget(self.record_upper_button, 0, len(titles))
        form.addWidget(self.report_upper_button, 1, len(titles))
        layout = QHBoxLayout(self)
        layout.addWidget(leaders, 2)
        layout.addWidget(upper, 3)
        self.set_leaders_button.clicked.connect(lambda: self.set_leaders_requested.emit())
        self.record_upper_button.clicked.connect(lambda: self.record_upper_requested.emit())
        self.report_upper_button.clicked.connect(lambda: self.report_upper_requested.emit())

    def show_case(self, case: CaseFile | None) -> None:
        leaders = case.leaders if case is not None else []
        head = [_who(x) for x in leaders if x.role == IN_CHARGE]
        team = [_who(x) for x in leaders if x.role != IN_CHARGE]
        self.in_charge_label.setText(list_separator().join(head) or self.tr("未设置"))
        self.team_label.setText(list_separator().join(team) or self.tr("无"))
        upper = case.upper_assignment if case is not None else None
        self._show_upper(upper)
        is_open = case is not None and case.status in OPEN_STATUSES
        self.set_leaders_button.setEnabled(is_open)
        self.record_upper_button.setEnabled(is_open and upper is None)
        self.report_upper_button.setEnabled(upper is not None)

    def _show_upper(self, upper: UpperAssignmentInfo | None) -> None:
        if upper is None:
            texts = [self.tr("（非上级交办件）"), "", "", "", ""]
        else:
            reported = _day(upper.reported) or self.tr("未上报")
            if upper.reported is not None and upper.reported > upper.due:
                reported += self.tr("（逾期上报）")
            texts = [upper.body, upper.ref_no, _day(upper.received), _day(upper.due), reported]
        for label, text in zip(self.upper_labels, texts, strict=True):
            label.setText(text)

    @property
    def in_charge_text(self) -> str:
        return self.in_charge_label.text()

    @property
    def team_text(self) -> str:
        return self.team_label.text()

    @property
    def upper_texts(self) -> list[str]:
        """交办机关, 文号, 收到日期, 办结时限, 上报日期 as shown."""
        return [label.text() for label in self.upper_labels]


# --- the forms ------------------------------------------------------------------------------------------


class StepForm(QWidget):
    """One step's fields; ``submit`` makes its service call."""

    title = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)

    def submit(self, call: ActionCall) -> CaseResult:
        raise NotImplementedError


class LeadersForm(StepForm):
    """包案领导 from the leaders' list, and up to five others ticked for the team (五包一)."""

    def __init__(self, names: list[str], current: list[LeaderInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = self.tr("设置包案领导")
        self.in_charge_combo = QComboBox(self)
        self.in_charge_combo.addItems(names)
        self.team_list = QListWidget(self)
        for name in names:
            item = QListWidgetItem(name, self.team_list)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.count_label = QLabel(self)
        self.form.addRow(self.tr("包案领导"), self.in_charge_combo)
        self.form.addRow(self.tr("五包一成员"), self.team_list)
        self.form.addRow("", self.count_label)
        self.team_list.itemChanged.connect(self._count)
        head = [x.name for x in current if x.role == IN_CHARGE]
        self.in_charge = head[0] if head else ""
        self.team = [x.name for x in current if x.role != IN_CHARGE]

    def _count(self) -> None:
        text = self.tr("已选 %1 人（最多 %2 人）").replace("%1", str(len(self.team)))
        self.count_label.setText(text.replace("%2", str(TEAM_MAX)))

    @property
    def in_charge(self) -> str:
        return self.in_charge_combo.currentText()

    @in_charge.setter
    def in_charge(self, name: str) -> None:
        self.in_charge_combo.setCurrentIndex(self.in_charge_combo.findText(name))

    @property
    def team(self) -> list[str]:
        items = (self.team_list.item(i) for i in range(self.team_list.count()))
        return [item.text() for item in items if item.checkState() == Qt.CheckState.Checked]

    @team.setter
    def team(self, names: list[str]) -> None:
        for i in range(self.team_list.count()):
            item = self.team_list.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.text() in names else Qt.CheckState.Unchecked)
        self._count()

    def submit(self, call: ActionCall) -> CaseResult:
        return call.run("set_leaders", self.in_charge, self.team)


class UpperForm(StepForm):
    """登记上级交办: the upper body, its 文号, the day received and the day the result is due."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = self.tr("登记上级交办")
        self.body_edit, self.ref_edit, self.note_edit = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.body_edit.setPlaceholderText(self.tr("如：市信访局"))
        self.ref_edit.setPlaceholderText(self.tr("如：市信交〔2026〕8号"))
        self.received_edit, self.due_edit = date_edit(self, today), date_edit(self, today)
        self.form.addRow(self.tr("交办机关"), self.body_edit)
        self.form.addRow(self.tr("交办文号"), self.ref_edit)
        self.form.addRow(self.tr("收到日期"), self.received_edit)
        self.form.addRow(self.tr("办结时限"), self.due_edit)
        self.form.addRow(self.tr("备注"), self.note_edit)

    @property
    def body(self) -> str:
        return self.body_edit.text()

    @body.setter
    def body(self, value: str) -> None:
        self.body_edit.setText(value)

    @property
    def ref_no(self) -> str:
        return self.ref_edit.text()

    @ref_no.setter
    def ref_no(self, value: str) -> None:
        self.ref_edit.setText(value)

    @property
    def received(self) -> date:
        return read_date(self.received_edit)

    @received.setter
    def received(self, value: date) -> None:
        write_date(self.received_edit, value)

    @property
    def due(self) -> date:
        return read_date(self.due_edit)

    @due.setter
    def due(self, value: date) -> None:
        write_date(self.due_edit, value)

    def submit(self, call: ActionCall) -> CaseResult:
        args = (self.body, self.ref_no, self.received, self.due)
        return call.run("record_upper_assignment", *args, note=self.note_edit.text())


class ReportForm(StepForm):
    """上报结果: the day the result went to the upper body (today unless changed)."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = self.tr("上报结果")
        self.reported_edit, self.note_edit = date_edit(self, today), QLineEdit(self)
        self.form.addRow(self.tr("上报日期"), self.reported_edit)
        self.form.addRow(self.tr("备注"), self.note_edit)

    @property
    def reported(self) -> date:
        return read_date(self.reported_edit)

    @reported.setter
    def reported(self, value: date) -> None:
        write_date(self.reported_edit, value)

    def submit(self, call: ActionCall) -> CaseResult:
        return call.run("report_upper_assignment", reported=self.reported, note=self.note_edit.text())


class StepDialog(QDialog):
    """A form, an error line, 确定/取消: stays open on a refusal, closes with ``conflict`` when stale."""

    def __init__(self, form: StepForm, call: ActionCall, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form, self._call = form, call
        self.outcome: CaseResult | None = None
        self.conflict = ""
        self.setWindowTitle(self.tr("%1 — %2").replace("%1", form.title).replace("%2", call.matter_no))
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #C62828;")
        self.error_label.hide()
        buttons = QDialogButtonBox(self)
        ok = buttons.addButton(self.tr("确定"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        ok.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    @property
    def error_text(self) -> str:
        return self.error_label.text() if not self.error_label.isHidden() else ""

    def accept(self) -> None:
        try:
            self.outcome = self.form.submit(self._call)
        except ConflictError as error:
            self.conflict = app_message(error.message)
            super().reject()
            return
        except ValidationError as error:
            self._show("\n".join(app_message(e.message) for e in error.errors))
            return
        except DeskError as error:
            self._show(app_message(error.message))
            return
        super().accept()

    def _show(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()
