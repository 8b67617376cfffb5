"""The source view by keyboard and its smaller pages: the intake's path through 被反映对象, the backlog's
buckets and the campaigns as the services count them, and the administrator's thresholds."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from datetime import date, datetime, timedelta  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from pytestqt.qtbot import QtBot  # noqa: E402

from app.accounts import Role  # noqa: E402
from app.desk import Desk  # noqa: E402
from tests.accounts_helpers import sign_in_as  # noqa: E402
from tests.conftest import FixedClock  # noqa: E402
from tests.factories import id_number, person, visit  # noqa: E402
from tests.ui_helpers import type_chinese  # noqa: E402
from ui.backlog_page import BacklogPage  # noqa: E402
from ui.campaign_dialog import CampaignDialog  # noqa: E402
from ui.fonts import apply_fonts, load_fonts  # noqa: E402
from ui.intake_form import IntakeForm  # noqa: E402
from ui.notifier import Notifier  # noqa: E402
from ui.threshold_dialog import ThresholdDialog  # noqa: E402
from ui.workers import wait_for_pool  # noqa: E402


@pytest.fixture(scope="module", autouse=True)
def fonts(qapp: QApplication) -> None:
    apply_fonts(qapp, load_fonts())


@pytest.fixture
def form(qtbot: QtBot, desk: Desk) -> Iterator[IntakeForm]:
    shown = IntakeForm(desk, Notifier())
    qtbot.addWidget(shown)
    shown.resize(1000, 900)
    shown.show()
    qtbot.waitActive(shown)
    yield shown
    wait_for_pool()


def test_the_entity_field_follows_the_appeal_and_enter_on_it_empty_moves_on(
    qtbot: QtBot, form: IntakeForm
) -> None:
    picker = form.entity_picker
    form.appeal_edit.setFocus()
    qtbot.keyClick(form.appeal_edit, Qt.Key.Key_Tab)
    assert picker.edit.hasFocus()
    # An unknown name and Enter: added as new with the kind shown; the box empties for the next one
    type_chinese(picker.edit, "城南村村民委员会")
    picker.kind_combo.setCurrentText("村（居）委会")
    picker.edit.setFocus()
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    assert picker.new_entities == (("城南村村民委员会", "村（居）委会"),) and picker.edit.hasFocus()
    # Enter on the empty box goes on past the kind to the next field of the form
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    assert not picker.edit.hasFocus() and not picker.kind_combo.hasFocus()
    # The draft-free form's VisitInput carries the entity
    assert form.to_visit_input().new_entities == (("城南村村民委员会", "村（居）委会"),)


def test_the_similar_list_is_reached_with_its_mnemonic(qtbot: QtBot, form: IntakeForm) -> None:
    assert form.similar_panel.focus_label.buddy() is form.similar_panel.table
    assert "&J" in form.similar_panel.focus_label.text()


def plant_backlog(desk: Desk, clock: FixedClock) -> list[str]:
    """Matters received long ago and still open, one of them visited four times."""
    numbers = []
    for seq in range(3):
        when = datetime(2026, 5, 4, 9) + timedelta(days=seq)
        clock.now = when + timedelta(minutes=5)
        registered = desk.intake.register_visit(
            visit(visited_at=when, persons=[person("老户" + "甲乙丙"[seq], id_number(seq=700 + seq))])
        )
        numbers.append(registered.matter_no)
    for repeat in range(3):
        when = datetime(2026, 6, 1, 9) + timedelta(weeks=repeat)
        clock.now = when + timedelta(minutes=5)
        desk.intake.register_visit(
            visit(visited_at=when, persons=[person("老户甲", id_number(seq=700))], matter_no=numbers[0])
        )
    clock.now = datetime(2026, 11, 26, 10)
    return numbers


def test_the_backlog_page_shows_the_services_buckets_and_lists_a_bucket(
    qtbot: QtBot, desk: Desk, clock: FixedClock
) -> None:
    planted = plant_backlog(desk, clock)
    page = BacklogPage(desk, Notifier())
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.backlog is not None, timeout=10000)
    backlog = desk.sources.backlog.backlog(date(2026, 11, 26))
    assert page.backlog == backlog
    shown = [
        (page.bucket_table.item(r, 0).text(), int(page.bucket_table.item(r, 1).text()))  # type: ignore[union-attr]
        for r in range(page.bucket_table.rowCount())
    ]
    assert shown == list(backlog.buckets.items())
    assert {r.matter_no for r in backlog.rows} >= set(planted)
    busiest = backlog.rows[0]
    assert busiest.matter_no == planted[0] and busiest.visits == 4
    row = list(backlog.buckets).index(busiest.bucket)
    dialog = page.open_bucket(row)
    assert dialog is not None
    qtbot.waitUntil(lambda: bool(dialog.summaries), timeout=5000)
    assert planted[0] in dialog.matter_numbers
    dialog.close()
    wait_for_pool()


def test_the_thresholds_are_saved_all_or_none(qtbot: QtBot, desk: Desk) -> None:
    dialog = ThresholdDialog(desk.sources.hotspots)
    qtbot.addWidget(dialog)
    assert dialog.values()["warning_persons"] == desk.sources.hotspots.thresholds().warning_persons
    dialog.spins["warning_persons"].setValue(3)
    dialog.spins["min_count"].setValue(2)
    dialog.save()
    assert dialog.result() == ThresholdDialog.DialogCode.Accepted
    saved = desk.sources.hotspots.thresholds()
    assert (saved.warning_persons, saved.min_count) == (3, 2)


def test_a_chief_may_not_set_the_thresholds_and_is_told_why(qtbot: QtBot, desk: Desk) -> None:
    sign_in_as(desk, Role.CHIEF)
    dialog = ThresholdDialog(desk.sources.hotspots)
    qtbot.addWidget(dialog)
    dialog.spins["min_count"].setValue(dialog.spins["min_count"].value() + 1)
    dialog.save()
    assert dialog.result() != ThresholdDialog.DialogCode.Accepted
    assert "设置热点预警阈值" in dialog.error.text() and "科长" in dialog.error.text()
    assert desk.sources.hotspots.thresholds().min_count == dialog.spins["min_count"].value() - 1


def test_the_chosen_entities_are_kept_in_the_draft_and_come_back(
    qtbot: QtBot, desk: Desk, form: IntakeForm
) -> None:
    known = desk.sources.entities.create("恒达置业", "企业", "城关镇")
    hit = next(h for h in desk.sources.entities.suggest("恒达") if h.entity_id == known)
    form.entity_picker.add_entity(hit)
    form.entity_picker.add_new("城南村村民委员会", "村（居）委会")
    fields = desk.drafts.load()
    assert fields is not None and len(fields["entities"]) == 2
    again = IntakeForm(desk, Notifier())
    qtbot.addWidget(again)
    again.load_draft(fields)
    assert again.entity_picker.entity_ids == (known,)
    assert again.entity_picker.new_entities == (("城南村村民委员会", "村（居）委会"),)
    assert again.to_visit_input().entity_ids == (known,)


def test_a_campaign_is_made_and_backlog_matters_are_tagged_into_it(
    qtbot: QtBot, desk: Desk, clock: FixedClock
) -> None:
    planted = plant_backlog(desk, clock)
    page = BacklogPage(desk, Notifier())
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.backlog is not None, timeout=10000)
    # A campaign named in the dialog (a missing name is said beside the form, nothing saved)
    dialog = CampaignDialog(desk.sources.campaigns, date(2026, 11, 26), page)
    qtbot.addWidget(dialog)
    dialog.code_edit.setText("2026-JAHJ")
    dialog.save()
    assert not dialog.error.isHidden() and dialog.campaign_id is None
    type_chinese(dialog.name_edit, "信访积案化解专项活动")
    dialog.kind_combo.setCurrentText("积案化解")
    dialog.save()
    assert dialog.campaign_id is not None
    with qtbot.waitSignal(page.shown, timeout=10000):
        page.refresh()
    assert [p.campaign.code for p in page.campaigns] == ["2026-JAHJ"]
    # The two oldest backlog matters selected below, the campaign above, and the button
    page.campaign_table.setCurrentCell(0, 0)
    assert page.backlog is not None
    rows = [i for i, r in enumerate(page.backlog.rows) if r.matter_no in planted[:2]]
    selection = page.backlog_table.selectionModel()
    for row in rows:
        flags = selection.SelectionFlag.Select | selection.SelectionFlag.Rows
        selection.select(page.backlog_table.model().index(row, 0), flags)
    assert page.tag_selected() == 2
    progress = desk.sources.campaigns.progress(dialog.campaign_id)
    assert progress.matters == 2 and sorted(progress.open_matter_nos) == sorted(planted[:2])
    wait_for_pool()
