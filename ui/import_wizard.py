"""文件 → 导入旧台账…: an old ledger (.xlsx or .csv) brought in, all or nothing.

Four pages: the file (and its sheet) → the columns (ours against the file's headers, proposed by name, each
a combo the clerk can change; the required ones missing are listed and hold the wizard) → the check (a dry
run: accepted, rejected and skipped rows, the rejected ones with row numbers and reasons) → the import
(refused while any row is rejected). The dry run and the import run in the pool with a busy bar.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.desk import Desk
from app.errors import DeskError
from app.importing import (
    FIELDS,
    ColumnMapping,
    ImportReport,
    ImportService,
    Table,
    propose_mapping,
    read_table,
)
from app.importing.mapping import REQUIRED
from ui.app_messages import app_message
from ui.notifier import Notifier
from ui.vocabulary import clause_separator, vocab
from ui.workers import Requests

NO_COLUMN = -1
FILE_PAGE, MAPPING_PAGE, CHECK_PAGE, IMPORT_PAGE = range(4)


def _busy_bar(parent: QWidget) -> QProgressBar:
    bar = QProgressBar(parent)
    bar.setRange(0, 0)
    bar.setTextVisible(False)
    bar.hide()
    return bar


class ImportState:
    """What the pages share: the table read, the mapping chosen, the last report."""

    def __init__(self) -> None:
        self.path: Path | None = None
        self.table: Table | None = None
        self.mapping = ColumnMapping()
        self.check: ImportReport | None = None  # the dry run of this table and mapping
        self.result: ImportReport | None = None  # the import


class FilePage(QWizardPage):
    def __init__(self, state: ImportState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setTitle(self.tr("选择旧台账文件"))
        self.setSubTitle(self.tr("支持 .xlsx 和 .csv；表头所在行自动识别。"))
        self.path_edit = QLineEdit(self)
        self.path_edit.setReadOnly(True)
        self.browse = QPushButton(self.tr("浏览…"), self)
        self.sheet_combo = QComboBox(self)
        self.sheet_combo.setEnabled(False)
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse)
        form = QFormLayout(self)
        form.addRow(self.tr("文件："), row)
        form.addRow(self.tr("工作表："), self.sheet_combo)
        form.addRow(self.info)
        self.browse.clicked.connect(self._choose)
        self.sheet_combo.textActivated.connect(self._sheet_chosen)

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择旧台账"), "", self.tr("台账文件 (*.xlsx *.xlsm *.csv)")
        )
        if path:
            self.load(Path(path))

    def load(self, path: Path, sheet: str | None = None) -> bool:
        """Read the file (its first sheet, or the one named); False with the reason shown when it cannot."""
        self.state.path = path
        self.path_edit.setText(str(path))
        try:
            table = read_table(path, sheet)
        except DeskError as error:
            self.state.table = None
            self.info.setText(app_message(error.message))
            self.completeChanged.emit()
            return False
        self.state.table, self.state.check, self.state.result = table, None, None
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        self.sheet_combo.addItems(list(table.sheets))
        self.sheet_combo.setCurrentText(table.sheet)
        self.sheet_combo.setEnabled(len(table.sheets) > 1)
        self.sheet_combo.blockSignals(False)
        text = self.tr("表头在第 %1 行，共 %2 列、%3 行数据")
        self.info.setText(
            text.replace("%1", str(table.header_row))
            .replace("%2", str(len(table.headers)))
            .replace("%3", str(len(table.rows)))
        )
        self.completeChanged.emit()
        return True

    def _sheet_chosen(self, sheet: str) -> None:
        if self.state.path is not None:
            self.load(self.state.path, sheet)

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        return self.state.table is not None


class MappingPage(QWizardPage):
    def __init__(self, state: ImportState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setTitle(self.tr("对应各列"))
        self.setSubTitle(self.tr("左边是本系统的字段，右边选文件中的列；已按表头名称自动对应，可以改。"))
        self.combos: dict[str, QComboBox] = {}
        holder = QWidget(self)
        form = QFormLayout(holder)
        for key, (label, _variants) in FIELDS.items():
            combo = QComboBox(holder)
            combo.currentIndexChanged.connect(lambda _i, k=key: self._changed(k))
            self.combos[key] = combo
            form.addRow(vocab(label) + (" *" if key in REQUIRED else ""), combo)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        self.problems = QLabel(self)
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #C62828;")
        column = QVBoxLayout(self)
        column.addWidget(scroll, 1)
        column.addWidget(self.problems)
        self._filling = False

    def initializePage(self) -> None:  # noqa: N802 (Qt's name)
        table = self.state.table
        assert table is not None
        self.state.mapping = propose_mapping(table.headers)
        self._filling = True
        for key, combo in self.combos.items():
            combo.clear()
            combo.addItem(self.tr("（无此列）"), NO_COLUMN)
            for index, header in enumerate(table.headers):
                combo.addItem(self.tr("%1：%2").replace("%1", _letter(index)).replace("%2", header), index)
            found = self.state.mapping.column(key)
            combo.setCurrentIndex(0 if found is None else found + 1)
        self._filling = False
        self._show_problems()

    def set_column(self, key: str, index: int | None) -> None:
        """Take ``key`` from column ``index`` (None: from no column), as choosing in its combo does."""
        self.combos[key].setCurrentIndex(0 if index is None else index + 1)

    def _changed(self, key: str) -> None:
        if self._filling:
            return
        index = self.combos[key].currentData()
        column = None if index in (None, NO_COLUMN) else int(index)
        self.state.mapping = self.state.mapping.with_column(key, column)
        self.state.check = None
        self._show_problems()

    def _show_problems(self) -> None:
        problems = self.state.mapping.problems()
        self.problems.setText("\n".join(problems))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        return self.state.table is not None and not self.state.mapping.problems()


class CheckPage(QWizardPage):
    checked = Signal(object)  # the dry run's ImportReport

    def __init__(self, state: ImportState, service: ImportService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state, self.service = state, service
        self.setTitle(self.tr("试导入检查"))
        self.setSubTitle(self.tr("逐行按登记表的规则检查，不写入任何数据。"))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.busy = _busy_bar(self)
        self.rejected = QTableWidget(0, 2, self)
        self.rejected.setHorizontalHeaderLabels([self.tr("行号"), self.tr("拒绝原因")])
        self.rejected.horizontalHeader().setStretchLastSection(True)
        self.rejected.verticalHeader().setVisible(False)
        self.rejected.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rejected.setWordWrap(True)
        self.advice = QLabel(self)
        self.advice.setWordWrap(True)
        column = QVBoxLayout(self)
        column.addWidget(self.summary)
        column.addWidget(self.busy)
        column.addWidget(self.rejected, 1)
        column.addWidget(self.advice)
        self._requests = Requests(self)
        self._requests.finished.connect(self._show)
        self._requests.failed.connect(self._failed)
        self._requests.busy_changed.connect(self.busy.setVisible)

    def initializePage(self) -> None:  # noqa: N802 (Qt's name)
        table, mapping, service = self.state.table, self.state.mapping, self.service
        assert table is not None
        self.state.check = None
        self.summary.setText(self.tr("正在检查……"))
        self.rejected.setRowCount(0)
        self.advice.clear()
        self.completeChanged.emit()
        self._requests.run(lambda: service.dry_run(table, mapping))

    def cleanupPage(self) -> None:  # noqa: N802 (Qt's name)
        self._requests.cancel()

    def _show(self, report: ImportReport) -> None:
        self.state.check = report
        text = self.tr("共 %1 行：可导入 %2 行，拒绝 %3 行，跳过 %4 行（已导入过或重复）")
        self.summary.setText(
            text.replace("%1", str(report.total))
            .replace("%2", str(len(report.accepted)))
            .replace("%3", str(len(report.rejected)))
            .replace("%4", str(len(report.skipped)))
        )
        rows = [(r.row, clause_separator().join(r.reasons)) for r in report.rejected]
        rows += [(s.row, s.reason) for s in report.skipped]
        self.rejected.setRowCount(len(rows))
        for i, (number, reason) in enumerate(rows):
            self.rejected.setItem(i, 0, QTableWidgetItem(str(number)))
            self.rejected.setItem(i, 1, QTableWidgetItem(reason))
        self.rejected.resizeRowsToContents()
        if report.rejected:
            self.advice.setText(
                self.tr(
                    "有被拒绝的行，不能导入（全部导入或全部不导入）。请在原文件中改正后返回第一步重新选择。"
                )
            )
        elif not report.accepted:
            self.advice.setText(self.tr("没有需要导入的行。"))
        else:
            self.advice.setText(self.tr("全部可以导入：点“下一步”。"))
        self.completeChanged.emit()
        self.checked.emit(report)

    def _failed(self, message: str) -> None:
        self.summary.setText(message)

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        report = self.state.check
        return report is not None and not report.rejected and bool(report.accepted)


class ImportPage(QWizardPage):
    imported = Signal(object)  # the ImportReport of the import

    def __init__(self, state: ImportState, service: ImportService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state, self.service = state, service
        self.setTitle(self.tr("导入"))
        self.setSubTitle(self.tr("全部导入或全部不导入；导入的来访参与重访判断和统计。"))
        self.import_button = QPushButton(self.tr("全部导入"), self)
        self.busy = _busy_bar(self)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        column = QVBoxLayout(self)
        column.addWidget(self.import_button)
        column.addWidget(self.busy)
        column.addWidget(self.result, 1)
        self.import_button.clicked.connect(self.start)
        self._requests = Requests(self)
        self._requests.finished.connect(self._done)
        self._requests.failed.connect(self._failed)
        self._requests.busy_changed.connect(self._set_busy)
        self.setFinalPage(True)

    def initializePage(self) -> None:  # noqa: N802 (Qt's name)
        self.state.result = None
        self.result.clear()
        self.import_button.setEnabled(self.can_import())

    def can_import(self) -> bool:
        check = self.state.check
        return check is not None and not check.rejected and bool(check.accepted) and self.state.result is None

    def start(self) -> None:
        if not self.can_import():
            return
        table, mapping, service = self.state.table, self.state.mapping, self.service
        assert table is not None
        self._requests.run(lambda: service.run(table, mapping))

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.import_button.setEnabled(not busy and self.can_import())
        if busy:
            self.result.setText(self.tr("正在导入……"))

    def _done(self, report: ImportReport) -> None:
        self.state.result = report
        self.import_button.setEnabled(False)
        self.result.setText("\n".join(report.lines()))
        self.completeChanged.emit()
        self.imported.emit(report)

    def _failed(self, message: str) -> None:
        self.result.setText(message)

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        return self.state.result is not None


class ImportWizard(QWizard):
    imported = Signal(object)  # ImportReport, once visits were written

    def __init__(
        self, desk: Desk, notifier: Notifier, clerk: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入旧台账"))
        self.notifier = notifier
        self.state = ImportState()
        self.service = desk.importer(clerk)  # refused here (a clerk may not import): the caller says why
        self.file_page = FilePage(self.state, self)
        self.mapping_page = MappingPage(self.state, self)
        self.check_page = CheckPage(self.state, self.service, self)
        self.import_page = ImportPage(self.state, self.service, self)
        for page in (self.file_page, self.mapping_page, self.check_page, self.import_page):
            self.addPage(page)
        self.import_page.imported.connect(self._imported)
        self.resize(760, 600)

    @property
    def mapping(self) -> ColumnMapping:
        return self.state.mapping

    @property
    def check(self) -> ImportReport | None:
        return self.state.check

    @property
    def import_report(self) -> ImportReport | None:
        return self.state.result

    def _imported(self, report: ImportReport) -> None:
        if report.committed:
            self.notifier.visits_changed.emit()
            self.notifier.matters_changed.emit()
        self.imported.emit(report)


def _letter(index: int) -> str:
    """The spreadsheet's column letter: 0 → A, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters
