"""Messages beside the fields: a service's ValidationError shown under each field it names.

A field the form does not know (or an error that is not about a field) goes to the form's general line,
so that nothing a service says is lost.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QLabel, QWidget

from app.errors import DeskError, ValidationError
from ui.app_messages import app_message
from ui.vocabulary import clause_separator

ERROR_STYLE = "color: #C62828;"
GENERAL = ""  # the general line's key


class FieldErrors:
    def __init__(self, parent: QWidget, fields: Iterable[str]) -> None:
        self.labels = {name: _label(parent) for name in (*fields, GENERAL)}

    def label(self, name: str = GENERAL) -> QLabel:
        return self.labels[name]

    def text(self, name: str = GENERAL) -> str:
        return self.labels[name].text()  # "" when the field has no message

    def show(self, errors: dict[str, str]) -> None:
        known = {name: message for name, message in errors.items() if name in self.labels}
        lost = [message for name, message in errors.items() if name not in self.labels]
        if lost:
            known[GENERAL] = clause_separator().join(filter(None, [known.get(GENERAL, ""), *lost]))
        for name, label in self.labels.items():
            label.setText(known.get(name, ""))
            label.setVisible(name in known)

    def show_error(self, error: DeskError) -> None:
        if isinstance(error, ValidationError):
            merged: dict[str, str] = {}
            for e in error.errors:
                merged[e.field] = clause_separator().join(
                    filter(None, [merged.get(e.field, ""), app_message(e.message)])
                )
            self.show(merged)
        else:
            self.show({GENERAL: app_message(error.message)})

    def clear(self) -> None:
        self.show({})


def _label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label
