"""The intake form and the main window, driven by keyboard on a real database (one SQLite file per test)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # TODO(lead): move to tests/conftest.py

import shutil  # noqa: E402
import subprocess  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QKeySequence  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from pytestqt.qtbot import QtBot  # noqa: E402

from app.desk import Desk  # noqa: E402
from tests.conftest import FixedClock  # noqa: E402
from tests.factories import WANG_JI_ID, id_number, person, visit  # noqa: E402
from tests.ui_helpers import type_chinese, type_text  # noqa: E402
from ui import app as ui_app  # noqa: E402
from ui import printing, questions  # noqa: E402
from ui.fonts import apply_fonts, load_fonts  # noqa: E402
from ui.intake_form import IntakeForm  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.notifier import Notifier  # noqa: E402

RETURNING_ID = id_number("130102", "19700315", 231)

# The offscreen platform cannot raise windows, grab the keyboard for the completer popup or resize the
# dock's native window; it says so as a warning. Only those exact limitations are ignored.


@pytest.fixture(scope="module", autouse=True)
def fonts(qapp: QApplication) -> None:
    apply_fonts(qapp, load_fonts())


@pytest.fixture
def printed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[Path]:
    """Slips sent to the printer: copies captured instead of opening the system print dialog."""
    paths: list[Path] = []

    def fake_print(pdf: Path, parent: object, printer_name: str = "") -> bool:
        paths.append(tmp_path / f"printed-{len(paths)}.pdf")
        shutil.copyfile(pdf, paths[-1])
        return True

    monkeypatch.setattr(printing, "print_pdf", fake_print)
    return paths


@pytest.fixture
def form(qtbot: QtBot, desk: Desk, clock: FixedClock) -> Iterator[IntakeForm]:
    shown = IntakeForm(desk, Notifier())
    qtbot.addWidget(shown)
    shown.resize(1000, 900)
    shown.show()
    qtbot.waitActive(shown)
    yield shown


def fill_matter(qtbot: QtBot, form: IntakeForm, summary: str = "小区开发商逾期交房") -> None:
    """The matter's required fields, typed as a clerk would."""
    type_chinese(form.township_combo, "城关镇")
    type_text(qtbot, form.category_combo, "cxjs")
    form.category_combo.setEditText(form.category_completer.offered()[0])
    type_chinese(form.summary_edit, summary)
    type_chinese(form.appeal_edit, "要求按合同交房并支付违约金。")


