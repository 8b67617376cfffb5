"""The small dialog around each action's form: it makes the call, keeps the clerk's input when the service
refuses it (ValidationError), and closes with ``conflict`` set when another window changed the matter.

Shortcuts are fixed per action, so a clerk learns them once; two actions share a key only when no status
offers both (e.g. 当场答复 at the window and 答复 while handling).
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from app.case_records import CaseFile, CaseResult
from app.errors import ConflictError, DeskError, ValidationError
from app.workflow import ACTIONS
from ui.action_forms import ActionCall, ActionForm, FormChoices, MergeForm, NoteForm, TextForm
from ui.app_messages import app_message
from ui.decision_forms import (
    DepartmentForm,
    DepartmentsForm,
    ExtendForm,
    OutcomesForm,
    RateForm,
    RefuseForm,
)
from ui.vocabulary import action_label, vocab

SHORTCUTS: dict[str, str] = {
    "answer_on_spot": "Alt+D",  # 当场答复
    "start_review": "Alt+C",  # 受理审查
    "accept": "Alt+S",  # 受理
    "refuse": "Alt+B",  # 不予受理
    "refuse_again": "Alt+N",  # 不再受理
    "forward": "Alt+Z",  # 转送
    "assign": "Alt+J",  # 交办
    "sign_for": "Alt+Q",  # 签收
    "return_assignment": "Alt+T",  # 退回
    "feedback": "Alt+K",  # 反馈
    "start_handling": "Alt+L",  # 办理
    "extend": "Alt+Y",  # 延期
    "reply": "Alt+D",  # 答复
    "rate": "Alt+P",  # 评价
    "request_review": "Alt+A",  # 复查申请
    "start_review_case": "Alt+C",  # 复查
    "review_decision": "Alt+O",  # 复查意见
    "request_rereview": "Alt+A",  # 复核申请
    "start_rereview": "Alt+C",  # 复核
    "rereview_decision": "Alt+O",  # 复核意见
    "close": "Alt+W",  # 办结
    "merge": "Alt+H",  # 合并
}
PRINT_SHORTCUT = "F9"  # 打印文书

FORMS: dict[str, type[ActionForm]] = {
    "forward": DepartmentsForm,
    "assign": DepartmentsForm,
    "sign_for": DepartmentForm,
    "return_assignment": DepartmentForm,
    "feedback": DepartmentForm,
    "refuse": RefuseForm,
    "extend": ExtendForm,
    "reply": OutcomesForm,
    "answer_on_spot": OutcomesForm,
    "close": OutcomesForm,
    "rate": RateForm,
    "merge": MergeForm,
    "review_decision": TextForm,
    "rereview_decision": TextForm,
}


def form_for(key: str, choices: FormChoices, parent: QWidget | None = None) -> ActionForm:
    """The form of ``key``; the actions with nothing to fill in take a note."""
    return FORMS.get(key, NoteForm)(key, choices, parent)


def choices_for(key: str, case: CaseFile, all_departments: list[str]) -> FormChoices:
    """The departments the action can name, as the case file stands."""
    active = [a for a in case.assignments if a.returned_at is None]
    by_key = {
        "forward": [d for d in all_departments if d not in {a.department for a in active}],
        "sign_for": [a.department for a in active if a.signed_at is None],
        "return_assignment": [a.department for a in active if a.signed_at is None],
        "feedback": [a.department for a in active if a.signed_at is not None],
    }
    by_key["assign"] = by_key["forward"]
    rated = list(dict.fromkeys(a.department for a in case.assignments))
    return FormChoices(departments=by_key.get(key, []), rated_bodies=rated)


class ActionDialog(QDialog):
    """One action: its form, an error line, 确定/取消."""

    def __init__(self, form: ActionForm, call: ActionCall, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = form
        self._call = call
        self.outcome: CaseResult | None = None
        self.conflict = ""
        self._build()

    def _build(self) -> None:
        label = action_label(ACTIONS[self.form.key].label)
        self.setWindowTitle(self.tr("%1 — %2").replace("%1", label).replace("%2", self._call.matter_no))
        self.hint = QLabel(self._hint(), self)
        self.hint.setWordWrap(True)
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
        layout.addWidget(self.hint)
        layout.addWidget(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def _hint(self) -> str:
        action = ACTIONS[self.form.key]
        if action.target is None:
            return self.tr("办理后状态不变。")
        text = self.tr("办理后状态变为“%1”").replace("%1", vocab(action.target))
        return (
            text
            + (self.tr("（%1）").replace("%1", vocab(action.condition)) if action.condition else "")
            + self.tr("。")
        )

    @property
    def error_text(self) -> str:
        return self.error_label.text() if not self.error_label.isHidden() else ""

    def accept(self) -> None:
        """Make the call; stay open on a refusal the clerk can fix, close on success or a conflict."""
        try:
            self.outcome = self.form.submit(self._call)
        except ConflictError as error:
            self.conflict = app_message(error.message)
            super().reject()
            return
        except ValidationError as error:
            self._show_errors([app_message(e.message) for e in error.errors])
            return
        except DeskError as error:
            self._show_errors([app_message(error.message)])
            return
        super().accept()

    def _show_errors(self, messages: list[str]) -> None:
        self.error_label.setText("\n".join(messages))
        self.error_label.show()


def action_dialog(
    key: str, case: CaseFile, call: ActionCall, departments: list[str], parent: QWidget | None = None
) -> ActionDialog:
    form = form_for(key, choices_for(key, case, departments))
    return ActionDialog(form, call, parent)
