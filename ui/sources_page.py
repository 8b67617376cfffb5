"""源头治理 (追根溯源): the hotspot board and early warnings, the campaigns and backlog, and the departments'
record, as three pages of one tab; the chief's entity manager opens from here.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTabWidget, QVBoxLayout, QWidget

from app.desk import Desk
from ui.assessment_page import AssessmentPage
from ui.backlog_page import BacklogPage
from ui.entity_dialog import EntityDialog
from ui.hotspot_page import HotspotPage
from ui.notifier import Notifier

MERGE_PERMISSION = "sources_decide"  # as app/permissions.py files entities.merge


class SourcesPage(QWidget):
    matter_activated = Signal(str)
    message = Signal(str)

    def __init__(
        self, desk: Desk, notifier: Notifier, parent: QWidget | None = None, *, lazy: bool = False
    ) -> None:
        super().__init__(parent)
        self.desk, self.notifier = desk, notifier
        self.hotspots = HotspotPage(desk, notifier, self, lazy=lazy)
        self.backlog = BacklogPage(desk, notifier, self, lazy=lazy)
        self.assessment = AssessmentPage(desk, notifier, self, lazy=lazy)
        self.entity_dialog: EntityDialog | None = None
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.hotspots, self.tr("热点预警"))
        self.tabs.addTab(self.backlog, self.tr("专项与积案"))
        self.tabs.addTab(self.assessment, self.tr("部门考核"))
        self.entities_button = QPushButton(self.tr("被反映对象管理…"), self)
        self.entities_button.clicked.connect(self.open_entities)
        corner = QWidget(self)
        buttons = QHBoxLayout(corner)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.entities_button)
        self.tabs.setCornerWidget(corner)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.tabs)
        self.hotspots.matter_activated.connect(self.matter_activated)
        self.backlog.matter_activated.connect(self.matter_activated)
        self.hotspots.message.connect(self.message)
        self.assessment.message.connect(self.message)

    def open_entities(self) -> EntityDialog:
        dialog = EntityDialog(self.desk.sources.entities, self.desk.may(MERGE_PERMISSION), self)
        dialog.changed.connect(self.notifier.matters_changed)
        dialog.matters_requested.connect(self.hotspots.open_matters)
        dialog.finished.connect(dialog.deleteLater)
        self.entity_dialog = dialog
        dialog.open()
        return dialog
