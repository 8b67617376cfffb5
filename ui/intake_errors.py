"""Each service message beside its field: a red line under the widget, the first wrong field focused.

Paths are the service's (``persons[2].id_number``, ``materials[0].pages``); rows of the small tables share
one line under their table, each message prefixed with its row.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.errors import FieldError
from ui.app_messages import app_message
from ui.intake_layout import IntakeLayout
from ui.vocabulary import clause_separator

_PERSON = re.compile(r"persons\[(\d+)\]\.(\w+)")
_MATERIAL = re.compile(r"materials\[(\d+)\]\.\w+")
_LISTED = re.compile(r"(departments|flags)\[\d+\]")
GENERAL = "general"


def _tr(text: str) -> str:
    return QCoreApplication.translate("IntakeForm", text)


def display_key(path: str, known: set[str]) -> tuple[str, str]:
    """Which error line shows the message for ``path``, and the prefix that says which row."""
    if person := _PERSON.fullmatch(path):
        row = int(person.group(1))
        if row == 0 and path in known:
            return path, ""
        return "group", "" if row == 0 else QCoreApplication.translate("IntakeForm", "第%1行：").replace(
            "%1", str(row)
        )
    if material := _MATERIAL.fullmatch(path):
        return "materials", QCoreApplication.translate("IntakeForm", "第%1行：").replace(
            "%1", str(int(material.group(1)) + 1)
        )
    if listed := _LISTED.fullmatch(path):
        return listed.group(1), ""
    if path == "persons":
        return "persons[0].name", ""
    return (path, "") if path in known else (GENERAL, "")


class ErrorDisplay:
    def __init__(self, ui: IntakeLayout) -> None:
        self._ui = ui
        self._errors: dict[str, str] = {}
        self._general: list[str] = []

    @property
    def errors(self) -> dict[str, str]:
        """Path → message(s), as the service named them."""
        return dict(self._errors)

    @property
    def general(self) -> list[str]:
        """Messages tied to no field of the form."""
        return list(self._general)

    def clear(self) -> None:
        self._errors.clear()
        self._general.clear()
        for label in self._ui.error_labels.values():
            label.clear()
            label.hide()

    def show(self, errors: list[FieldError]) -> QWidget | None:
        """Show every message; return the widget of the first wrong field in form order."""
        self.clear()
        lines: dict[str, list[str]] = {}
        known = set(self._ui.error_labels)
        for error in errors:
            self._errors[error.field] = clause_separator().join(
                filter(None, [self._errors.get(error.field), app_message(error.message)])
            )
            key, prefix = display_key(error.field, known)
            if key == GENERAL:
                self._general.append(app_message(error.message))
            else:
                lines.setdefault(key, []).append(prefix + app_message(error.message))
        for key, messages in lines.items():
            self._ui.error_labels[key].setText("\n".join(messages))
            self._ui.error_labels[key].show()
        return self._first_target(list(lines))

    def _first_target(self, keys: list[str]) -> QWidget | None:
        chain = self._ui.tab_chain()
        targets = [self._ui.error_targets[k] for k in keys if k in self._ui.error_targets]
        targets.sort(key=lambda w: chain.index(w) if w in chain else len(chain))
        return targets[0] if targets else None
