"""The deferred integrity check, seen from the window: started after the first paint, damage shown modally.

The check itself and the refusal of every write live in app/startup_integrity.py; here the result is
carried to the main thread (a signal from the checking thread) and the clerk is told to restore a backup.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from app.desk import Desk
from app.startup_integrity import start_deferred
from ui.first_paint import FirstPaint


class IntegrityWatch(QObject):
    """Runs `desk.integrity`'s deferred check once the window has painted; `damaged` carries the problems."""

    damaged = Signal(list)
    _finished = Signal(list)  # emitted in the checking thread, delivered on the main thread

    def __init__(self, window: QMainWindow, desk: Desk, form: QWidget) -> None:
        super().__init__(window)
        self._window, self._desk, self._form = window, desk, form
        self._started = False
        self._closing = False  # the check may outlive the window (a daemon thread): then it reports nothing
        window.destroyed.connect(self._close)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._close)
        self.message_box: QMessageBox | None = None
        self._finished.connect(self._report, Qt.ConnectionType.QueuedConnection)
        FirstPaint(window).painted.connect(self.start)

    def start(self) -> None:
        if self._started or not self._desk.integrity.deferred:
            self._started = True
            return
        self._started = True
        start_deferred(self._desk.integrity, self._desk.db, self._deliver)

    def _close(self) -> None:
        self._closing = True

    def _deliver(self, problems: list[str]) -> None:  # in the checking thread
        if not self._closing:
            self._finished.emit(problems)

    def _report(self, problems: list[str]) -> None:
        if not problems:
            return
        self._form.setEnabled(False)  # writes are refused below the window too; the form says so at once
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            self.tr("数据库已损坏"),
            self.tr("启动后的完整性检查发现数据库文件已损坏，已停止一切写入。请由管理员用“恢复备份”恢复。")
            + "\n\n"
            + "\n".join(problems[:3]),
            QMessageBox.StandardButton.Ok,
            self._window,
        )
        box.setWindowModality(Qt.WindowModality.ApplicationModal)
        box.open()
        self.message_box = box
        self.damaged.emit(problems)
