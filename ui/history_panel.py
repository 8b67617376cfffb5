"""The right-hand panel of the intake tab: who is this visitor, and what have they brought here before?

It only shows what the form hands it (a PersonHistory, or name+phone candidates) and says what the clerk
chose through signals; it never asks a service itself.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.records import PersonHistory
from ui.history_tables import fill_matters, fill_visits, make_table, matter_no_at
from ui.vocabulary import vocab

STATE_STYLE = "font-size: 15px; font-weight: bold; padding: 6px; border-radius: 4px;"
STATE_COLOURS = {
    "none": "#EEF2F7; color: #4A5568",
    "first": "#E6F4EA; color: #1E6B34",  # 首次来访
    "known": "#FFF4CE; color: #8A5A00",  # a returning visitor: look before registering anew
}

REVEALABLE = {"id": "id_number", "phone": "phone"}  # label key → the field desk.privacy.reveal names


class HistoryPanel(QWidget):
    repeat_matter_chosen = Signal(str)  # the clerk picked an open matter for this repeat visit (重访)
    person_confirmed = Signal(int)  # a name+phone suggestion is the same person
    person_rejected = Signal(int)  # … or is not
    export_requested = Signal(int)  # the visitor asks for their own full record (the window asks the service)
    reveal_requested = Signal(int, str)  # 显示: person id, "id_number" or "phone"; the window asks

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._history: PersonHistory | None = None
        self.suggestions: list[PersonHistory] = []
        self.confirm_buttons: list[QPushButton] = []  # one 是同一人 per suggestion, in order
        self._build()
        self.clear()

    # ---- layout ----

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        layout.addWidget(self.state_label)
        layout.addWidget(self._build_person_box())
        self.suggestions_box = QGroupBox(self.tr("可能是同一人（姓名、电话相同），请核实"))
        self._suggestions_layout = QVBoxLayout(self.suggestions_box)
        layout.addWidget(self.suggestions_box)
        layout.addWidget(self._build_open_box(), 2)
        layout.addWidget(self._build_visits_box(), 3)

    def _build_person_box(self) -> QGroupBox:
        self.person_box = QGroupBox(self.tr("来访人"))
        form = QFormLayout(self.person_box)
        self._person_labels: dict[str, QLabel] = {}
        self.reveal_buttons: dict[str, QPushButton] = {}
        for key, label in (
            ("name", self.tr("姓名")),
            ("id", self.tr("身份证号")),
            ("sex_birth", self.tr("性别 / 出生日期")),
            ("region", self.tr("户籍地")),
            ("phone", self.tr("联系电话")),
        ):
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._person_labels[key] = value
            form.addRow(label, self._with_reveal(key, value) if key in REVEALABLE else value)
        self.export_button = QPushButton(self.tr("导出本人完整记录…"), self.person_box)
        self.export_button.setToolTip(self.tr("为来访人导出其本人的完整记录（科长以上，记入审计日志）"))
        self.export_button.clicked.connect(self._request_export)
        form.addRow("", self.export_button)
        return self.person_box

    def _request_export(self) -> None:
        if self._history is not None:
            self.export_requested.emit(self._history.person_id)

    def _with_reveal(self, key: str, value: QLabel) -> QWidget:
        """The masked number with its 显示 button; a click asks the window to reveal it (with a reason)."""
        box = QWidget(self.person_box)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(value, 1)
        button = QPushButton(self.tr("显示"), box)
        button.setToolTip(self.tr("查看完整号码（需说明事由，记入审计日志）"))
        button.clicked.connect(lambda: self._request_reveal(REVEALABLE[key]))
        self.reveal_buttons[REVEALABLE[key]] = button
        row.addWidget(button)
        return box

    def _request_reveal(self, field: str) -> None:
        if self._history is not None:
            self.reveal_requested.emit(self._history.person_id, field)

    def show_revealed(self, person_id: int, field: str, number: str) -> None:
        """The full number the service returned, in place of the masked one, until the next visitor."""
        if self._history is not None and self._history.person_id == person_id:
            key = next(k for k, f in REVEALABLE.items() if f == field)
            self._person_labels[key].setText(number)
            self.reveal_buttons[field].setEnabled(False)

    def _build_open_box(self) -> QGroupBox:
        self.open_box = QGroupBox(self.tr("在办事项"))
        box = QVBoxLayout(self.open_box)
        headers = [
            self.tr("事项编号"),
            self.tr("状态"),
            self.tr("概况"),
            self.tr("首接人"),
            self.tr("告知期限"),
            self.tr("来访次数"),
        ]
        self.open_matters_table = make_table(headers, self, stretch=2)
        self.open_matters_table.doubleClicked.connect(lambda index: self._choose(index.row()))
        self.repeat_button = QPushButton(self.tr("本次为该事项的重访"))
        self.repeat_button.clicked.connect(lambda: self._choose(self.open_matters_table.currentRow()))
        box.addWidget(self.open_matters_table)
        box.addWidget(self.repeat_button, 0, Qt.AlignmentFlag.AlignRight)
        return self.open_box

    def _build_visits_box(self) -> QGroupBox:
        self.visits_box = QGroupBox(self.tr("历次来访"))
        box = QVBoxLayout(self.visits_box)
        headers = [
            self.tr("日期"),
            self.tr("事项编号"),
            self.tr("形式"),
            self.tr("人数"),
            self.tr("接待人"),
            self.tr("概况"),
        ]
        self.visits_table = make_table(headers, self)
        box.addWidget(self.visits_table)
        return self.visits_box

    # ---- what it shows ----

    @property
    def history(self) -> PersonHistory | None:
        return self._history

    def clear(self) -> None:
        """Nothing typed yet: a hint, no tables."""
        self._history = None
        self._set_state("none", self.tr("输入身份证号（或姓名和电话）后，这里显示来访人的历次来访和在办事项"))
        for box in (self.person_box, self.open_box, self.visits_box):
            box.hide()
        self.show_suggestions([])

    def show_first_visit(self) -> None:
        self.clear()
        self._set_state("first", self.tr("首次来访：没有此人的来访记录"))

    def show_history(self, history: PersonHistory | None) -> None:
        """A returning visitor's record, or 首次来访 for None."""
        if history is None:
            self.show_first_visit()
            return
        self._history = history
        self.show_suggestions([])
        count = len(history.visits)
        open_count = len(history.open_matters)
        self._set_state(
            "known",
            self.tr("曾来访 %1 次，在办事项 %2 件").replace("%1", str(count)).replace("%2", str(open_count)),
        )
        self._fill_person(history)
        fill_matters(self.open_matters_table, history.open_matters)
        fill_visits(self.visits_table, history.visits)
        self.open_box.setTitle(self.tr("在办事项（%1）").replace("%1", str(open_count)))
        self.visits_box.setTitle(self.tr("历次来访（%1）").replace("%1", str(count)))
        self.person_box.show()
        self.open_box.setVisible(open_count > 0)
        self.visits_box.show()

    def _fill_person(self, history: PersonHistory) -> None:
        birth = f"{history.birth_date:%Y-%m-%d}" if history.birth_date else "—"
        values = {
            "name": history.name,
            "id": history.id_number_masked or "—",
            "sex_birth": f"{vocab(history.sex or '—')} / {birth}",
            "region": history.region or "—",
            "phone": history.phone_masked or "—",
        }
        for key, text in values.items():
            self._person_labels[key].setText(text)
        for key, field in REVEALABLE.items():
            self.reveal_buttons[field].setEnabled(values[key] != "—")
        self._person_labels["name"].setStyleSheet("font-size: 15px; font-weight: bold;")

    def _set_state(self, kind: str, text: str) -> None:
        self.state_label.setText(text)
        self.state_label.setStyleSheet(f"{STATE_STYLE} background: {STATE_COLOURS[kind]};")

    def _choose(self, row: int) -> None:
        matter_no = matter_no_at(self.open_matters_table, row) if row >= 0 else None
        if matter_no:
            self.repeat_matter_chosen.emit(matter_no)

    # ---- name + phone suggestions ----

    def show_suggestions(self, candidates: list[PersonHistory]) -> None:
        while (item := self._suggestions_layout.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        self.suggestions, self.confirm_buttons = list(candidates), []
        for candidate in candidates:
            self._suggestions_layout.addWidget(self._suggestion_card(candidate))
        self.suggestions_box.setVisible(bool(candidates))

    def _suggestion_card(self, candidate: PersonHistory) -> QWidget:
        card = QWidget(self.suggestions_box)
        row = QHBoxLayout(card)
        row.setContentsMargins(0, 0, 0, 0)
        last = candidate.visits[0].visited_at.strftime("%Y-%m-%d") if candidate.visits else "—"
        text = self.tr("%1　%2　%3　来访 %4 次，最近 %5")
        for i, value in enumerate(
            (
                candidate.name,
                candidate.id_number_masked or self.tr("无身份证号"),
                candidate.phone_masked,
                str(len(candidate.visits)),
                last,
            ),
            start=1,
        ):
            text = text.replace(f"%{i}", value)
        row.addWidget(QLabel(text), 1)
        same = QPushButton(self.tr("是同一人"))
        other = QPushButton(self.tr("不是"))
        self.confirm_buttons.append(same)
        same.clicked.connect(lambda: self.person_confirmed.emit(candidate.person_id))
        other.clicked.connect(lambda: self._reject(card, candidate.person_id))
        row.addWidget(same)
        row.addWidget(other)
        return card

    def _reject(self, card: QWidget, person_id: int) -> None:
        card.hide()
        card.deleteLater()
        self.person_rejected.emit(person_id)
        if all(
            not w.isVisibleTo(self.suggestions_box)
            for w in self.suggestions_box.findChildren(QWidget)
            if w.parent() is self.suggestions_box
        ):
            self.suggestions_box.hide()
