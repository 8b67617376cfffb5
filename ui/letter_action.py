"""问责建议函 from a matter's page (for a chief): the service drafts the PDF with the facts filled in from the
record; the chief reads it in the print preview and prints from there. Only a chief sees the button; the
service refuses anyone else and any matter whose handling gives no ground, and says why.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QPushButton, QWidget

from app.desk import Desk
from app.errors import DeskError
from ui import printing


class LetterAction(QObject):
    failed = Signal(str)
    drafted = Signal(str)  # a line for the page: what was drafted

    def __init__(self, desk: Desk, parent: QWidget) -> None:
        super().__init__(parent)
        self._desk, self._parent = desk, parent
        self.matter_no = ""
        self.last_pdf: Path | None = None
        self.button = QPushButton(self.tr("问责建议函…"), parent)
        self.button.setToolTip(self.tr("起草信访工作问责建议函（科长）"))
        self.button.clicked.connect(lambda: self.draft())

    def show_for(self, matter_no: str) -> None:
        """The button for a chief on a shown matter; hidden for everyone else."""
        self.matter_no = matter_no
        self.button.setVisible(bool(matter_no) and self.is_chief())

    def is_chief(self) -> bool:
        return self._desk.sources.is_chief(self._clerk())

    def _clerk(self) -> str:
        return self._desk.settings.get().clerk_name

    def draft(self, preview: bool = True) -> Path | None:
        """Draft the letter of the matter shown and open it in the print preview; the PDF's path."""
        if not self.matter_no:
            return None
        try:
            pdf = self._desk.sources.letters.draft(self.matter_no, chief=self._clerk())
        except DeskError as error:
            self.failed.emit(error.message)
            return None
        self.last_pdf = pdf
        self.drafted.emit(self.tr("已起草问责建议函：%1").replace("%1", pdf.name))
        if preview:
            try:
                printing.preview_pdf(pdf, self._parent, self._desk.settings.get().printer)
            except printing.PdfPrintError as error:
                self.failed.emit(str(error))
        return pdf