def pdftotext(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_returning_visitor_is_recognised_and_saved_as_repeat(
    qtbot: QtBot, desk: Desk, clock: FixedClock, printed: list[Path]
) -> None:
    # Given a visit received by 王强 last week
    earlier = desk.intake.register_visit(visit(clerk="王强", persons=[person("张伟", RETURNING_ID)]))
    window = MainWindow(desk, Notifier())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitActive(window)
    form, panel = window.intake_form, window.history_panel
    # When the same ID number is typed, the history shows the visit and the open matter with its first clerk
    qtbot.keyClicks(form.id_edit, RETURNING_ID)
    assert panel.visits_table.rowCount() == 1
    assert panel.visits_table.item(0, 1).text() == earlier.matter_no
    assert panel.open_matters_table.item(0, 0).text() == earlier.matter_no
    assert panel.open_matters_table.item(0, 3).text() == "王强"
    assert form.name_edit.text() == "张伟" and form.sex_view.text() == "男"
    # … the clerk picks the open matter as the repeat, fills the rest and presses Ctrl+S
    panel.open_matters_table.selectRow(0)
    qtbot.mouseClick(panel.repeat_button, Qt.MouseButton.LeftButton)
    assert form.repeat_combo.currentData() == earlier.matter_no
    assert "王强" in form.repeat_note.text()
    fill_matter(qtbot, form, "再次反映逾期交房")
    with qtbot.waitSignal(window.notifier.matters_changed):
        qtbot.keyClick(form.summary_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    # Then it is a repeat on the same matter, handled by its first clerk
    saved = form.last_saved
    assert saved is not None and saved.repeat and saved.matter_no == earlier.matter_no
    assert saved.handler == "王强"
    assert desk.matters.detail(earlier.matter_no).visits[-1].handler == "王强"
    assert form.id_edit.text() == "" and form.repeat_combo.currentData() == ""
    assert printed and earlier.matter_no in window.statusBar().currentMessage()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_new_visitor_with_rare_character_gets_a_searchable_slip(
    qtbot: QtBot, desk: Desk, form: IntakeForm, printed: list[Path]
) -> None:
    # Given a first-time visitor 王𠮷 (𠮷 is outside the BMP), typed field by field with Enter
    qtbot.keyClicks(form.id_edit, WANG_JI_ID)
    assert form.history_panel.state_label.text().startswith("首次来访")
    assert (form.sex_view.text(), form.birth_view.text()) == ("女", "1949-12-31")
    qtbot.keyClick(form.id_edit, Qt.Key.Key_Return)
    type_chinese(form.name_edit, "王𠮷")
    qtbot.keyClick(form.name_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(form.phone_edit, "13800138000")
    fill_matter(qtbot, form)
    # When the clerk saves
    form.save_action.trigger()
    # Then the slip went to the printer, and its text carries the matter number and the name
    saved = form.last_saved
    assert saved is not None and not saved.repeat
    assert saved.matter_no in form.banner.text() and saved.query_code in form.banner.text()
    assert len(printed) == 1
    text = pdftotext(printed[0])
    assert saved.matter_no in text and "王𠮷" in text
    assert desk.drafts.load() is None
    assert form.focusWidget() is form.id_edit


def test_invalid_id_number_is_shown_beside_the_field_and_nothing_is_saved(
    qtbot: QtBot, desk: Desk, form: IntakeForm, printed: list[Path]
) -> None:
    qtbot.keyClicks(form.id_edit, "110105194912310021")  # wrong check character
    assert "校验位" in form.id_status.text()
    type_chinese(form.name_edit, "李四")
    fill_matter(qtbot, form)
    form.name_edit.setFocus()
    form.save_action.trigger()
    assert "校验位" in form.field_errors()["persons[0].id_number"]
    label = form.error_labels["persons[0].id_number"]
    assert label.isVisibleTo(form) and "校验位" in label.text()
    assert form.focusWidget() is form.id_edit
    assert desk.matters.count() == 0 and printed == []
    assert form.name_edit.text() == "李四"  # nothing typed is lost


def test_fifteen_digits_are_read_as_a_legacy_number_only_when_typing_is_done(
    qtbot: QtBot, form: IntakeForm
) -> None:
    # The first 15 digits of this 18-digit number also form a valid legacy number (born 1920-05-03).
    qtbot.keyClicks(form.id_edit, "110105200503151")
    assert form.id_status.text() == "" and form.birth_view.text() == ""  # not misread while typing
    qtbot.keyClicks(form.id_edit, "52" + id_number("110105", "20050315", 152)[-1])
    assert form.birth_view.text() == "2005-03-15"

    form.id_edit.clear()
    qtbot.keyClicks(form.id_edit, "110105491231002")  # a real legacy number, then Enter
    qtbot.keyClick(form.id_edit, Qt.Key.Key_Return)
    assert form.birth_view.text() == "1949-12-31" and "居民身份证" in form.id_status.text()


def test_group_visit_without_representative_is_refused(
    qtbot: QtBot, desk: Desk, form: IntakeForm, printed: list[Path]
) -> None:
    qtbot.keyClicks(form.id_edit, WANG_JI_ID)
    type_chinese(form.name_edit, "王𠮷")
    form.headcount_spin.setValue(6)
    assert form.group_badge.isVisibleTo(form) and form.group_box.isVisibleTo(form)
    qtbot.mouseClick(form.persons_table.add_button, Qt.MouseButton.LeftButton)
    form.persons_table.table.item(0, 0).setText("李秀兰")
    form.persons_table.table.item(0, 2).setText("13900139000")
    fill_matter(qtbot, form)
    form.save_action.trigger()
    assert "代表" in form.field_errors()["persons[0].representative"]
    assert form.error_labels["group"].isVisibleTo(form)
    assert desk.matters.count() == 0 and printed == []


def test_draft_is_kept_on_every_edit_and_restored(
    qtbot: QtBot, desk: Desk, form: IntakeForm, clock: FixedClock
) -> None:
    qtbot.keyClicks(form.id_edit, WANG_JI_ID)
    type_chinese(form.name_edit, "王𠮷")
    form.headcount_spin.setValue(2)
    form.persons_table.add_row(["李秀兰", "", "13900139000"], True)
    fill_matter(qtbot, form)
    form.departments_list.item(2).setCheckState(Qt.CheckState.Checked)
    form.flag_checks["越级访"].setChecked(True)
    form.materials_table.add_row(["购房合同", "12"])
    typed = form.to_visit_input()
    # A crash now: a new form on the same desk gets everything back
    restored = IntakeForm(desk, Notifier())
    qtbot.addWidget(restored)
    draft = desk.drafts.load()
    assert draft is not None
    restored.load_draft(draft)
    assert restored.to_visit_input() == typed
    assert restored.sex_view.text() == "女"


def test_enter_moves_to_the_next_field_but_not_in_the_appeal(qtbot: QtBot, form: IntakeForm) -> None:
    form.id_edit.setFocus()
    order = [
        form.id_edit,
        form.name_edit,
        form.phone_edit,
        form.address_edit,
        form.visited_at_edit,
        form.channel_combo,
        form.purpose_combo,
        form.headcount_spin,
        form.township_combo,  # the group table is hidden for one visitor, so it is skipped
        form.category_combo,
        form.place_edit,
        form.departments_list,
    ]
    for here, there in zip(order, order[1:], strict=False):
        qtbot.keyClick(here, Qt.Key.Key_Return)
        qtbot.waitUntil(there.hasFocus)
    form.appeal_edit.setFocus()
    qtbot.keyClicks(form.appeal_edit, "a")
    qtbot.keyClick(form.appeal_edit, Qt.Key.Key_Return)
    assert form.appeal_edit.hasFocus() and form.appeal_edit.toPlainText() == "a\n"


def test_category_type_ahead_by_pinyin_initials_and_characters(qtbot: QtBot, form: IntakeForm) -> None:
    qtbot.keyClicks(form.category_combo.lineEdit(), "cxjs")
    assert form.category_completer.offered()[0] == "城乡建设"
    form.category_combo.setEditText("")
    type_chinese(form.category_combo, "土地")
    assert "土地征收" in form.category_completer.offered()
    form.category_combo.setEditText("自然资源 / 土地征收")  # picked from the list: label → name
    assert form.category_name() == "土地征收"


def test_name_and_phone_suggest_a_person_the_clerk_confirms(
    qtbot: QtBot, desk: Desk, form: IntakeForm, printed: list[Path]
) -> None:
    earlier = desk.intake.register_visit(visit(persons=[person("赵长顺", None, "13800138000")]))
    type_chinese(form.name_edit, "赵长顺")
    qtbot.keyClicks(form.phone_edit, "13800138000")
    qtbot.keyClick(form.phone_edit, Qt.Key.Key_Return)
    panel = form.history_panel
    assert panel.suggestions_box.isVisibleTo(panel)
    assert [c.name for c in panel.suggestions] == ["赵长顺"]
    with qtbot.waitSignal(panel.person_confirmed):
        qtbot.mouseClick(panel.confirm_buttons[0], Qt.MouseButton.LeftButton)
    assert form.recognition.known_person_id is not None
    assert form.repeat_combo.findData(earlier.matter_no) > 0
    # Saved: the visit belongs to the confirmed person, not to a new one with the same name
    fill_matter(qtbot, form, "另一件事")
    assert form.save() is not None
    [same] = desk.recognition.suggest("赵长顺", "13800138000")
    assert len(same.visits) == 2


def test_main_window_has_tabs_dock_and_shortcuts(qtbot: QtBot, desk: Desk, clock: FixedClock) -> None:
    window = MainWindow(desk, Notifier())
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle() == "信访接待台 — 示例县信访局"
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert tabs[:2] == ["来访登记", "信访事项"] and tabs[2].startswith("督办")  # 督办 (N): the badge
    assert window.today_dock.windowTitle() == "今日来访"
    assert window.save_action.shortcut() == QKeySequence("Ctrl+S")
    assert window.print_action.shortcut() == QKeySequence("Ctrl+P")
    assert window.new_action.shortcut() == QKeySequence("Ctrl+N")
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[:2] == ["文件(&F)", "登记(&R)"]
    assert "李娜" in window.session.user_label.text()  # the signed-in account signs, not a typed name


def test_saved_draft_is_offered_back_at_start(
    qtbot: QtBot, desk: Desk, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk.drafts.save({"id_number": WANG_JI_ID, "name": "王𠮷", "summary": "半截登记"})
    monkeypatch.setattr(questions, "ask", lambda parent, question: "恢复" in question)
    window = MainWindow(desk, Notifier())
    qtbot.addWidget(window)
    assert ui_app.offer_draft(window)
    assert window.intake_form.name_edit.text() == "王𠮷"
    assert window.intake_form.summary_edit.text() == "半截登记"


def test_has_display(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    assert not ui_app.has_display()
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert ui_app.has_display()
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setenv("DISPLAY", ":99")
    assert ui_app.has_display()


def test_a_bug_in_the_window_is_logged_and_told_without_losing_the_draft(
    qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import sys

    from PySide6.QtWidgets import QMessageBox

    window = MainWindow(desk, Notifier())
    qtbot.addWidget(window)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    ui_app.install_excepthook(window)

    try:
        raise RuntimeError("boom")
    except RuntimeError as error:
        sys.excepthook(type(error), error, error.__traceback__)
    assert shown and "日志" in shown[0] and "草稿" in shown[0]
    assert "boom" in caplog.text
