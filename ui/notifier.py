"""Announces what changed after a service call; each view decides whether it cares."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Notifier(QObject):
    matters_changed = Signal()  # a matter was registered or changed
    visits_changed = Signal()  # a visit was registered
    settings_changed = Signal()  # the agency settings were saved
