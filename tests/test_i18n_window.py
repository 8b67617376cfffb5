"""The window in English: no Chinese left in menus, tabs, buttons, labels and headers, except the data."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

from app.desk import Desk, open_desk
from app.language import LANGUAGES, LanguageSetting, language_file
from tests.accounts_helpers import CHEAP_HASHER
from tests.conftest import FixedClock
from tests.factories import id_number, person, visit
from tests.i18n_scan import CJK
from ui.app import window_language
from ui.app_messages import app_message
from ui.audit_viewer import AuditDialog
from ui.first_run_dialog import FirstRunDialog
from ui.main_window import MainWindow
from ui.notifier import Notifier
from ui.settings_dialog import SettingsDialog
from ui.sign_in_dialog import SignInDialog
from ui.vocabulary import vocab
from ui.workers import wait_for_pool

MATTER_NO = re.compile(r"\S*〔\d{4}〕\d+号")


def data_words(desk: Desk) -> list[str]:
    """What the clerk's county typed in: names of places, departments, people, the agency; longest first."""
    names = desk.reference.names()
    settings = desk.settings.get()
    words = [*names.townships, *names.departments, *names.clerks, settings.agency_name, settings.agency_code]
    words += [c.label for c in names.categories] + [c.name for c in names.categories]
    words += list(LANGUAGES.values())  # each language named in itself
    v = visit()
    words += [v.summary, v.appeal, *(p.name for p in v.persons), *(m.name for m in v.materials)]
    return sorted({w for w in words if w}, key=len, reverse=True)


def _view_texts(name: str, model: QAbstractItemModel) -> list[tuple[str, str]]:
    """A view's column headers and its first rows."""
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())
    found = [
        (name + ".header", str(model.headerData(c, Qt.Orientation.Horizontal) or "")) for c in range(columns)
    ]
    rows = range(min(model.rowCount(QModelIndex()), 20))
    return found + [
        (name + ".cell", str(model.index(r, c).data() or "")) for r in rows for c in range(columns)
    ]


def texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) of everything a clerk reads on ``root`` and its children."""
    found: list[tuple[str, str]] = [("title", root.windowTitle())]
    for w in [root, *root.findChildren(QWidget)]:
        name = type(w).__name__
        if isinstance(w, QLabel):
            found.append((name, w.text()))
        elif isinstance(w, QAbstractButton):
            found += [(name, w.text()), (name + ".tip", w.toolTip())]
        elif isinstance(w, QGroupBox):
            found.append((name, w.title()))
        elif isinstance(w, (QLineEdit, QPlainTextEdit)):
            found.append((name + ".placeholder", w.placeholderText()))
        elif isinstance(w, QTabWidget):
            found += [(name, w.tabText(i)) for i in range(w.count())]
        elif isinstance(w, QMenu):
            found += [(name, a.text()) for a in w.actions()]
        elif isinstance(w, QComboBox) and not w.isEditable():
            found += [(name, w.itemText(i)) for i in range(w.count())]
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            found += _view_texts(name, w.model())
    return found


def chinese_left(root: QWidget, data: list[str], skip: QWidget | None = None) -> list[tuple[str, str]]:
    """What is still Chinese on ``root`` once the data is taken out; ``skip``'s part of it aside."""
    left = []
    found = set(texts(root)) - (set(texts(skip)) if skip is not None else set())
    for where, text in sorted(found):
        stripped = MATTER_NO.sub("", text)
        for word in data:
            stripped = stripped.replace(word, "")
        if CJK.search(stripped):
            left.append((where, text))
    return left


@pytest.fixture
def window(qtbot: QtBot, desk: Desk, english: None) -> MainWindow:
    desk.intake.register_visit(visit())
    shown = MainWindow(desk, Notifier())
    qtbot.addWidget(shown)
    shown.show()
    for index in range(shown.tabs.count()):  # every tab built (the hidden ones are built when first shown)
        shown.tabs.setCurrentIndex(index)
    shown.tabs.setCurrentIndex(0)
    shown.matters_page.search_now()
    return shown


