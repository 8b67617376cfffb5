"""One matter's page: where a matter is followed from registration to closure.

It reads the matter (``matters.detail``) and its workflow state (``cases.case_file``) and offers the actions
allowed now as buttons. Each action runs through its own dialog with the version the clerk is looking at;
when another window changed the matter meanwhile, the clerk is told and the page reloads, never overwriting.
After a step it announces ``matters_changed``; it reloads whenever that signal comes, from anyone.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.case_records import CaseFile
from app.desk import Desk
from app.errors import DeskError
from app.records import MatterDetail
from app.rules.vocabulary import OPEN_STATUSES
from ui.action_dialogs import PRINT_SHORTCUT, SHORTCUTS, ActionDialog, action_dialog
from ui.action_forms import ActionCall
from ui.app_messages import app_message
from ui.deadline_dialog import DeadlineOverrideDialog
from ui.leaders_panel import LeadersForm, LeadersPanel, ReportForm, StepDialog, StepForm, UpperForm
from ui.letter_action import LetterAction
from ui.matter_header import MatterHeader
from ui.matter_sections import (
    DeadlinesPanel,
    departments_table,
    document_lines,
    documents_list,
    record_html,
    show_assignments,
)
from ui.notice_printing import NoticePrinter
from ui.notifier import Notifier
from ui.reveal import reveal_number
from ui.signed_in import signed_in_name
from ui.vocabulary import action_label, vocab

INFO_STYLE = "background: #E8F5E9; color: #1B5E20; padding: 4px;"
WARN_STYLE = "background: #FFF3E0; color: #E65100; padding: 4px; font-weight: bold;"


class MatterView(QWidget):
    print_requested = Signal(str)  # the slip (登记回执), printed by the page as before
    preview_requested = Signal(str)

    def __init__(self, desk: Desk, notifier: Notifier, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._notifier = notifier
        self.detail: MatterDetail | None = None
        self.case: CaseFile | None = None
        self.action_buttons: dict[str, QPushButton] = {}
        self.revealed: dict[
            tuple[int, str], str
        ] = {}  # (person id, field) → the full number, this matter only
        self.notices = NoticePrinter(desk.notices, self)
        self._build()
        self._connect()
        self.show_matter("")

    # --- layout -----------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.header = MatterHeader(self)
        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.actions_row = QHBoxLayout()
        self.actions_row.addStretch(1)
        self.notice_button = QPushButton(self.tr("打印文书"), self)
        self.notice_button.setMenu(self.notices.menu)
        self.notice_button.setShortcut(QKeySequence(PRINT_SHORTCUT))
        self.notice_button.setToolTip(self.tr("打印文书（%1）").replace("%1", PRINT_SHORTCUT))
        self.preview_button = QPushButton(self.tr("回执预览"), self)
        self.print_button = QPushButton(self.tr("打印回执"), self)
        self.letter = LetterAction(self._desk, self)  # 问责建议函, a chief's
        for button in (self.notice_button, self.letter.button, self.preview_button, self.print_button):
            self.actions_row.addWidget(button)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)  # 显示 links ask the privacy service; nothing is navigated
        self.browser.anchorClicked.connect(self._on_link)
        self.deadlines = DeadlinesPanel(self)
        self.departments = departments_table(self)
        self.documents = documents_list(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.deadlines, self.tr("期限"))
        self.tabs.addTab(self.departments, self.tr("承办部门"))
        self.tabs.addTab(self.documents, self.tr("已印文书"))
        self.leaders = LeadersPanel(self)
        self.tabs.addTab(self.leaders, self.tr("领导包案"))
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.browser)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([600, 240])  # the record and its timeline first; five deadlines in view below
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addLayout(self.actions_row)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)

    def _connect(self) -> None:
        self._notifier.matters_changed.connect(self.reload)
        self.print_button.clicked.connect(lambda: self.print_requested.emit(self.matter_no))
        self.preview_button.clicked.connect(lambda: self.preview_requested.emit(self.matter_no))
        self.deadlines.explain_requested.connect(self.explain_deadline)
        self.deadlines.adjust_requested.connect(self.adjust_deadline)
        self.notices.printed.connect(self._after_print)
        self.letter.failed.connect(self.warn)
        self.letter.drafted.connect(lambda text: self._say(text, INFO_STYLE))
        self.notices.failed.connect(self.warn)
        self.leaders.set_leaders_requested.connect(lambda: self.run_step(self._leaders_form()))
        self.leaders.record_upper_requested.connect(lambda: self.run_step(UpperForm(self._today())))
        self.leaders.report_upper_requested.connect(lambda: self.run_step(ReportForm(self._today())))

    # --- showing ----------------------------------------------------------------------------------------
    @property
    def matter_no(self) -> str:
        return self.detail.matter_no if self.detail is not None else ""

    @property
    def status(self) -> str:
        return self.case.status if self.case is not None else ""

    @property
    def message_text(self) -> str:
        return self.banner.text() if not self.banner.isHidden() else ""

    def show_matter(self, matter_no: str) -> None:
        """Show ``matter_no`` (or nothing, for ""); a matter that cannot be read is said so."""
        self.banner.hide()
        self._load(matter_no)

    def reload(self) -> None:
        """Read the shown matter again (after any change, by this window or another view)."""
        if self.matter_no:
            self._load(self.matter_no)

    def _load(self, matter_no: str) -> None:
        if matter_no != self.matter_no:
            self.revealed.clear()
        self.detail, self.case = None, None
        if matter_no:
            try:
                self.detail = self._desk.matters.detail(matter_no)
                self.case = self._desk.cases.case_file(matter_no)
            except DeskError as error:
                self.detail, self.case = None, None
                self._say(app_message(error.message), WARN_STYLE)
        self._render()

    def _render(self) -> None:
        shown = self.detail is not None and self.case is not None
        for button in (self.notice_button, self.preview_button, self.print_button):
            button.setEnabled(shown)
        self.notices.matter_no = self.matter_no
        self.letter.show_for(self.matter_no if shown else "")
        settings = self._desk.settings.get()
        self.notices.clerk, self.notices.printer_name = signed_in_name(self._desk), settings.printer
        if self.detail is None or self.case is None:
            self.header.clear()
            self.browser.setPlainText(self.tr("请在左侧选择一件信访事项"))
            self._show_actions(None)
            for table in (self.departments, self.deadlines.table):
                table.setRowCount(0)
            self.documents.clear()
            self.leaders.show_case(None)
            return
        today = self._desk.clock().date()
        self.header.show_matter(self.detail, self.case, today)
        self.browser.setHtml(record_html(self.detail, self.revealed))
        self._show_actions(self.case)
        self.deadlines.show_deadlines(self.case, today, self.case.status in OPEN_STATUSES)
        show_assignments(self.departments, self.case.assignments)
        self.leaders.show_case(self.case)
        self.documents.clear()
        notices = self._desk.notices.history(self.matter_no)
        self.documents.addItems(document_lines(self._desk.slips.print_count(self.matter_no), notices))

    def _show_actions(self, case: CaseFile | None) -> None:
        for button in self.action_buttons.values():
            self.actions_row.removeWidget(button)
            button.hide()
            button.deleteLater()
        self.action_buttons = {}
        for index, info in enumerate(case.allowed if case is not None else []):
            shortcut = SHORTCUTS.get(info.key, "")
            label = action_label(info.label)
            button = QPushButton(label, self)
            if shortcut:
                button.setText(f"{label}(&{shortcut[-1]})")
                button.setShortcut(QKeySequence(shortcut))
                button.setToolTip(self.tr("%1（%2）").replace("%1", label).replace("%2", shortcut))
            button.clicked.connect(lambda _=False, key=info.key: self.run_action(key))
            self.actions_row.insertWidget(index, button)
            self.action_buttons[info.key] = button

    def _on_link(self, url: QUrl) -> None:
        """reveal:PERSON:FIELD — the full number if the service allows it (it asks why, and logs it)."""
        person, _, field = url.path().partition(":")
        if url.scheme() != "reveal" or not person.isdigit() or self.detail is None:
            return
        number = reveal_number(self, self._desk, int(person), field)
        if number is not None:
            self.revealed[(int(person), field)] = number
            self.browser.setHtml(record_html(self.detail, self.revealed))

    # --- acting -----------------------------------------------------------------------------------------
    def _clerk(self) -> str:
        return signed_in_name(self._desk)

    def run_action(self, key: str) -> None:
        """Open ``key``'s dialog on the version shown; then announce the change, or tell of a conflict."""
        if self.case is None:
            return
        call = ActionCall(self._desk.cases, self.matter_no, self._clerk(), self.case.version)
        departments = self._desk.reference.names().departments
        self._finish(action_dialog(key, self.case, call, departments, self))

    def run_step(self, form: StepForm) -> None:
        """领导包案 and 上级交办: a step that keeps the status, through the same version check."""
        if self.case is None:
            form.deleteLater()
            return
        call = ActionCall(self._desk.cases, self.matter_no, self._clerk(), self.case.version)
        self._finish(StepDialog(form, call, self))

    def _finish(self, dialog: ActionDialog | StepDialog) -> None:
        dialog.exec()
        if dialog.conflict:
            self.reload()
            self.warn(dialog.conflict + self.tr("。已重新载入该事项，请核对后再操作。"))
        elif dialog.outcome is not None:
            outcome = dialog.outcome
            message = self.tr("%1：%2").replace("%1", vocab(outcome.action)).replace("%2", outcome.note)
            self._notifier.matters_changed.emit()  # reloads this page too
            self._say(message, INFO_STYLE)
        dialog.deleteLater()

    def _today(self) -> date:
        return self._desk.clock().date()

    def _leaders_form(self) -> LeadersForm:
        names = [leader.name for leader in self._desk.cases.leaders()]
        return LeadersForm(names, self.case.leaders if self.case is not None else [])

    def explain_deadline(self, deadline_id: int) -> None:
        try:
            self.deadlines.show_explanation(deadline_id, self._desk.deadlines.explain(deadline_id))
        except DeskError as error:
            self.warn(app_message(error.message))

    def adjust_deadline(self, deadline_id: int) -> None:
        try:
            dialog = DeadlineOverrideDialog(self._desk.deadlines, deadline_id, self._clerk(), self)
        except DeskError as error:
            self.warn(app_message(error.message))
            return
        if dialog.exec():
            self._notifier.matters_changed.emit()
            self.explain_deadline(deadline_id)
        dialog.deleteLater()

    def _after_print(self, message: str) -> None:
        self.reload()
        self._say(message, INFO_STYLE)

    def _say(self, message: str, style: str) -> None:
        self.banner.setText(message)
        self.banner.setStyleSheet(style)
        self.banner.show()

    def warn(self, message: str) -> None:
        """A message the clerk must see: a box, and the same words kept above the page."""
        self._say(message, WARN_STYLE)
        QMessageBox.warning(self, self.tr("信访接待台"), message)
