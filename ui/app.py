"""Starting the window: the Qt application, the shipped fonts, the main window, a saved draft offered back."""

from __future__ import annotations

import os
import sys
from types import TracebackType

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from app.desk import Desk
from app.logs import log
from ui import questions
from ui.fonts import apply_fonts, load_fonts
from ui.main_window import MainWindow
from ui.notifier import Notifier

HEADLESS_PLATFORMS = ("offscreen", "minimal", "minimalegl", "vnc", "eglfs", "linuxfb")  # need no X or Wayland


def has_display() -> bool:
    """Whether a window can be shown: on Linux an X or Wayland display, or a headless Qt platform."""
    if not sys.platform.startswith("linux"):
        return True
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return True
    platform = os.environ.get("QT_QPA_PLATFORM", "").split(":", 1)[0].strip().lower()
    return platform in HEADLESS_PLATFORMS


def _application(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv)
    app.setApplicationName("信访接待台")
    app.setOrganizationName("XinfangDesk")
    return app


def install_qt_translations(app: QApplication) -> None:
    """Qt's own dialogs (print, calendar, colour) in Chinese, when the Qt translations are shipped."""
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_", folder):
        app.installTranslator(translator)


def offer_draft(window: MainWindow) -> bool:
    """A half-typed form from last time (a crash, a power cut): ask to restore it; True if restored."""
    draft = window.desk.drafts.load()
    if draft is None:
        return False
    if questions.ask(window, window.tr("恢复上次未保存的登记？")):
        window.intake_form.load_draft(draft)
        return True
    window.desk.drafts.clear()
    return False


def install_excepthook(window: MainWindow) -> None:
    """A bug in a slot must not pass silently: log it with its traceback and tell the clerk what is safe."""

    def report(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        log.error("unexpected error in the window", exc_info=(kind, error, trace))
        QMessageBox.critical(
            window,
            window.tr("信访接待台"),
            window.tr("程序内部错误，已记入日志。已填写的内容已自动保存为草稿，不会丢失。"),
        )

    sys.excepthook = report


def run_gui(desk: Desk, argv: list[str]) -> int:
    app = _application(argv)
    apply_fonts(app, load_fonts())
    install_qt_translations(app)
    window = MainWindow(desk, Notifier())
    install_excepthook(window)
    window.show()
    offer_draft(window)
    window.intake_form.id_edit.setFocus()
    return app.exec()
