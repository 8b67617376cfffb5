"""The main window: the intake tab (form + history), the matters tab, today's visits as a dock.

It composes the pages and their menus; each page does its own work through the services it is handed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QSplitter, QTabWidget, QWidget

from app.desk import Desk
from app.records import RegisteredVisit
from ui.history_panel import HistoryPanel
from ui.intake_form import IntakeForm
from ui.matters_page import MattersPage
from ui.notifier import Notifier
from ui.settings_dialog import SettingsDialog
from ui.today_panel import TodayPanel

MESSAGE_MS = 8000


class MainWindow(QMainWindow):
    def __init__(
        self,
        desk: Desk,
        notifier: Notifier,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk, self.notifier = desk, notifier
        self.history_panel = HistoryPanel()
        self.intake_form = IntakeForm(desk, notifier, history=self.history_panel)
        self.matters_page = MattersPage(desk, notifier)
        self.today_panel = TodayPanel(desk, notifier)
        self._build_tabs()
        self._build_dock()
        self._build_menus()
        self._build_status_bar()
        self._connect()
        self._update_title()
        self.resize(1500, 940)

    def _build_tabs(self) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.intake_form)
        splitter.addWidget(self.history_panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.intake_tab = splitter
        self.tabs.addTab(splitter, self.tr("来访登记"))
        self.tabs.addTab(self.matters_page, self.tr("信访事项"))
        self.setCentralWidget(self.tabs)

    def _build_dock(self) -> None:
        self.today_dock = QDockWidget(self.tr("今日来访"), self)
        self.today_dock.setObjectName("today_dock")
        self.today_dock.setWidget(self.today_panel)
        self.today_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.today_dock)
        self.resizeDocks([self.today_dock], [150], Qt.Orientation.Vertical)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        self.settings_action = QAction(self.tr("设置…"), self)
        self.settings_action.triggered.connect(self.open_settings)
        self.quit_action = QAction(self.tr("退出"), self)
        self.quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        intake_menu = self.menuBar().addMenu(self.tr("登记(&R)"))
        form = self.intake_form
        self.save_action, self.print_action = form.save_action, form.print_action
        self.preview_action, self.new_action = form.preview_action, form.new_action
        for action in (self.new_action, self.save_action, None, self.print_action, self.preview_action):
            if action is None:
                intake_menu.addSeparator()
            else:
                intake_menu.addAction(action)
        view_menu = self.menuBar().addMenu(self.tr("查看(&V)"))
        view_menu.addAction(self.today_dock.toggleViewAction())

    def _build_status_bar(self) -> None:
        self.clerk_label = QLabel()
        self.database_label = QLabel()
        self.database_label.setToolTip(self.desk.db.describe())
        self.statusBar().addPermanentWidget(self.clerk_label)
        self.statusBar().addPermanentWidget(self.database_label)

    def _connect(self) -> None:
        self.notifier.settings_changed.connect(self._update_title)
        self.intake_form.message.connect(lambda text: self.statusBar().showMessage(text, MESSAGE_MS))
        self.intake_form.saved.connect(self._on_saved)
        self.intake_form.save_action.triggered.connect(lambda: self.tabs.setCurrentIndex(0))
        self.intake_form.clerk_combo.currentTextChanged.connect(self._show_clerk)
        self.today_panel.matter_activated.connect(self.show_matter)

    def _update_title(self) -> None:
        agency = self.desk.settings.get().agency_name
        self.setWindowTitle(self.tr("信访接待台 — %1").replace("%1", agency))
        self._show_clerk(self.intake_form.clerk_combo.currentText())
        self.database_label.setText(self.tr("数据库：%1").replace("%1", self.desk.db.describe()))

    def _show_clerk(self, name: str) -> None:
        self.clerk_label.setText(self.tr("接待人：%1").replace("%1", name or self.tr("（未设置）")))

    def _on_saved(self, registered: RegisteredVisit) -> None:
        text = self.tr("已保存 %1，查询码 %2").replace("%1", registered.matter_no)
        self.statusBar().showMessage(text.replace("%2", registered.query_code), MESSAGE_MS)

    def show_matter(self, matter_no: str) -> None:
        """Open the matters tab on one matter (from today's visits)."""
        self.tabs.setCurrentWidget(self.matters_page)
        self.matters_page.search_box.setText(matter_no)
        self.matters_page.search_now()

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.desk.settings, self)
        if dialog.exec():
            self.notifier.settings_changed.emit()
        dialog.deleteLater()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        event.accept()  # the draft is already on disk: closing never loses the half-typed form
