"""The matters list (paged model, SQL sorting, search), the matters page and today's panel, on a real db."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import datetime, timedelta  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QInputMethodEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from app.desk import Desk  # noqa: E402
from app.records import PersonInput, VisitInput  # noqa: E402
from ui import printing  # noqa: E402
from ui.matters_model import DEADLINE_COLUMN, OVERDUE_COLOR, PAGE_SIZE, MattersTableModel  # noqa: E402
from ui.matters_page import MattersPage  # noqa: E402
from ui.notifier import Notifier  # noqa: E402
from ui.today_panel import TodayPanel  # noqa: E402

TODAY = datetime(2026, 11, 26, 9, 0)
VALID_ID = "11010519491231002X"


def visit(
    name: str,
    when: datetime,
    *,
    phone: str | None = None,
    id_number: str | None = None,
    summary: str = "拆迁补偿",
) -> VisitInput:
    return VisitInput(
        visited_at=when,
        channel="来访",
        headcount=1,
        persons=[PersonInput(name, id_number=id_number, phone=phone)],
        township="城关镇",
        category="城乡建设",
        summary=summary,
        appeal="要求按标准发放补偿款",
        clerk="李娜",
    )


SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施孔曹严华金魏陶"
GIVEN = (
    "建国",
    "秀英",
    "桂兰",
    "志强",
    "海燕",
    "红梅",
    "国庆",
    "玉珍",
    "春生",
    "淑芬",
    "德明",
    "金凤",
    "长江",
    "小红",
    "福贵",
)


def visitor_name(i: int) -> str:
    """A distinct name for each of the first 450 visitors (names may hold only letters)."""
    return SURNAMES[i % len(SURNAMES)] + GIVEN[i // len(SURNAMES) % len(GIVEN)]


def many_visits(count: int) -> list[VisitInput]:
    """`count` visitors, one per hour going back from today, each with their own phone."""
    return [visit(visitor_name(i), TODAY - timedelta(hours=i), phone=f"138{i:08d}") for i in range(count)]


def type_text(widget: QWidget, text: str) -> None:
    """Type as an input method does: one commit string (keyClicks with Chinese aborts Qt)."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def notifier() -> Notifier:
    return Notifier()


@pytest.fixture
def page(qtbot, desk: Desk, notifier: Notifier, clock) -> MattersPage:
    widget = MattersPage(desk, notifier)
    qtbot.addWidget(widget)
    return widget


def test_model_fetches_pages_on_demand(qtbot, desk: Desk, clock) -> None:
    # given 450 matters
    desk.intake.register_many(many_visits(450))
    model = MattersTableModel(desk.matters, clock)
    assert model.requests.settle(10_000)  # within the grace on an idle machine; not always under load
    # then the first page is loaded and more can be fetched
    assert model.total == 450
    assert model.rowCount() == PAGE_SIZE
    assert model.canFetchMore()
    # when the view asks for more, the next page arrives, until all are there
    with qtbot.waitSignal(model.rowsInserted):
        model.fetchMore()
    assert model.rowCount() == 2 * PAGE_SIZE
    model.fetchMore()
    assert model.rowCount() == 450
    assert not model.canFetchMore()
    numbers = [model.matter_at(row).matter_no for row in range(450)]
    assert len(set(numbers)) == 450  # pages never overlap


def test_sorting_by_deadline_changes_first_row(qtbot, desk: Desk, clock) -> None:
    desk.intake.register_many(
        many_visits(5) + [visit("老上访", TODAY - timedelta(days=40), phone="13900000001")]
    )
    model = MattersTableModel(desk.matters, clock)
    assert model.requests.settle(10_000)
    newest = model.matter_at(0)
    assert newest.persons == visitor_name(0)
    with qtbot.waitSignal(model.modelReset):
        model.sort(DEADLINE_COLUMN, Qt.SortOrder.AscendingOrder)
    assert model.sort_key == "notice_deadline"
    assert model.matter_at(0).persons == "老上访"
    model.sort(DEADLINE_COLUMN, Qt.SortOrder.DescendingOrder)
    assert model.matter_at(model.rowCount() - 1).persons == "老上访"


def test_overdue_notice_deadline_is_red(desk: Desk, clock) -> None:
    desk.intake.register_many(
        [
            visit("老上访", TODAY - timedelta(days=40), phone="13900000001"),
            visit("新来", TODAY, phone="13900000002"),
        ]
    )
    model = MattersTableModel(desk.matters, clock)
    states = {model.matter_at(row).persons: model.deadline_state(row) for row in range(model.rowCount())}
    assert states == {"老上访": "overdue", "新来": ""}
    old_row = next(r for r in range(model.rowCount()) if model.matter_at(r).persons == "老上访")
    brush = model.data(model.index(old_row, DEADLINE_COLUMN), Qt.ItemDataRole.ForegroundRole)
    assert brush.color() == OVERDUE_COLOR


def test_deadline_within_three_days_is_near(desk: Desk, clock) -> None:
    # 15 calendar days for the notice: received on 11-12, due on Friday 11-27, tomorrow
    desk.intake.register_visit(visit("快到期", TODAY - timedelta(days=14), phone="13900000003"))
    model = MattersTableModel(desk.matters, clock)
    assert model.matter_at(0).notice_deadline <= clock().date() + timedelta(days=3)
    assert model.deadline_state(0) == "near"


