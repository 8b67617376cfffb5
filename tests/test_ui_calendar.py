"""The holiday and rule editors (节假日与期限规则): each edit recomputes the open matters' deadlines.

The clock stands at Thursday 2026-11-26. A matter registered that day has its 15-day notice deadline on
Friday 2026-12-11; made a holiday, that day rolls forward to Monday 2026-12-14.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu, QTableWidget
from pytestqt.qtbot import QtBot

from app.accounts import Role
from app.desk import Desk
from tests.accounts_helpers import sign_in_as
from tests.deadline_helpers import notice_row, register
from tests.ui_helpers import type_chinese
from ui.calendar_dialog import CalendarDialog
from ui.main_window import MainWindow
from ui.notifier import Notifier

DEC_11, DEC_14 = date(2026, 12, 11), date(2026, 12, 14)


@pytest.fixture
def notifier() -> Notifier:
    return Notifier()


@pytest.fixture
def matter(desk: Desk) -> str:
    return register(desk, visited_at=datetime(2026, 11, 26, 9, 0))


@pytest.fixture
def dialog(qtbot: QtBot, desk: Desk, notifier: Notifier, matter: str) -> CalendarDialog:
    shown = CalendarDialog(desk, notifier, "李娜")
    qtbot.addWidget(shown)
    shown.show()
    return shown


def cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text() if item is not None else ""


def due_on_board(desk: Desk, matter_no: str) -> date | None:
    return next(r.due for r in desk.supervision.board() if r.matter_no == matter_no)


def test_adding_a_holiday_moves_the_open_matters_deadline(
    qtbot: QtBot, desk: Desk, notifier: Notifier, dialog: CalendarDialog, matter: str
) -> None:
    assert due_on_board(desk, matter) == DEC_11
    editor = dialog.holidays
    editor.day = DEC_11
    type_chinese(editor.name_edit, "县庆")
    with qtbot.waitSignal(notifier.matters_changed):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.result_label.text() == "已重新计算：1 个期限随之调整"
    assert due_on_board(desk, matter) == DEC_14
    assert desk.cases.case_file(matter).matter_no == matter
    assert notice_row(desk, matter).due == DEC_14
    shown = [cell(editor.table, r, 0) for r in range(editor.table.rowCount())]
    assert "2026-12-11" in shown
    row = shown.index("2026-12-11")
    assert [cell(editor.table, row, c) for c in range(1, 5)] == ["星期五", "县庆", "放假", "手工录入"]
    # and removing it again moves the deadline back
    editor.table.selectRow(row)
    assert editor.day == DEC_11 and editor.name_edit.text() == "县庆"
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert editor.result_label.text() == "已重新计算：1 个期限随之调整"
    assert due_on_board(desk, matter) == DEC_11


def test_a_weekday_cannot_be_a_make_up_workday_and_the_message_is_beside_the_field(
    qtbot: QtBot, desk: Desk, dialog: CalendarDialog, matter: str
) -> None:
    editor = dialog.holidays
    before = desk.holidays.days(2026)
    editor.day, editor.workday = DEC_11, True  # a Friday
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert "星期六或星期日" in editor.errors.text("workday")
    assert "名称" in editor.errors.text("name")
    assert editor.errors.label("workday").isVisible()
    assert editor.result_label.text() == ""
    assert desk.holidays.days(2026) == before


def test_years_and_their_announcement(qtbot: QtBot, desk: Desk, dialog: CalendarDialog) -> None:
    editor = dialog.holidays
    assert editor.year == 2026
    assert "已公布" in editor.announced_label.text()
    editor.year_combo.setCurrentIndex(editor.year_combo.findData(2027))
    assert "未公布" in editor.announced_label.text()
    shown = {cell(editor.table, r, 2) for r in range(editor.table.rowCount())}
    assert {"元旦", "春节", "国庆节"} <= shown  # the computed year still has its statutory holidays
    qtbot.mouseClick(editor.announce_button, Qt.MouseButton.LeftButton)
    assert desk.holidays.years()[2027] is True
    assert "2027年安排：已公布" in editor.announced_label.text()


def test_changing_the_notice_rule_recomputes_and_reports_the_count(
    qtbot: QtBot, desk: Desk, notifier: Notifier, dialog: CalendarDialog, matter: str
) -> None:
    editor = dialog.rules
    assert editor.table.rowCount() == 8
    editor.select_rule("notice")
    assert (editor.label.text(), editor.days, editor.unit) == ("转送、交办或告知受理与否", 15, "calendar")
    assert "第二十二条" in editor.basis_label.text()
    editor.days_spin.selectAll()
    qtbot.keyClicks(editor.days_spin, "20")
    with qtbot.waitSignal(notifier.matters_changed):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.result_label.text() == "已重新计算：1 个期限随之调整"
    assert desk.deadline_rules.rules()["notice"].days == 20
    assert due_on_board(desk, matter) == date(2026, 12, 16)
    assert editor.key == "notice" and cell(editor.table, 0, 1) == "20"


def test_working_days_rule_is_saved_with_its_unit(qtbot: QtBot, desk: Desk, dialog: CalendarDialog) -> None:
    editor = dialog.rules
    editor.select_rule("handling")
    editor.unit = "working"
    editor.roll_check.setChecked(False)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    rule = desk.deadline_rules.rules()["handling"]
    assert (rule.unit, rule.roll_forward) == ("working", False)
    assert cell(editor.table, editor.table.currentRow(), 2) == "工作日"


def test_an_edit_by_a_clerk_is_refused_with_the_reason(
    qtbot: QtBot, desk: Desk, notifier: Notifier, matter: str
) -> None:
    # The signer is the signed-in account (no name is typed); a clerk's role may not change the rules
    sign_in_as(desk, Role.CLERK)
    dialog = CalendarDialog(desk, notifier, "王强")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.rules.save_button, Qt.MouseButton.LeftButton)
    assert "节假日、期限规则和期限调整" in dialog.rules.errors.text()
    assert due_on_board(desk, matter) == DEC_11


def test_an_edit_in_the_window_refreshes_the_board(
    qtbot: QtBot, desk: Desk, notifier: Notifier, matter: str
) -> None:
    window = MainWindow(desk, notifier)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(window.board_page)
    window.board_page.filters.attention_check.setChecked(False)
    window.calendar_action.trigger()
    editor = window.calendar_dialog.rules  # type: ignore[union-attr]
    editor.select_rule("notice")
    editor.days = 1  # the notice is due tomorrow: near due at once
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    [row] = window.board_page.model.rows()
    assert (row.due, row.state) == (date(2026, 11, 27), "临期")
    assert window.tabs.tabText(window.board_index) == "督办 (1)"


def test_holiday_warning_is_shown_at_start_until_announced(
    qtbot: QtBot, desk: Desk, notifier: Notifier
) -> None:
    window = MainWindow(desk, notifier)
    qtbot.addWidget(window)
    window.show()
    assert window.holiday_banner.isVisible()
    assert "2027年节假日安排尚未公布" in window.holiday_label.text()
    desk.holidays.mark_announced(2027, "李娜")
    later = MainWindow(desk, notifier)
    qtbot.addWidget(later)
    later.show()
    assert not later.holiday_banner.isVisible()


def test_file_menu_opens_the_calendar_editor(qtbot: QtBot, desk: Desk, notifier: Notifier) -> None:
    window = MainWindow(desk, notifier)
    qtbot.addWidget(window)
    [file_menu] = [a.menu() for a in window.menuBar().actions() if a.text() == "文件(&F)"]
    assert isinstance(file_menu, QMenu)
    assert "节假日与期限规则…" in [a.text() for a in file_menu.actions()]
    window.calendar_action.trigger()
    assert window.calendar_dialog is not None and window.calendar_dialog.isVisible()
    assert window.calendar_dialog.holidays.clerk == "李娜"
    window.calendar_dialog.reject()
