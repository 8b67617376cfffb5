"""Privacy on screen and the audit viewer: numbers masked by default, 显示 decided and logged by the service,
the log paged and filtered, and its hash chain verified (and a tampered entry found).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.desk import Desk
from app.sign_in import SignInError
from tests.accounts_helpers import ADMIN_PASSWORD, ADMIN_USER
from tests.factories import WANG_JI_ID, visit
from ui import reveal
from ui.accounts_dialog import AccountsDialog, PasswordDialog
from ui.audit_viewer import AuditDialog
from ui.fonts import apply_fonts, load_fonts
from ui.main_window import MainWindow
from ui.matter_view import MatterView
from ui.notifier import Notifier

PASSWORD = "window2026"


@pytest.fixture(scope="module", autouse=True)
def fonts(qapp: QApplication) -> None:
    apply_fonts(qapp, load_fonts())


@pytest.fixture
def staffed(desk: Desk) -> Desk:
    """The template's administrator (李娜), a clerk (王强), a chief (张敏); a visit of 王𠮷 signed by 李娜."""
    desk.accounts.create("wangqiang", "王强", "clerk", PASSWORD)
    desk.accounts.create("zhangmin", "张敏", "chief", PASSWORD)
    desk.intake.register_visit(visit())
    desk.sign_out()
    return desk


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The reason typed for every 显示, and the refusals shown (collected instead of a message box)."""
    refusals: list[str] = []
    monkeypatch.setattr(reveal, "ask_reason", lambda parent, what: "核实来访人身份")
    monkeypatch.setattr(reveal, "show_refusal", lambda parent, message: refusals.append(message))
    return refusals


def open_window(qtbot: QtBot, desk: Desk, username: str) -> MainWindow:
    desk.sign_in(username, PASSWORD)
    window = MainWindow(desk, Notifier())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def windows() -> Iterator[list[MainWindow]]:
    opened: list[MainWindow] = []
    yield opened
    for window in opened:
        window.session.idle.remove()


def show_wang_ji(window: MainWindow) -> int:
    history = window.desk.recognition.history_for_id(WANG_JI_ID)
    assert history is not None
    window.history_panel.show_history(history)
    return history.person_id


def test_numbers_are_masked_and_a_clerk_is_refused_the_reveal(
    qtbot: QtBot, staffed: Desk, answers: list[str], windows: list[MainWindow]
) -> None:
    window = open_window(qtbot, staffed, "wangqiang")
    windows.append(window)
    show_wang_ji(window)
    panel = window.history_panel
    id_label, phone_label = panel._person_labels["id"], panel._person_labels["phone"]
    assert WANG_JI_ID not in id_label.text() and "*" in id_label.text()
    assert phone_label.text() != "13800138000" and "*" in phone_label.text()
    # The button is there for everyone: the service decides, and says why not
    panel.reveal_buttons["id_number"].click()
    assert answers and "没有" in answers[0] and "查看完整身份证号和电话" in answers[0]
    assert WANG_JI_ID not in id_label.text()
    staffed.sign_in(ADMIN_USER, ADMIN_PASSWORD)
    assert staffed.audit.count(action="reveal") == 0


def test_a_chief_reveals_the_number_and_the_reveal_is_audited(
    qtbot: QtBot, staffed: Desk, answers: list[str], windows: list[MainWindow]
) -> None:
    window = open_window(qtbot, staffed, "zhangmin")
    windows.append(window)
    person_id = show_wang_ji(window)
    window.history_panel.reveal_buttons["id_number"].click()
    assert answers == []
    assert window.history_panel._person_labels["id"].text() == WANG_JI_ID
    assert "*" in window.history_panel._person_labels["phone"].text()  # only what was asked for
    entries = staffed.audit.entries(action="reveal")
    assert len(entries) == 1
    entry = entries[0]
    assert (entry.actor, entry.record_id) == ("zhangmin", str(person_id))
    assert "核实来访人身份" in entry.detail and "id_number" in entry.detail


def test_a_chief_exports_the_visitors_own_record_and_a_clerk_may_not(
    qtbot: QtBot,
    staffed: Desk,
    answers: list[str],
    windows: list[MainWindow],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "own-record.json"
    monkeypatch.setattr(reveal, "ask_export_path", lambda parent, person_id: target)
    clerk = open_window(qtbot, staffed, "wangqiang")
    windows.append(clerk)
    show_wang_ji(clerk)
    clerk.history_panel.export_button.click()
    assert not target.exists() and "为来访人导出其本人的完整记录" in answers[0]
    chief = open_window(qtbot, staffed, "zhangmin")
    windows.append(chief)
    person_id = show_wang_ji(chief)
    chief.history_panel.export_button.click()
    record = json.loads(target.read_text(encoding="utf-8"))
    assert WANG_JI_ID in json.dumps(record, ensure_ascii=False)  # their own number, in full
    assert [e.record_id for e in staffed.audit.entries(action="export_person")] == [str(person_id)]


def test_the_matter_page_reveals_a_number_for_a_chief_only(
    qtbot: QtBot, staffed: Desk, answers: list[str]
) -> None:
    staffed.sign_in("zhangmin", PASSWORD)
    matter_no = staffed.matters.search(WANG_JI_ID)[0].matter_no
    view = MatterView(staffed, Notifier())
    qtbot.addWidget(view)
    view.show_matter(matter_no)
    html = view.browser.toHtml()
    person_id = staffed.recognition.history_for_id(WANG_JI_ID).person_id  # type: ignore[union-attr]
    assert WANG_JI_ID not in view.browser.toPlainText() and f"reveal:{person_id}:phone" in html
    view.browser.anchorClicked.emit(QUrl(f"reveal:{person_id}:phone"))
    assert "13800138000" in view.browser.toPlainText() and WANG_JI_ID not in view.browser.toPlainText()
    assert staffed.audit.count(action="reveal", actor="zhangmin") == 1
    # A clerk clicking the same link gets the service's refusal; the number stays masked
    staffed.sign_in("wangqiang", PASSWORD)
    view.show_matter("")
    view.show_matter(matter_no)
    view.browser.anchorClicked.emit(QUrl(f"reveal:{person_id}:phone"))
    assert len(answers) == 1 and "接待员没有" in answers[0]
    assert "13800138000" not in view.browser.toPlainText()


def test_audit_viewer_lists_filters_and_verifies_then_finds_a_tampered_entry(
    qtbot: QtBot, staffed: Desk, db_path: Path
) -> None:
    staffed.sign_in("zhangmin", PASSWORD)
    dialog = AuditDialog(staffed, page_size=5)
    qtbot.addWidget(dialog)
    # Listed newest first, five a page, with the total
    total = staffed.audit.count()
    assert dialog.table.rowCount() == 5 and dialog.total == total > 5
    assert dialog.cell(0, "actor") == "zhangmin" and dialog.cell(0, "action") == "登录"
    assert dialog.next_button.isEnabled() and not dialog.previous_button.isEnabled()
    dialog.next_button.click()
    assert dialog.offset == 5 and dialog.previous_button.isEnabled()
    # Filtered by user: only the administrator's entries (the accounts made, the visit registered)
    dialog.actor_edit.setText(ADMIN_USER)
    dialog.search()
    actors = {dialog.cell(row, "actor") for row in range(dialog.table.rowCount())}
    assert actors == {ADMIN_USER} and dialog.total == staffed.audit.count(actor=ADMIN_USER) > 5
    # … and by what was done: the sign-ins only
    dialog.action_combo.setCurrentIndex(dialog.action_combo.findData("sign_in"))
    dialog.search()
    assert {dialog.cell(row, "action") for row in range(dialog.table.rowCount())} == {"登录"}
    assert dialog.total == staffed.audit.count(actor=ADMIN_USER, action="sign_in") >= 1
    # 校验: the chain holds
    dialog.verify_button.click()
    assert dialog.verdict_label.text() == f"校验通过：{staffed.audit.count()} 条记录，哈希链完整"
    # Someone edits an entry in the file behind the program's back: 校验 names it
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE audit_log SET actor = 'someone' WHERE id = 3")
    dialog.verify_button.click()
    assert dialog.verdict_label.text().startswith("校验失败：第 3 条记录起链条断裂")


def test_a_clerk_sees_the_refusal_instead_of_the_log(qtbot: QtBot, staffed: Desk) -> None:
    staffed.sign_in("wangqiang", PASSWORD)
    dialog = AuditDialog(staffed)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 0
    assert "查看和校验审计日志" in dialog.page_label.text()


def test_administrator_adds_an_account_and_disables_it(
    qtbot: QtBot, staffed: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    staffed.sign_in(ADMIN_USER, ADMIN_PASSWORD)
    dialog = AccountsDialog(staffed)
    qtbot.addWidget(dialog)
    assert [a.username for a in dialog.accounts] == [ADMIN_USER, "wangqiang", "zhangmin"]

    def fill(form: PasswordDialog) -> int:
        form.username_edit.setText("liuyang")
        form.name_edit.setText("刘洋")
        form.role_combo.setCurrentIndex(form.role_combo.findData("clerk"))
        form.password_edit.setText("short")
        form.again_edit.setText("short")
        form.accept()
        refused = form.errors.text("password")
        assert "密码长度" in refused  # the service's rule, shown under the field
        form.password_edit.setText(PASSWORD)
        form.again_edit.setText(PASSWORD)
        form.accept()
        return int(form.result())

    monkeypatch.setattr(PasswordDialog, "exec", fill)
    dialog.add()
    assert "liuyang" in [a.username for a in dialog.accounts]
    dialog.select("liuyang")
    dialog.toggle_active()
    assert dialog.state_of("liuyang") == "已停用"
    # 王强 locks himself out; the administrator sees it and lifts it
    for _ in range(5):
        with pytest.raises(SignInError):
            staffed.sign_in("wangqiang", "wrong-1234")
    staffed.sign_in(ADMIN_USER, ADMIN_PASSWORD)
    dialog.refresh()
    assert dialog.state_of("wangqiang").startswith("锁定至")
    dialog.select("wangqiang")
    dialog.unlock()
    assert dialog.state_of("wangqiang") == "启用"
    staffed.sign_out()
    assert staffed.sign_in("wangqiang", PASSWORD).display_name == "王强"
    with pytest.raises(SignInError, match="停用"):
        staffed.sign_in("liuyang", PASSWORD)
