"""打印文书: the notices the matter's state allows now, each with 预览 and 打印.

Whether a kind is allowed is the notice service's answer (``prepare`` succeeds or says why not); the menu
is built when it opens, so it always matches the matter as it is. Printing records first, then prints the
file the service returns (the number may have been re-rendered if another window took it meanwhile).
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMenu, QWidget

from app.errors import DeskError
from ui import printing
from ui.app_messages import app_message
from ui.vocabulary import list_separator, vocab

if TYPE_CHECKING:  # the notices' module imports ReportLab: not at the window's start
    from app.notices import NoticeService, PreparedNotice


class NoticePrinter(QObject):
    printed = Signal(str)  # a message for the clerk: what was printed, with its number
    failed = Signal(str)  # why it could not be printed

    def __init__(self, notices: NoticeService, parent_widget: QWidget, printer_name: str = "") -> None:
        super().__init__(parent_widget)
        self._notices = notices
        self._parent = parent_widget
        self.printer_name = printer_name
        self.matter_no = ""
        self.clerk = ""
        self.menu = QMenu(parent_widget)
        self.menu.setToolTipsVisible(True)
        self.menu.aboutToShow.connect(self.fill_menu)

    def available(self) -> dict[str, str]:
        """Each kind, with "" when it may be printed now or the reason it may not."""
        from app.notices import KINDS

        reasons: dict[str, str] = {}
        for kind in KINDS:
            try:
                self._notices.discard(self._notices.prepare(self.matter_no, kind))
                reasons[kind] = ""
            except DeskError as error:
                reasons[kind] = app_message(error.message)
        return reasons

    def fill_menu(self) -> None:
        self.menu.clear()
        if not self.matter_no:
            return
        for kind, reason in self.available().items():
            if reason:
                item = self.menu.addAction(self.tr("%1（不可出具）").replace("%1", kind))
                item.setEnabled(False)
                item.setToolTip(reason)
                continue
            sub = self.menu.addMenu(kind)
            sub.addAction(self.tr("预览…"), partial(self.print_notice, kind, True))
            sub.addAction(self.tr("打印…"), partial(self.print_notice, kind, False))

    def print_notice(self, kind: str, preview: bool = False) -> bool:
        """Preview or print one notice; True when it was printed (and so recorded)."""
        try:
            prepared = self._notices.prepare(self.matter_no, kind)
        except DeskError as error:
            self.failed.emit(app_message(error.message))
            return False
        try:
            done = self._preview(prepared) if preview else self._print(prepared)
        except (DeskError, printing.PdfPrintError) as error:
            self._notices.discard(prepared)
            self.failed.emit(app_message(getattr(error, "message", str(error))))
            return False
        return done

    def _print(self, prepared: PreparedNotice) -> bool:
        record = self._notices.record_print(prepared, clerk=self.clerk or None)
        numbers = list_separator().join(record.doc_nos)
        if printing.print_pdf(record.path, self._parent, self.printer_name):
            self.printed.emit(
                self.tr("已打印%1 %2").replace("%1", vocab(prepared.kind)).replace("%2", numbers)
            )
            return True
        unprinted = self.tr("%1 %2 已编号存档，未打印，可稍后补打")
        self.printed.emit(unprinted.replace("%1", vocab(prepared.kind)).replace("%2", numbers))
        return True

    def _preview(self, prepared: PreparedNotice) -> bool:
        """The preview shows the number it expects; printing from it records the print."""
        if not printing.preview_pdf(prepared.pdf, self._parent, self.printer_name):
            self._notices.discard(prepared)
            return False
        record = self._notices.record_print(prepared, clerk=self.clerk or None)
        numbers = list_separator().join(record.doc_nos)
        if record.doc_nos != prepared.doc_nos:  # another window took the number: print the right one
            self.failed.emit(self.tr("文书编号已变为 %1，请使用重新打印的一份").replace("%1", numbers))
            printing.print_pdf(record.path, self._parent, self.printer_name)
        self.printed.emit(self.tr("已打印%1 %2").replace("%1", vocab(prepared.kind)).replace("%2", numbers))
        return True
