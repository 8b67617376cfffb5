"""The 源头治理 tab on a real desk: a planted cluster's warning on the hotspot board and the matters behind
it, the departments' assessment as the service computes it (and exported), the chief's entity merge, and the
accountability letter from a matter's page."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from datetime import date, datetime, timedelta  # noqa: E402
from pathlib import Path  # noqa: E402

import openpyxl  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402
from pytestqt.qtbot import QtBot  # noqa: E402

from app.accounts import Role  # noqa: E402
from app.demo import generate_demo  # noqa: E402
from app.desk import Desk  # noqa: E402
from app.sources.assessment_export import unit_cells  # noqa: E402
from tests.accounts_helpers import open_signed_in, sign_in_as  # noqa: E402
from tests.conftest import FixedClock  # noqa: E402
from tests.factories import id_number, person, visit  # noqa: E402
from ui import printing, questions  # noqa: E402
from ui.fonts import apply_fonts, load_fonts  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.matter_view import MatterView  # noqa: E402
from ui.notifier import Notifier  # noqa: E402
from ui.sources_page import SourcesPage  # noqa: E402
from ui.workers import wait_for_pool  # noqa: E402

MONDAY = datetime(2026, 11, 23, 9)  # 2026-W48, the week of the test clock
BUYERS = "甲乙丙丁戊己庚辛"


@pytest.fixture(scope="module", autouse=True)
def fonts(qapp: QApplication) -> None:
    apply_fonts(qapp, load_fonts())


def plant_cluster(desk: Desk, clock: FixedClock, visitors: int = 6) -> tuple[int, list[str]]:
    """``visitors`` unrelated home buyers, each on a matter of their own, raising one estate this week."""
    estate = desk.sources.entities.create("金色家园置业", "企业", "东城街道")
    numbers = []
    for seq in range(visitors):
        when = MONDAY + timedelta(hours=seq * 7)
        clock.now = when + timedelta(minutes=5)
        registered = desk.intake.register_visit(
            visit(
                visited_at=when,
                persons=[
                    person("购房人" + "甲乙丙丁戊己庚辛"[seq], id_number(seq=500 + seq), f"1380000{seq:04d}")
                ],
                township="东城街道",
                summary=f"金色家园{seq + 1}栋不能办证",
                appeal="开发商未交付配套，要求办理不动产权证。",
                entity_ids=(estate,),
            )
        )
        numbers.append(registered.matter_no)
    clock.now = datetime(2026, 11, 26, 10)
    return estate, numbers


def plant_noise(desk: Desk, clock: FixedClock) -> None:
    """Single unrelated visits over the fortnight: nothing here should be flagged."""
    townships, categories = ["南湖镇", "北山镇", "河口镇"], ["工资拖欠", "社会保险", "入学就学"]
    for seq in range(3):
        when = MONDAY - timedelta(days=6 - seq * 3)
        clock.now = when + timedelta(minutes=5)
        desk.intake.register_visit(
            visit(
                visited_at=when,
                persons=[person("来访人" + "子丑寅"[seq], id_number(seq=600 + seq), f"1370000{seq:04d}")],
                township=townships[seq],
                category=categories[seq],
                summary=f"第{seq + 1}件零散问题",
                appeal="反映个人问题，要求处理。",
            )
        )
    clock.now = datetime(2026, 11, 26, 10)


def be_chief(desk: Desk) -> None:
    sign_in_as(desk, Role.CHIEF)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory, template_db: Path) -> Path:
    """A small county's two years of demo data, its workflow followed through; made once per module."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    shutil.copyfile(template_db, path)
    made = open_signed_in(str(path), clock=FixedClock())
    generate_demo(made, 300, seed=5, today=date(2026, 11, 26))
    made.close()
    return path


@pytest.fixture
def demo_desk(demo_file: Path, tmp_path: Path, clock: FixedClock) -> Iterator[Desk]:
    path = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_file, path)
    opened = open_signed_in(str(path), clock=clock)
    yield opened
    opened.close()


@pytest.fixture
def page(qtbot: QtBot, desk: Desk) -> Iterator[SourcesPage]:
    shown = SourcesPage(desk, Notifier())
    qtbot.addWidget(shown)
    shown.resize(1400, 900)
    yield shown
    wait_for_pool()


def test_the_hotspot_board_warns_of_the_planted_cluster_and_opens_its_matters(
    qtbot: QtBot, desk: Desk, clock: FixedClock, page: SourcesPage
) -> None:
    # Given six unrelated visitors on one estate this week, and scattered noise
    plant_noise(desk, clock)
    _, planted = plant_cluster(desk, clock)
    hotspots = page.hotspots
    # When the board of 2026-W48 is shown
    with qtbot.waitSignal(hotspots.shown, timeout=10000):
        hotspots.set_week(2026, 48)
    board = hotspots.board
    assert board is not None and board.week == "2026-W48"
    # Then the one warning is the estate's, listing its matters, and the estate's row is marked
    assert [w.entity for w in board.warnings] == ["金色家园置业"]
    item = hotspots.warnings.item(0)
    assert item is not None and "金色家园置业" in item.text()
    entity_rows = hotspots.tables["entities"]
    first = entity_rows.item(0, 0)
    assert first is not None and first.text() == "⚠ 金色家园置业"
    assert [r.label for r in board.entities if r.crossed] == ["金色家园置业"]
    noise = ("南湖镇", "北山镇", "河口镇", "工资拖欠", "社会保险", "入学就学")
    assert not [r.label for r in (*board.townships, *board.topics) if r.crossed and r.label in noise]
    # … and a double-click on the warning lists exactly the planted matters
    dialog = hotspots.open_warning(0)
    assert dialog is not None
    qtbot.waitUntil(lambda: len(dialog.summaries) == len(planted), timeout=5000)
    assert sorted(dialog.matter_numbers) == sorted(planted)
    with qtbot.waitSignal(hotspots.matter_activated) as opened:
        dialog.table.cellDoubleClicked.emit(0, 0)
    assert opened.args == [dialog.matter_numbers[0]]
    dialog.close()


def test_the_assessment_table_shows_the_services_figures_and_exports_them(
    qtbot: QtBot, demo_desk: Desk, tmp_path: Path
) -> None:
    # Given a small county's two years of demo data, its workflow followed through
    desk = demo_desk
    page = SourcesPage(desk, Notifier())
    qtbot.addWidget(page)
    assessment = page.assessment
    first, last = date(2025, 12, 1), date(2026, 11, 26)
    with qtbot.waitSignal(assessment.shown, timeout=20000):
        assessment.set_period(first, last)
    expected = desk.sources.assessment.assess(first, last)
    assert expected, "the demo assigns matters to departments"
    # Then every cell is the service's figure, ranked as the service ranks
    shown = [
        [assessment.table.item(r, c).text() for c in range(assessment.table.columnCount())]  # type: ignore[union-attr]
        for r in range(assessment.table.rowCount())
    ]
    assert shown == [unit_cells(u) for u in expected]
    assert [row[0] for row in shown] == [str(u.rank) for u in expected]
    # … and the export written in the pool holds the same rows
    target = tmp_path / "考核.xlsx"
    with qtbot.waitSignal(assessment.exported, timeout=20000):
        assessment.export(".xlsx", target)
    sheet = openpyxl.load_workbook(target).active
    assert sheet is not None
    values = [[str(v) if v is not None else "" for v in row] for row in sheet.iter_rows(values_only=True)]
    departments = [u.department for u in expected]
    assert all(any(d in row for row in values) for d in departments)
    wait_for_pool()


def test_a_chief_merges_a_duplicate_entity_in_the_manager(
    qtbot: QtBot, desk: Desk, page: SourcesPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    keep = desk.sources.entities.create("恒达置业", "企业", "城关镇")
    gone = desk.sources.entities.create("恒达房地产开发公司", "企业", "城关镇", aliases=("恒达地产",))
    raised = desk.intake.register_visit(visit(summary="恒达地产拖欠工程款", entity_ids=(gone,))).matter_no
    be_chief(desk)
    asked: list[str] = []
    monkeypatch.setattr(questions, "ask", lambda parent, text: asked.append(text) or True)
    dialog = page.open_entities()
    # When the chief finds the one to keep, marks it, finds the duplicate and merges it
    dialog.search_edit.setText("恒达置业")
    assert dialog.current is not None and dialog.current.entity_id == keep
    dialog.keep_button.click()
    dialog.search_edit.setText("恒达地产")
    assert dialog.current is not None and dialog.current.entity_id == gone
    assert dialog.merge_button.isEnabled()
    dialog.merge_button.click()
    # Then it asked naming both, and the duplicate's aliases now find the kept one
    assert asked and "恒达房地产开发公司" in asked[0] and "恒达置业" in asked[0]
    assert [h.entity_id for h in desk.sources.entities.suggest("恒达地产")] == [keep]
    assert "恒达地产" in desk.sources.entities.entity(keep).aliases
    assert dialog.current is not None and dialog.current.entity_id == keep
    with qtbot.waitSignal(dialog.matters_requested) as listed:
        dialog.matters_button.click()
    assert listed.args is not None and listed.args[1] == [raised]  # the duplicate's matter followed it
    dialog.close()


def test_a_clerk_who_is_not_a_chief_cannot_merge(qtbot: QtBot, desk: Desk, page: SourcesPage) -> None:
    desk.sources.entities.create("恒达置业", "企业")
    desk.sources.entities.create("恒达地产", "企业")
    sign_in_as(desk, Role.CLERK)
    dialog = page.open_entities()
    dialog.search_edit.setText("恒达置业")
    assert not dialog.keep_button.isEnabled() and not dialog.merge_button.isEnabled()
    dialog.close()


def test_the_service_decides_a_merge_and_its_refusal_is_shown(
    qtbot: QtBot, desk: Desk, page: SourcesPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    keep = desk.sources.entities.create("恒达置业", "企业")
    gone = desk.sources.entities.create("恒达地产", "企业")
    be_chief(desk)
    dialog = page.open_entities()  # offered to the chief…
    dialog.search_edit.setText("恒达置业")
    dialog.keep_button.click()
    dialog.search_edit.setText("恒达地产")
    monkeypatch.setattr(questions, "ask", lambda parent, text: True)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    sign_in_as(desk, Role.CLERK)  # …but a clerk signed in at the same desk before the click
    assert dialog.merge() is False
    assert warned and "合并被反映对象" in warned[0] and "接待员" in warned[0]
    assert desk.sources.entities.entity(gone).entity_id == gone != keep
    dialog.close()


def test_the_window_has_the_tab_and_a_warning_opens_the_matter(
    qtbot: QtBot, desk: Desk, clock: FixedClock
) -> None:
    _, planted = plant_cluster(desk, clock)
    window = MainWindow(desk, Notifier())
    qtbot.addWidget(window)
    window.show()  # the tab's pages read when first shown
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert "源头治理" in titles
    window.tabs.setCurrentWidget(window.sources_page)
    hotspots = window.sources_page.hotspots
    qtbot.waitUntil(lambda: hotspots.board is not None and bool(hotspots.board.warnings), timeout=10000)
    dialog = hotspots.open_warning(0)
    assert dialog is not None
    qtbot.waitUntil(lambda: bool(dialog.summaries), timeout=5000)
    dialog.table.cellDoubleClicked.emit(0, 0)
    assert window.tabs.currentWidget() is window.matters_page
    assert window.matters_page.search_box.text() == dialog.matter_numbers[0]
    assert window.matters_page.detail.matter_no == dialog.matter_numbers[0]
    dialog.close()
    wait_for_pool()


def test_the_letter_is_for_chief_and_admin_and_opens_in_the_preview(
    qtbot: QtBot, demo_desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = demo_desk
    failed = next((no for no in _matter_numbers(desk) if _letter_possible(desk, no)), None)
    assert failed is not None, "the demo has a matter whose handling failed"
    sign_in_as(desk, Role.CLERK)
    view = MatterView(desk, Notifier())
    qtbot.addWidget(view)
    view.show_matter(failed)
    assert view.letter.button.isHidden()  # a clerk may not draft letters
    be_chief(desk)
    previewed: list[Path] = []
    monkeypatch.setattr(
        printing, "preview_pdf", lambda pdf, parent, printer="": previewed.append(pdf) or False
    )
    view.show_matter(failed)
    assert not view.letter.button.isHidden()
    view.letter.button.click()
    assert previewed and previewed[0].suffix == ".pdf" and previewed[0].stat().st_size > 1000
    assert "问责建议函" in view.message_text
    sign_in_as(desk, Role.ADMIN)  # the administrator may too
    view.show_matter(failed)
    assert not view.letter.button.isHidden()


def test_a_refused_letter_shows_the_services_message(
    qtbot: QtBot, demo_desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = demo_desk
    view = MatterView(desk, Notifier())
    qtbot.addWidget(view)
    view.show_matter(_matter_numbers(desk)[0])
    assert not view.letter.button.isHidden()  # shown to the administrator…
    sign_in_as(desk, Role.CLERK)  # …who walks away; a clerk clicks it
    monkeypatch.setattr(printing, "preview_pdf", lambda *args, **kwargs: pytest.fail("no letter was drafted"))
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    view.letter.button.click()
    assert warned and "问责建议函" in warned[0] and "接待员" in warned[0]
    assert warned[0] in view.message_text


def _matter_numbers(desk: Desk) -> list[str]:
    return [m.matter_no for m in desk.matters.page(0, 400)]


def _letter_possible(desk: Desk, matter_no: str) -> bool:
    from app.errors import DeskError

    try:
        desk.sources.letters.facts(matter_no)
    except DeskError:
        return False
    return True
