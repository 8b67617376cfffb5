"""领导包案 and 上级交办 on the matter's page, the 领导与接访日 dialog, and a visit received on a leader's
reception day — real widgets offscreen on a real database.

Dialogs are answered by patching their ``exec``: the patched call fills the form through its typed
properties and presses 确定, as a clerk would; the database is checked afterwards.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.desk import Desk
from db.models import Visit
from tests.conftest import NOW
from tests.factories import person, visit
from tests.ui_helpers import type_chinese, type_text
from ui import questions
from ui.fonts import apply_fonts, load_fonts
from ui.intake_form import IntakeForm
from ui.leaders_dialog import LeadersDialog
from ui.leaders_panel import LeadersForm, ReportForm, StepDialog, StepForm, UpperForm
from ui.main_window import MainWindow
from ui.matter_view import MatterView
from ui.notifier import Notifier

CLERK = "李娜"
LEADERS = {"陈书记": "县委副书记", "周县长": "副县长", "吴局长": "信访局局长", "甲": "", "乙": "", "丙": ""}
TODAY = NOW.date()


@pytest.fixture(scope="module", autouse=True)
def fonts(qapp: QApplication) -> None:
    apply_fonts(qapp, load_fonts())


@pytest.fixture
def leaders(desk: Desk) -> list[str]:
    desk.settings.save(dataclasses.replace(desk.settings.get(), clerk_name=CLERK))
    for name, title in LEADERS.items():
        desk.cases.add_leader(name, title)
    return list(LEADERS)


@pytest.fixture
def matter_no(desk: Desk, leaders: list[str]) -> str:
    return desk.intake.register_visit(visit(persons=[person("张伟", rep=True)])).matter_no


@pytest.fixture
def view(qtbot: QtBot, desk: Desk, matter_no: str) -> MatterView:
    widget = MatterView(desk, Notifier())
    qtbot.addWidget(widget)
    widget.show_matter(matter_no)
    widget.tabs.setCurrentWidget(widget.leaders)
    return widget


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    return shown


class Clerk:
    """Answers each step dialog: fills the form with the next filling and presses 确定 once."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.fillings: list[Callable[[StepForm], None]] = []
        self.errors: list[str] = []
        clerk = self

        def answer(dialog: StepDialog) -> int:
            clerk.fillings.pop(0)(dialog.form)
            dialog.accept()
            clerk.errors.append(dialog.error_text)
            return dialog.result()

        monkeypatch.setattr(StepDialog, "exec", answer)

    def press(self, qtbot: QtBot, button: object, fill: Callable[[StepForm], None]) -> None:
        self.fillings.append(fill)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def choose(in_charge: str, team: list[str]) -> Callable[[StepForm], None]:
    def fill(form: StepForm) -> None:
        assert isinstance(form, LeadersForm)
        form.in_charge, form.team = in_charge, team

    return fill


