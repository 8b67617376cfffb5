"""问责建议函 from a matter's page (科长, administrator): the service drafts the PDF with the facts filled
in from the record; the chief reads it in the print preview and prints from there. The button shows for a
role with the permission (sources_decide); the service decides, refusing any matter whose handling gives no
ground, and the page shows its message.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QPushButton, QWidget

from app.desk import Desk
from app.errors import DeskError
from ui import printing
from ui.app_messages import app_message

LETTER_PERMISSION = "sources_decide"  # as app/permissions.py files letters.draft


class LetterAction(QObject):
    failed = Signal(str)
    drafted = Signal(str)  # a line for the page: what was drafted

    def __init__(self, desk: Desk, parent: QWidget) -> None:
        super().__init__(parent)
        self._desk, self._parent = desk, parent
        self.matter_no = ""
        self.last_pdf: Path | None = None
        self.button = QPushButton(self.tr("问责建议函…"), parent)
        self.button.setToolTip(self.tr("起草信访工作问责建议函（科长、管理员）"))
        self.button.clicked.connect(lambda: self.draft())

    def show_for(self, matter_no: str) -> None:
        """The button on a shown matter for a role that may draft letters; hidden for everyone else."""
        self.matter_no = matter_no
        self.button.setVisible(bool(matter_no) and self.permitted())

    def permitted(self) -> bool:
        return self._desk.may(LETTER_PERMISSION)

    def draft(self, preview: bool = True) -> Path | None:
        """Draft the letter of the matter shown and open it in the print preview; the PDF's path."""
        if not self.matter_no:
            return None
        try:
            pdf = self._desk.sources.letters.draft(self.matter_no)
        except DeskError as error:
            self.failed.emit(app_message(error.message))
            return None
        self.last_pdf = pdf
        self.drafted.emit(self.tr("已起草问责建议函：%1").replace("%1", pdf.name))
        if preview:
            try:
                printing.preview_pdf(pdf, self._parent, self._desk.settings.get().printer)
            except printing.PdfPrintError as error:
                self.failed.emit(app_message(str(error)))
        return pdf
