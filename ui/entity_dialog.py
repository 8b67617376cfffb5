"""被反映对象管理 (for a chief): find an entity by name, alias or pinyin initials, see its aliases and
matters, add an alias, and merge a duplicate into the one kept ("XX置业", "XX置业有限公司" and
"XX小区开发商" become one; the merged one's aliases and matters follow it).

Merging asks first and names both; the service decides whether it is allowed and says why not.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import DeskError
from app.sources.entities import EntityService
from app.sources.records import EntityRecord
from ui import questions
from ui.app_messages import app_message
from ui.entity_picker import hit_label

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class EntityDialog(QDialog):
    changed = Signal()  # an alias was added or two entities merged
    matters_requested = Signal(str, list)  # a title and the matter numbers raised against the entity

    def __init__(self, entities: EntityService, may_merge: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("被反映对象管理"))
        # merging is offered to a role with the permission; the service decides and its refusal is shown
        self._entities, self._may_merge = entities, may_merge
        self.current: EntityRecord | None = None
        self.keep: EntityRecord | None = None
        self._build()
        self._connect()
        self.resize(820, 520)

    def _build(self) -> None:
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("名称、别名或拼音首字母"))
        self.results = QListWidget(self)
        left = QVBoxLayout()
        find_label = QLabel(self.tr("查找(&F)"), self)
        find_label.setBuddy(self.search_edit)
        left.addWidget(find_label)
        left.addWidget(self.search_edit)
        left.addWidget(self.results, 1)
        details = QGroupBox(self.tr("对象"), self)
        form = QFormLayout(details)
        self.name_label, self.kind_label, self.count_label = QLabel(self), QLabel(self), QLabel(self)
        self.aliases = QListWidget(self)
        self.alias_edit = QLineEdit(self)
        self.alias_edit.setPlaceholderText(self.tr("新别名，回车添加"))
        self.alias_button = QPushButton(self.tr("添加别名(&A)"), self)
        alias_row = QHBoxLayout()
        alias_row.addWidget(self.alias_edit, 1)
        alias_row.addWidget(self.alias_button)
        form.addRow(self.tr("名称"), self.name_label)
        form.addRow(self.tr("类型·属地"), self.kind_label)
        self.matters_button = QPushButton(self.tr("查看事项(&V)"), self)
        count_row = QHBoxLayout()
        count_row.addWidget(self.count_label, 1)
        count_row.addWidget(self.matters_button)
        form.addRow(self.tr("事项"), count_row)
        form.addRow(self.tr("别名"), self.aliases)
        form.addRow("", alias_row)
        self.keep_button = QPushButton(self.tr("设为保留对象(&K)"), self)
        self.keep_label = QLabel(self.tr("未选保留对象"), self)
        self.merge_button = QPushButton(self.tr("并入保留对象(&M)"), self)
        merge_box = QGroupBox(self.tr("合并重复对象"), self)
        merge_column = QVBoxLayout(merge_box)
        hint = self.tr("先选中要保留的对象，再查找重复的一个并入它。")
        merge_column.addWidget(
            QLabel(hint if self._may_merge else self.tr("合并须由科长或管理员操作。"), self)
        )
        merge_row = QHBoxLayout()
        merge_row.addWidget(self.keep_button)
        merge_row.addWidget(self.keep_label, 1)
        merge_row.addWidget(self.merge_button)
        merge_column.addLayout(merge_row)
        right = QVBoxLayout()
        right.addWidget(details, 1)
        right.addWidget(merge_box)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addLayout(right, 3)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        column = QVBoxLayout(self)
        column.addLayout(body, 1)
        column.addWidget(self.buttons)
        self._show_current()

    def _connect(self) -> None:
        self.buttons.rejected.connect(self.reject)
        self.search_edit.textChanged.connect(self.search)
        self.results.currentItemChanged.connect(lambda item, _old: self._select(item))
        self.alias_button.clicked.connect(self.add_alias)
        self.matters_button.clicked.connect(self.show_matters)
        self.alias_edit.returnPressed.connect(self.add_alias)
        self.keep_button.clicked.connect(self.mark_keep)
        self.merge_button.clicked.connect(self.merge)

    def search(self, text: str) -> None:
        self.results.clear()
        for hit in self._entities.suggest(text.strip(), limit=50) if text.strip() else []:
            item = QListWidgetItem(hit_label(hit))
            item.setData(ID_ROLE, hit.entity_id)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)

    def _select(self, item: QListWidgetItem | None) -> None:
        self.show_entity(item.data(ID_ROLE) if item is not None else None)

    def show_entity(self, entity_id: int | None) -> None:
        try:
            self.current = self._entities.entity(entity_id) if entity_id is not None else None
        except DeskError as error:
            self.current = None
            QMessageBox.warning(self, self.windowTitle(), app_message(error.message))
        self._show_current()

    def _show_current(self) -> None:
        entity = self.current
        self.name_label.setText(entity.name if entity else "")
        where = f"·{entity.township}" if entity and entity.township else ""
        self.kind_label.setText(f"{entity.kind}{where}" if entity else "")
        self.count_label.setText(self.tr("%1 件").replace("%1", str(entity.matter_count)) if entity else "")
        self.aliases.clear()
        self.aliases.addItems(entity.aliases if entity else [])
        for widget in (self.alias_edit, self.alias_button, self.matters_button):
            widget.setEnabled(entity is not None)
        self.keep_button.setEnabled(self._may_merge and entity is not None)
        keep = self.keep
        other = entity is not None and keep is not None and keep.entity_id != entity.entity_id
        mergeable = self._may_merge and other
        self.merge_button.setEnabled(mergeable)
        kept = self.tr("保留：%1").replace("%1", keep.name) if keep else self.tr("未选保留对象")
        self.keep_label.setText(kept)

    def show_matters(self) -> None:
        """The matters raised against the entity shown (after merges, its duplicates' too)."""
        if self.current is None:
            return
        numbers = [m.matter_no for m in self._entities.matters_of(self.current.entity_id)]
        self.matters_requested.emit(self.tr("%1 的事项").replace("%1", self.current.name), numbers)

    def add_alias(self) -> None:
        alias = self.alias_edit.text().strip()
        if self.current is None or not alias:
            return
        try:
            self._entities.add_alias(self.current.entity_id, alias)
        except DeskError as error:
            QMessageBox.warning(self, self.tr("无法添加别名"), app_message(error.message))
            return
        self.alias_edit.clear()
        self.show_entity(self.current.entity_id)
        self.changed.emit()

    def mark_keep(self) -> None:
        self.keep = self.current
        self._show_current()

    def merge(self) -> bool:
        """Merge the entity shown into the one kept, after asking; True when merged."""
        keep, gone = self.keep, self.current
        if keep is None or gone is None or keep.entity_id == gone.entity_id:
            return False
        question = self.tr("把“%1”（%2 件事项）并入“%3”？并入后其别名和事项都归“%3”，不能撤销。")
        question = question.replace("%1", gone.name).replace("%2", str(gone.matter_count))
        if not questions.ask(self, question.replace("%3", keep.name)):
            return False
        try:
            self._entities.merge(keep.entity_id, gone.entity_id)
        except DeskError as error:
            QMessageBox.warning(self, self.tr("无法合并"), app_message(error.message))
            return False
        self.changed.emit()
        self.keep = None
        self.show_entity(keep.entity_id)
        return True
