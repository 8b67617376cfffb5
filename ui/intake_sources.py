"""The intake's view of the source (追根溯源): what the matter is raised against, which open matters look like
it, and the group of related matters this visit joins.

While the clerk types, the similar-matters search waits for a pause (debounce) and runs in the thread pool;
only the newest answer is shown. A group is made (or chosen) when the clerk asks; registration then puts
the new matter into it in the same transaction (``VisitInput.group_id``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from app.desk import Desk
from app.errors import DeskError
from app.records import VisitInput
from app.sources.records import ENTITY_KINDS, SimilarMatch
from app.sources.text import terms
from ui.app_messages import app_message
from ui.entity_picker import EntityPicker
from ui.notifier import Notifier
from ui.similar_panel import SimilarPanel
from ui.vocabulary import list_separator
from ui.workers import Requests

DEBOUNCE_MS = 400  # a pause in typing, not every keystroke, starts a search
MIN_TEXT = 4  # fewer characters of appeal say too little to compare


class IntakeSources(QObject):
    matter_activated = Signal(str)
    message = Signal(str)

    def __init__(
        self, desk: Desk, notifier: Notifier, picker: EntityPicker, clerk: Callable[[], str], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._desk, self._notifier, self._window, self._clerk = desk, notifier, parent, clerk
        self.picker = picker
        self.picker.bind(lambda text: desk.sources.entities.suggest(text, limit=10))
        self.panel = SimilarPanel()
        self.group_id: int | None = None
        self._query: dict[str, object] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._requests = Requests(self)
        self._warming = Requests(self)  # the segmenter's dictionary loads in ~2 s: before the first search
        self._connect()

    def warm_up(self) -> None:
        """Load the segmenter before the first search; the main window calls it after its first paint
        (jieba's import and dictionary hold the interpreter for ~1 s: not while the window is built)."""
        self._warming.run(lambda: terms(ENTITY_KINDS[0]))  # any Chinese word loads it

    def _connect(self) -> None:
        self._timer.timeout.connect(self.search_now)
        self._requests.finished.connect(self._show)
        self._requests.failed.connect(self.panel.show_message)
        self.picker.changed.connect(self.schedule)
        self.panel.matter_activated.connect(self.matter_activated)
        self.panel.group_requested.connect(self.make_group)
        self.panel.join_requested.connect(self.join_group)
        self.panel.unlink_requested.connect(lambda: self.link(None))

    @property
    def searching(self) -> bool:
        return self._timer.isActive() or self._requests.busy

    # ---- the search ----

    def set_query(self, **query: object) -> None:
        """What the form holds now (text, township, category, person_id); a search follows a pause."""
        if query != self._query:
            self._query = query
            self.schedule()

    def schedule(self) -> None:
        self._timer.start()

    def search_now(self) -> None:
        self._timer.stop()
        text = str(self._query.get("text", "")).strip()
        entity_ids = self.picker.entity_ids
        if len(text) < MIN_TEXT and not entity_ids:
            self._requests.cancel()
            self.panel.show_matches([])
            return
        township = str(self._query.get("township") or "") or None
        category = str(self._query.get("category") or "") or None
        person = self._query.get("person_id")
        person_id = person if isinstance(person, int) else None
        similarity = self._desk.sources.similarity
        self.panel.show_busy()
        self._requests.run(
            lambda: similarity.similar_open(
                text, township=township, category=category, entity_ids=entity_ids, person_id=person_id
            )
        )

    def _show(self, matches: list[SimilarMatch]) -> None:
        self.panel.show_matches(matches, asked=True)

    # ---- the group ----

    def make_group(self, matter_nos: list[str]) -> None:
        """A new joint-handling group of the chosen matches; the visit will join it when saved."""
        if not matter_nos:
            return
        first = next((m for m in self.panel.matches if m.matter_no == matter_nos[0]), None)
        title = self.tr("联合调处：%1").replace("%1", first.summary if first else matter_nos[0])
        try:
            group_id = self._desk.sources.groups.create(title, matter_nos, created_by=self._clerk())
        except DeskError as error:
            QMessageBox.warning(self._window, self.tr("无法建组"), app_message(error.message))
            return
        self._notifier.matters_changed.emit()
        self.link(group_id)
        self.schedule()  # the matches now show their group

    def join_group(self, group_id: int) -> None:
        self.link(group_id)

    def link(self, group_id: int | None) -> None:
        self.group_id = group_id
        self.panel.show_link(group_id, self._describe(group_id) if group_id is not None else "")
        if group_id is not None:
            self.message.emit(self.tr("本次登记保存后并入联合调处组"))

    def _describe(self, group_id: int) -> str:
        try:
            members = self._desk.sources.groups.members(group_id)
        except DeskError as error:
            return error.message
        numbers = list_separator().join(members.matter_nos[:4]) + (
            self.tr("等") if len(members.matter_nos) > 4 else ""
        )
        return (
            self.tr("%1（%2 件：%3）")
            .replace("%1", members.title)
            .replace("%2", str(len(members.matter_nos)))
            .replace("%3", numbers)
        )

    # ---- with the form ----

    def extend(self, visit: VisitInput) -> VisitInput:
        """The form's VisitInput with the entities and the group."""
        return dataclasses.replace(
            visit,
            entity_ids=self.picker.entity_ids,
            new_entities=self.picker.new_entities,
            group_id=self.group_id,
        )

    def reset(self) -> None:
        self._timer.stop()
        self._requests.cancel()
        self._query = {}
        self.picker.clear()
        self.link(None)
        self.panel.show_matches([])
