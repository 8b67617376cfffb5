"""The settings dialog: loads the stored values, saves valid ones, keeps bad ones open with the message."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QInputMethodEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLineEdit  # noqa: E402

from app.desk import Desk  # noqa: E402
from ui.settings_dialog import SettingsDialog  # noqa: E402


def type_text(edit: QLineEdit, text: str) -> None:
    """Replace the text as an input method does (keyClicks with Chinese aborts Qt)."""
    edit.selectAll()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(edit, event)


@pytest.fixture
def dialog(qtbot, desk: Desk) -> SettingsDialog:
    widget = SettingsDialog(desk.settings, printers=["HP-LaserJet-M403", "XP-80C"], year=2026)
    qtbot.addWidget(widget)
    return widget


def click_ok(qtbot, dialog: SettingsDialog) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_loads_the_stored_settings(dialog: SettingsDialog) -> None:
    assert dialog.agency_name == "示例县信访局"
    assert dialog.agency_code == "X信访"
    assert dialog.printer == ""  # 系统默认
    assert dialog.slip_layout == "a4"
    assert [dialog.printer_combo.itemText(i) for i in range(3)] == ["系统默认", "HP-LaserJet-M403", "XP-80C"]
    assert dialog.number_preview.text() == "编号示例：X信访〔2026〕1号"


def test_number_preview_follows_the_code(dialog: SettingsDialog) -> None:
    type_text(dialog.code_edit, "城信访")
    assert dialog.agency_code == "城信访"
    assert dialog.number_preview.text() == "编号示例：城信访〔2026〕1号"


def test_saves_valid_values(qtbot, dialog: SettingsDialog, desk: Desk) -> None:
    # given the clerk changes every field
    type_text(dialog.name_edit, "城东县人民政府信访局")
    type_text(dialog.code_edit, "城信访")
    dialog.phone_edit.clear()
    qtbot.keyClicks(dialog.phone_edit, "0312-5559999")
    dialog.printer_combo.setCurrentIndex(2)
    dialog.layout_combo.setCurrentIndex(1)
    type_text(dialog.clerk_edit, "王强")
    # when OK is clicked
    with qtbot.waitSignal(dialog.settings_saved) as blocker:
        click_ok(qtbot, dialog)
    # then the settings are stored and the dialog is closed with them
    stored = desk.settings.get()
    assert (stored.agency_name, stored.agency_code, stored.window_phone) == (
        "城东县人民政府信访局",
        "城信访",
        "0312-5559999",
    )
    assert (stored.printer, stored.slip_layout, stored.clerk_name) == ("XP-80C", "thermal", "王强")
    assert blocker.args == [stored] and dialog.saved == stored
    assert dialog.result() == QDialog.DialogCode.Accepted


# offscreen Qt warns when a top-level window is shown; the dialog must be shown to prove it stays open
def test_bad_code_shows_message_beside_the_field(qtbot, dialog: SettingsDialog, desk: Desk) -> None:
    dialog.show()
    qtbot.waitExposed(dialog)
    type_text(dialog.code_edit, "X信访〔")
    click_ok(qtbot, dialog)
    # the dialog stays open with the message under 机关代字, and nothing is saved
    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "机关代字" in dialog.field_error("agency_code")
    assert dialog.error_labels["agency_code"].isVisible()
    assert dialog.field_error("agency_name") == "" and not dialog.error_labels["agency_name"].isVisible()
    assert desk.settings.get().agency_code == "X信访"
    assert dialog.saved is None
    # when corrected, OK saves and the message goes away
    type_text(dialog.code_edit, "Y信访")
    click_ok(qtbot, dialog)
    assert dialog.field_error("agency_code") == ""
    assert desk.settings.get().agency_code == "Y信访"


def test_a_saved_printer_not_connected_is_kept(qtbot, desk: Desk) -> None:
    stored = desk.settings.get()
    desk.settings.save(type(stored)(**{**stored.__dict__, "printer": "Old-Printer"}))
    dialog = SettingsDialog(desk.settings, printers=[], year=2026)
    qtbot.addWidget(dialog)
    assert dialog.printer == "Old-Printer"
    assert "未连接" in dialog.printer_combo.currentText()
