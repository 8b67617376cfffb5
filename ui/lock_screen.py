"""The lock screen: an opaque cover over the main window (and a plain one over any open dialog).

Locked after idling, it asks the same user's password (desk.unlock); 切换用户 lets another clerk sign in
instead. After 注销 nobody is signed in and it asks for any account. Nothing under the cover is closed or
cleared, so a half-typed visit is still there when the next clerk signs in.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.desk import Desk
from app.errors import DeskError
from ui.app_messages import app_message

COVER_STYLE = "QWidget#lock_cover, QWidget#curtain { background: #34495E; }"
PANEL_STYLE = "QFrame#lock_panel { background: #FFFFFF; border-radius: 6px; }"
ERROR_STYLE = "color: #C62828;"


class LockScreen(QWidget):
    signed_in = Signal(bool)  # True when a different user signed in than the one locked out

    def __init__(self, desk: Desk, window: QWidget) -> None:
        super().__init__(window)
        self._desk, self._window = desk, window
        self._locked_user = ""
        self._curtains: list[QWidget] = []
        self.setObjectName("lock_cover")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(COVER_STYLE + PANEL_STYLE)
        self._build()
        window.installEventFilter(self)
        self.hide()

    def _build(self) -> None:
        panel = QFrame(self)
        panel.setObjectName("lock_panel")
        panel.setFixedWidth(380)
        self.app_label = QLabel(self.tr("信访接待台"), panel)
        self.app_label.setStyleSheet("color: #5A6B7B;")
        self.title_label = QLabel(panel)
        self.title_label.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.note_label = QLabel(panel)
        self.note_label.setWordWrap(True)
        self.username_edit = QLineEdit(panel)
        self.password_edit = QLineEdit(panel)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.returnPressed.connect(self.submit)
        self.username_edit.returnPressed.connect(self.password_edit.setFocus)
        self.error_label = QLabel(panel)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.unlock_button = QPushButton(self.tr("解锁"), panel)
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.submit)
        self.switch_button = QPushButton(self.tr("切换用户"), panel)
        self.switch_button.clicked.connect(self.switch_user)
        self.quit_button = QPushButton(self.tr("退出程序"), panel)
        self.quit_button.clicked.connect(self._window.close)
        form = QFormLayout()
        form.addRow(self.tr("用户名"), self.username_edit)
        form.addRow(self.tr("密码"), self.password_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.quit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.switch_button)
        buttons.addWidget(self.unlock_button)
        column = QVBoxLayout(panel)
        for widget in (self.app_label, self.title_label, self.note_label):
            column.addWidget(widget)
        column.addLayout(form)
        column.addWidget(self.error_label)
        column.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.addWidget(panel, 0, Qt.AlignmentFlag.AlignCenter)

    # --- showing -------------------------------------------------------------------------------------
    @property
    def locked(self) -> bool:
        return self.isVisibleTo(self._window)

    @property
    def error(self) -> str:
        return self.error_label.text()

    def lock(self) -> None:
        """Cover the window for the signed-in user (idle, or 锁定 by hand); their password unlocks it."""
        user = self._desk.user
        self._locked_user = user.username if user is not None else ""
        name = user.display_name if user is not None else ""
        self.title_label.setText(self.tr("已锁定"))
        self.note_label.setText(self.tr("%1 已离开。输入密码解锁，或切换用户。").replace("%1", name))
        self._show(self._locked_user)

    def signed_out(self) -> None:
        """After 注销: nobody is signed in; any account may sign in."""
        self._locked_user = ""
        self.title_label.setText(self.tr("请登录"))
        self.note_label.setText(self.tr("已注销。未保存的登记内容会保留给下一位登录的接待员。"))
        self._show("")

    def _show(self, username: str) -> None:
        self.username_edit.setText(username)
        self.username_edit.setReadOnly(bool(username))
        self.switch_button.setVisible(bool(username))
        self.unlock_button.setText(self.tr("解锁") if username else self.tr("登录"))
        self.password_edit.clear()
        self.error_label.clear()
        self._cover_dialogs()
        self.setGeometry(self._window.rect())
        self.show()
        self.raise_()
        (self.password_edit if username else self.username_edit).setFocus()

    def switch_user(self) -> None:
        """Another clerk signs in on the locked window; the first one's form stays as it is."""
        self.username_edit.setReadOnly(False)
        self.username_edit.clear()
        self.password_edit.clear()
        self.unlock_button.setText(self.tr("登录"))
        self.username_edit.setFocus()

    # --- behaviour -----------------------------------------------------------------------------------
    def submit(self) -> None:
        username, password = self.username_edit.text().strip(), self.password_edit.text()
        try:
            if self._locked_user and username == self._locked_user:
                self._desk.unlock(password)
            else:
                self._desk.sign_in(username, password)
        except DeskError as error:
            self.error_label.setText(app_message(error.message))
            self.password_edit.clear()
            self.password_edit.setFocus()
            return
        changed = username != self._locked_user
        self._uncover()
        self.signed_in.emit(changed)

    def _cover_dialogs(self) -> None:
        """Open dialogs stay open (their input is kept) but show nothing while locked."""
        for widget in QApplication.topLevelWidgets():
            if (
                widget is self._window
                or not widget.isVisible()
                or widget.windowType() == Qt.WindowType.ToolTip
            ):
                continue
            curtain = QWidget(widget)
            curtain.setObjectName("curtain")
            curtain.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
            curtain.setStyleSheet(COVER_STYLE)
            curtain.setGeometry(widget.rect())
            curtain.show()
            curtain.raise_()
            self._curtains.append(curtain)

    def _uncover(self) -> None:
        for curtain in self._curtains:
            curtain.deleteLater()
        self._curtains.clear()
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self._window and event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(self._window.rect())
        return False
