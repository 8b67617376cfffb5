"""The deadline rule editor (期限规则): the eight periods of RULES.md §1, one edited at a time.

Saving goes through DeadlineRuleService, which recomputes the running deadlines in the same transaction;
the editor says how many moved and announces ``matters_changed``.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.deadline_rules import MAX_DAYS, UNITS, DeadlineRuleService
from app.deadlines import DeadlineRule
from app.errors import DeskError
from ui.field_errors import FieldErrors
from ui.holiday_editor import DONE_STYLE, _beside
from ui.notifier import Notifier
from ui.vocabulary import QT_TRANSLATE_NOOP, vocab

HEADERS = (
    QT_TRANSLATE_NOOP("RuleEditor", "期限事项"),
    QT_TRANSLATE_NOOP("RuleEditor", "天数"),
    QT_TRANSLATE_NOOP("RuleEditor", "单位"),
    QT_TRANSLATE_NOOP("RuleEditor", "末日顺延"),
    QT_TRANSLATE_NOOP("RuleEditor", "依据"),
)


class RuleEditor(QWidget):
    def __init__(
        self, rules: DeadlineRuleService, notifier: Notifier, clerk: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._service, self._notifier, self.clerk = rules, notifier, clerk
        self.rules: list[DeadlineRule] = []
        self._build()
        self.table.itemSelectionChanged.connect(self._selected)
        self.save_button.clicked.connect(self.save_rule)
        self.load()
        self.select_rule(self.rules[0].key)

    def _build(self) -> None:
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setHorizontalHeaderLabels([self.tr(h) for h in HEADERS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.label = QLabel(self)
        self.days_spin = QSpinBox(self)
        self.days_spin.setRange(1, MAX_DAYS)
        self.unit_combo = QComboBox(self)
        for unit, text in UNITS.items():
            self.unit_combo.addItem(vocab(text), unit)
        self.roll_check = QCheckBox(self.tr("最后一日为节假日时顺延至节假日后第一个工作日"), self)
        self.basis_label = QLabel(self)
        self.basis_label.setWordWrap(True)
        self.errors = FieldErrors(self, ("days", "unit", "clerk"))
        self.save_button = QPushButton(self.tr("保存此规则"), self)
        self.result_label = QLabel(self)
        self.result_label.setStyleSheet(DONE_STYLE)
        form = QFormLayout()
        form.addRow(self.tr("期限事项"), self.label)
        form.addRow(self.tr("天数"), _beside(self.days_spin, self.errors.label("days")))
        form.addRow(self.tr("单位"), _beside(self.unit_combo, self.errors.label("unit")))
        form.addRow(self.tr("顺延"), self.roll_check)
        form.addRow(self.tr("依据"), self.basis_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.result_label, 1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.errors.label("clerk"))
        layout.addWidget(self.errors.label())
        layout.addLayout(buttons)

    # --- typed properties ----------------------------------------------------------------------------
    @property
    def key(self) -> str:
        rows = self.table.selectionModel().selectedRows()
        return self.rules[rows[0].row()].key if rows else ""

    @property
    def days(self) -> int:
        return self.days_spin.value()

    @days.setter
    def days(self, value: int) -> None:
        self.days_spin.setValue(value)

    @property
    def unit(self) -> str:
        return str(self.unit_combo.currentData())

    @unit.setter
    def unit(self, value: str) -> None:
        self.unit_combo.setCurrentIndex(max(0, self.unit_combo.findData(value)))

    # --- behaviour -----------------------------------------------------------------------------------
    def load(self) -> None:
        self.rules = list(self._service.rules().values())
        self.table.setRowCount(len(self.rules))
        for row, rule in enumerate(self.rules):
            texts = (
                vocab(rule.label),
                str(rule.days),
                vocab(UNITS[rule.unit]),
                self.tr("是") if rule.roll_forward else self.tr("否"),
                vocab(rule.basis),
            )
            for column, text in enumerate(texts):
                self.table.setItem(row, column, QTableWidgetItem(text))

    def select_rule(self, key: str) -> None:
        row = next(i for i, rule in enumerate(self.rules) if rule.key == key)
        self.table.selectRow(row)

    def _selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        rule = self.rules[rows[0].row()]
        self.label.setText(vocab(rule.label))
        self.days, self.unit = rule.days, rule.unit
        self.roll_check.setChecked(rule.roll_forward)
        self.basis_label.setText(vocab(rule.basis))
        self.errors.clear()

    def save_rule(self) -> int | None:
        """Save the selected rule; how many running deadlines moved, or None when refused."""
        key = self.key
        if not key:
            return None
        try:
            moved = self._service.update(key, self.days, self.unit, self.roll_check.isChecked(), self.clerk)
        except DeskError as error:
            self.errors.show_error(error)
            self.result_label.clear()
            return None
        self.errors.clear()
        self.load()
        self.select_rule(key)
        self.result_label.setText(self.tr("已重新计算：%1 个期限随之调整").replace("%1", str(moved)))
        self._notifier.matters_changed.emit()
        return moved
