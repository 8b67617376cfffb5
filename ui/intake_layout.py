"""The intake form's layout, built in one place, in the order of the paper form (来访登记表).

Behaviour lives in ui/intake_form.py; this only creates the widgets, names them and sets the tab order.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.reference import ReferenceNames
from app.rules.visit_rules import MAX_HEADCOUNT
from app.rules.vocabulary import CHANNELS, FLAGS, PURPOSES
from ui.entity_picker import EntityPicker
from ui.intake_widgets import (
    CategoryCompleter,
    RowTable,
    department_list,
    editable_combo,
    error_label,
    framed,
)
from ui.vocabulary import fill_combo, vocab

BANNER_OK = "background: #E6F4EA; color: #1E6B34; padding: 8px; border-radius: 4px; font-size: 14px;"
GROUP_BADGE = "background: #C0392B; color: white; padding: 2px 8px; border-radius: 8px; font-weight: bold;"
REPEAT_NOTE = "color: #8A5A00; font-weight: bold;"


class IntakeLayout:
    """Widgets of the form; `build_layout` fills them in and lays them out on ``form``."""

    error_labels: dict[str, QLabel]
    error_targets: dict[str, QWidget]

    def build_layout(self, form: QWidget, names: ReferenceNames) -> None:
        self.error_labels, self.error_targets = {}, {}
        self.banner = QLabel(form)
        self.banner.setStyleSheet(BANNER_OK)
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.hide()
        content = QWidget()
        sections = QVBoxLayout(content)
        sections.addWidget(self._person_section())
        sections.addWidget(self._visit_section())
        sections.addWidget(self._matter_section(names))
        sections.addWidget(self._materials_section())
        sections.addStretch()
        self.scroll_area = scroll = QScrollArea(form)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(form)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.banner)
        outer.addWidget(scroll, 1)
        outer.addLayout(self._save_bar(names))
        self._set_tab_order()

    # ---- helpers ----

    def _field(
        self,
        grid: QGridLayout,
        row: int,
        col: int,
        label: str,
        widget: QWidget,
        path: str,
        span: int = 1,
        extra: QWidget | None = None,
    ) -> tuple[QLabel, QWidget]:
        """Label at (row, col), the widget with its error line beside it, registered under ``path``."""
        error = error_label()
        self.error_labels[path] = error
        self.error_targets[path] = widget
        title = QLabel(label)
        title.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        title.setContentsMargins(0, 4, 0, 0)
        frame = framed(widget, error, extra)
        grid.addWidget(title, row, col)
        grid.addWidget(frame, row, col + 1, 1, span)
        return title, frame

    @staticmethod
    def _grid(box: QGroupBox) -> QGridLayout:
        grid = QGridLayout(box)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        grid.setVerticalSpacing(4)
        return grid

    @staticmethod
    def _read_only(placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setReadOnly(True)
        edit.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        edit.setPlaceholderText(placeholder)
        edit.setStyleSheet("background: #F4F6F8;")
        return edit

    # ---- sections ----

    def _person_section(self) -> QGroupBox:
        box = QGroupBox(QCoreApplication.translate("IntakeForm", "来访人"))
        grid = self._grid(box)
        self.id_edit = QLineEdit()
        self.id_edit.setPlaceholderText(QCoreApplication.translate("IntakeForm", "18位身份证号，读卡或输入"))
        self.id_edit.setMaxLength(24)
        self.id_status = QLabel()
        self._field(
            grid,
            0,
            0,
            QCoreApplication.translate("IntakeForm", "身份证号"),
            self.id_edit,
            "persons[0].id_number",
            3,
            self.id_status,
        )
        self.sex_view, self.birth_view = (
            self._read_only(QCoreApplication.translate("IntakeForm", "性别")),
            self._read_only(QCoreApplication.translate("IntakeForm", "出生日期")),
        )
        self.age_view, self.region_view = (
            self._read_only(QCoreApplication.translate("IntakeForm", "年龄")),
            self._read_only(QCoreApplication.translate("IntakeForm", "户籍地")),
        )
        derived = QHBoxLayout()
        for widget, stretch in (
            (self.sex_view, 1),
            (self.birth_view, 2),
            (self.age_view, 1),
            (self.region_view, 5),
        ):
            derived.addWidget(widget, stretch)
        grid.addWidget(
            QLabel(QCoreApplication.translate("IntakeForm", "证件信息")), 1, 0, Qt.AlignmentFlag.AlignRight
        )
        grid.addLayout(derived, 1, 1, 1, 3)
        self.name_edit, self.phone_edit, self.address_edit = QLineEdit(), QLineEdit(), QLineEdit()
        self.phone_edit.setPlaceholderText(QCoreApplication.translate("IntakeForm", "手机或座机"))
        self._field(
            grid, 2, 0, QCoreApplication.translate("IntakeForm", "姓名"), self.name_edit, "persons[0].name"
        )
        self._field(
            grid,
            2,
            2,
            QCoreApplication.translate("IntakeForm", "联系电话"),
            self.phone_edit,
            "persons[0].phone",
        )
        self._field(
            grid,
            3,
            0,
            QCoreApplication.translate("IntakeForm", "住址"),
            self.address_edit,
            "persons[0].address",
            3,
        )
        return box

    def _visit_section(self) -> QGroupBox:
        box = QGroupBox(QCoreApplication.translate("IntakeForm", "来访情况"))
        grid = self._grid(box)
        self.visited_at_edit = QDateTimeEdit()
        self.visited_at_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.visited_at_edit.setCalendarPopup(True)
        self.channel_combo = QComboBox()
        fill_combo(self.channel_combo, CHANNELS)
        self._field(
            grid,
            0,
            0,
            QCoreApplication.translate("IntakeForm", "来访时间"),
            self.visited_at_edit,
            "visited_at",
        )
        self._field(
            grid, 0, 2, QCoreApplication.translate("IntakeForm", "信访形式"), self.channel_combo, "channel"
        )
        self.purpose_combo = QComboBox()
        self.purpose_combo.addItem(QCoreApplication.translate("IntakeForm", "（未选）"), "")
        for purpose in PURPOSES:
            self.purpose_combo.addItem(vocab(purpose), purpose)
        self.headcount_spin = QSpinBox()
        self.headcount_spin.setRange(1, MAX_HEADCOUNT)
        self.headcount_spin.setSuffix(QCoreApplication.translate("IntakeForm", " 人"))
        self.group_badge = QLabel(QCoreApplication.translate("IntakeForm", "集体访"))
        self.group_badge.setStyleSheet(GROUP_BADGE)
        self.group_badge.hide()
        self._field(
            grid, 1, 0, QCoreApplication.translate("IntakeForm", "信访目的"), self.purpose_combo, "purpose"
        )
        self._field(
            grid,
            1,
            2,
            QCoreApplication.translate("IntakeForm", "来访人数"),
            self.headcount_spin,
            "headcount",
            1,
            self.group_badge,
        )
        self.reception_day_combo = QComboBox()
        # shown only for 领导接访日: the label and the framed combo, hidden together
        self.reception_day_row = self._field(
            grid,
            2,
            0,
            QCoreApplication.translate("IntakeForm", "接访领导"),
            self.reception_day_combo,
            "reception_day_id",
            3,
        )
        grid.addWidget(self._group_box(), 3, 0, 1, 4)
        return box

    def _group_box(self) -> QGroupBox:
        self.group_box = QGroupBox(
            QCoreApplication.translate("IntakeForm", "同行登记人员（集体访须登记代表，最多5名）")
        )
        column = QVBoxLayout(self.group_box)
        self.representative_check = QCheckBox(QCoreApplication.translate("IntakeForm", "上面的登记人是代表"))
        self.persons_table = RowTable(
            [
                QCoreApplication.translate("IntakeForm", "姓名"),
                QCoreApplication.translate("IntakeForm", "身份证号"),
                QCoreApplication.translate("IntakeForm", "联系电话"),
                QCoreApplication.translate("IntakeForm", "代表"),
            ],
            QCoreApplication.translate("IntakeForm", "添加人员"),
            QCoreApplication.translate("IntakeForm", "删除"),
        )
        self.group_error = error_label(self.group_box)
        column.addWidget(self.representative_check)
        column.addWidget(self.persons_table)
        column.addWidget(self.group_error)
        self.error_labels["group"], self.error_targets["group"] = self.group_error, self.persons_table.table
        self.group_box.hide()
        return self.group_box

    def _matter_section(self, names: ReferenceNames) -> QGroupBox:
        box = QGroupBox(QCoreApplication.translate("IntakeForm", "信访事项"))
        grid = self._grid(box)
        self.township_combo = editable_combo(
            names.townships, QCoreApplication.translate("IntakeForm", "输入或选择乡镇（街道）")
        )
        township_completer = self.township_combo.completer()
        if township_completer is not None:
            township_completer.setFilterMode(Qt.MatchFlag.MatchContains)
            township_completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.category_combo = editable_combo(
            [c.label for c in names.categories],
            QCoreApplication.translate("IntakeForm", "拼音首字母或文字，如 cxjs"),
        )
        self.category_completer = CategoryCompleter(
            self.category_combo, names.categories, self.category_combo
        )
        self._field(
            grid, 0, 0, QCoreApplication.translate("IntakeForm", "问题属地"), self.township_combo, "township"
        )
        self._field(
            grid, 0, 2, QCoreApplication.translate("IntakeForm", "内容分类"), self.category_combo, "category"
        )
        self.place_edit, self.summary_edit = QLineEdit(), QLineEdit()
        self.summary_edit.setPlaceholderText(QCoreApplication.translate("IntakeForm", "一句话概括反映的问题"))
        self._field(
            grid, 1, 0, QCoreApplication.translate("IntakeForm", "问题发生地"), self.place_edit, "place", 3
        )
        self.departments_list = department_list(names.departments)
        self._field(
            grid,
            2,
            0,
            QCoreApplication.translate("IntakeForm", "涉及部门"),
            self.departments_list,
            "departments",
            3,
        )
        self._field(
            grid, 3, 0, QCoreApplication.translate("IntakeForm", "事项概况"), self.summary_edit, "summary", 3
        )
        self.appeal_edit = QPlainTextEdit()
        self.appeal_edit.setTabChangesFocus(True)
        self.appeal_edit.setPlaceholderText(
            QCoreApplication.translate("IntakeForm", "来访人的诉求，尽量用其原话")
        )
        self.appeal_edit.setFixedHeight(84)
        self._field(
            grid, 4, 0, QCoreApplication.translate("IntakeForm", "诉求内容"), self.appeal_edit, "appeal", 3
        )
        self.entity_picker = EntityPicker()  # 被反映对象 (issue 8); bound to its service by the form
        self._field(
            grid,
            5,
            0,
            QCoreApplication.translate("IntakeForm", "被反映对象"),
            self.entity_picker,
            "entities",
            3,
        )
        return box

    def _materials_section(self) -> QGroupBox:
        box = QGroupBox(QCoreApplication.translate("IntakeForm", "材料、标记与重访"))
        grid = self._grid(box)
        self.materials_table = RowTable(
            [
                QCoreApplication.translate("IntakeForm", "材料名称"),
                QCoreApplication.translate("IntakeForm", "页数"),
            ],
            QCoreApplication.translate("IntakeForm", "添加材料"),
            QCoreApplication.translate("IntakeForm", "删除"),
        )
        self._field(
            grid,
            0,
            0,
            QCoreApplication.translate("IntakeForm", "收到材料"),
            self.materials_table,
            "materials",
            3,
        )
        self.error_targets["materials"] = self.materials_table.table
        flags_row = QWidget()
        row = QHBoxLayout(flags_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.flag_checks = {flag: QCheckBox(vocab(flag)) for flag in FLAGS}
        for check in self.flag_checks.values():
            row.addWidget(check)
        row.addStretch()
        self._field(grid, 1, 0, QCoreApplication.translate("IntakeForm", "标记"), flags_row, "flags", 3)
        self.error_targets["flags"] = next(iter(self.flag_checks.values()))
        self.repeat_combo = QComboBox()
        self.repeat_note = QLabel()
        self.repeat_note.setStyleSheet(REPEAT_NOTE)
        self._field(
            grid,
            2,
            0,
            QCoreApplication.translate("IntakeForm", "重访事项"),
            self.repeat_combo,
            "matter_no",
            3,
            self.repeat_note,
        )
        return box

    def _save_bar(self, names: ReferenceNames) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.setContentsMargins(8, 6, 8, 6)
        self.clerk_combo = editable_combo(names.clerks, QCoreApplication.translate("IntakeForm", "接待人"))
        self.clerk_combo.setMinimumWidth(120)
        self.clerk_error = error_label()
        self.error_labels["clerk"], self.error_targets["clerk"] = self.clerk_error, self.clerk_combo
        self.print_after_save = QCheckBox(QCoreApplication.translate("IntakeForm", "保存后打印回执"))
        self.print_after_save.setChecked(True)
        self.new_button = QPushButton(QCoreApplication.translate("IntakeForm", "新登记"))
        self.save_button = QPushButton(QCoreApplication.translate("IntakeForm", "保存登记"))
        self.save_button.setDefault(False)
        self.save_button.setStyleSheet("font-weight: bold; padding: 6px 18px;")
        bar.addWidget(QLabel(QCoreApplication.translate("IntakeForm", "接待人")))
        bar.addWidget(self.clerk_combo)
        bar.addWidget(self.clerk_error)
        bar.addStretch()
        bar.addWidget(self.print_after_save)
        bar.addWidget(self.new_button)
        bar.addWidget(self.save_button)
        return bar

    def tab_chain(self) -> list[QWidget]:
        """The keyboard path through the form, as on paper."""
        return [
            self.id_edit,
            self.name_edit,
            self.phone_edit,
            self.address_edit,
            self.visited_at_edit,
            self.channel_combo,
            self.purpose_combo,
            self.headcount_spin,
            self.reception_day_combo,
            self.representative_check,
            self.persons_table.table,
            self.persons_table.add_button,
            self.persons_table.remove_button,
            self.township_combo,
            self.category_combo,
            self.place_edit,
            self.departments_list,
            self.summary_edit,
            self.appeal_edit,
            self.entity_picker.edit,
            self.entity_picker.kind_combo,
            self.entity_picker.chosen,
            self.materials_table.table,
            self.materials_table.add_button,
            self.materials_table.remove_button,
            *self.flag_checks.values(),
            self.repeat_combo,
            self.clerk_combo,
            self.print_after_save,
            self.new_button,
            self.save_button,
        ]

    def _set_tab_order(self) -> None:
        chain = self.tab_chain()
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
