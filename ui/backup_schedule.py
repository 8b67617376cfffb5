"""Scheduled backups from the window, and the administrator's choice of their folder.

At sign-in and then every hour the window asks desk.backups.run_scheduled(), in a worker: the service makes
the day's backup only when none exists yet for the day (and the week, the month), then prunes by retention.
So a PC left on for days backs up daily, and one switched on each morning backs up at the first sign-in.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.backup import BackupConfig, ScheduledRun
from app.desk import Desk
from app.errors import DeskError
from app.logs import log
from ui.field_errors import FieldErrors
from ui.workers import Requests

CHECK_EVERY_MS = 60 * 60 * 1000  # the service decides whether a backup is due; asking hourly is cheap


class BackupScheduler(QObject):
    message = Signal(str)  # for the status bar: made, or why not

    def __init__(self, desk: Desk, parent: QObject | None = None, every_ms: int = CHECK_EVERY_MS) -> None:
        super().__init__(parent)
        self._desk = desk
        self.requests = Requests(self)
        self.requests.finished.connect(self._done)
        self.requests.failed.connect(self._failed)
        self.timer = QTimer(self)
        self.timer.setInterval(every_ms)
        self.timer.timeout.connect(self.run_now)
        self.last: ScheduledRun | None = None

    def start(self) -> None:
        """Check at once (the first sign-in of the day) and then on the timer."""
        self.timer.start()
        self.run_now()

    def run_now(self) -> None:
        if not self.requests.busy:
            self.requests.run(self._desk.backups.run_scheduled)

    def _done(self, run: ScheduledRun) -> None:
        self.last = run
        if run.backup is not None:
            text = self.tr("已自动备份到 %1").replace("%1", str(run.backup.path))
            self.message.emit(text)

    def _failed(self, message: str) -> None:
        log.warning("scheduled backup not made: %s", message)
        self.message.emit(self.tr("自动备份未完成：%1").replace("%1", message))


class BackupSettingsDialog(QDialog):
    """The folder for scheduled backups (a USB drive, a network share) and how many copies to keep."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self.setWindowTitle(self.tr("自动备份设置"))
        config = desk.backups.config()
        self.config = config
        self.folder_edit = QLineEdit(config.folder, self)
        self.folder_edit.setPlaceholderText(str(desk.data_dir / "backups"))
        browse = QPushButton(self.tr("选择…"), self)
        browse.clicked.connect(self._browse)
        self.daily, self.weekly, self.monthly = (self._spin(n, top) for n, top in (
            (config.keep_daily, 366), (config.keep_weekly, 260), (config.keep_monthly, 600)))  # fmt: skip
        self.errors = FieldErrors(self, ("folder", "keep_daily", "keep_weekly", "keep_monthly"))
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("备份文件夹"), folder_row)
        form.addRow("", self.errors.label("folder"))
        form.addRow(self.tr("保留每日备份"), self.daily)
        form.addRow(self.tr("保留每周备份"), self.weekly)
        form.addRow(self.tr("保留每月备份"), self.monthly)
        last = config.last_backup or self.tr("尚未自动备份")
        form.addRow(self.tr("上次自动备份"), QLabel(last, self))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        for name in ("keep_daily", "keep_weekly", "keep_monthly", ""):
            layout.addWidget(self.errors.label(name))
        layout.addWidget(buttons)

    def _spin(self, value: int, top: int) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(0, top)
        spin.setValue(value)
        return spin

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("选择备份文件夹"), self.folder_edit.text())
        if chosen:
            self.folder_edit.setText(str(Path(chosen)))

    def values(self) -> BackupConfig:
        return BackupConfig(
            folder=self.folder_edit.text().strip(),
            keep_daily=self.daily.value(),
            keep_weekly=self.weekly.value(),
            keep_monthly=self.monthly.value(),
            last_backup=self.config.last_backup,
        )

    def accept(self) -> None:
        try:
            self.config = self._desk.backups.configure(self.values())
        except DeskError as error:
            self.errors.show_error(error)
            return
        super().accept()
