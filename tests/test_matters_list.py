"""The matters list's reads: pages in every order, one count per list, deep jumps in a worker."""

from __future__ import annotations

import dataclasses
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import threading  # noqa: E402
from dataclasses import replace  # noqa: E402
from datetime import timedelta  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from app.desk import Desk  # noqa: E402
from app.records import MatterSummary, PersonInput  # noqa: E402
from db import matter_pages  # noqa: E402
from tests.test_ui_matters import TODAY, many_visits, visit  # noqa: E402
from ui import matters_model  # noqa: E402
from ui.matters_model import DEADLINE_COLUMN, MattersTableModel, _number_key  # noqa: E402

SORT_VALUE = {
    "received_at": lambda m: m.received_at,
    "notice_deadline": lambda m: m.notice_deadline,
    "status": lambda m: m.status,
    "matter_no": lambda m: 0,  # the issue order alone
}


class CountingMatters:
    """The matter service as the model sees it, noting each read and the thread it ran on; a read of a
    page can be held at `gate` until the test lets it go."""

    def __init__(self, matters: Any) -> None:
        self._matters = matters
        self.counts = 0
        self.page_threads: list[threading.Thread] = []
        self.gate = threading.Event()
        self.gate.set()

    def count(self) -> int:
        self.counts += 1
        return int(self._matters.count())

    def page(self, *args: Any) -> list[MatterSummary]:
        self.page_threads.append(threading.current_thread())
        assert self.gate.wait(10)
        return list(self._matters.page(*args))


@pytest.fixture
def small_pages(monkeypatch: pytest.MonkeyPatch) -> int:
    """Pages of 20 rows, so that a few dozen matters make several pages."""
    monkeypatch.setattr(matters_model, "PAGE_SIZE", 20)
    return 20


@pytest.fixture
def registered(desk: Desk) -> list[str]:
    """60 matters an hour apart (many share a deadline), one 40 days old, one of three persons."""
    group = replace(
        visit("王五", TODAY - timedelta(minutes=30), phone="13900000003"),
        headcount=3,
        persons=[PersonInput(n, phone=f"1390000001{i}") for i, n in enumerate(("王五", "艾一", "张三"))],
    )
    done = desk.intake.register_many(
        many_visits(60) + [visit("老上访", TODAY - timedelta(days=40), phone="13900000001"), group]
    )
    return [r.matter_no for r in done]


def test_page_columns_are_the_records_fields_in_order() -> None:
    """page_summaries builds each record from its row by position: the matter's id, then the fields."""
    fields = [f.name for f in dataclasses.fields(MatterSummary)]
    for backend in ("sqlite", "postgresql"):
        for sort in matter_pages.SORT_COLUMNS:
            statement = matter_pages._page(sort, True, backend)  # noqa: SLF001
            assert statement.selected_columns.keys()[1:] == fields, (backend, sort)


def test_pages_list_every_matter_once_in_order(desk: Desk, registered: list[str]) -> None:
    for sort in SORT_VALUE:
        for descending in (True, False):
            # given the whole list in one read, and the same list read in pages of 7
            whole = desk.matters.page(0, 1000, sort, descending)
            pages = [
                m for at in range(0, len(registered), 7) for m in desk.matters.page(at, 7, sort, descending)
            ]
            # then the pages make up the whole list, sorted by the key with ties in issue order
            assert pages == whole, (sort, descending)
            key = SORT_VALUE[sort]
            expected = sorted(
                whole, key=lambda m, key=key: (key(m), _number_key(m.matter_no)), reverse=descending
            )
            assert [m.matter_no for m in whole] == [m.matter_no for m in expected], (sort, descending)
            assert sorted(m.matter_no for m in whole) == sorted(registered)
    # and each row is the summary every other list shows (counts, persons, names of clerk and place)
    assert whole == desk.matters.summaries_by_no([m.matter_no for m in whole])
    assert "王五、艾一、张三" in [m.persons for m in whole]  # in the order they were registered
    assert desk.matters.count() == len(registered)


def test_a_new_sort_reads_the_page_without_counting_again(
    qtbot, desk: Desk, registered: list[str], clock
) -> None:
    matters = CountingMatters(desk.matters)
    model = MattersTableModel(matters, clock)  # type: ignore[arg-type]
    assert model.requests.settle(10_000) and model.total == len(registered) and matters.counts == 1
    # when the clerk sorts by deadline, the page is read again but the total is not
    model.sort(DEADLINE_COLUMN, Qt.SortOrder.DescendingOrder)
    assert model.requests.settle(10_000)
    assert matters.counts == 1 and model.total == len(registered)
    assert model.matter_at(0).notice_deadline == max(m.notice_deadline for m in desk.matters.page(0, 1000))
    # when the matters change, the list is counted again
    desk.intake.register_visit(visit("新来访", TODAY, phone="13900000002"))
    model.refresh()
    assert model.requests.settle(10_000)
    assert matters.counts == 2 and model.total == len(registered) + 1


def test_a_sort_made_while_the_count_is_on_its_way_counts_too(
    qtbot, desk: Desk, registered: list[str], small_pages: int, clock
) -> None:
    # given a first read held in the worker past the model's grace
    matters = CountingMatters(desk.matters)
    matters.gate.clear()
    model = MattersTableModel(matters, clock)  # type: ignore[arg-type]
    assert model.requests.busy and model.total == 0
    # when the clerk sorts before it comes, the sort's read counts (the first read's answer is dropped)
    model.sort(DEADLINE_COLUMN, Qt.SortOrder.AscendingOrder)
    matters.gate.set()
    assert model.requests.settle(10_000)
    assert model.total == len(registered) and model.sort_key == "notice_deadline"
    assert model.matter_at(0).persons == "老上访"


def test_a_jump_reads_the_deep_page_in_a_worker(
    qtbot, desk: Desk, registered: list[str], small_pages: int, clock
) -> None:
    matters = CountingMatters(desk.matters)
    model = MattersTableModel(matters, clock)  # type: ignore[arg-type]
    model.sort(DEADLINE_COLUMN, Qt.SortOrder.DescendingOrder)
    assert model.requests.settle(10_000)
    # when the clerk jumps to row 45, the page holding it (the third) is read off the main thread
    model.jump_to(45)
    assert model.requests.settle(10_000)
    assert model.first_row == 2 * small_pages and matters.page_threads[-1] is not threading.main_thread()
    assert model.rowCount() == small_pages and model.canFetchMore()
    assert [model.matter_at(r) for r in range(model.rowCount())] == desk.matters.page(
        2 * small_pages, small_pages, "notice_deadline", True
    )
    # and scrolling on reads the rest, up to the oldest deadline
    model.fetchMore()
    assert model.rowCount() == len(registered) - 2 * small_pages and not model.canFetchMore()
    assert model.matter_at(model.rowCount() - 1).persons == "老上访"


def test_a_jump_overtaken_by_a_sort_is_dropped(
    qtbot, desk: Desk, registered: list[str], small_pages: int, clock
) -> None:
    model = MattersTableModel(desk.matters, clock)
    assert model.requests.settle(10_000)
    model.jump_to(45, wait_ms=0)
    model.sort(DEADLINE_COLUMN, Qt.SortOrder.AscendingOrder)
    assert model.requests.settle(10_000)
    qtbot.wait_until(lambda: not model.requests.busy)  # the jump's answer came and was dropped
    assert model.first_row == 0 and model.matter_at(0).persons == "老上访"
