"""Printing the PDFs ReportLab makes, on a real printer, in the preview, or (for tests) to a PDF file.

Each PDF page is rendered by QtPdf to an image and painted fitted to the paper. The paper is taken from the
PDF page itself, so the 80 mm thermal slip prints at 80 mm and is never blown up to A4.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSize, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

from app.desk import Desk

# Rendering at a printer's full 1200 dpi would need ~560 MB per A4 page; 300 dpi keeps text crisp on
# a laser or thermal printer at ~35 MB.
MAX_RENDER_DPI = 300
POINTS_PER_INCH = 72.0


class PdfPrintError(Exception):
    """The PDF could not be opened for printing (a missing or damaged file)."""


def open_pdf(pdf: Path) -> QPdfDocument:
    document = QPdfDocument()
    if document.load(str(pdf)) != QPdfDocument.Error.None_:
        raise PdfPrintError(
            QCoreApplication.translate("Printing", "无法打开要打印的文件：%1").replace("%1", str(pdf))
        )
    return document


def use_pdf_page_size(printer: QPrinter, points: QSizeF) -> None:
    """Paper exactly as large as the PDF page, with no margins: the PDF carries its own."""
    size = QPageSize(points, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    orientation = QPageLayout.Orientation.Portrait
    if points.width() > points.height():
        orientation = QPageLayout.Orientation.Landscape
        size = QPageSize(points.transposed(), QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    printer.setFullPage(True)
    printer.setPageLayout(QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0)))


def render_pages(pdf: Path, printer: QPrinter, painter: QPainter) -> int:
    """Paint every page of `pdf` with `painter` (already begun on `printer`); the number of pages painted.

    The caller sets the first page's size before beginning the painter; later pages set their own.
    """
    document = open_pdf(pdf)
    try:
        for index in range(document.pageCount()):
            if index:
                use_pdf_page_size(printer, document.pagePointSize(index))
                printer.newPage()
            _paint_page(document, index, printer, painter)
        return document.pageCount()
    finally:
        document.close()


def _paint_page(document: QPdfDocument, index: int, printer: QPrinter, painter: QPainter) -> None:
    points = document.pagePointSize(index)
    dpi = min(printer.resolution(), MAX_RENDER_DPI)
    scale = dpi / POINTS_PER_INCH
    pixels = QSize(round(points.width() * scale), round(points.height() * scale))
    image = document.render(index, pixels)
    painter.drawImage(_fitted(image, printer), image)


def _fitted(image: QImage, printer: QPrinter) -> QRectF:
    """The largest rectangle of the image's shape on the page, centred across and set at the top."""
    width, height = float(printer.width()), float(printer.height())
    scale = min(width / image.width(), height / image.height())
    fitted = QSizeF(image.width() * scale, image.height() * scale)
    return QRectF((width - fitted.width()) / 2, 0.0, fitted.width(), fitted.height())


def paint_pdf(pdf: Path, printer: QPrinter) -> int:
    """Begin a painter on `printer`, paint every page and end it; the number of pages painted."""
    painter = QPainter()
    if not painter.begin(printer):
        raise PdfPrintError(QCoreApplication.translate("Printing", "打印机无法开始打印，请检查打印机"))
    try:
        return render_pages(pdf, printer, painter)
    finally:
        painter.end()


def first_page_points(pdf: Path) -> QSizeF | None:
    document = open_pdf(pdf)
    try:
        return document.pagePointSize(0) if document.pageCount() else None
    finally:
        document.close()


def printer_for(pdf: Path, printer_name: str = "") -> QPrinter:
    """A printer set to the named one when it is installed, with paper the size of the PDF's first page."""
    info = QPrinterInfo.printerInfo(printer_name) if printer_name else QPrinterInfo()
    if info.isNull():
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    else:
        printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    points = first_page_points(pdf)
    if points is not None:
        use_pdf_page_size(printer, points)
    return printer


def print_pdf(pdf: Path, parent: QWidget | None, printer_name: str = "") -> bool:
    """Ask with the system print dialog, then print; False when the clerk cancelled."""
    printer = printer_for(pdf, printer_name)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    points = first_page_points(pdf)  # the dialog may have changed the paper: the PDF's own size wins
    if points is not None:
        use_pdf_page_size(printer, points)
    return paint_pdf(pdf, printer) > 0


class PdfPreviewDialog(QPrintPreviewDialog):
    """The system print preview of one PDF; it keeps its printer alive and paints the PDF's pages."""

    def __init__(self, pdf: Path, parent: QWidget | None = None, printer_name: str = "") -> None:
        self.pdf = pdf
        self.pdf_printer = printer_for(pdf, printer_name)  # the dialog does not own its printer
        super().__init__(self.pdf_printer, parent)
        self.paintRequested.connect(self.paint)

    def paint(self, printer: QPrinter) -> int:
        return paint_pdf(self.pdf, printer)


def preview_pdf(pdf: Path, parent: QWidget | None, printer_name: str = "") -> bool:
    """Show the print preview; True when the clerk printed from it."""
    dialog = PdfPreviewDialog(pdf, parent, printer_name)
    printed = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    return printed


def print_slip(
    desk: Desk, matter_no: str, parent: QWidget | None, preview: bool = False, clerk: str = ""
) -> bool:
    """Render a matter's slip, print it (through the preview if asked), and record it only if it printed.

    A preview closed without printing is not a print, so the next real print is not marked 补打.
    """
    slip = desk.slips.prepare_slip(matter_no)
    action = preview_pdf if preview else print_pdf
    try:
        printed = action(slip.pdf, parent, desk.settings.get().printer)
    except BaseException:
        desk.slips.discard(slip)
        raise
    if printed:
        desk.slips.record_print(slip, clerk=clerk or None)
    else:
        desk.slips.discard(slip)
    return printed


def print_pdf_to_file(pdf: Path, out: Path) -> int:
    """Print through the same rendering path into a PDF file (no printer needed); pages printed."""
    printer = printer_for(pdf)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    return paint_pdf(pdf, printer)
