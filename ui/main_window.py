"""The main window: the intake tab (form + history), the matters tab, the supervision board (督办), today's
visits and the clerk's own list (我的待办) as docks.

It composes the pages and their menus; each page does its own work through the services it is handed. The
督办 count is always in sight (未办必督): in the board's tab title and as a coloured badge in the status bar.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QColor, QIcon, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.desk import Desk
from app.errors import DeskError
from app.language import LanguageSetting, language_file
from app.records import RegisteredVisit
from app.supervision_records import BoardSummary
from ui.app_messages import app_message
from ui.board_page import BoardPage
from ui.first_paint import FirstPaint
from ui.history_panel import HistoryPanel
from ui.intake_form import IntakeForm
from ui.integrity_watch import IntegrityWatch
from ui.my_tasks import MyTasksPanel
from ui.notifier import Notifier
from ui.session_controls import SessionControls
from ui.signed_in import signed_in_name
from ui.today_panel import TodayPanel

if TYPE_CHECKING:  # the other tabs and the dialogs are imported and built when first opened
    from ui.calendar_dialog import CalendarDialog
    from ui.import_wizard import ImportWizard
    from ui.leaders_dialog import LeadersDialog
    from ui.matters_page import MattersPage
    from ui.sources_page import SourcesPage
    from ui.tally_page import TallyPage

MESSAGE_MS = 8000
RED, AMBER, GREEN = "#C62828", "#FFB300", "#2E7D32"
BANNER_STYLE = "QFrame#holiday_banner { background: #FFF3CD; border: 1px solid #FFB300; }"


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
        self.today_panel = TodayPanel(desk, notifier)
        self.my_tasks = MyTasksPanel(desk, notifier, wait_ms=0)  # read in a worker, shown when it comes
        self._matters_page: MattersPage | None = None  # the hidden tabs: built when first shown (or asked
        self._tally_page: TallyPage | None = None  # for), and they read when first shown
        self._sources_page: SourcesPage | None = None
        self.calendar_dialog: CalendarDialog | None = None
        self.import_wizard: ImportWizard | None = None
        self.leaders_dialog: LeadersDialog | None = None
        self._build_status_bar()
        self.board_page = BoardPage(desk, notifier, wait_ms=0)
        self._build_tabs()
        self._build_dock()
        self._build_menus()
        self.session = SessionControls(self)  # the signed-in account, 系统 menu, idle lock, backups
        self.integrity_watch = IntegrityWatch(self, desk, self.intake_form)  # the check left to after paint
        FirstPaint(self).painted.connect(self.intake_form.sources.warm_up)
        self._connect()
        self._update_title()
        self.show_badge(self.board_page.summary)  # read in a worker: it arrives after the first paint
        self.resize(1500, 940)

    def _build_tabs(self) -> None:
        beside = QSplitter(Qt.Orientation.Vertical)  # who the visitor is, and what else looks the same
        beside.addWidget(self.history_panel)
        beside.addWidget(self.intake_form.similar_panel)
        beside.setChildrenCollapsible(False)
        beside.setSizes([480, 420])  # the visitor's history keeps its room; the matches below it
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.intake_form)
        splitter.addWidget(beside)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.intake_tab = splitter
        self.tabs.addTab(splitter, self.tr("来访登记"))
        self.matters_index = self.tabs.addTab(QWidget(), self.tr("信访事项"))  # placeholders until shown
        self.board_index = self.tabs.addTab(self.board_page, self.tr("督办"))
        self.tally_index = self.tabs.addTab(QWidget(), self.tr("统计"))
        self.sources_index = self.tabs.addTab(QWidget(), self.tr("源头治理"))
        self.tabs.currentChanged.connect(self._tab_shown)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.holiday_banner = self._holiday_banner(self.desk.holidays.warnings())
        column.addWidget(self.holiday_banner)
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

    def _tab_shown(self, index: int) -> None:
        pages = {self.matters_index: "matters_page", self.tally_index: "tally_page"}
        name = {**pages, self.sources_index: "sources_page"}.get(index)
        if name is not None:
            getattr(self, name)  # built now, in place of its placeholder

    def _place(self, index: int, page: QWidget) -> None:
        """Put a page built late in its tab, where the placeholder was."""
        placeholder, current = self.tabs.widget(index), self.tabs.currentIndex()
        self.tabs.blockSignals(True)
        try:
            text = self.tabs.tabText(index)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, page, text)
            self.tabs.setCurrentIndex(current)
        finally:
            self.tabs.blockSignals(False)
        if placeholder is not None:
            placeholder.deleteLater()

    @property
    def matters_page(self) -> MattersPage:
        if self._matters_page is None:
            from ui.matters_page import MattersPage

            self._matters_page = MattersPage(self.desk, self.notifier, lazy=True)
            self._place(self.matters_index, self._matters_page)
        return self._matters_page

    @property
    def tally_page(self) -> TallyPage:
        if self._tally_page is None:
            from ui.tally_page import TallyPage

            page = self._tally_page = TallyPage(self.desk, self.notifier, lazy=True)
            self._place(self.tally_index, self._wired(page))
        return self._tally_page

    @property
    def sources_page(self) -> SourcesPage:
        if self._sources_page is None:
            from ui.sources_page import SourcesPage

            page = self._sources_page = SourcesPage(self.desk, self.notifier, lazy=True)
            self._place(self.sources_index, self._wired(page))
        return self._sources_page

    def _wired(self, page: TallyPage | SourcesPage) -> QWidget:
        """A page built late, connected as the window's other pages are: its matters open here, its
        messages go to the status bar."""
        page.matter_activated.connect(self.show_matter)
        page.message.connect(lambda text: self.statusBar().showMessage(text, MESSAGE_MS))
        return page

    def _holiday_banner(self, warnings: list[str]) -> QFrame:
        """The holiday table's warnings, once at start, until the clerk dismisses them."""
        banner = QFrame(self)
        banner.setObjectName("holiday_banner")
        banner.setStyleSheet(BANNER_STYLE)
        self.holiday_label = QLabel("\n".join(app_message(w) for w in warnings), banner)
        self.holiday_label.setWordWrap(True)
        dismiss = QPushButton(self.tr("知道了"), banner)
        dismiss.clicked.connect(banner.hide)
        row = QHBoxLayout(banner)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.holiday_label, 1)
        row.addWidget(dismiss)
        banner.setVisible(bool(warnings))
        return banner

    def _build_dock(self) -> None:
        self.today_dock = QDockWidget(self.tr("今日来访"), self)
        self.today_dock.setObjectName("today_dock")
        self.today_dock.setWidget(self.today_panel)
        self.today_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.today_dock)
        self.mine_dock = QDockWidget(self.tr("我的待办"), self)
        self.mine_dock.setObjectName("mine_dock")
        self.mine_dock.setWidget(self.my_tasks)
        self.mine_dock.setFeatures(self.today_dock.features())
        self.splitDockWidget(self.today_dock, self.mine_dock, Qt.Orientation.Horizontal)
        self.resizeDocks([self.today_dock], [150], Qt.Orientation.Vertical)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        self.settings_action = QAction(self.tr("设置…"), self)
        self.settings_action.triggered.connect(self.open_settings)
        self.calendar_action = QAction(self.tr("节假日与期限规则…"), self)
        self.calendar_action.triggered.connect(self.open_calendar)
        self.leaders_action = QAction(self.tr("领导与接访日…"), self)
        self.leaders_action.triggered.connect(self.open_leaders)
        self.quit_action = QAction(self.tr("退出"), self)
        self.quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        self.quit_action.triggered.connect(self.close)
        self.import_action = QAction(self.tr("导入旧台账…"), self)
        self.import_action.triggered.connect(self.open_import)
        self.ledger_action = QAction(self.tr("导出台账…"), self)
        self.ledger_action.triggered.connect(self.export_ledger)
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.ledger_action)
        file_menu.addSeparator()
        file_menu.addAction(self.settings_action)
        file_menu.addAction(self.calendar_action)
        file_menu.addAction(self.leaders_action)
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
        view_menu.addAction(self.mine_dock.toggleViewAction())
        self.board_action = QAction(self.tr("督办台"), self)
        self.board_action.triggered.connect(lambda: self.tabs.setCurrentWidget(self.board_page))
        view_menu.addAction(self.board_action)
        self.about_action = self.menuBar().addMenu(self.tr("帮助(&H)")).addAction(self.tr("关于信访接待台…"))
        self.about_action.triggered.connect(self.open_about)

    def _build_status_bar(self) -> None:
        self.database_label = QLabel()
        self.database_label.setToolTip(self.desk.db.describe())
        self.badge = QPushButton(self)  # the 督办 count, always in sight; a click opens the board
        self.badge.setObjectName("supervision_badge")
        self.badge.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.badge.setCursor(Qt.CursorShape.PointingHandCursor)
        self.badge.clicked.connect(lambda: self.tabs.setCurrentWidget(self.board_page))
        self.badge.setVisible(False)  # until the figures come (read in a worker, after the first paint)
        self.statusBar().addPermanentWidget(self.badge)
        self.statusBar().addPermanentWidget(self.database_label)

    def _connect(self) -> None:
        self.notifier.settings_changed.connect(self._update_title)
        self.intake_form.message.connect(lambda text: self.statusBar().showMessage(text, MESSAGE_MS))
        self.intake_form.saved.connect(self._on_saved)
        self.intake_form.save_action.triggered.connect(lambda: self.tabs.setCurrentIndex(0))
        self.today_panel.matter_activated.connect(self.show_matter)
        self.intake_form.sources.matter_activated.connect(self.show_matter)
        self.my_tasks.matter_activated.connect(self.show_matter)
        self.board_page.matter_activated.connect(self.show_matter)
        self.board_page.summary_changed.connect(self.show_badge)
        self.board_page.message.connect(lambda text: self.statusBar().showMessage(text, MESSAGE_MS))

    def _update_title(self) -> None:
        agency = self.desk.settings.get().agency_name
        self.setWindowTitle(self.tr("信访接待台 — %1").replace("%1", agency))
        self.session.show_user()
        self._show_clerk(signed_in_name(self.desk))
        self.database_label.setText(self.tr("数据库：%1").replace("%1", self.desk.db.describe()))

    def _show_clerk(self, name: str) -> None:
        self.board_page.clerk = name.strip()
        self.my_tasks.set_clerk(name)

    def show_badge(self, summary: BoardSummary | None) -> None:
        """督办 (N) on the tab and the badge: red when anything is overdue, amber when only near due."""
        if summary is None:
            return
        self.badge.setVisible(True)
        count = str(summary.attention)
        self.tabs.setTabText(self.board_index, self.tr("督办 (%1)").replace("%1", count))
        color = RED if summary.overdue else AMBER if summary.near_due else GREEN
        text = self.tr("督办 %1 件：超期 %2，临期 %3").replace("%1", count)
        self.badge.setText(text.replace("%2", str(summary.overdue)).replace("%3", str(summary.near_due)))
        ink = "#000000" if color == AMBER else "#FFFFFF"
        self.badge.setStyleSheet(
            f"QPushButton {{ background: {color}; color: {ink}; font-weight: bold;"
            " border: none; border-radius: 3px; padding: 2px 10px; }"
        )
        self.badge_color = color
        self.tabs.tabBar().setTabTextColor(self.board_index, QColor(RED if summary.overdue else "#000000"))
        self.tabs.setTabIcon(self.board_index, _dot(color) if summary.attention else QIcon())

    def _on_saved(self, registered: RegisteredVisit) -> None:
        text = self.tr("已保存 %1，查询码 %2").replace("%1", registered.matter_no)
        self.statusBar().showMessage(text.replace("%2", registered.query_code), MESSAGE_MS)

    def show_matter(self, matter_no: str) -> None:
        """Open the matters tab on one matter (from today's visits, the board, a hotspot's list …)."""
        self.tabs.setCurrentWidget(self.matters_page)
        self.matters_page.search_box.setText(matter_no)
        self.matters_page.search_now()
        self.matters_page.detail.show_matter(matter_no)  # opened at once; the list selects it when read

    def open_about(self) -> None:
        from ui.about_box import about_box

        about_box(self, self.desk.db.describe()).exec()

    def open_settings(self) -> None:
        from ui.settings_dialog import SettingsDialog

        language = LanguageSetting(language_file(self.desk.data_dir))
        dialog = SettingsDialog(self.desk.settings, self, language=language, clerk=signed_in_name(self.desk))
        if dialog.exec():
            self.notifier.settings_changed.emit()
            if dialog.language_changed:
                self.statusBar().showMessage(self.tr("界面语言已更改，重新启动程序后生效"), MESSAGE_MS)
        dialog.deleteLater()

    def open_calendar(self) -> None:
        """The administrator's holiday and rule editors; each edit recomputes the open deadlines."""
        from ui.calendar_dialog import CalendarDialog

        dialog = CalendarDialog(self.desk, self.notifier, signed_in_name(self.desk), self)
        dialog.finished.connect(dialog.deleteLater)
        self.calendar_dialog = dialog
        dialog.open()

    def open_leaders(self) -> None:
        """The leaders and their reception days (领导接访日); the intake form offers the new days at once."""
        from ui.leaders_dialog import LeadersDialog

        dialog = LeadersDialog(self.desk.cases, self.desk.clock().date(), self)
        dialog.changed.connect(self.intake_form.refresh_reception_days)
        dialog.finished.connect(dialog.deleteLater)
        self.leaders_dialog = dialog
        dialog.open()

    def open_import(self) -> None:
        """The import wizard for an old ledger; rows that name no 登记人 get the signed-in clerk."""
        from ui.import_wizard import ImportWizard

        try:
            wizard = ImportWizard(self.desk, self.notifier, signed_in_name(self.desk), self)
        except DeskError as error:  # the service refuses a role without the import permission
            QMessageBox.warning(self, self.tr("导入旧台账"), app_message(error.message))
            return
        wizard.finished.connect(wizard.deleteLater)
        self.import_wizard = wizard
        wizard.open()

    def export_ledger(self) -> None:
        """The 台账 of the period on the 统计 tab (pick the week or the dates there)."""
        self.tabs.setCurrentWidget(self.tally_page)
        self.tally_page.export_ledger()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        event.accept()  # the draft is already on disk: closing never loses the half-typed form


def _dot(color: str) -> QIcon:
    """A filled circle for the board's tab: seen even when the tab's title is not read."""
    pixmap = QPixmap(12, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(color))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(1, 1, 10, 10)
    painter.end()
    return QIcon(pixmap)
