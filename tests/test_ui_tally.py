"""The 统计 tab: the service's figures in the table, twelve weeks in the chart, the visits behind a cell,
and an export written in the pool (QFileDialog patched)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import datetime, timedelta  # noqa: E402
from pathlib import Path  # noqa: E402

import openpyxl  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtWidgets import QFileDialog  # noqa: E402

from app.desk import Desk  # noqa: E402
from app.tally import Rate, TallyService  # noqa: E402
from tests.conftest import FixedClock  # noqa: E402
from tests.factories import id_number, person, visit  # noqa: E402
from ui.notifier import Notifier  # noqa: E402
from ui.tally_model import COLUMN_KEY_ROLE, HEADER_ROWS, ROW_KEY_ROLE  # noqa: E402
from ui.tally_page import TallyPage  # noqa: E402
from ui.workers import wait_for_pool  # noqa: E402

W47 = datetime(2026, 11, 16, 9, 0)  # Monday of 2026-W47


def register(desk: Desk, clock: FixedClock, when: datetime, seq: int, **changes: object) -> int:
    clock.now = when + timedelta(minutes=1)
    changes.setdefault("persons", [person("张伟", id_number(seq=seq))])
    changes.setdefault("summary", f"第{seq}号来访反映的问题")
    return desk.intake.register_visit(visit(visited_at=when, **changes)).visit_id


@pytest.fixture
def visits(desk: Desk, clock: FixedClock) -> dict[str, list[int]]:
    """Visits of 2026-W47 in two townships, one group of 6, and one visit in each of the weeks before."""
    made: dict[str, list[int]] = {"城关镇": [], "东城街道": [], "before": []}
    made["城关镇"].append(register(desk, clock, W47, 101))
    made["城关镇"].append(register(desk, clock, W47 + timedelta(days=2), 102, headcount=6,
                                   persons=[person("张伟", id_number(seq=102), rep=True)]))  # fmt: skip
    made["东城街道"].append(register(desk, clock, W47 + timedelta(days=4), 103, township="东城街道"))
    for back in range(1, 12):
        made["before"].append(register(desk, clock, W47 - timedelta(weeks=back), 200 + back))
    clock.now = datetime(2026, 11, 26, 10, 0)
    return made


@pytest.fixture
def page(qtbot, desk: Desk) -> TallyPage:
    shown = TallyPage(desk, Notifier())
    qtbot.addWidget(shown)
    yield shown
    wait_for_pool()


def showing(page: TallyPage, key: str) -> bool:
    return page.tally is not None and page.tally.period.key == key and not page.busy


def test_the_table_shows_the_services_figures_for_the_week(qtbot, page: TallyPage, desk, visits) -> None:
    page.set_week(2026, 47)
    qtbot.waitUntil(lambda: showing(page, "2026-W47"))
    expected = TallyService(desk.db, desk.clock).week("2026-W47")
    model = page.model
    assert model.rowCount() == HEADER_ROWS + len(expected.rows)
    assert model.index(0, 1).data() == "总量"
    assert (model.index(1, 1).data(), model.index(1, 2).data()) == ("批次", "人次")
    for r, row in enumerate(expected.rows, start=HEADER_ROWS):
        assert model.index(r, 0).data() == row.name
        for c in range(1, model.columnCount()):
            key = model.index(r, c).data(COLUMN_KEY_ROLE)
            value = row.values[key]
            shown = model.index(r, c).data()
            assert shown == (value.percent() if isinstance(value, Rate) else str(value))
    total = HEADER_ROWS + len(expected.rows) - 1
    assert model.index(total, 0).data() == "合计"
    assert model.index(total, 1).data() == "3" and model.index(total, 2).data() == "8"
    assert model.index(total, 1).data(0x0006).bold()  # Qt.FontRole
    assert "环比" in page.ui.comparisons.text() and "同比" in page.ui.comparisons.text()
    assert page.ui.table.rowSpan(0, 0) == 2 and page.ui.table.columnSpan(0, 1) == 2


def test_the_chart_has_twelve_weeks_of_totals(qtbot, page: TallyPage, visits) -> None:
    page.set_week(2026, 47)
    qtbot.waitUntil(lambda: showing(page, "2026-W47"))
    points = page.ui.chart.points
    assert len(points) == 12
    assert [p.period.key for p in points][-1] == "2026-W47"
    assert [p.batches for p in points] == [1] * 11 + [3]
    assert points[-1].persons == 8
    assert not page.ui.chart.grab().isNull()  # it paints without a warning


def test_a_range_is_counted_too(qtbot, page: TallyPage, visits) -> None:
    page.set_range(W47.date(), W47.date() + timedelta(days=2))
    qtbot.waitUntil(lambda: showing(page, "2026-11-16_2026-11-18"))
    assert page.tally is not None and page.tally.total.count("all.批次") == 2


def test_drill_down_lists_the_visits_of_a_cell_and_opens_a_matter(qtbot, page: TallyPage, visits) -> None:
    page.set_week(2026, 47)
    qtbot.waitUntil(lambda: showing(page, "2026-W47"))
    model = page.model
    row = next(r for r in range(HEADER_ROWS, model.rowCount()) if model.index(r, 0).data() == "城关镇")
    assert model.index(row, 1).data(ROW_KEY_ROLE).startswith("township:")
    dialog = page.drill_down(model.index(row, 1))
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.kind == "visit")  # a quick answer may arrive before any wait starts
    assert sorted(v.visit_id for v in dialog.visits) == sorted(visits["城关镇"])
    assert dialog.ui.table.rowCount() == 2
    with qtbot.waitSignal(page.matter_activated) as opened:
        dialog.ui.table.cellDoubleClicked.emit(0, 1)
    assert opened.args == [dialog.visits[0].matter_no]
    dialog.close()


def test_drill_down_on_the_group_column_lists_the_group_visit(qtbot, page: TallyPage, visits) -> None:
    page.set_week(2026, 47)
    qtbot.waitUntil(lambda: showing(page, "2026-W47"))
    model = page.model
    total = model.rowCount() - 1
    keys = [model.index(total, c).data(COLUMN_KEY_ROLE) for c in range(model.columnCount())]
    column = keys.index("group.人次")
    dialog = page.drill_down(model.index(total, column))
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.kind == "visit")
    assert [v.visit_id for v in dialog.visits] == [visits["城关镇"][1]]
    dialog.close()


def test_export_writes_a_readable_xlsx_in_the_pool(
    qtbot, page: TallyPage, visits, tmp_path: Path, monkeypatch
) -> None:
    page.set_week(2026, 47)
    qtbot.waitUntil(lambda: showing(page, "2026-W47"))
    target = tmp_path / "周报"  # no extension typed: the format's is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(page.exported, timeout=20000) as done:
        page.ui.exports[".xlsx"].click()
        assert page.busy and not page.ui.exports[".xlsx"].isEnabled()
    written = Path(done.args[0])
    assert written == tmp_path / "周报.xlsx"
    qtbot.waitUntil(lambda: not page.busy)
    sheet = openpyxl.load_workbook(written).active
    values = [[c for c in row] for row in sheet.iter_rows(values_only=True)]
    total = next(row for row in values if row and row[0] == "合计")
    assert total[1] == 3 and total[2] == 8
    assert page.ui.exports[".xlsx"].isEnabled()


def test_the_ledger_of_the_period_is_exported_masked(
    qtbot, page: TallyPage, visits, tmp_path: Path, monkeypatch
) -> None:
    page.set_week(2026, 47)
    qtbot.waitUntil(lambda: showing(page, "2026-W47"))
    target = tmp_path / "台账.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(page.exported, timeout=20000):
        page.export_ledger()
    text = target.read_text(encoding="utf-8-sig")
    assert len(text.strip().splitlines()) == 1 + 3  # the header and the week's three visits
    assert "138****8000" in text and "13800138000" not in text  # masked unless asked otherwise


def test_cancelled_file_dialog_writes_nothing(qtbot, page: TallyPage, visits, monkeypatch) -> None:
    page.set_week(2026, 47)
    qtbot.waitUntil(lambda: showing(page, "2026-W47"))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    page.ui.exports[".csv"].click()
    assert not page.busy


def test_the_window_has_the_tab_the_menu_entries_and_opens_a_matter(qtbot, desk: Desk, visits) -> None:
    from ui.main_window import MainWindow

    window = MainWindow(desk, Notifier())
    qtbot.addWidget(window)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert "统计" in titles
    assert window.import_action.text() == "导入旧台账…" and window.ledger_action.text() == "导出台账…"
    number = desk.matters.visits_on(W47.date())[0].matter_no
    window.tally_page.matter_activated.emit(number)
    assert window.tabs.currentWidget() is window.matters_page
    assert window.matters_page.search_box.text() == number
    window.import_action.trigger()
    assert window.import_wizard is not None and window.import_wizard.isVisible()
    window.import_wizard.reject()
    wait_for_pool()
