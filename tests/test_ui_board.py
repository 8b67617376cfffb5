"""The supervision board, its badge and 我的待办, driven through real widgets on a real database.

The clock stands at Thursday 2026-11-26 10:00. Planted matters have their notice step done and one running
deadline (tests/deadline_helpers.plant): due 11-15 is 超期11天 (红牌), due 11-21 超期5天 (黄牌), due 11-29
临期 (普通), due 2027-01-19 正常.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.accounts import Role
from app.desk import Desk
from tests.accounts_helpers import PASSWORD, PEOPLE, raw_accounts
from tests.conftest import FixedClock
from tests.deadline_helpers import assign, plant, put_leader
from tests.ui_helpers import type_chinese
from ui import printing, questions
from ui.board_model import COLUMN, LEVEL_COLORS
from ui.board_page import BoardPage
from ui.main_window import AMBER, RED, MainWindow
from ui.notifier import Notifier

OCT_1, NOV_20 = date(2026, 10, 1), date(2026, 11, 20)
HOUSING = "县住房和城乡建设局"


@dataclass
class Planted:
    red: str
    yellow: str
    near: str
    normal: str


@pytest.fixture
def planted(desk: Desk) -> Planted:
    return Planted(
        red=plant(desk, OCT_1, date(2026, 11, 15), summary="征地补偿款未发放"),
        yellow=plant(desk, OCT_1, date(2026, 11, 21), summary="小区供暖不热"),
        near=plant(desk, NOV_20, date(2026, 11, 29), summary="道路破损"),
        normal=plant(desk, NOV_20, date(2027, 1, 19), summary="低保申请"),
    )


@pytest.fixture
def notifier() -> Notifier:
    return Notifier()


@pytest.fixture
def page(qtbot: QtBot, desk: Desk, notifier: Notifier, planted: Planted) -> Iterator[BoardPage]:
    shown = BoardPage(desk, notifier)
    qtbot.addWidget(shown)
    shown.resize(1400, 800)
    shown.show()
    qtbot.waitUntil(lambda: shown.model.rowCount() > 0, timeout=10_000)  # read in a worker: slow under load
    yield shown


@pytest.fixture
def window(qtbot: QtBot, desk: Desk, notifier: Notifier) -> MainWindow:
    shown = MainWindow(desk, notifier)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitUntil(lambda: shown.badge.text() != "", timeout=10_000)  # read in a worker, after the paint
    return shown


def numbers(page: BoardPage) -> list[str]:
    return [row.matter_no for row in page.model.rows()]


def background(page: BoardPage, row: int) -> str:
    brush = page.model.index(row, COLUMN["督办级别"]).data(Qt.ItemDataRole.BackgroundRole)
    return brush.color().name().upper() if brush is not None else ""


def is_bold(page: BoardPage, row: int) -> bool:
    font = page.model.index(row, 0).data(Qt.ItemDataRole.FontRole)
    return isinstance(font, QFont) and font.bold()


def double_click_row(qtbot: QtBot, view: QAbstractItemView, row: int) -> None:
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


# -- the board --


def test_rows_are_coloured_by_level_and_worst_first(page: BoardPage, planted: Planted) -> None:
    # given the board as it opens (only what needs attention), then with every open matter
    assert numbers(page) == [planted.red, planted.yellow, planted.near]
    assert [background(page, r) for r in range(3)] == [LEVEL_COLORS[lv][0] for lv in ("红牌", "黄牌", "普通")]
    assert [is_bold(page, r) for r in range(3)] == [True, True, False]
    assert page.model.index(0, COLUMN["剩余天数"]).data() == "超期11天"
    assert page.model.index(0, COLUMN["原因"]).data() == "超期11天；超期超过10天"
    assert page.model.index(0, COLUMN["首接人"]).data() == "李娜"
    page.filters.attention_check.setChecked(False)
    assert numbers(page)[-1] == planted.normal
    assert background(page, 3) == "" and not is_bold(page, 3)


def test_summary_line_and_counts_by_department_and_clerk(
    desk: Desk, planted: Planted, page: BoardPage
) -> None:
    assert page.summary_label.text().startswith("超期 2 件，临期 1 件，红牌 1，黄牌 1，普通 1")
    assert page.clerk_counts.counts() == {"李娜": 3}
    assign(desk, planted.red, HOUSING, date(2026, 11, 21))
    page.refresh()
    assert page.department_counts.counts() == {HOUSING: 1}


def test_filters_by_state_level_department_clerk_and_leader(
    desk: Desk, notifier: Notifier, planted: Planted, page: BoardPage
) -> None:
    other = plant(desk, OCT_1, date(2026, 11, 20), clerk="王强")
    assign(desk, planted.red, HOUSING, date(2026, 11, 21))  # a silent department: already 红牌
    put_leader(desk, planted.near, "赵副县长")
    notifier.matters_changed.emit()
    f = page.filters
    f.state_combo.setCurrentText("临期")
    assert numbers(page) == [planted.near]
    f.state_combo.setCurrentIndex(0)
    f.level_combo.setCurrentText("红牌")
    assert numbers(page) == [planted.red]
    f.level_combo.setCurrentIndex(0)
    f.clerk_combo.setCurrentText("王强")
    assert numbers(page) == [other]
    f.clerk_combo.setCurrentIndex(0)
    f.department_combo.setCurrentText(HOUSING)
    assert numbers(page) == [planted.red]
    f.department_combo.setCurrentIndex(0)
    page.filters.leader_combo.addItem("赵副县长", "赵副县长")  # leaders are listed when the page is built
    f.leader_combo.setCurrentText("赵副县长")
    assert numbers(page) == [planted.near]


def test_counts_table_double_click_filters_the_board(qtbot: QtBot, page: BoardPage, planted: Planted) -> None:
    double_click_row(qtbot, page.clerk_counts, 0)
    assert page.filters.clerk_combo.currentText() == "李娜"
    assert len(numbers(page)) == 3


def test_header_click_sorts_and_keeps_the_order_across_refreshes(
    qtbot: QtBot, page: BoardPage, planted: Planted, notifier: Notifier
) -> None:
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(COLUMN["剩余天数"]) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    first = numbers(page)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert numbers(page) == first[::-1]
    assert numbers(page)[0] == planted.near  # most days left first, descending
    notifier.matters_changed.emit()
    assert numbers(page)[0] == planted.near


def test_time_passing_moves_a_matter_to_overdue_without_any_signal(
    qtbot: QtBot, desk: Desk, clock: FixedClock, planted: Planted, notifier: Notifier
) -> None:
    page = BoardPage(desk, notifier, refresh_ms=20)
    qtbot.addWidget(page)
    page.show()
    clock.now += timedelta(days=4)  # 11-30: the 临期 matter is one day late
    qtbot.waitUntil(lambda: page.summary is not None and page.summary.near_due == 0)
    row = next(r for r in page.model.rows() if r.matter_no == planted.near)
    assert (row.state, row.level) == ("超期", "黄牌")


def test_raising_a_red_card_through_the_dialog(
    qtbot: QtBot, desk: Desk, page: BoardPage, planted: Planted
) -> None:
    # given the 临期 matter selected (once the board has loaded)
    qtbot.waitUntil(lambda: page.select_matter(planted.near))
    page.raise_action.trigger()
    dialog = page.raise_dialog
    assert dialog is not None and dialog.isVisible()
    # when the clerk leaves the reason empty, the message is beside the field and the dialog stays open
    dialog.level = "红牌"
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "督办理由" in dialog.errors.text("reason")
    # then with a reason
    type_chinese(dialog.reason_edit, "群众反映强烈，请三日内办结")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert numbers(page)[:2] == [planted.red, planted.near]  # the red cards, earliest due first
    assert background(page, 1) == LEVEL_COLORS["红牌"][0]
    assert "群众反映强烈" in page.model.index(1, COLUMN["原因"]).data()
    [raised] = desk.supervision.supervisions(planted.near)
    assert (raised.level, raised.raised_by) == ("红牌", "李娜")
    selected = page.selected_row()
    assert selected is not None and selected.matter_no == planted.near
    assert page.resolve_action.isEnabled()


def test_resolving_a_supervision_raised_by_hand(
    qtbot: QtBot, desk: Desk, page: BoardPage, planted: Planted, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk.supervision.raise_supervision(planted.normal, "黄牌", "领导批示", "李娜")
    page.refresh()  # the rows come back from a worker: wait for the one raised by hand
    qtbot.waitUntil(lambda: page.select_matter(planted.normal))
    asked: list[str] = []

    def ask(parent: object, question: str) -> bool:
        asked.append(question)
        return True

    monkeypatch.setattr(questions, "ask", ask)
    page.resolve_action.trigger()
    assert "领导批示" in asked[0]
    [lifted] = desk.supervision.supervisions(planted.normal)
    assert lifted.resolved_at is not None
    assert planted.normal not in numbers(page)  # 正常 again, and the board shows what needs attention


def test_printing_a_supervision_notice_records_then_prints(
    desk: Desk, page: BoardPage, planted: Planted, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    printed: list[Path] = []

    def fake_print(pdf: Path, parent: object, printer_name: str = "") -> bool:
        printed.append(tmp_path / "printed.pdf")
        shutil.copyfile(pdf, printed[-1])
        return True

    monkeypatch.setattr(printing, "print_pdf", fake_print)
    assert page.select_matter(planted.red)
    assert page.print_selected()
    text = subprocess.run(["pdftotext", str(printed[0]), "-"], capture_output=True, text=True).stdout
    assert "督办" in text and planted.red in text
    assert [n.kind for n in desk.notices.history(planted.red)] == ["督办单"]
    assert "已出具督办单" in page.message_label.text()


def test_a_notice_the_matter_does_not_allow_is_told_not_printed(
    qtbot: QtBot, page: BoardPage, planted: Planted, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(printing, "print_pdf", lambda *args: pytest.fail("nothing to print"))
    page.filters.attention_check.setChecked(False)  # the board reloads in a worker: wait for the row
    qtbot.waitUntil(lambda: page.select_matter(planted.normal))
    assert not page.print_selected()
    assert "不能出具督办单" in page.message_label.text()


def test_hidden_board_counts_for_the_badge_and_reloads_when_shown(
    qtbot: QtBot, desk: Desk, notifier: Notifier, planted: Planted
) -> None:
    page = BoardPage(desk, notifier)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.summary is not None, timeout=10_000)  # read in a worker: slow under load
    assert page.summary is not None and page.summary.attention == 3 and page.model.rowCount() == 0
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
    assert page.model.rowCount() == 3


# -- the window: badge, 我的待办, opening a matter --


def test_badge_shows_the_overdue_count_and_follows_changes(
    desk: Desk, planted: Planted, window: MainWindow, notifier: Notifier
) -> None:
    assert window.tabs.tabText(window.board_index) == "督办 (3)"
    assert window.badge.text() == "督办 3 件：超期 2，临期 1"
    assert window.badge_color == RED and window.badge.isVisible()
    assert window.tabs.tabBar().tabTextColor(window.board_index) == QColor(RED)
    plant(desk, OCT_1, date(2026, 11, 25))
    notifier.matters_changed.emit()
    assert window.tabs.tabText(window.board_index) == "督办 (4)"
    assert "超期 3" in window.badge.text()


def test_badge_is_amber_when_only_near_due(qtbot: QtBot, desk: Desk, notifier: Notifier) -> None:
    plant(desk, NOV_20, date(2026, 11, 28))
    window = MainWindow(desk, notifier)
    qtbot.addWidget(window)
    assert window.badge.text() == ""  # not waited for: the figures come after the window's first paint
    qtbot.waitUntil(lambda: window.badge.text() != "", timeout=10_000)
    assert window.badge_color == AMBER
    assert window.badge.text() == "督办 1 件：超期 0，临期 1"


def test_my_tasks_lists_only_the_clerks_matters_and_opens_one(
    qtbot: QtBot, desk: Desk, planted: Planted, notifier: Notifier
) -> None:
    others = plant(desk, OCT_1, date(2026, 11, 20), clerk="王强")
    raw_accounts(desk).create(*PEOPLE[Role.CLERK], Role.CLERK, PASSWORD)
    window = MainWindow(desk, notifier)
    qtbot.addWidget(window)
    window.show()
    assert window.mine_dock.isVisible()
    mine = window.my_tasks
    qtbot.waitUntil(lambda: mine.model.rowCount() > 0, timeout=10_000)  # read in a worker
    assert [r.matter_no for r in mine.model.rows()] == [planted.red, planted.yellow, planted.near]
    assert "3 件需关注，其中超期 2 件" in mine.title.text()
    window.session.switch_user()  # another clerk sits down: 王强 signs in on the window
    lock = window.session.lock_screen
    lock.username_edit.setText(PEOPLE[Role.CLERK][0])
    lock.password_edit.setText(PASSWORD)
    lock.submit()
    assert window.desk.user is not None and window.desk.user.display_name == "王强"
    assert [r.matter_no for r in mine.model.rows()] == [others]
    double_click_row(qtbot, mine.table, 0)
    assert window.tabs.currentWidget() is window.matters_page
    assert window.matters_page.search_box.text() == others


def test_activating_a_board_row_opens_the_matter(qtbot: QtBot, planted: Planted, window: MainWindow) -> None:
    window.badge.click()
    assert window.tabs.currentWidget() is window.board_page
    table = window.board_page.table
    table.setFocus()
    qtbot.waitUntil(lambda: window.board_page.select_matter(planted.yellow))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is window.matters_page
    assert window.matters_page.search_box.text() == planted.yellow
