"""The intake form (来访登记): keyboard first, never loses what was typed, saves through the intake service.

Layout in ui/intake_layout.py; draft and VisitInput mapping in ui/intake_state.py; error lines in
ui/intake_errors.py. This class is the behaviour: recognition, drafts, saving and printing the slip.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, Qt, QTime, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from app.desk import Desk
from app.errors import DeskError, FieldError, ValidationError
from app.intake import RECEPTION_DAY_CHANNEL
from app.records import PersonHistory, RegisteredVisit, VisitInput
from app.rules.vocabulary import GROUP_MIN
from ui import printing, questions
from ui.app_messages import app_message
from ui.history_panel import HistoryPanel
from ui.intake_errors import ErrorDisplay
from ui.intake_layout import IntakeLayout
from ui.intake_recognition import Recognition
from ui.intake_sources import IntakeSources
from ui.intake_state import (
    edit_signals,
    form_fields,
    is_blank,
    single_line_fields,
    visit_input,
    write_fields,
)
from ui.notifier import Notifier
from ui.vocabulary import combo_word, vocab

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class IntakeForm(QWidget, IntakeLayout):
    saved = Signal(object)  # RegisteredVisit, after a successful save
    message = Signal(str)  # a line for the status bar

    def __init__(
        self,
        desk: Desk,
        notifier: Notifier,
        parent: QWidget | None = None,
        *,
        history: HistoryPanel | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk, self.notifier, self._clock = desk, notifier, desk.clock
        self.history_panel = history or HistoryPanel()
        self._names = desk.reference.names()
        self._last_saved: RegisteredVisit | None = None
        self._quiet = False  # no draft writes while the form itself fills the widgets
        self.build_layout(self, self._names)
        self._errors = ErrorDisplay(self)
        self.recognition = Recognition(self, desk.recognition, self.history_panel, desk.clock)
        self.sources = IntakeSources(
            desk, notifier, self.entity_picker, lambda: self.clerk_combo.currentText().strip(), self
        )
        self.similar_panel = self.sources.panel  # placed beside the form by the main window
        self._make_actions()
        self._connect()
        self.reset()

    # ---- what tests and the window read ----

    @property
    def last_saved(self) -> RegisteredVisit | None:
        return self._last_saved

    def field_errors(self) -> dict[str, str]:
        return self._errors.errors

    def general_errors(self) -> list[str]:
        return self._errors.general

    def to_visit_input(self) -> VisitInput:
        visit = visit_input(self, self.category_name(), self.recognition.known_person_id)
        return self.sources.extend(visit)

    def category_name(self) -> str:
        """The bare category name, also when the clerk picked a ``parent / name`` label from the list."""
        text = self.category_combo.currentText().strip()
        return next((c.name for c in self._names.categories if text in (c.label, c.name)), text)

    # ---- wiring ----

    def _make_actions(self) -> None:
        self.save_action = self._action(self.tr("保存登记"), QKeySequence.StandardKey.Save, self.save)
        self.print_action = self._action(self.tr("打印回执"), QKeySequence.StandardKey.Print, self.print_slip)
        self.preview_action = self._action(self.tr("打印预览"), None, lambda: self.print_slip(preview=True))
        self.new_action = self._action(self.tr("新登记"), QKeySequence.StandardKey.New, self.start_new)

    def _action(self, text: str, key: QKeySequence.StandardKey | None, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        if key is not None:
            action.setShortcut(QKeySequence(key))
        action.triggered.connect(lambda: slot())
        self.addAction(action)
        return action

    def _connect(self) -> None:
        self.save_button.clicked.connect(self.save_action.trigger)
        self.new_button.clicked.connect(self.new_action.trigger)
        self.headcount_spin.valueChanged.connect(self._on_headcount)
        self.persons_table.add_button.clicked.connect(self._add_person_row)
        self.materials_table.add_button.clicked.connect(self._add_material_row)
        self.repeat_combo.currentIndexChanged.connect(self._on_repeat_changed)
        self.channel_combo.currentIndexChanged.connect(self.refresh_reception_days)
        self.visited_at_edit.dateChanged.connect(self.refresh_reception_days)
        self.history_panel.repeat_matter_chosen.connect(self.choose_repeat)
        self.sources.message.connect(self.message)
        for signal in edit_signals(self):
            signal.connect(self._on_edited)
        for widget in single_line_fields(self):
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in ENTER_KEYS
            and event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        ):
            if watched is self.name_edit or watched is self.phone_edit:
                self.recognition.suggest()
            self.focusNextChild()
            return True
        return super().eventFilter(watched, event)

    # ---- reactions ----

    def _on_edited(self) -> None:
        if self._quiet:
            return
        self.sources.set_query(
            text=f"{self.summary_edit.text()} {self.appeal_edit.toPlainText()}",
            township=self.township_combo.currentText().strip(),
            category=self.category_name(),
            person_id=self.recognition.known_person_id,
        )
        fields = form_fields(self, self.recognition.known_person_id)
        try:
            if is_blank(fields):
                self.desk.drafts.clear()
            else:
                self.desk.drafts.save(fields)
        except OSError as error:  # a full disk must not stop the clerk typing; say so once per edit burst
            self.message.emit(self.tr("草稿无法保存：") + str(error))
        except DeskError as error:  # e.g. nobody signed in: the form keeps what it has, the draft waits
            self.message.emit(self.tr("草稿无法保存：") + app_message(error.message))

    def _on_headcount(self, value: int) -> None:
        self.group_badge.setVisible(value >= GROUP_MIN)
        self.group_box.setVisible(value > 1 or self.persons_table.rows() > 0)

    def _add_person_row(self) -> None:
        self.persons_table.edit_new_row(["", "", ""], False)

    def _add_material_row(self) -> None:
        self.materials_table.edit_new_row(["", "1"])

    def choose_repeat(self, matter_no: str) -> None:
        """Make this visit a repeat on an open matter of this person (重访)."""
        index = self.repeat_combo.findData(matter_no)
        if index >= 0:
            self.repeat_combo.setCurrentIndex(index)

    def _on_repeat_changed(self) -> None:
        matter = self.recognition.open_matter(self.repeat_combo.currentData() or "")
        self.repeat_note.setText(
            self.tr("重访：交首接人 %1 办理").replace("%1", matter.first_clerk) if matter else ""
        )

    def fill_repeat_choices(self, history: PersonHistory | None) -> None:
        self.repeat_combo.blockSignals(True)
        self.repeat_combo.clear()
        self.repeat_combo.addItem(self.tr("新事项"), "")
        for matter in history.open_matters if history else []:
            text = self.tr("{no}　{summary}（{status}，首接人 {clerk}）").format(
                no=matter.matter_no,
                summary=matter.summary,
                status=vocab(matter.status),
                clerk=matter.first_clerk,
            )
            self.repeat_combo.addItem(text, matter.matter_no)
        self.repeat_combo.blockSignals(False)
        self._on_repeat_changed()

    def refresh_reception_days(self) -> None:
        """领导接访日: offer the leaders' reception days on the visit's date (the row shows only then)."""
        wanted = combo_word(self.channel_combo) == RECEPTION_DAY_CHANNEL
        for widget in self.reception_day_row:
            widget.setVisible(wanted)
        chosen = self.reception_day_combo.currentData()
        combo = self.reception_day_combo
        combo.blockSignals(True)
        combo.clear()
        if wanted:
            shown = self.visited_at_edit.date()
            day = date(shown.year(), shown.month(), shown.day())
            found = self.desk.cases.reception_days(day, day)
            if len(found) != 1:
                hint = self.tr("（请选择接访领导）") if found else self.tr("当日没有安排领导接访")
                combo.addItem(hint, None)
            for held in found:
                title = self.tr("（%1）").replace("%1", held.title) if held.title else ""
                place = self.tr("　%1").replace("%1", held.place) if held.place else ""
                combo.addItem(f"{held.leader}{title}{place}", held.id)
            combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen is not None else 0)
        combo.blockSignals(False)

    # ---- drafts and a fresh form ----

    def load_draft(self, fields: dict[str, Any]) -> None:
        """Put a saved draft back, with the person's history and the chosen matter."""
        self._quiet = True
        try:
            self.reset()
            self._quiet = True
            self.id_edit.setText(str(fields.get("id_number", "")))
            write_fields(self, fields)
            known = fields.get("known_person_id")
            if isinstance(known, int) and not self.id_edit.text().strip():
                self.recognition.confirm(known)
            self.choose_repeat(str(fields.get("matter_no") or ""))
        finally:
            self._quiet = False
        self._on_edited()

    def reset(self) -> None:
        """Empty form for the next visitor; the clerk and the print choice stay."""
        clerk = self.clerk_combo.currentText() or self.desk.settings.get().clerk_name
        self._quiet = True
        try:
            for edit in (
                self.id_edit,
                self.name_edit,
                self.phone_edit,
                self.address_edit,
                self.place_edit,
                self.summary_edit,
            ):
                edit.clear()
            self.appeal_edit.clear()
            write_fields(self, {"visited_at": "", "headcount": 1, "clerk": clerk})
            self.visited_at_edit.setDateTime(_qt_datetime(self._clock()))
            self.channel_combo.setCurrentIndex(0)
            self.refresh_reception_days()
            self.township_combo.setCurrentIndex(-1)
            self.category_combo.setCurrentIndex(-1)
            self.recognition.reset()
            self.sources.reset()
            self._errors.clear()
        finally:
            self._quiet = False
        self.id_edit.setFocus()

    def start_new(self) -> None:
        fields = form_fields(self, self.recognition.known_person_id)
        if not is_blank(fields) and not questions.ask(self, self.tr("放弃当前填写的内容，开始新登记？")):
            return
        self.reset()
        self.banner.hide()
        self.desk.drafts.clear()

    # ---- saving and printing ----

    def save(self) -> RegisteredVisit | None:
        """Register the visit; on invalid input show every message beside its field and keep the form."""
        self._errors.clear()
        try:
            registered = self.desk.intake.register_visit(self.to_visit_input())
        except ValidationError as error:
            self.show_errors(error.errors)
            return None
        except DeskError as error:
            QMessageBox.warning(self, self.tr("无法保存"), app_message(error.message))
            return None
        self._after_save(registered)
        return registered

    def show_errors(self, errors: list[FieldError]) -> None:
        first = self._errors.show(errors)
        general = self._errors.general
        if general:
            QMessageBox.warning(self, self.tr("无法保存"), "\n".join(general))
        if first is not None:
            self.scroll_area.ensureWidgetVisible(first)
            first.setFocus()
        self.message.emit(self.tr("有 %1 处需要更正，已在表中标出").replace("%1", str(len(errors))))

    def _after_save(self, registered: RegisteredVisit) -> None:
        self._last_saved = registered
        self.desk.drafts.clear()
        self.notifier.visits_changed.emit()
        self.notifier.matters_changed.emit()
        self.reset()
        self.banner.setText(self._saved_text(registered))
        self.banner.show()
        self.saved.emit(registered)
        if self.print_after_save.isChecked() or questions.ask(self, self.tr("登记已保存。现在打印回执吗？")):
            self.print_slip(registered.matter_no)

    def _saved_text(self, registered: RegisteredVisit) -> str:
        text = self.tr("已登记：%1　　查询码 %2　　告知期限 %3")
        for i, value in enumerate(
            (
                registered.matter_no,
                registered.query_code,
                registered.notice_deadline.strftime(self.tr("%Y年%m月%d日")),
            ),
            start=1,
        ):
            text = text.replace(f"%{i}", value)
        if registered.repeat:
            text += self.tr("　　（重访，交首接人 %1 办理）").replace("%1", registered.handler)
        return text

    def print_slip(self, matter_no: str | None = None, preview: bool = False) -> bool:
        """Print the slip of ``matter_no`` (default: the last saved), or show its preview; True if printed."""
        number = matter_no or (self._last_saved.matter_no if self._last_saved else None)
        if number is None:
            self.message.emit(self.tr("还没有已保存的登记，无法打印回执"))
            return False
        clerk = self.clerk_combo.currentText().strip()
        try:
            return printing.print_slip(self.desk, number, self, preview=preview, clerk=clerk)
        except (DeskError, printing.PdfPrintError) as error:
            QMessageBox.warning(
                self, self.tr("无法打印回执"), app_message(getattr(error, "message", str(error)))
            )
            return False


def _qt_datetime(at: datetime) -> QDateTime:
    """``at`` to the minute, built field by field (some PySide6 stubs refuse a datetime)."""
    return QDateTime(QDate(at.year, at.month, at.day), QTime(at.hour, at.minute))
