"""Starting the window: the Qt application, the shipped fonts, the main window, a saved draft offered back."""

from __future__ import annotations

import getpass
import os
import re
import sys
import time
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.desk import Desk
from app.language import LanguageSetting, language_file
from app.logs import log
from ui import questions
from ui.first_run_dialog import FirstRunDialog
from ui.fonts import apply_fonts, load_fonts
from ui.i18n import install_translators
from ui.main_window import MainWindow
from ui.notifier import Notifier
from ui.sign_in_dialog import SignInDialog

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


def show_start_failure(message: str) -> None:
    """Why the window cannot open (a database on a network share, a damaged or newer file), in a dialog: a
    program started by a double-click has no console to read the message in."""
    app = _application(sys.argv[:1])
    apply_fonts(app, load_fonts())
    QMessageBox.critical(None, QCoreApplication.translate("StartFailure", "信访接待台无法启动"), message)


def window_language(desk: Desk) -> str:
    """This window's language (settings dialog), read once before any widget is built."""
    return LanguageSetting(language_file(desk.data_dir)).get()


def offer_draft(window: MainWindow) -> bool:
    """A half-typed form from last time (a crash, a power cut): ask to restore it; True if restored."""
    draft = window.desk.drafts.load()
    if draft is None:
        return False
    if questions.ask(window, QCoreApplication.translate("MainWindow", "恢复上次未保存的登记？")):
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
            QCoreApplication.translate("MainWindow", "信访接待台"),
            QCoreApplication.translate(
                "MainWindow", "程序内部错误，已记入日志。已填写的内容已自动保存为草稿，不会丢失。"
            ),
        )

    sys.excepthook = report


class _FirstPaint(QObject):
    """--startup-timing: print the ms from `started` to the window's first paint, then quit; with lists,
    first show the matters list and the supervision board and wait for their rows (the memory benchmark)."""

    def __init__(self, window: MainWindow, started: float, with_lists: bool) -> None:
        super().__init__(window)
        self._window = window
        self._started = started
        self._seen = False
        self._tabs = [window.matters_index, window.board_index] if with_lists else []
        self._idle_polls = 0
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and not self._seen:
            self._seen = True
            # painted_at (seconds since the epoch) lets a benchmark count from the process's launch
            ms = (time.perf_counter() - self._started) * 1000
            print(f"startup_ms={ms:.1f} painted_at={time.time():.6f}", flush=True)
            QTimer.singleShot(0, self._next if self._tabs else QApplication.quit)
        return False

    def _next(self) -> None:
        """Show the next list once every worker is done and its rows delivered (idle on two polls in a
        row: a result queued to this thread is shown between them); quit after the last."""
        if QThreadPool.globalInstance().activeThreadCount():
            self._idle_polls = 0
        else:
            self._idle_polls += 1
        if self._idle_polls < 2:
            QTimer.singleShot(20, self._next)
        elif self._tabs:
            self._window.tabs.setCurrentIndex(self._tabs.pop(0))
            self._idle_polls = 0
            QTimer.singleShot(20, self._next)
        else:
            shown = self._window.matters_page.model.rowCount(), self._window.board_page.model.rowCount()
            print("lists_shown matters={} board={}".format(*shown), flush=True)
            QApplication.quit()


def sign_in_at_start(desk: Desk) -> bool:
    """First run: set up the agency and its administrator; then sign in. False when the user gives up."""
    if not desk.accounts.has_accounts():
        setup = FirstRunDialog(desk)
        if not setup.exec():
            return False
    return bool(SignInDialog(desk).exec())


def run_gui(desk: Desk, argv: list[str], started: float | None = None, with_lists: bool = False) -> int:
    app = _application(argv)
    apply_fonts(app, load_fonts())
    install_translators(app, window_language(desk))
    if started is not None:  # --startup-timing measures the window, not a person typing a password
        desk.sign_in_console(getpass.getuser())
    elif not sign_in_at_start(desk):
        return 0
    window = MainWindow(desk, Notifier())
    install_excepthook(window)
    if started is not None:
        _FirstPaint(window, started, with_lists)
    window.show()
    if started is None:
        offer_draft(window)
        window.session.show_user()  # a restored draft names its clerk; the account signs, not the draft
        window.session.start()
    window.intake_form.id_edit.setFocus()
    status = app.exec()
    if started is not None:  # --startup-timing: the peak memory once the lists' workers are done too
        QThreadPool.globalInstance().waitForDone()
        print(f"peak_rss_kb={_peak_rss_kb()}", flush=True)
    return status


def _peak_rss_kb() -> int:
    """This process's peak resident memory (VmHWM: reset by exec, unlike getrusage's, which a benchmark
    would read as its own size when it forked the process); 0 where /proc is missing."""
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        return 0
    found = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
    return int(found.group(1)) if found else 0