def test_leaders_set_through_the_dialog_show_in_the_tab_and_the_header(
    qtbot: QtBot, view: MatterView, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    clerk = Clerk(monkeypatch)
    assert view.tabs.tabText(view.tabs.currentIndex()) == "领导包案"
    assert view.leaders.in_charge_text == "未设置" and view.leaders.set_leaders_button.isEnabled()

    clerk.press(qtbot, view.leaders.set_leaders_button, choose("陈书记", ["周县长", "吴局长"]))

    assert clerk.errors == [""]
    assert view.leaders.in_charge_text == "陈书记（县委副书记）"
    assert view.leaders.team_text == "周县长（副县长）、吴局长（信访局局长）"
    assert view.header.leader_label.text() == "包案领导：陈书记（包案）、周县长（五包一）、吴局长（五包一）"
    assert "包案：包案领导：陈书记；五包一：周县长、吴局长" in view.message_text
    case = desk.cases.case_file(view.matter_no)
    roles = [(x.name, x.role) for x in case.leaders]
    assert roles == [("陈书记", "包案"), ("周县长", "五包一"), ("吴局长", "五包一")]
    assert case.status == "登记"  # a step, not a transition

    # reopening the dialog starts from what is set
    seen: list[tuple[str, list[str]]] = []

    def look(form: StepForm) -> None:
        assert isinstance(form, LeadersForm)
        seen.append((form.in_charge, form.team))

    clerk.press(qtbot, view.leaders.set_leaders_button, look)
    assert seen == [("陈书记", ["周县长", "吴局长"])]


def test_a_sixth_team_member_is_refused_in_the_dialog(
    qtbot: QtBot, view: MatterView, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    clerk = Clerk(monkeypatch)
    six = ["周县长", "吴局长", "甲", "乙", "丙", "丁"]
    desk.cases.add_leader("丁")

    clerk.press(qtbot, view.leaders.set_leaders_button, choose("陈书记", six))

    assert clerk.errors == ["五包一成员最多5人，现为6人"]
    assert desk.cases.case_file(view.matter_no).leaders == []
    assert view.leaders.in_charge_text == "未设置" and view.header.leader_label.text() == ""


def test_a_stale_page_is_told_and_reloaded(
    qtbot: QtBot, view: MatterView, desk: Desk, monkeypatch: pytest.MonkeyPatch, warnings: list[str]
) -> None:
    clerk = Clerk(monkeypatch)
    desk.cases.set_leaders(view.matter_no, "周县长", [], CLERK)  # another window, after this page was read

    clerk.press(qtbot, view.leaders.set_leaders_button, choose("陈书记", []))

    assert warnings and "其他窗口" in warnings[0]
    assert view.leaders.in_charge_text == "周县长（副县长）"  # reloaded, not overwritten


def test_upper_assignment_recorded_and_reported(
    qtbot: QtBot, view: MatterView, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    clerk = Clerk(monkeypatch)
    panel = view.leaders
    assert panel.upper_texts[0] == "（非上级交办件）" and not panel.report_upper_button.isEnabled()

    def record(due: date) -> Callable[[StepForm], None]:
        def fill(form: StepForm) -> None:
            assert isinstance(form, UpperForm)
            form.body, form.ref_no = "市信访局", "市信交〔2026〕8号"
            form.received, form.due = date(2026, 11, 20), due

        return fill

    clerk.press(qtbot, panel.record_upper_button, record(date(2026, 11, 1)))
    assert clerk.errors == ["上级要求的办结期限不能早于收到日期"]
    clerk.press(qtbot, panel.record_upper_button, record(date(2026, 12, 20)))
    assert clerk.errors[-1] == ""
    assert panel.upper_texts == ["市信访局", "市信交〔2026〕8号", "2026-11-20", "2026-12-20", "未上报"]
    assert not panel.record_upper_button.isEnabled() and panel.report_upper_button.isEnabled()

    def report(form: StepForm) -> None:
        assert isinstance(form, ReportForm)
        assert form.reported == TODAY  # today unless the clerk changes it

    clerk.press(qtbot, panel.report_upper_button, report)

    assert panel.upper_texts[4] == "2026-11-26"
    upper = desk.cases.case_file(view.matter_no).upper_assignment
    assert upper is not None and (upper.ref_no, upper.reported) == ("市信交〔2026〕8号", TODAY)
    kinds = [e.kind for e in desk.matters.detail(view.matter_no).events]
    assert kinds[-2:] == ["上级交办", "上报"]


def test_leaders_and_reception_days_from_the_file_menu(qtbot: QtBot, desk: Desk, leaders: list[str]) -> None:
    window = MainWindow(desk, Notifier())
    qtbot.addWidget(window)
    file_menu = window.menuBar().actions()[0].menu()
    assert "领导与接访日…" in [a.text() for a in file_menu.actions()]  # type: ignore[union-attr]
    window.leaders_action.trigger()
    dialog = window.leaders_dialog
    assert isinstance(dialog, LeadersDialog) and dialog.leader_names == leaders

    # a leader typed in Chinese, the way an input method commits it
    type_chinese(dialog.name_edit, "郑副县长")
    type_chinese(dialog.title_edit, "副县长")
    qtbot.mouseClick(dialog.add_leader_button, Qt.MouseButton.LeftButton)
    assert dialog.leader_names[-1] == "郑副县长" and dialog.leader_error_text == ""
    type_chinese(dialog.name_edit, "陈书记")
    qtbot.mouseClick(dialog.add_leader_button, Qt.MouseButton.LeftButton)
    assert dialog.leader_error_text == "已有名为“陈书记”的领导"

    # a reception day for the new leader, then the same day again
    dialog.leader_combo.setCurrentText("郑副县长")
    dialog.day = date(2026, 12, 3)
    type_chinese(dialog.place_edit, "县信访局接待大厅")
    qtbot.mouseClick(dialog.add_day_button, Qt.MouseButton.LeftButton)
    assert ("2026-12-03", "郑副县长", "县信访局接待大厅") in dialog.schedule
    qtbot.mouseClick(dialog.add_day_button, Qt.MouseButton.LeftButton)
    assert dialog.day_error_text == "郑副县长在2026年12月3日已安排接访"
    # the schedule is the range asked for
    dialog.first, dialog.last = date(2026, 12, 4), date(2026, 12, 31)
    assert dialog.schedule == []
    dialog.close()


def test_a_visit_on_a_reception_day_is_linked_to_it(
    qtbot: QtBot, desk: Desk, leaders: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    held = desk.cases.schedule_reception_day("周县长", TODAY, "县信访局接待大厅")
    monkeypatch.setattr(questions, "ask", lambda *_args: False)  # no slip printed
    form = IntakeForm(desk, Notifier())
    qtbot.addWidget(form)
    form.print_after_save.setChecked(False)
    assert form.reception_day_row[0].isHidden()  # only for 领导接访日

    form.channel_combo.setCurrentText("领导接访日")
    assert not form.reception_day_row[0].isHidden()
    assert form.reception_day_combo.currentText() == "周县长（副县长）　县信访局接待大厅"
    form.visited_at_edit.setDate(form.visited_at_edit.date().addDays(1))  # a day with no reception
    assert form.reception_day_combo.currentText() == "当日没有安排领导接访"
    assert form.reception_day_combo.currentData() is None
    form.visited_at_edit.setDate(form.visited_at_edit.date().addDays(-1))
    assert form.reception_day_combo.currentData() == held.id

    type_chinese(form.name_edit, "张伟")
    qtbot.keyClicks(form.phone_edit, "13800138000")
    type_chinese(form.township_combo, "城关镇")
    type_text(qtbot, form.category_combo, "cxjs")
    form.category_combo.setEditText(form.category_completer.offered()[0])
    type_chinese(form.summary_edit, "接访日反映征地补偿")
    type_chinese(form.appeal_edit, "要求按标准补偿。")
    with qtbot.waitSignal(form.notifier.matters_changed):
        form.save_action.trigger()

    saved = form.last_saved
    assert saved is not None, form.field_errors()
    with desk.db.reading() as session:
        assert session.scalar(select(Visit.reception_day_id).where(Visit.id == saved.visit_id)) == held.id
    assert desk.matters.detail(saved.matter_no).visits[0].channel == "领导接访日"
