"""Work off the main thread (ui/workers.py): the newest request wins, errors reach the view as messages."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import threading  # noqa: E402
from datetime import date, datetime  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QThreadPool  # noqa: E402

from app.desk import Desk  # noqa: E402
from app.errors import DeskError  # noqa: E402
from app.records import MatterSummary  # noqa: E402
from ui.matters_model import MattersTableModel  # noqa: E402
from ui.matters_page import MattersPage  # noqa: E402
from ui.notifier import Notifier  # noqa: E402
from ui.workers import Requests  # noqa: E402


def summary(matter_no: str, persons: str) -> MatterSummary:
    at, deadline = datetime(2026, 3, 2, 9, 0), date(2026, 3, 17)
    return MatterSummary(matter_no, "登记", at, "工资拖欠", "", "", "李科员", deadline, 1, at, persons)


class SlowFirstSearch:
    """A matters service whose first search ("旧") answers only after the second ("新") was shown."""

    def __init__(self) -> None:
        self.release = threading.Event()

    def count(self) -> int:
        return 0

    def page(self, offset: int, limit: int, sort: str = "received_at", descending: bool = True) -> list:
        return []

    def search(self, text: str, limit: int = 100) -> list[MatterSummary]:
        if text == "旧":
            self.release.wait(10)
            return [summary("〔2026〕1号", "张伟")]
        if text == "坏":
            raise DeskError("数据库暂时无法读取")
        return [summary("〔2026〕2号", "李明")]


@pytest.fixture
def slow() -> SlowFirstSearch:
    return SlowFirstSearch()


def test_two_searches_in_a_row_show_only_the_second(qtbot, slow: SlowFirstSearch) -> None:
    model = MattersTableModel(slow)  # type: ignore[arg-type]
    # given a first search still running when the clerk types a second one
    model.set_search("旧", wait_ms=0)
    model.set_search("新", wait_ms=0)
    qtbot.waitUntil(lambda: model.search_text == "新")
    assert [model.matter_at(r).persons for r in range(model.rowCount())] == ["李明"]
    # when the first answers late, its rows are dropped
    with qtbot.waitSignal(model.requests.busy_changed, timeout=5000):
        slow.release.set()
    assert model.search_text == "新"
    assert [model.matter_at(r).persons for r in range(model.rowCount())] == ["李明"]


def test_an_error_in_a_worker_reaches_the_page_as_a_message(qtbot, desk: Desk, monkeypatch) -> None:
    page = MattersPage(desk, Notifier())
    qtbot.addWidget(page)

    def broken(text: str, limit: int = 100) -> list[MatterSummary]:
        raise DeskError("数据库暂时无法读取")

    monkeypatch.setattr(desk.raw["matters"], "search", broken)  # the service behind the guard
    with qtbot.waitSignal(page.model.failed, timeout=5000):
        page.model.set_search("张伟", wait_ms=0)
    assert page.count_label.text() == "数据库暂时无法读取"


def test_a_quick_answer_within_the_grace_is_delivered_at_once(qtbot) -> None:
    requests = Requests()
    got: list[object] = []
    requests.finished.connect(got.append)
    requests.run(lambda: 42, wait_ms=2000)
    assert got == [42]  # delivered before run() returned; the queued copy is not delivered twice
    QThreadPool.globalInstance().waitForDone(5000)
    qtbot.wait(10)
    assert got == [42] and not requests.busy


def test_typing_does_not_wait_for_the_search(qtbot, slow: SlowFirstSearch) -> None:
    model = MattersTableModel(slow)  # type: ignore[arg-type]
    model.set_search("旧", wait_ms=0)  # returns at once although the search is blocked
    assert model.requests.busy and model.search_text == ""
    slow.release.set()
    qtbot.waitUntil(lambda: model.search_text == "旧")
    assert model.rowCount() == 1
