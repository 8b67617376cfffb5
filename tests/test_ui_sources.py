"""The intake's source view (issue 8) on a real desk: 被反映对象 by type-ahead or as new, the similar open
matters listed with why while the clerk types, and the visit linked into a group for joint handling."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from datetime import datetime, timedelta  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from pytestqt.qtbot import QtBot  # noqa: E402

from app.desk import Desk  # noqa: E402
from tests.conftest import FixedClock  # noqa: E402
from tests.factories import id_number, person, visit  # noqa: E402
from tests.ui_helpers import type_chinese, type_text  # noqa: E402
from ui import questions  # noqa: E402
from ui.fonts import apply_fonts, load_fonts  # noqa: E402
from ui.intake_form import IntakeForm  # noqa: E402
from ui.notifier import Notifier  # noqa: E402
from ui.similar_panel import MATTER, PLACE, REASONS  # noqa: E402
from ui.workers import wait_for_pool  # noqa: E402

ESTATE = "锦绣花园置业有限公司"
ESTATE_APPEAL = "锦绣花园小区开发商逾期交房，烂尾停工，要求交房或退款。"


@pytest.fixture(scope="module", autouse=True)
def fonts(qapp: QApplication) -> None:
    apply_fonts(qapp, load_fonts())


def plant_estate(desk: Desk, clock: FixedClock, count: int = 3) -> tuple[int, list[str]]:
    """``count`` open matters of different visitors against one estate, and one unrelated matter."""
    entity_id = desk.sources.entities.create(ESTATE, "企业", "城关镇", aliases=("锦绣花园小区开发商",))
    numbers = []
    for seq in range(count):
        when = datetime(2026, 11, 16, 9) + timedelta(days=seq)
        clock.now = when + timedelta(minutes=5)
        registered = desk.intake.register_visit(
            visit(
                visited_at=when,
                persons=[person("业主" + "甲乙丙丁戊"[seq], id_number(seq=300 + seq), f"1390000{seq:04d}")],
                summary=f"锦绣花园{seq + 1}号楼逾期交房",
                appeal="开发商停工烂尾，逾期两年不交房，要求交房或退还购房款。",
                entity_ids=(entity_id,),
            )
        )
        numbers.append(registered.matter_no)
    clock.now = datetime(2026, 11, 20, 10)
    desk.intake.register_visit(
        visit(
            visited_at=datetime(2026, 11, 20, 9),
            persons=[person("赵敏", id_number(seq=399), "13700000000")],
            township="南湖镇",
            category="工资拖欠",
            summary="饭店拖欠厨师工资",
            appeal="南湖镇饭店老板拖欠三个月工资，要求支付。",
        )
    )
    clock.now = datetime(2026, 11, 26, 10)
    return entity_id, numbers


@pytest.fixture
def form(qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch) -> Iterator[IntakeForm]:
    monkeypatch.setattr(questions, "ask", lambda parent, question: False)  # no slip after saving
    shown = IntakeForm(desk, Notifier())
    shown.print_after_save.setChecked(False)
    qtbot.addWidget(shown)
    shown.resize(1000, 900)
    shown.show()
    qtbot.waitActive(shown)
    yield shown
    wait_for_pool()


def type_estate_matter(qtbot: QtBot, form: IntakeForm) -> None:
    """A new visitor about the estate, typed as a clerk would."""
    type_chinese(form.name_edit, "孙丽")
    qtbot.keyClicks(form.phone_edit, "13911112222")
    type_chinese(form.township_combo, "城关镇")
    type_text(qtbot, form.category_combo, "cxjs")
    form.category_combo.setEditText(form.category_completer.offered()[0])
    type_chinese(form.summary_edit, "锦绣花园逾期交房")
    type_chinese(form.appeal_edit, ESTATE_APPEAL)


def cell(form: IntakeForm, row: int, column: int) -> str:
    item = form.similar_panel.table.item(row, column)
    return item.text() if item is not None else ""


def listed(form: IntakeForm) -> list[str]:
    return [m.matter_no for m in form.similar_panel.matches]


def test_typing_the_appeal_lists_the_planted_estates_matters_with_reasons(
    qtbot: QtBot, desk: Desk, clock: FixedClock, form: IntakeForm
) -> None:
    # Given three open matters against the estate and one unrelated matter
    _, planted = plant_estate(desk, clock)
    # When the clerk types an appeal about the estate (no entity chosen yet)
    type_estate_matter(qtbot, form)
    # Then after a pause the panel lists the estate's matters, each with why it matched
    qtbot.waitUntil(lambda: set(planted) <= set(listed(form)), timeout=5000)
    assert all(m.reasons for m in form.similar_panel.matches)
    assert all(m.category and m.township == "城关镇" for m in form.similar_panel.matches)
    first = form.similar_panel.matches[0]
    assert cell(form, 0, REASONS).split("；") == first.reasons
    assert cell(form, 0, MATTER).startswith(first.matter_no) and "城关镇" in cell(form, 0, PLACE)
    assert not [m for m in form.similar_panel.matches if "饭店" in m.summary]


def test_type_ahead_picks_the_estate_by_alias_and_the_match_says_same_entity(
    qtbot: QtBot, desk: Desk, clock: FixedClock, form: IntakeForm
) -> None:
    entity_id, planted = plant_estate(desk, clock)
    picker = form.entity_picker
    # When the clerk types part of an alias in 被反映对象
    type_chinese(picker.edit, "锦绣花园")
    picker.edit.textEdited.emit(picker.edit.text())  # an input method commit edits the text like typing
    qtbot.waitUntil(lambda: any(h.entity_id == entity_id for h in picker.suggestions), timeout=5000)
    # … and takes the suggestion with ↓ and Enter in the popup
    popup = picker.completer.popup()
    assert popup is not None and popup.isVisible()
    row = [h.entity_id for h in picker.suggestions].index(entity_id)
    for _ in range(row + 1):
        qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert picker.entity_ids == (entity_id,) and picker.edit.text() == ""
    # Then the similar matters come for the entity alone, saying it is the same one
    qtbot.waitUntil(lambda: set(planted) <= set(listed(form)), timeout=5000)
    assert all(any(ESTATE[:4] in r for r in m.reasons) for m in form.similar_panel.matches)


def test_a_new_entity_is_named_with_its_kind_and_saved_with_the_visit(
    qtbot: QtBot, desk: Desk, form: IntakeForm
) -> None:
    picker = form.entity_picker
    picker.kind_combo.setCurrentText("项目或小区")
    type_chinese(picker.edit, "幸福里小区")
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    assert picker.new_entities == (("幸福里小区", "项目或小区"),)
    # Delete in the chosen list drops it again, Enter adds it back
    picker.chosen.setCurrentRow(0)
    qtbot.keyClick(picker.chosen, Qt.Key.Key_Delete)
    assert picker.new_entities == ()
    type_chinese(picker.edit, "幸福里小区")
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    type_estate_matter(qtbot, form)
    saved = form.save()
    assert saved is not None
    hits = desk.sources.entities.suggest("幸福里")
    assert [(h.name, h.kind) for h in hits] == [("幸福里小区", "项目或小区")]
    assert [m.matter_no for m in desk.sources.entities.matters_of(hits[0].entity_id)] == [saved.matter_no]
    assert picker.new_entities == () and form.similar_panel.matches == []


def test_the_visit_is_linked_into_a_group_made_from_the_selected_matches(
    qtbot: QtBot, desk: Desk, clock: FixedClock, form: IntakeForm
) -> None:
    _, planted = plant_estate(desk, clock)
    type_estate_matter(qtbot, form)
    qtbot.waitUntil(lambda: set(planted) <= set(listed(form)), timeout=5000)
    panel = form.similar_panel
    # When the clerk selects two of the matches and makes a group of them
    rows = [listed(form).index(no) for no in planted[:2]]
    selection = panel.table.selectionModel()
    for row in rows:
        flags = selection.SelectionFlag.Select | selection.SelectionFlag.Rows
        selection.select(panel.table.model().index(row, 0), flags)
    assert sorted(panel.selected_numbers()) == sorted(planted[:2])
    qtbot.mouseClick(panel.group_button, Qt.MouseButton.LeftButton)
    group_id = form.sources.group_id
    assert group_id is not None and not panel.linked.isHidden()
    assert sorted(desk.sources.groups.members(group_id).matter_nos) == sorted(planted[:2])
    # Then saving puts the new matter into the same group
    saved = form.save()
    assert saved is not None
    group = desk.sources.groups.group_of(saved.matter_no)
    assert group is not None and group.group_id == group_id
    assert sorted(group.matter_nos) == sorted([*planted[:2], saved.matter_no])


def test_the_clerk_joins_the_group_a_match_is_already_in(
    qtbot: QtBot, desk: Desk, clock: FixedClock, form: IntakeForm
) -> None:
    _, planted = plant_estate(desk, clock)
    group_id = desk.sources.groups.create("锦绣花园联合调处", planted[:2], created_by="李娜")
    type_estate_matter(qtbot, form)
    qtbot.waitUntil(lambda: set(planted) <= set(listed(form)), timeout=5000)
    panel = form.similar_panel
    row = listed(form).index(planted[0])
    assert panel.matches[row].group_id == group_id
    panel.table.setCurrentCell(row, 0)
    assert panel.join_button.isEnabled()
    qtbot.mouseClick(panel.join_button, Qt.MouseButton.LeftButton)
    assert form.sources.group_id == group_id and "锦绣花园联合调处" in panel.linked.text()
    saved = form.save()
    assert saved is not None
    group = desk.sources.groups.group_of(saved.matter_no)
    assert group is not None and group.group_id == group_id
