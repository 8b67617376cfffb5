"""The window in English: no Chinese left in menus, tabs, buttons, labels and headers, except the data."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
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

from app.desk import Desk
from app.language import LANGUAGES, LanguageSetting, language_file
from tests.factories import visit
from tests.i18n_scan import CJK
from ui.app import window_language
from ui.app_messages import app_message
from ui.i18n import install_translators, remove_translators
from ui.main_window import MainWindow
from ui.notifier import Notifier
from ui.settings_dialog import SettingsDialog
from ui.vocabulary import vocab

MATTER_NO = re.compile(r"\S*〔\d{4}〕\d+号")


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    installed = install_translators(qapp, "en")
    assert installed, "the English translation did not load"
    yield
    remove_translators(qapp, installed)


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


def chinese_left(root: QWidget, data: list[str]) -> list[tuple[str, str]]:
    left = []
    for where, text in texts(root):
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
    shown.matters_page.search_now()
    return shown


def test_the_main_window_speaks_english(window: MainWindow, desk: Desk) -> None:
    assert window.tabs.tabText(0) == "Intake"
    assert [a.text() for a in window.menuBar().actions()] == ["&File", "&Register", "&View"]
    assert chinese_left(window, data_words(desk)) == []


def test_fixed_words_from_app_show_in_english(window: MainWindow, desk: Desk) -> None:
    model = window.matters_page.model
    assert model.rowCount() == 1
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
