"""被反映对象 at intake: type-ahead over the known entities (names, aliases, pinyin initials), or a new one
named with its kind. Keyboard only: type, ↓ and Enter to take a suggestion, Enter on an unknown name to add
it as new with the kind beside it, Delete in the chosen list to drop one, Enter on an empty box to move on.

The suggestions are read in the thread pool (ui/workers.py); the picker only holds what was chosen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.sources.records import ENTITY_KINDS, EntityHit
from ui.vocabulary import combo_word, fill_combo, vocab
from ui.workers import Requests

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
CHOICE_ROLE = Qt.ItemDataRole.UserRole + 1  # an entity id (int) or a new entity's (name, kind)
Suggest = Callable[[str], list[EntityHit]]


def hit_label(hit: EntityHit) -> str:
    """What a suggestion says: the name, its kind and place, and the alias that matched if not the name."""
    where = f"·{hit.township}" if hit.township else ""
    said = QCoreApplication.translate("EntityPicker", "，别名“%1”").replace("%1", hit.matched)
    alias = said if hit.matched and hit.matched != hit.name else ""
    return (
        QCoreApplication.translate("EntityPicker", "%1（%2%3%4）")
        .replace("%1", hit.name)
        .replace("%2", vocab(hit.kind))
        .replace("%3", where)
        .replace("%4", alias)
    )


class EntityPicker(QWidget):
    changed = Signal()  # an entity was added or removed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._suggest: Suggest | None = None
        self._hits: dict[str, EntityHit] = {}  # the popup's lines, as shown
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("企业、项目或小区、部门、村（居）委会：名称、简称或拼音首字母"))
        self.kind_combo = QComboBox(self)
        fill_combo(self.kind_combo, ENTITY_KINDS)
        self.kind_combo.setToolTip(self.tr("新对象的类型（名称不在列表中时按回车新增）"))
        self.chosen = QListWidget(self)
        self.chosen.setMaximumHeight(52)
        self.chosen.setToolTip(self.tr("已选的被反映对象；按 Delete 移除"))
        self._model = QStringListModel(self)
        self.completer = QCompleter(self._model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setWidget(self.edit)
        self._requests = Requests(self)
        self._layout()
        self._connect()

    def _layout(self) -> None:
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.kind_combo)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(row)
        column.addWidget(self.chosen)
        self.chosen.hide()

    def _connect(self) -> None:
        self.edit.textEdited.connect(self._ask)
        self.completer.activated.connect(self._take_line)
        self._requests.finished.connect(self._show_hits)
        self.edit.installEventFilter(self)
        self.chosen.installEventFilter(self)
        self._popup().installEventFilter(self)  # called before the completer's own filter

    def bind(self, suggest: Suggest) -> None:
        self._suggest = suggest

    # ---- what the form reads ----

    @property
    def entity_ids(self) -> tuple[int, ...]:
        return tuple(c for c in self._choices() if isinstance(c, int))

    @property
    def new_entities(self) -> tuple[tuple[str, str], ...]:
        return tuple(c for c in self._choices() if isinstance(c, tuple))

    @property
    def suggestions(self) -> list[EntityHit]:
        return list(self._hits.values())

    def _choices(self) -> list[int | tuple[str, str]]:
        return [self.chosen.item(i).data(CHOICE_ROLE) for i in range(self.chosen.count())]

    def draft(self) -> list[list[object]]:
        """The chosen entities as JSON-ready rows for the intake draft: [label, id] or [label, name, kind]."""
        rows: list[list[object]] = []
        for i in range(self.chosen.count()):
            item = self.chosen.item(i)
            choice = item.data(CHOICE_ROLE)
            rows.append([item.text(), choice] if isinstance(choice, int) else [item.text(), *choice])
        return rows

    def restore(self, rows: list[list[object]]) -> None:
        """Put a draft's choices back (rows the draft file holds in another shape are skipped)."""
        self.clear()
        for row in rows:
            if len(row) == 2 and isinstance(row[1], int):
                self._append(str(row[0]), row[1])
            elif len(row) == 3:
                self._append(str(row[0]), (str(row[1]), str(row[2])))

    def clear(self) -> None:
        self.edit.clear()
        self.chosen.clear()
        self.chosen.hide()
        self._hits = {}
        self._model.setStringList([])
        self._requests.cancel()

    # ---- type-ahead ----

    def _ask(self, text: str) -> None:
        suggest, wanted = self._suggest, text.strip()
        if suggest is None or not wanted:
            self._requests.cancel()
            self._show_hits([])
            return
        self._requests.run(lambda: suggest(wanted))

    def _show_hits(self, hits: list[EntityHit]) -> None:
        self._hits = {hit_label(hit): hit for hit in hits}
        self._model.setStringList(list(self._hits))
        if hits and self.edit.hasFocus():
            self.completer.complete()
        else:
            self._popup().hide()

    def _take_line(self, line: str) -> None:
        hit = self._hits.get(line)
        if hit is not None:
            self.add_entity(hit)

    def take_typed(self) -> None:
        """Enter without the popup: the suggestion named as typed, else a new entity of the kind shown."""
        name = self.edit.text().strip()
        if not name:
            return
        same = next((h for h in self._hits.values() if name in (h.name, h.matched)), None)
        if same is not None:
            self.add_entity(same)
        else:
            self.add_new(name, combo_word(self.kind_combo))

    # ---- the chosen list ----

    def add_entity(self, hit: EntityHit) -> None:
        if hit.entity_id not in self.entity_ids:
            self._append(
                self.tr("%1（%2）").replace("%1", hit.name).replace("%2", vocab(hit.kind)), hit.entity_id
            )
        self._after_choice()

    def add_new(self, name: str, kind: str) -> None:
        if (name, kind) not in self.new_entities:
            self._append(
                self.tr("%1（%2，新增）").replace("%1", name).replace("%2", vocab(kind)), (name, kind)
            )
        self._after_choice()

    def _append(self, text: str, choice: int | tuple[str, str]) -> None:
        item = QListWidgetItem(text)
        item.setData(CHOICE_ROLE, choice)
        self.chosen.addItem(item)
        self.chosen.show()

    def _after_choice(self) -> None:
        self.edit.clear()
        self._popup().hide()
        self.changed.emit()

    def remove_current(self) -> None:
        row = self.chosen.currentRow()
        if row >= 0:
            self.chosen.takeItem(row)
            self.chosen.setVisible(self.chosen.count() > 0)
            self.changed.emit()

    def _popup(self) -> QAbstractItemView:
        popup = self.completer.popup()
        assert popup is not None  # a QCompleter always has one
        return popup

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        popup = self._popup()
        if watched is popup and event.key() in ENTER_KEYS and not popup.currentIndex().isValid():
            popup.hide()  # Enter with no suggestion picked: the name as typed
            self.take_typed()
            return True
        if watched is self.chosen and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.remove_current()
            return True
        if watched is self.edit and event.key() in ENTER_KEYS and not popup.isVisible():
            if self.edit.text().strip():
                self.take_typed()
            else:
                self.focusNextChild()  # on to the next field, past the kind of a new entity
                if self.kind_combo.hasFocus():
                    self.focusNextChild()
            return True
        return super().eventFilter(watched, event)