def test_search_by_two_character_name_and_last_four_id_digits(qtbot, page: MattersPage, desk: Desk) -> None:
    desk.intake.register_many(
        many_visits(30) + [visit("张伟", TODAY, id_number=VALID_ID, summary="工资拖欠")]
    )
    page.model.refresh()
    # when the clerk types a name with the input method and presses Enter, the search runs at once
    type_text(page.search_box, "张伟")
    qtbot.keyClick(page.search_box, Qt.Key.Key_Return)
    assert page.model.search_text == "张伟"
    assert [page.model.matter_at(r).persons for r in range(page.model.rowCount())] == ["张伟"]
    assert "找到 1 件" in page.count_label.text()
    # when the clerk types the last four ID digits and pauses, the debounced search runs
    page.search_box.clear()
    qtbot.keyClicks(page.search_box, "002X")
    qtbot.waitUntil(lambda: page.model.search_text == "002X")
    assert page.model.rowCount() == 1
    assert page.model.matter_at(0).summary == "工资拖欠"
    # an empty box returns to the paged list
    page.search_box.clear()
    page.search_now()
    assert page.model.rowCount() == 31


def test_selecting_a_matter_shows_its_record_masked(qtbot, page: MattersPage, desk: Desk) -> None:
    registered = desk.intake.register_visit(visit("张伟", TODAY, id_number=VALID_ID))
    page.model.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)  # read in a worker: slower on a server
    page.select_row(0)
    text = page.detail.browser.toPlainText()
    assert registered.matter_no in text
    assert "张伟" in text and VALID_ID not in text and "002X" in text  # the ID number is masked
    assert "来访登记" in text  # the timeline
    assert page.detail.print_button.isEnabled()


@pytest.mark.parametrize("printed", [False, True])
def test_preview_records_a_print_only_when_printed(
    qtbot, page: MattersPage, desk: Desk, monkeypatch, printed: bool
) -> None:
    registered = desk.intake.register_visit(visit("张伟", TODAY, id_number=VALID_ID))
    page.model.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)  # read in a worker: slower on a server
    page.select_row(0)
    previewed: list[bytes] = []

    def fake_preview(pdf: Path, parent: object, name: str = "") -> bool:
        previewed.append(pdf.read_bytes())
        return printed

    monkeypatch.setattr(printing, "preview_pdf", fake_preview)
    qtbot.mouseClick(page.detail.preview_button, Qt.MouseButton.LeftButton)
    assert len(previewed) == 1 and previewed[0].startswith(b"%PDF")
    assert desk.slips.print_count(registered.matter_no) == (1 if printed else 0)


def test_activating_a_row_emits_its_number(qtbot, page: MattersPage, desk: Desk) -> None:
    registered = desk.intake.register_visit(visit("张伟", TODAY, id_number=VALID_ID))
    page.model.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)  # read in a worker: slower on a server
    page.select_row(0)
    with qtbot.waitSignal(page.matter_activated) as blocker:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert blocker.args == [registered.matter_no]


def test_page_refreshes_when_matters_change(qtbot, page: MattersPage, desk: Desk, notifier: Notifier) -> None:
    assert page.model.rowCount() == 0
    desk.intake.register_visit(visit("张伟", TODAY, id_number=VALID_ID))
    notifier.matters_changed.emit()
    assert page.model.rowCount() == 1
    assert page.count_label.text().startswith("共 1 件")


def test_today_panel_lists_todays_visits(qtbot, desk: Desk, notifier: Notifier, clock) -> None:
    desk.intake.register_many(
        [
            visit("张伟", TODAY, id_number=VALID_ID),
            visit("李明", TODAY - timedelta(days=1), phone="13900000004"),
        ]
    )
    panel = TodayPanel(desk, notifier)
    qtbot.addWidget(panel)
    assert panel.model.rowCount() == 1
    cells = [panel.model.index(0, c).data() for c in range(panel.model.columnCount())]
    assert cells[0] == "09:00" and cells[2] == "张伟" and cells[4] == "来访" and cells[5] == "初访"
    # a visit registered later today appears when the notifier says so
    desk.intake.register_visit(visit("王芳", TODAY + timedelta(minutes=30), phone="13900000005"))
    notifier.visits_changed.emit()
    assert panel.model.rowCount() == 2
    assert "2 批" in panel.title.text()


def test_a_lazy_page_reads_its_first_page_when_first_shown(qtbot, desk: Desk, notifier: Notifier) -> None:
    """The main window's hidden tab waits for the paint, then must read: not stay empty until a search."""
    desk.intake.register_visit(visit("张伟", TODAY, id_number=VALID_ID))
    lazy = MattersPage(desk, notifier, lazy=True)
    qtbot.addWidget(lazy)
    assert lazy.model.rowCount() == 0 and lazy.model.deferred
    lazy.show()
    qtbot.waitUntil(lambda: lazy.model.rowCount() == 1)
