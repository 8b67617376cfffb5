"""The forms of the decisions that name something: departments (转送/交办, 签收/退回/反馈), a refusal's
reason and route, an extension, the outcomes of a reply or closure, a rating.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
)

from app.case_records import BUREAU, CaseResult
from app.workflow import OUTCOMES, RATING_RESULTS, REFUSAL_REASONS
from ui.action_forms import ActionCall, ActionForm, NoteForm
from ui.vocabulary import QT_TRANSLATE_NOOP, combo_word, fill_combo, select_word, vocab


class DepartmentsForm(NoteForm):
    """转送 / 交办: one or more departments, each given its own deadline by the service."""

    def _build(self) -> None:
        self.department_list = QListWidget(self)
        for name in self._choices.departments:
            item = QListWidgetItem(name, self.department_list)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.department_list.setMinimumHeight(160)
        self.form.addRow(self.tr("部门（可多选）"), self.department_list)
        super()._build()

    @property
    def departments(self) -> list[str]:
        items = [self.department_list.item(i) for i in range(self.department_list.count())]
        return [i.text() for i in items if i.checkState() == Qt.CheckState.Checked]

    @departments.setter
    def departments(self, names: list[str]) -> None:
        for i in range(self.department_list.count()):
            item = self.department_list.item(i)
            checked = item.text() in names
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def submit(self, call: ActionCall) -> CaseResult:
        return call.run(self.key, self.departments, note=self.note)


class DepartmentForm(ActionForm):
    """签收 (department), 退回 (department + reason), 反馈 (department + text)."""

    TEXT_LABELS = {
        "return_assignment": QT_TRANSLATE_NOOP("DepartmentForm", "退回理由"),
        "feedback": QT_TRANSLATE_NOOP("DepartmentForm", "反馈内容"),
    }

    def _build(self) -> None:
        self.department_combo = QComboBox(self)
        self.department_combo.addItems(self._choices.departments)
        self.form.addRow(self.tr("部门"), self.department_combo)
        label = self.TEXT_LABELS.get(self.key)
        self.text_edit = self._text_edit(self.tr(label)) if label else None

    @property
    def department(self) -> str:
        return self.department_combo.currentText()

    @department.setter
    def department(self, name: str) -> None:
        self.department_combo.setCurrentText(name)

    @property
    def text(self) -> str:
        return self.text_edit.toPlainText() if self.text_edit is not None else ""

    @text.setter
    def text(self, value: str) -> None:
        if self.text_edit is not None:
            self.text_edit.setPlainText(value)

    def submit(self, call: ActionCall) -> CaseResult:
        if self.key == "sign_for":
            return call.run(self.key, self.department)
        return call.run(self.key, self.department, self.text)


class RefuseForm(NoteForm):
    """不予受理: a reason from the fixed list, and the route it sends the visitor on (诉访分离)."""

    def _build(self) -> None:
        self.reason_combo = QComboBox(self)
        fill_combo(self.reason_combo, REFUSAL_REASONS)
        self.route_label = QLabel(self)
        self.route_label.setWordWrap(True)
        self.form.addRow(self.tr("理由"), self.reason_combo)
        self.form.addRow(self.tr("告知途径"), self.route_label)
        super()._build()
        self.reason_combo.currentIndexChanged.connect(lambda _: self._show_route(self.reason))
        self._show_route(self.reason)

    def _show_route(self, reason: str) -> None:
        self.route_label.setText(vocab(REFUSAL_REASONS.get(reason, "")))

    @property
    def reason(self) -> str:
        return combo_word(self.reason_combo)

    @reason.setter
    def reason(self, value: str) -> None:
        select_word(self.reason_combo, value)

    @property
    def route(self) -> str:
        return REFUSAL_REASONS.get(self.reason, "")

    def submit(self, call: ActionCall) -> CaseResult:
        return call.run(self.key, self.reason, note=self.note)


class ExtendForm(ActionForm):
    """延期: days (1–30), reason, and the head who approved it."""

    def _build(self) -> None:
        self.days_spin = QSpinBox(self)
        self.days_spin.setRange(1, self._choices.extension_days)
        self.days_spin.setValue(self._choices.extension_days)
        self.days_spin.setSuffix(self.tr(" 日"))
        self.reason_edit = self._text_edit(self.tr("延期理由"))
        self.approver_edit = QLineEdit(self)
        self.approver_edit.setPlaceholderText(self.tr("批准延期的负责人"))
        self.form.insertRow(0, self.tr("延期天数"), self.days_spin)
        self.form.addRow(self.tr("批准人"), self.approver_edit)

    @property
    def days(self) -> int:
        return self.days_spin.value()

    @days.setter
    def days(self, value: int) -> None:
        self.days_spin.setValue(value)

    @property
    def reason(self) -> str:
        return self.reason_edit.toPlainText()

    @reason.setter
    def reason(self, value: str) -> None:
        self.reason_edit.setPlainText(value)

    @property
    def approver(self) -> str:
        return self.approver_edit.text()

    @approver.setter
    def approver(self, value: str) -> None:
        self.approver_edit.setText(value)

    def submit(self, call: ActionCall) -> CaseResult:
        return call.run(self.key, self.days, self.reason, self.approver)


class OutcomesForm(ActionForm):
    """答复 (outcomes + reply), 当场答复 (outcomes + reply), 办结 (outcomes + note): 三到位一处理."""

    TEXT_LABELS = {
        "reply": QT_TRANSLATE_NOOP("OutcomesForm", "答复内容"),
        "answer_on_spot": QT_TRANSLATE_NOOP("OutcomesForm", "答复内容"),
        "close": QT_TRANSLATE_NOOP("OutcomesForm", "备注"),
    }

    def _build(self) -> None:
        row = QHBoxLayout()
        self.outcome_boxes = [QCheckBox(vocab(o), self) for o in OUTCOMES]
        for box in self.outcome_boxes:
            row.addWidget(box)
        row.addStretch(1)
        self.form.addRow(self.tr("办理结果"), row)
        self.text_edit = self._text_edit(self.tr(self.TEXT_LABELS[self.key]))

    @property
    def outcomes(self) -> list[str]:
        return [o for o, box in zip(OUTCOMES, self.outcome_boxes, strict=True) if box.isChecked()]

    @outcomes.setter
    def outcomes(self, chosen: list[str]) -> None:
        for outcome, box in zip(OUTCOMES, self.outcome_boxes, strict=True):
            box.setChecked(outcome in chosen)

    @property
    def text(self) -> str:
        return self.text_edit.toPlainText()

    @text.setter
    def text(self, value: str) -> None:
        self.text_edit.setPlainText(value)

    def submit(self, call: ActionCall) -> CaseResult:
        if self.key == "close":
            return call.run(self.key, self.outcomes, note=self.text)
        return call.run(self.key, self.outcomes, self.text)


class RateForm(ActionForm):
    """评价: the result, of the bureau itself or of a department that handled the matter."""

    def _build(self) -> None:
        self.result_combo = QComboBox(self)
        fill_combo(self.result_combo, RATING_RESULTS)
        self.body_combo = QComboBox(self)
        self.body_combo.addItem(vocab(BUREAU), BUREAU)
        for body in self._choices.rated_bodies:
            self.body_combo.addItem(body, body)
        self.form.addRow(self.tr("评价结果"), self.result_combo)
        self.form.addRow(self.tr("评价对象"), self.body_combo)

    @property
    def result(self) -> str:
        return combo_word(self.result_combo)

    @result.setter
    def result(self, value: str) -> None:
        select_word(self.result_combo, value)

    @property
    def body(self) -> str:
        return combo_word(self.body_combo)

    @body.setter
    def body(self, value: str) -> None:
        select_word(self.body_combo, value)

    def submit(self, call: ActionCall) -> CaseResult:
        department = None if self.body == BUREAU else self.body
        return call.run(self.key, self.result, department=department)
