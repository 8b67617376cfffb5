"""Pieces of the supervision board: the 督办 dialog, the counts by department or clerk, the resolve choice.

The dialog raises the 督办 itself through SupervisionService and stays open with the service's messages
beside the fields when it refuses, like the settings dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import DeskError
from app.supervision import SupervisionService
from app.supervision_records import ATTENTION, BoardFilter, SupervisionRecord
from app.supervision_rules import LEVELS, RANK
from ui.field_errors import FieldErrors
from ui.vocabulary import combo_word, fill_combo, select_word, vocab


def _tr(text: str) -> str:
    return QCoreApplication.translate("BoardPage", text)


class RaiseDialog(QDialog):
    """督办 by hand: a level and a reason, signed by the window's clerk."""

    def __init__(
        self,
        supervision: SupervisionService,
        matter_no: str,
        summary: str,
        clerk: str,
        current_level: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = supervision
        self.matter_no, self.clerk = matter_no, clerk
        self.raised: SupervisionRecord | None = None
        self.setWindowTitle(self.tr("督办 %1").replace("%1", matter_no))
        self.level_combo = QComboBox(self)
        fill_combo(self.level_combo, LEVELS)
        # One step above what the board shows already: raising by hand should mean something more.
        above = min(RANK.get(current_level, 0), len(LEVELS) - 1)
        self.level_combo.setCurrentIndex(above)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setPlaceholderText(self.tr("督办理由，如：群众反映强烈，请加快办理"))
        self.errors = FieldErrors(self, ("level", "reason"))
        form = QFormLayout()
        form.addRow(self.tr("事项"), QLabel(f"{matter_no}  {summary}", self))
        form.addRow(self.tr("督办级别"), self.level_combo)
        form.addRow("", self.errors.label("level"))
        form.addRow(self.tr("督办理由"), self.reason_edit)
        form.addRow("", self.errors.label("reason"))
        form.addRow(self.tr("督办人"), QLabel(clerk or self.tr("（未设置）"), self))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("督办"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.label())
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

    @property
    def level(self) -> str:
        return combo_word(self.level_combo)

    @level.setter
    def level(self, value: str) -> None:
        select_word(self.level_combo, value)

    @property
    def reason(self) -> str:
        return self.reason_edit.text()

    def accept(self) -> None:
        try:
            self.raised = self._service.raise_supervision(self.matter_no, self.level, self.reason, self.clerk)
        except DeskError as error:
            self.errors.show_error(error)
            return
        self.errors.clear()
        super().accept()


class BoardFilters(QWidget):
    """Department, first clerk, leader, state, level and 只看需关注, as one BoardFilter."""

    changed = Signal()
    ALL = None  # each combo's first item: no restriction

    def __init__(
        self, departments: list[str], clerks: list[str], leaders: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.department_combo = self._combo(self.tr("全部部门"), [(n, n) for n in departments])
        self.clerk_combo = self._combo(self.tr("全部首接人"), [(n, n) for n in clerks])
        self.leader_combo = self._combo(self.tr("全部包案领导"), [(n, n) for n in leaders])
        states: list[tuple[str, object]] = [
            (vocab("超期"), frozenset({"超期"})),
            (vocab("临期"), frozenset({"临期"})),
        ]
        states.append((self.tr("超期和临期"), ATTENTION))
        states.append((vocab("正常"), frozenset({"正常"})))
        self.state_combo = self._combo(self.tr("全部状态"), states)
        levels = [(vocab(n), frozenset({n})) for n in LEVELS[::-1]]
        self.level_combo = self._combo(self.tr("全部级别"), [*levels, (self.tr("未督办"), frozenset({""}))])
        self.attention_check = QCheckBox(self.tr("只看需关注"), self)
        self.attention_check.setChecked(True)
        self.attention_check.toggled.connect(self.changed)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for label, combo in (
            (self.tr("部门"), self.department_combo),
            (self.tr("首接人"), self.clerk_combo),
            (self.tr("包案领导"), self.leader_combo),
            (self.tr("状态"), self.state_combo),
            (self.tr("级别"), self.level_combo),
        ):
            row.addWidget(QLabel(label, self))
            row.addWidget(combo)
            combo.currentIndexChanged.connect(self.changed)
        row.addWidget(self.attention_check)
        row.addStretch(1)

    def _combo(self, everything: str, items: list[tuple[str, object]]) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(everything, self.ALL)
        for text, value in items:
            combo.addItem(text, value)
        return combo

    def value(self) -> BoardFilter:
        return BoardFilter(
            department=self.department_combo.currentData(),
            clerk=self.clerk_combo.currentData(),
            leader=self.leader_combo.currentData(),
            states=self.state_combo.currentData(),
            levels=self.level_combo.currentData(),
            attention_only=self.attention_check.isChecked(),
        )


class CountsTable(QTableWidget):
    """A small two-column table of counts (name, 件数); double-click asks to filter by that name."""

    chosen = Signal(str)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(0, 2, parent)
        self.setHorizontalHeaderLabels([title, self.tr("件数")])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.cellDoubleClicked.connect(lambda row, _column: self.chosen.emit(self._text(row, 0)))

    def _text(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text() if item is not None else ""

    def set_counts(self, counts: dict[str, int]) -> None:
        self.setRowCount(len(counts))
        for row, (name, count) in enumerate(counts.items()):
            self.setItem(row, 0, QTableWidgetItem(name or self.tr("（未指定）")))
            number = QTableWidgetItem(str(count))
            number.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.setItem(row, 1, number)

    def counts(self) -> dict[str, int]:
        return {self._text(r, 0): int(self._text(r, 1)) for r in range(self.rowCount())}


def choose_supervision(parent: QWidget, records: list[SupervisionRecord]) -> SupervisionRecord | None:
    """Which 督办 to lift when several are open on one matter; None when the clerk cancels.

    One function, so that tests answer it by patching ``ui.board_parts.choose_supervision``."""
    template = QCoreApplication.translate("BoardPage", "{level}（{day}，{by}）{reason}")
    labels = [
        template.format(level=vocab(r.level), day=f"{r.raised_at:%Y-%m-%d}", by=r.raised_by, reason=r.reason)
        for r in records
    ]
    title, question = (
        QCoreApplication.translate("BoardPage", "解除督办"),
        QCoreApplication.translate("BoardPage", "解除哪一项督办？"),
    )
    text, ok = QInputDialog.getItem(parent, title, question, labels, 0, False)
    return records[labels.index(text)] if ok and text in labels else None