def test_the_main_window_speaks_english(window: MainWindow, desk: Desk) -> None:
    assert window.tabs.tabText(0) == "Intake"
    assert [a.text() for a in window.menuBar().actions()] == [
        "&File",
        "&Register",
        "&View",
        "&System",
        "&Help",
    ]
    # The tally tab shows the weekly tally as the province's form prints it: an official Chinese form.
    assert chinese_left(window, data_words(desk), skip=window.tally_page) == []


def test_fixed_words_from_app_show_in_english(qtbot: QtBot, window: MainWindow, desk: Desk) -> None:
    window.tabs.setCurrentWidget(window.matters_page)  # the list reads its first page when first shown
    model = window.matters_page.model
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert model.index(0, 1).data() == "Registered"  # the status 登记
    assert window.intake_form.channel_combo.currentText() == "Walk-in visit"
    assert vocab("城乡建设") == "Urban and rural construction"


def test_main_dialogs_speak_english(qtbot: QtBot, window: MainWindow, desk: Desk) -> None:
    data = data_words(desk)
    settings = SettingsDialog(
        desk.settings, window, printers=[], language=LanguageSetting(language_file(desk.data_dir))
    )
    qtbot.addWidget(settings)
    window.calendar_action.trigger()
    window.leaders_action.trigger()
    window.import_action.trigger()
    dialogs: list[QWidget] = [settings, window.calendar_dialog, window.leaders_dialog]  # type: ignore[list-item]
    wizard = window.import_wizard
    assert isinstance(wizard, QWizard)
    for page_id in wizard.pageIds():
        dialogs.append(wizard.page(page_id))
    for dialog in dialogs:
        assert chinese_left(dialog, data) == [], type(dialog).__name__


def test_messages_from_app_are_translated(english: None) -> None:
    assert app_message("请填写姓名") == "Enter the name"
    assert (
        app_message("没有编号为 X信访〔2026〕5号 的信访事项")
        == "There is no matter numbered X信访〔2026〕5号"
    )
    assert app_message("请填写信访形式；请填写概况") == "Please fill in: Channel; Please fill in: Summary"
    assert app_message("一条不在目录中的消息") == "一条不在目录中的消息"  # shown as it came
    assert app_message("超期超过10天") == "Overdue by more than 10 days"  # not 超期{left}天 with left=超过10
    assert app_message("部门逾期未反馈：县民政局（期限2026年11月3日，未签收）") == (
        "Department late with feedback: 县民政局 (due 2026-11-3, not signed for)"
    )


def test_sign_in_and_access_refusals_are_translated(english: None) -> None:
    """The constants inside app/'s f-strings are part of the template: the refusal reads whole."""
    assert app_message("用户名或密码不正确（再错 3 次将锁定账号）") == (
        "Wrong user name or password (3 more and the account locks)"
    )
    assert app_message("连续输错密码 5 次，账号已锁定 15 分钟，或请管理员解锁").startswith(
        "Wrong password 5 times"
    )
    assert app_message("接待员没有“查看和校验审计日志”的权限（audit_read）") == (
        "A clerk may not: read and verify the audit log (audit_read)"
    )
    assert app_message("同一被反映对象：金色家园置业") == "Same respondent: 金色家园置业"


def test_messages_stay_as_they_are_in_chinese() -> None:
    text = "当前状态为办结，不能受理（仅在登记、受理审查中状态下可以受理）"
    assert app_message(text) == text


def test_the_window_language_is_saved_per_window(desk: Desk) -> None:
    setting = LanguageSetting(language_file(desk.data_dir))
    assert window_language(desk) == "zh_CN"  # Chinese by default
    setting.save("en")
    assert window_language(desk) == "en"
    with pytest.raises(Exception, match="界面语言只能是"):
        setting.save("fr")
    assert QCoreApplication.translate("vocabulary", "登记") == "登记"  # no translator installed here


def test_the_settings_dialog_switches_the_language_for_the_next_start(qtbot: QtBot, desk: Desk) -> None:
    setting = LanguageSetting(language_file(desk.data_dir))
    dialog = SettingsDialog(desk.settings, printers=[], language=setting)
    qtbot.addWidget(dialog)
    assert dialog.language_combo.currentText() == "中文"
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    dialog.accept()
    assert dialog.language_changed and setting.get() == "en" and window_language(desk) == "en"
    again = SettingsDialog(desk.settings, printers=[], language=setting)
    qtbot.addWidget(again)
    assert again.language == "en"
    again.accept()
    assert not again.language_changed  # unchanged: nothing to say


