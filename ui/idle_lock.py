"""The idle lock's watch: an application-wide event filter that notices the clerk's input.

Any key, click, wheel or typed-in Chinese restarts the countdown; when it runs out, `idle` fires and the
window locks. While locked, the filter also keeps input away from everything but the lock screen (keys,
clicks and menu shortcuts alike), so a covered window cannot be worked blind.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.InputMethod,
        QEvent.Type.TouchBegin,
    }
)
BLOCKED_WHILE_LOCKED = ACTIVITY | {QEvent.Type.Shortcut, QEvent.Type.ShortcutOverride}


class IdleWatch(QObject):
    idle = Signal()  # no input for the whole timeout

    def __init__(self, app: QApplication, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._expire)
        self._shield: QWidget | None = None  # set while locked: the only widget that takes input
        self.set_timeout_ms(timeout_ms)
        app.installEventFilter(self)

    def set_timeout_ms(self, timeout_ms: int) -> None:
        """A new timeout from the settings; zero or less switches the lock off."""
        self._timer.setInterval(max(timeout_ms, 0))
        self.restart()

    @property
    def timeout_ms(self) -> int:
        return self._timer.interval()

    @property
    def counting(self) -> bool:
        return self._timer.isActive()

    def restart(self) -> None:
        if self._shield is None and self._timer.interval() > 0:
            self._timer.start()
        else:
            self._timer.stop()

    def lock_to(self, shield: QWidget | None) -> None:
        """While `shield` is set only it (and what is inside it) gets input; None unlocks and counts again."""
        self._shield = shield
        self.restart()

    def remove(self) -> None:
        self._timer.stop()
        self._app.removeEventFilter(self)

    def _expire(self) -> None:
        if self._shield is None:
            self.idle.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if self._shield is not None:
            return kind in BLOCKED_WHILE_LOCKED and not self._inside_shield(watched, kind)
        if kind in ACTIVITY:
            self._timer.start()
        return False

    def _inside_shield(self, watched: QObject, kind: QEvent.Type) -> bool:
        if kind == QEvent.Type.Shortcut or not isinstance(watched, QWidget):
            return kind != QEvent.Type.Shortcut  # windows pass events on to widgets; shortcuts never pass
        shield = self._shield
        return shield is not None and (watched is shield or shield.isAncestorOf(watched))
