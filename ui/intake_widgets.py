"""Small widgets of the intake form: the field frame with its error line, the row tables, the category
completer. Layout only; the form decides what they mean."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.reference import CategoryItem, match_categories

ERROR_STYLE = "color: #C0392B; font-size: 12px;"
CATEGORY_NAME_ROLE = Qt.ItemDataRole.UserRole + 1


def error_label(parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def framed(widget: QWidget, error: QLabel, extra: QWidget | None = None) -> QWidget:
    """The widget with its (hidden) red error line under it, and an optional note beside it."""
    frame = QWidget()
    column = QVBoxLayout(frame)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    if extra is None:
        column.addWidget(widget)
    else:
        row = QHBoxLayout()
        row.addWidget(widget, 1)
        row.addWidget(extra)
        column.addLayout(row)
    column.addWidget(error)
    return frame


def editable_combo(items: list[str], placeholder: str) -> QComboBox:
    """A combo the clerk may type into; only listed values pass the service's check."""
    combo = QComboBox()
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.addItems(items)
    combo.setCurrentIndex(-1)
    edit = combo.lineEdit()
    if edit is not None:
        edit.setPlaceholderText(placeholder)
    return combo


def department_list(departments: list[str], columns_hint: int = 4) -> QListWidget:
    """Checkable departments flowing in even columns: one tab stop, Space ticks the current one."""
    view = QListWidget()
    view.setFlow(QListView.Flow.LeftToRight)
    view.setWrapping(True)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    metrics = view.fontMetrics()
    widest = max((metrics.horizontalAdvance(name) for name in departments), default=80)
    row_height = metrics.height() + 8
    view.setGridSize(QSize(widest + 36, row_height))
    rows = -(-len(departments) // columns_hint)
    view.setFixedHeight(rows * row_height + 2 * view.frameWidth() + 4)
    for name in departments:
        item = QListWidgetItem(name, view)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
    return view


class RowTable(QWidget):
    """A small editable table with 添加/删除 buttons (group persons, materials)."""

    def __init__(
        self, headers: list[str], add_text: str, remove_text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, len(headers), self)
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table: the form stays keyboard-first
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMaximumHeight(130)
        self.add_button = QPushButton(add_text, self)
        self.remove_button = QPushButton(remove_text, self)
        self.remove_button.clicked.connect(self.remove_current)
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.table, 1)
        row.addLayout(buttons)

    def add_row(self, texts: list[str], checked: bool | None = None) -> int:
        """A row of texts; ``checked`` adds a checkbox in the last column (代表)."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in enumerate(texts):
            self.table.setItem(row, column, QTableWidgetItem(text))
        if checked is not None:
            box = QTableWidgetItem()
            box.setFlags(
                Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            )
            box.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.table.setItem(row, len(texts), box)
        return row

    def edit_new_row(self, texts: list[str], checked: bool | None = None) -> None:
        """Add a row and start typing in its first cell."""
        row = self.add_row(texts, checked)
        self.table.setCurrentCell(row, 0)
        item = self.table.item(row, 0)
        if item is not None:
            self.table.editItem(item)

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def clear_rows(self) -> None:
        self.table.setRowCount(0)

    def text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def checked(self, row: int, column: int) -> bool:
        item = self.table.item(row, column)
        return item is not None and item.checkState() == Qt.CheckState.Checked

    def rows(self) -> int:
        return self.table.rowCount()


class CategoryCompleter(QCompleter):
    """Type-ahead for 内容分类 through the service's match_categories: ``cxjs`` offers 城乡建设.

    The popup shows ``parent / name``; choosing inserts the bare name the service expects.
    """

    def __init__(
        self, combo: QComboBox, categories: list[CategoryItem], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._categories = categories
        self._model = QStandardItemModel(self)
        self.setModel(self._model)
        self.setCompletionRole(CATEGORY_NAME_ROLE)
        self.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        combo.setCompleter(self)
        edit = combo.lineEdit()
        assert edit is not None
        edit.textEdited.connect(self.offer)

    def offer(self, typed: str) -> None:
        """Refill the popup with the matches of what was typed, and show it."""
        self._model.clear()
        if not typed.strip():
            return
        for item in match_categories(self._categories, typed):
            row = QStandardItem(item.label)
            row.setData(item.name, CATEGORY_NAME_ROLE)
            self._model.appendRow(row)
        if self._model.rowCount():
            self.complete()

    def offered(self) -> list[str]:
        """The names in the popup now (for tests and the status line)."""
        return [str(self._model.item(r).data(CATEGORY_NAME_ROLE)) for r in range(self._model.rowCount())]
