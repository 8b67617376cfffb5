"""Who is at the window: the signed-in account in the title and status bar, the 系统 menu (audit log,
accounts, backups, lock, switch user, sign out), the idle lock and the daily backup timer.

The main window hands itself over once; this keeps the window's own module about its pages. The clerk's name
on every event is the account's (the guard in app/ fills it in and refuses any other), so the intake form's
接待人 box only shows it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMenu

from ui.accounts_dialog import AccountsDialog, role_label
from ui.audit_viewer import AuditDialog
from ui.backup_schedule import BackupScheduler, BackupSettingsDialog
from ui.idle_lock import IdleWatch
from ui.lock_screen import LockScreen
from ui.reveal import export_own_record, reveal_number
from ui.signed_in import signed_in_name

if TYPE_CHECKING:
    from ui.main_window import MainWindow

MINUTE_MS = 60_000
MESSAGE_MS = 8000


class SessionControls:
    def __init__(self, window: MainWindow) -> None:
        self.window, self.desk = window, window.desk
        self.user_label = QLabel(window)
        self.user_label.setObjectName("signed_in_user")
        window.statusBar().insertPermanentWidget(0, self.user_label)
        self.lock_screen = LockScreen(self.desk, window)
        self.lock_screen.signed_in.connect(self._after_sign_in)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.idle = IdleWatch(app, self._idle_ms(), window)
        self.idle.idle.connect(self.lock)
        self.backups = BackupScheduler(self.desk, window)
        self.backups.message.connect(lambda text: window.statusBar().showMessage(text, MESSAGE_MS))
        self._build_menu()
        window.notifier.settings_changed.connect(lambda: self.idle.set_timeout_ms(self._idle_ms()))
        window.history_panel.reveal_requested.connect(self.reveal)
        window.history_panel.export_requested.connect(self.export_own_record)
        self.dialogs: dict[str, object] = {}  # the open 系统 dialogs, for tests and to keep them alive
        self.show_user()

    def _idle_ms(self) -> int:
        return int(self.desk.settings.get().idle_lock_minutes) * MINUTE_MS

    def _build_menu(self) -> None:
        window = self.window
        menu = QMenu(QCoreApplication.translate("MainWindow", "系统(&S)"), window)
        help_menu = window.about_action.parent()  # 帮助 stays the last menu
        before = help_menu.menuAction() if isinstance(help_menu, QMenu) else None
        if before is not None:
            window.menuBar().insertMenu(before, menu)
        else:
            window.menuBar().addMenu(menu)
        self.audit_action = self._action(
            QCoreApplication.translate("MainWindow", "审计日志…"), self.open_audit
        )
        self.accounts_action = self._action(
            QCoreApplication.translate("MainWindow", "账户管理…"), self.open_accounts
        )
        self.backup_action = self._action(
            QCoreApplication.translate("MainWindow", "自动备份设置…"), self.open_backup_settings
        )
        self.lock_action = self._action(QCoreApplication.translate("MainWindow", "锁定"), self.lock)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.switch_action = self._action(
            QCoreApplication.translate("MainWindow", "切换用户…"), self.switch_user
        )
        self.sign_out_action = self._action(QCoreApplication.translate("MainWindow", "注销"), self.sign_out)
        for action in (self.audit_action, self.accounts_action, self.backup_action, None,
                       self.lock_action, self.switch_action, self.sign_out_action):  # fmt: skip
            menu.addSeparator() if action is None else menu.addAction(action)

    def _action(self, text: str, slot: object) -> QAction:
        action = QAction(text, self.window)
        action.triggered.connect(slot)
        return action

    # --- who is signed in ----------------------------------------------------------------------------
    def show_user(self) -> None:
        """The account in the status bar and the title; the intake form's 接待人 is the account's name."""
        user = self.desk.user
        text = (
            QCoreApplication.translate("MainWindow", "当前用户：%1（%2）")
            .replace("%1", user.display_name)
            .replace("%2", role_label(user.role))
            if user is not None
            else QCoreApplication.translate("MainWindow", "未登录")
        )
        self.user_label.setText(text)
        combo = self.window.intake_form.clerk_combo
        if user is not None:  # signed out: the form waits as it is for the next account
            combo.setEditText(signed_in_name(self.desk))
        combo.setEnabled(False)
        combo.setToolTip(
            QCoreApplication.translate("MainWindow", "接待人即当前登录的账户；换人请用“系统 → 切换用户”")
        )

    def start(self) -> None:
        """After the first sign-in: the daily backup, and the idle countdown."""
        self.backups.start()
        self.idle.restart()

    # --- locking and switching -----------------------------------------------------------------------
    def lock(self) -> None:
        if not self.lock_screen.locked:
            self.lock_screen.lock()
            self.idle.lock_to(self.lock_screen)

    def switch_user(self) -> None:
        self.lock()
        self.lock_screen.switch_user()

    def sign_out(self) -> None:
        """注销: the account signs out; the window waits, covered, for the next one (the form is kept)."""
        self.desk.sign_out()
        self.show_user()
        self.lock_screen.signed_out()
        self.idle.lock_to(self.lock_screen)

    def _after_sign_in(self, changed: bool) -> None:
        self.idle.lock_to(None)
        self.show_user()
        if changed:
            self.window.notifier.settings_changed.emit()  # views keyed to the clerk (我的待办, 督办) refresh

    # --- 系统 dialogs and reveals --------------------------------------------------------------------
    def open_audit(self) -> None:
        self._open("audit", AuditDialog(self.desk, self.window))

    def open_accounts(self) -> None:
        self._open("accounts", AccountsDialog(self.desk, self.window))

    def open_backup_settings(self) -> None:
        self._open("backup", BackupSettingsDialog(self.desk, self.window))

    def _open(self, key: str, dialog: AuditDialog | AccountsDialog | BackupSettingsDialog) -> None:
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(lambda: self.dialogs.pop(key, None))
        self.dialogs[key] = dialog
        dialog.open()

    def reveal(self, person_id: int, field: str) -> None:
        number = reveal_number(self.window, self.desk, person_id, field)
        if number is not None:
            self.window.history_panel.show_revealed(person_id, field, number)

    def export_own_record(self, person_id: int) -> None:
        written = export_own_record(self.window, self.desk, person_id)
        if written is not None:
            text = QCoreApplication.translate("MainWindow", "已导出本人记录到 %1").replace("%1", str(written))
            self.window.statusBar().showMessage(text, MESSAGE_MS)
