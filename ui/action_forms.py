"""The fields of an action on a matter: the base form, the call it makes, and the plain forms (a note, a
decision text, the matter to merge into). The forms that name departments or outcomes: `ui.decision_forms`.

Layout is built in ``_build``; the typed properties are what tests read and set; ``submit`` makes the one
service call, passing the version the clerk was looking at. Checking the values is the service's job: its
ValidationError is shown by the dialog around the form.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtWidgets import QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from app.case_records import CaseResult
from app.cases import CaseService

MAX_EXTENSION_DAYS = 30  # Art 34: at most 30 days, once


@dataclass(frozen=True)
class ActionCall:
    """Who acts on which matter, and the version of it on the clerk's screen."""

    cases: CaseService
    matter_no: str
    clerk: str
    version: int

    def run(self, key: str, *args: Any, **values: Any) -> CaseResult:
        method: Callable[..., CaseResult] = getattr(self.cases, key)
        return method(self.matter_no, *args, clerk=self.clerk, expected_version=self.version, **values)


@dataclass(frozen=True)
class FormChoices:
    """The names a form offers: departments for this action, the bodies a rating may be about."""

    departments: list[str] = field(default_factory=list)
    rated_bodies: list[str] = field(default_factory=list)
    extension_days: int = MAX_EXTENSION_DAYS


class ActionForm(QWidget):
    def __init__(self, key: str, choices: FormChoices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self._choices = choices
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self._build()

    def _build(self) -> None:
        raise NotImplementedError

    def submit(self, call: ActionCall) -> CaseResult:
        raise NotImplementedError

    def _text_edit(self, label: str, placeholder: str = "") -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(72)
        self.form.addRow(label, edit)
        return edit


class NoteForm(ActionForm):
    """受理, 受理审查, 不再受理, 办理, 复查/复核申请, 复查, 复核: an optional note."""

    def _build(self) -> None:
        self.note_edit = self._text_edit(self.tr("备注"), self.tr("可不填"))

    @property
    def note(self) -> str:
        return self.note_edit.toPlainText()

    @note.setter
    def note(self, value: str) -> None:
        self.note_edit.setPlainText(value)

    def submit(self, call: ActionCall) -> CaseResult:
        return call.run(self.key, note=self.note)


class TextForm(ActionForm):
    """复查意见 / 复核意见: the decision's text."""

    def _build(self) -> None:
        self.text_edit = self._text_edit(self.tr("意见内容"))

    @property
    def text(self) -> str:
        return self.text_edit.toPlainText()

    @text.setter
    def text(self, value: str) -> None:
        self.text_edit.setPlainText(value)

    def submit(self, call: ActionCall) -> CaseResult:
        return call.run(self.key, text=self.text)


class MergeForm(NoteForm):
    """合并: the number of the open matter this duplicate goes into."""

    def _build(self) -> None:
        self.into_edit = QLineEdit(self)
        self.into_edit.setPlaceholderText(self.tr("要并入的事项编号"))
        self.form.addRow(self.tr("并入事项"), self.into_edit)
        super()._build()

    @property
    def into(self) -> str:
        return self.into_edit.text()

    @into.setter
    def into(self, value: str) -> None:
        self.into_edit.setText(value)

    def submit(self, call: ActionCall) -> CaseResult:
        return call.run(self.key, self.into, note=self.note)