# --- the windows of who sits at the desk, and 源头治理 ---------------------------------------------------


def test_sign_in_lock_screen_and_audit_log_speak_english(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    assert desk.user is not None
    data = [*data_words(desk), desk.user.display_name, desk.user.username]
    sign_in = SignInDialog(desk, window)
    qtbot.addWidget(sign_in)
    assert sign_in.windowTitle().startswith("Sign in") or sign_in.windowTitle() == "Xinfang Desk"
    window.session.lock()
    lock = window.session.lock_screen
    assert lock.locked and lock.title_label.text() == "Locked"
    audit = AuditDialog(desk, window)
    qtbot.addWidget(audit)
    assert audit.windowTitle() == "Audit log"
    [system] = [a.menu() for a in window.menuBar().actions() if a.text() == "&System"]
    assert [a.text() for a in system.actions()][:2] == ["Audit log…", "Accounts…"]
    for shown in (sign_in, lock, audit):
        assert chinese_left(shown, data) == [], type(shown).__name__
    window.session.sign_out()  # 注销: the lock screen asks anyone to sign in
    assert lock.title_label.text() == "Please sign in"
    assert chinese_left(lock, data) == []


def test_the_first_run_speaks_english(qtbot: QtBot, tmp_path: Path, clock: FixedClock, english: None) -> None:
    fresh = open_desk(str(tmp_path / "fresh.sqlite"), clock=clock, password_hasher=CHEAP_HASHER)
    try:
        dialog = FirstRunDialog(fresh)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "First run: the office and its administrator"
        assert chinese_left(dialog, []) == []  # what the template holds shows in the edits, not checked
    finally:
        fresh.close()


def test_the_sources_tab_speaks_english(qtbot: QtBot, desk: Desk, clock: FixedClock, english: None) -> None:
    estate = desk.sources.entities.create("金色家园置业", "企业", "东城街道")
    monday = datetime(2026, 11, 23, 9)  # the test clock's week: six unrelated buyers make a warning
    buyers = [f"购房人{c}" for c in "甲乙丙丁戊己"]
    for seq, buyer in enumerate(buyers):
        clock.now = monday + timedelta(hours=seq * 7, minutes=5)
        desk.intake.register_visit(
            visit(
                visited_at=clock.now - timedelta(minutes=5),
                persons=[person(buyer, id_number(seq=500 + seq), f"1380000{seq:04d}")],
                township="东城街道",
                summary=f"金色家园{seq + 1}栋不能办证",
                entity_ids=(estate,),
            )
        )
    clock.now = datetime(2026, 11, 26, 10)
    data = [*data_words(desk), "金色家园置业", *buyers, *(f"金色家园{n}栋不能办证" for n in range(1, 7))]
    window = MainWindow(desk, Notifier())  # made after the visits: its hotspot week is the clock's
    qtbot.addWidget(window)
    window.show()
    page = window.sources_page
    window.tabs.setCurrentWidget(page)
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Root causes"
    loaded = {
        page.hotspots: lambda: page.hotspots.board is not None,
        page.backlog: lambda: page.backlog.backlog is not None,
        page.assessment: lambda: bool(page.assessment.status.text()),
    }
    for sub, ready in loaded.items():
        page.tabs.setCurrentWidget(sub)
        qtbot.waitUntil(ready, timeout=10000)
        wait_for_pool()
        assert chinese_left(sub, data) == [], type(sub).__name__
    assert [page.tabs.tabText(i) for i in range(3)] == [
        "Hotspots",
        "Campaigns and backlog",
        "Department assessment",
    ]
    assert chinese_left(page, data) == []
    assert page.hotspots.tables["entities"].rowCount() >= 1 and vocab("企业") == "Company"
    warning = page.hotspots.warnings.item(0).text()
    assert "risk of a group visit" in warning and "金色家园置业" in warning
