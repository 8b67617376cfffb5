"""Who is at the window: the ID number read as it is typed, the person's history fetched, name+phone
suggestions offered and confirmed. Certain on the ID number; a suggestion only counts once the clerk says so.
The history of a complete ID number is read in a worker (ui/workers.py): shown when ready while the clerk
keeps typing; an answer for a number since changed is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app.errors import ValidationError
from app.recognition import RecognitionService
from app.records import IdInfo, MatterSummary, PersonHistory
from app.rules.idnumber import normalise_id_number, parse_id_number
from ui.app_messages import app_message
from ui.history_panel import HistoryPanel
from ui.vocabulary import vocab
from ui.workers import Requests

if TYPE_CHECKING:
    from ui.intake_form import IntakeForm

ID_OK = "color: #1E6B34;"
ID_BAD = "color: #C0392B;"
GRACE_MS = 100  # a history read within this is shown at once (it takes ~10 ms on a million visits)


def _tr(text: str) -> str:
    return QCoreApplication.translate("IntakeForm", text)


class Recognition:
    def __init__(
        self,
        form: IntakeForm,
        service: RecognitionService,
        panel: HistoryPanel,
        clock: Callable[[], datetime],
    ) -> None:
        self._form, self._service, self._panel, self._clock = form, service, panel, clock
        self._history: PersonHistory | None = None
        self._rejected: set[int] = set()
        self.known_person_id: int | None = None  # a name+phone suggestion the clerk confirmed
        self.requests = Requests(form)
        self.requests.finished.connect(self._history_ready)
        self.requests.failed.connect(lambda message: self._show_id_info(None, "✗ " + message))
        form.id_edit.textChanged.connect(self.on_id_changed)
        form.id_edit.editingFinished.connect(lambda: self.on_id_changed(form.id_edit.text(), finished=True))
        for edit in (form.name_edit, form.phone_edit):
            edit.textEdited.connect(self._forget_confirmation)
            edit.editingFinished.connect(self.suggest)
        panel.person_confirmed.connect(self.confirm)
        panel.person_rejected.connect(self._rejected.add)

    @property
    def history(self) -> PersonHistory | None:
        return self._history

    def open_matter(self, matter_no: str) -> MatterSummary | None:
        matters = self._history.open_matters if self._history else []
        return next((m for m in matters if m.matter_no == matter_no), None)

    def reset(self) -> None:
        self.requests.cancel()
        self.known_person_id = None
        self._rejected.clear()
        self._show_id_info(None, "")
        self._show(None, first_visit=False)

    # ---- certain: the ID number ----

    def on_id_changed(self, text: str, finished: bool = False) -> None:
        # 15 digits may be a legacy number, or an 18-digit one still being typed: read it only when done
        still_typing = len("".join(text.split())) == 15 and not finished
        number = normalise_id_number(text)
        self.requests.cancel()  # whatever was asked for the number before, it is not this one
        if len(number) != 18 or still_typing:
            self._show_id_info(None, "")
            if self.known_person_id is None and self._history is not None:
                self._show(None, first_visit=False)
            return
        try:
            info = parse_id_number(number, self._clock().date())
        except ValidationError as error:
            self._show_id_info(None, "✗ " + app_message(error.message))
            self._show(None, first_visit=False)
            return
        self._show_id_info(info, "✓ " + vocab(info.document))
        service, id_number = self._service, info.id_number
        self.requests.run(lambda: service.history_for_id(id_number), GRACE_MS)

    def _history_ready(self, history: PersonHistory | None) -> None:
        self._show(history, first_visit=True)
        if history is not None and not self._form.name_edit.text().strip():
            self._form.name_edit.setText(history.name)

    def _show_id_info(self, info: IdInfo | None, status: str) -> None:
        form = self._form
        form.id_status.setText(status)
        form.id_status.setStyleSheet(ID_OK if info else ID_BAD)
        if info is None:
            for view in (form.sex_view, form.birth_view, form.age_view, form.region_view):
                view.clear()
            return
        form.sex_view.setText(vocab(info.sex))
        form.birth_view.setText(f"{info.birth_date:%Y-%m-%d}")
        form.age_view.setText(
            QCoreApplication.translate("IntakeForm", "%1岁").replace(
                "%1", str(info.age_on(self._clock().date()))
            )
        )
        form.region_view.setText(info.region_name or info.province or info.region_code)
        form.region_view.setCursorPosition(0)

    def _show(self, history: PersonHistory | None, first_visit: bool) -> None:
        self._history = history
        if history is not None or first_visit:
            self._panel.show_history(history)
        else:
            self._panel.clear()
        self._form.fill_repeat_choices(history)

    # ---- suggested: name + phone ----

    def suggest(self) -> None:
        """Without an ID number, offer earlier visitors with the same name and phone."""
        name, phone = self._form.name_edit.text().strip(), self._form.phone_edit.text().strip()
        if self._form.id_edit.text().strip() or self.known_person_id is not None or not (name and phone):
            return
        candidates = [c for c in self._service.suggest(name, phone) if c.person_id not in self._rejected]
        self._panel.show_suggestions(candidates)

    def confirm(self, person_id: int) -> None:
        """The clerk says the suggested person is the one at the window."""
        self.requests.cancel()
        self.known_person_id = person_id
        self._show(self._service.history(person_id), first_visit=True)

    def _forget_confirmation(self) -> None:
        if self.known_person_id is not None:
            self.known_person_id = None
            self._show(None, first_visit=False)
