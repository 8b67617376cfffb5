"""A page of figures that reads again after a change, but only when it can be seen.

The hotspot, backlog and assessment pages each cost a few queries over many matters: a change elsewhere marks
them stale, and they read when (next) shown — at once if already visible. A lazy page starts stale.
"""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget


class StalePage(QWidget):
    _stale = False

    def refresh(self) -> None:  # each page reads its figures here and clears _stale
        raise NotImplementedError

    def _mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._stale:
            self.refresh()
