"""Who sits at the window: first-run setup, sign-in and its refusals, the idle lock, switching, signing out.

Real widgets offscreen on a real SQLite file; passwords checked by the account service with Argon2.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from app.desk import Desk, open_desk
from tests.accounts_helpers import CHEAP_HASHER
from tests.conftest import FixedClock
from tests.ui_helpers import type_chinese, type_text
from ui import app as ui_app
from ui.first_run_dialog import FirstRunDialog
from ui.fonts import apply_fonts, load_fonts
from ui.main_window import MainWindow
from ui.notifier import Notifier
from ui.sign_in_dialog import SignInDialog

PASSWORD = "window2026"


@pytest.fixture(scope="module", autouse=True)
def fonts(qapp: QApplication) -> None:
    apply_fonts(qapp, load_fonts())


@pytest.fixture
def staffed(desk: Desk) -> Desk:
    """The administrator (李娜) of the template, a clerk (王强) and a chief (张敏); nobody signed in."""
    desk.accounts.create("wangqiang", "王强", "clerk", PASSWORD)
    desk.accounts.create("zhangmin", "张敏", "chief", PASSWORD)
    desk.sign_out()
    return desk


@pytest.fixture
def fresh(tmp_path: Path, clock: FixedClock) -> Iterator[Desk]:
    """A new database: migrated and seeded, no account yet (the first run)."""
    opened = open_desk(str(tmp_path / "fresh.sqlite"), clock=clock, password_hasher=CHEAP_HASHER)
    yield opened
    opened.close()


@pytest.fixture
def window(qtbot: QtBot, staffed: Desk) -> Iterator[MainWindow]:
    """The main window with the clerk 王强 signed in."""
    staffed.sign_in("wangqiang", PASSWORD)
    shown = MainWindow(staffed, Notifier())
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    shown.session.idle.remove()


def sign_in_with(qtbot: QtBot, dialog: SignInDialog, username: str, password: str) -> None:
    dialog.show()  # Enter in the password field presses the dialog's default button, 登录
    dialog.username_edit.clear()
    type_text(qtbot, dialog.username_edit, username)
    type_text(qtbot, dialog.password_edit, password)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)


# --- first run -------------------------------------------------------------------------------------------


def test_first_run_creates_the_agency_and_the_administrator(qtbot: QtBot, fresh: Desk) -> None:
    desk = fresh
    # Given a database with no account: the setup dialog, prefilled from the seeded county
    assert not desk.accounts.has_accounts()
    dialog = FirstRunDialog(desk)
    qtbot.addWidget(dialog)
    assert dialog.townships and dialog.departments and dialog.name_edit.text()
    # When the administrator edits the agency and a township list, and sets the account
    dialog.name_edit.clear()
    type_chinese(dialog.name_edit, "青山县信访局")
    dialog.townships_edit.setPlainText("城关镇\n青山镇\n\n  桃源乡  ")
    type_text(qtbot, dialog.username_edit, "admin")
    type_chinese(dialog.display_edit, "赵敏")
    type_text(qtbot, dialog.password_edit, PASSWORD)
    type_text(qtbot, dialog.again_edit, PASSWORD + "x")
    dialog.accept()
    # Then two different passwords are refused here, and nothing is created
    assert dialog.field_error("admin_password_again") == "两次输入的密码不一致"
    assert not desk.accounts.has_accounts()
    dialog.again_edit.setText(PASSWORD)
    dialog.accept()
    assert dialog.result() == FirstRunDialog.DialogCode.Accepted, dialog.errors.text()
    # And the administrator can sign in, and the agency and its townships are as typed
    account = desk.sign_in("admin", PASSWORD)
    assert (account.display_name, str(account.role)) == ("赵敏", "admin")
    assert desk.settings.get().agency_name == "青山县信访局"
    assert desk.reference.names().townships == ["城关镇", "青山镇", "桃源乡"]


def test_first_run_shows_the_services_message_for_a_weak_password(qtbot: QtBot, fresh: Desk) -> None:
    desk = fresh
    dialog = FirstRunDialog(desk)
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.username_edit, "admin")
    type_chinese(dialog.display_edit, "赵敏")
    for edit in (dialog.password_edit, dialog.again_edit):
        type_text(qtbot, edit, "short")
    dialog.accept()
    assert "密码长度" in dialog.field_error("admin_password")
    assert dialog.result() != FirstRunDialog.DialogCode.Accepted
    assert not desk.accounts.has_accounts()


def test_start_runs_the_first_run_setup_then_the_sign_in(
    qtbot: QtBot, fresh: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []

    def set_up(dialog: FirstRunDialog) -> int:
        shown.append("first_run")
        dialog.username_edit.setText("admin")
        dialog.display_edit.setText("赵敏")
        dialog.password_edit.setText(PASSWORD)
        dialog.again_edit.setText(PASSWORD)
        dialog.accept()
        return int(dialog.result())

    def sign_in(dialog: SignInDialog) -> int:
        shown.append("sign_in")
        dialog.username_edit.setText("admin")
        dialog.password_edit.setText(PASSWORD)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(FirstRunDialog, "exec", set_up)
    monkeypatch.setattr(SignInDialog, "exec", sign_in)
    assert ui_app.sign_in_at_start(fresh)
    assert shown == ["first_run", "sign_in"]
    assert fresh.user is not None and fresh.user.display_name == "赵敏"
    # The next start: accounts exist, so only the sign-in; giving up there ends the program
    fresh.sign_out()
    monkeypatch.setattr(SignInDialog, "exec", lambda dialog: 0)
    assert not ui_app.sign_in_at_start(fresh)
    assert shown == ["first_run", "sign_in"] and fresh.user is None


# --- sign-in -----------------------------------------------------------------------------------------------


def test_sign_in_succeeds_with_the_right_password(qtbot: QtBot, staffed: Desk) -> None:
    dialog = SignInDialog(staffed)
    qtbot.addWidget(dialog)
    sign_in_with(qtbot, dialog, "wangqiang", PASSWORD)
    assert dialog.result() == SignInDialog.DialogCode.Accepted
    assert staffed.user is not None and staffed.user.display_name == "王强"


def test_wrong_password_is_refused_then_the_account_locks(qtbot: QtBot, staffed: Desk) -> None:
    dialog = SignInDialog(staffed)
    qtbot.addWidget(dialog)
    sign_in_with(qtbot, dialog, "wangqiang", "wrong-1234")
    # The service's message, under the password; the password cleared for the next try
    assert dialog.error.startswith("用户名或密码不正确")
    assert "再错 4 次" in dialog.error
    assert dialog.password_edit.text() == "" and staffed.user is None
    for _ in range(4):
        sign_in_with(qtbot, dialog, "wangqiang", "wrong-1234")
    assert "账号已锁定" in dialog.error
    # Locked: even the right password is refused now, with the lockout message
    sign_in_with(qtbot, dialog, "wangqiang", PASSWORD)
    assert "已锁定" in dialog.error and staffed.user is None
    assert dialog.result() != SignInDialog.DialogCode.Accepted


# --- the signed-in account in the window -------------------------------------------------------------------


def test_the_window_shows_the_account_and_signs_with_its_name(window: MainWindow) -> None:
    assert window.session.user_label.text() == "当前用户：王强（接待员）"
    combo = window.intake_form.clerk_combo
    assert combo.currentText() == "王强" and not combo.isEnabled()  # not typed: the account signs


# --- idle lock ---------------------------------------------------------------------------------------------


def test_idle_lock_covers_the_window_and_the_password_unlocks_it(qtbot: QtBot, window: MainWindow) -> None:
    # Given a half-typed visit and a very short idle time
    type_chinese(window.intake_form.name_edit, "王𠮷")
    window.session.idle.set_timeout_ms(150)
    lock = window.session.lock_screen
    # When nobody touches anything, the lock screen covers the window
    qtbot.waitUntil(lambda: lock.locked, timeout=3000)
    assert lock.username_edit.text() == "wangqiang" and lock.username_edit.isReadOnly()
    # While locked, keys meant for the form do not reach it
    qtbot.keyClicks(window.intake_form.phone_edit, "138")
    assert window.intake_form.phone_edit.text() == ""
    # A wrong password is refused with the service's message
    type_text(qtbot, lock.password_edit, "wrong-1234")
    qtbot.keyClick(lock.password_edit, Qt.Key.Key_Return)
    assert lock.locked and lock.error.startswith("用户名或密码不正确")
    # The right one unlocks; the half-typed visit is still there
    type_text(qtbot, lock.password_edit, PASSWORD)
    qtbot.keyClick(lock.password_edit, Qt.Key.Key_Return)
    assert not lock.locked
    assert window.intake_form.name_edit.text() == "王𠮷"
    assert window.session.idle.counting  # and the countdown runs again


def test_an_open_dialog_is_covered_while_locked_and_kept(qtbot: QtBot, window: MainWindow) -> None:
    window.session.open_backup_settings()  # any open dialog: it stays open, its contents hidden
    dialog = window.session.dialogs["backup"]
    assert isinstance(dialog, QDialog) and dialog.isVisible()
    window.session.lock()
    curtains = [c for c in dialog.findChildren(QWidget, "curtain") if c.isVisible()]
    assert len(curtains) == 1 and curtains[0].geometry() == dialog.rect()
    qtbot.keyClicks(dialog.folder_edit, "abc")  # type: ignore[attr-defined]
    assert dialog.folder_edit.text() == ""  # type: ignore[attr-defined]
    lock = window.session.lock_screen
    type_text(qtbot, lock.password_edit, PASSWORD)
    qtbot.keyClick(lock.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.findChildren(QWidget, "curtain"))
    assert dialog.isVisible()


def test_another_clerk_signs_in_on_the_locked_window(qtbot: QtBot, window: MainWindow) -> None:
    type_chinese(window.intake_form.name_edit, "王𠮷")
    window.session.switch_user()
    lock = window.session.lock_screen
    assert lock.locked and not lock.username_edit.isReadOnly()
    type_text(qtbot, lock.username_edit, "zhangmin")
    type_text(qtbot, lock.password_edit, PASSWORD)
    qtbot.keyClick(lock.password_edit, Qt.Key.Key_Return)
    assert not lock.locked
    assert window.desk.user is not None and window.desk.user.username == "zhangmin"
    assert window.intake_form.clerk_combo.currentText() == "张敏"
    assert window.intake_form.name_edit.text() == "王𠮷"  # the draft stays for whoever continues
    assert "张敏（科长）" in window.session.user_label.text()


def test_sign_out_leaves_nobody_signed_in_until_someone_signs_in(qtbot: QtBot, window: MainWindow) -> None:
    window.session.sign_out_action.trigger()
    lock = window.session.lock_screen
    assert window.desk.user is None and lock.locked
    assert window.session.user_label.text() == "未登录"
    type_text(qtbot, lock.username_edit, "zhangmin")
    type_text(qtbot, lock.password_edit, PASSWORD)
    lock.unlock_button.click()
    assert not lock.locked and window.desk.user is not None
    assert window.desk.user.display_name == "张敏"
