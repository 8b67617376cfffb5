"""Printing ReportLab's PDFs through QtPdf: every page, at the PDF's own paper size, with no printer."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re  # noqa: E402
import subprocess  # noqa: E402
from datetime import datetime  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtPrintSupport import QPrinter  # noqa: E402
from PySide6.QtWidgets import QDialog  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from app.desk import Desk  # noqa: E402
from app.records import MaterialInput, PersonInput, VisitInput  # noqa: E402
from ui import printing  # noqa: E402
from ui.printing import PdfPreviewDialog, print_pdf, print_pdf_to_file  # noqa: E402

VISITED = datetime(2026, 11, 26, 9, 0)


def page_sizes(pdf: Path) -> list[tuple[int, int]]:
    """Each page's size in whole points, as pdfinfo reads it."""
    out = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True, text=True, check=True
    )
    found = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", out.stdout)
    return [(round(float(w)), round(float(h))) for w, h in found]


def group_visit(persons: int) -> VisitInput:
    """A group visit big enough to flow the A4 slip onto more than one page."""
    return VisitInput(
        visited_at=VISITED,
        channel="来访",
        headcount=persons,
        persons=[
            PersonInput(
                "王秀英" if i == 0 else "李" + "一二三四五六七八九十"[i % 10] + "华",
                phone=f"1390000{i:04d}",
                representative=i < 5,
            )
            for i in range(persons)
        ],
        township="城关镇",
        category="城乡建设",
        summary="征地补偿款未足额发放",
        appeal="要求按照公示的标准足额发放征地补偿款。" * 5,
        clerk="李娜",
        materials=[MaterialInput(f"材料{i + 1}号", 2) for i in range(40)],
    )


@pytest.fixture
def slip_pdf(desk: Desk):
    def write(layout: str, persons: int = 1) -> Path:
        registered = desk.intake.register_visit(group_visit(persons))
        return desk.slips.write_slip(registered.matter_no, layout=layout).path

    return write


@pytest.mark.parametrize("layout", ["a4", "thermal"])
def test_printing_to_file_keeps_pages_and_paper(qapp, slip_pdf, tmp_path: Path, layout: str) -> None:
    slip = slip_pdf(layout, persons=30)
    out = tmp_path / "printed.pdf"
    pages = print_pdf_to_file(slip, out)
    assert pages == len(page_sizes(slip)) == len(page_sizes(out))
    assert page_sizes(out) == page_sizes(slip)  # the thermal slip stays 80 mm wide, not A4
    if layout == "a4":
        assert pages > 1  # thirty persons and forty papers flow onto another page


def test_each_page_keeps_its_own_size(qapp, tmp_path: Path) -> None:
    mixed = tmp_path / "mixed.pdf"
    canvas = Canvas(str(mixed), pagesize=A4)
    canvas.drawString(72, 720, "A4")
    canvas.showPage()
    canvas.setPageSize((80 * mm, 120 * mm))
    canvas.drawString(10, 100, "80mm")
    canvas.showPage()
    canvas.save()
    out = tmp_path / "printed.pdf"
    assert print_pdf_to_file(mixed, out) == 2
    assert page_sizes(out) == [(595, 842), (227, 340)]


def test_preview_dialog_paints_the_pages(qtbot, slip_pdf, tmp_path: Path) -> None:
    slip = slip_pdf("thermal")
    dialog = PdfPreviewDialog(slip, None)
    qtbot.addWidget(dialog)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "preview.pdf"))
    printing.use_pdf_page_size(printer, printing.first_page_points(slip))  # as the dialog's printer is set
    assert dialog.paint(printer) == 1
    assert page_sizes(tmp_path / "preview.pdf") == page_sizes(slip)
    # the preview's own printer has the slip's 80 mm paper, not A4
    assert page_sizes(slip)[0][0] == round(dialog.pdf_printer.pageLayout().fullRectPoints().width()) == 227


class _AcceptingPrintDialog:
    """Stands in for the system print dialog: the clerk picks 'print to file' and clicks OK."""

    target: Path

    def __init__(self, printer: QPrinter, _parent: object) -> None:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(self.target))

    def exec(self) -> QDialog.DialogCode:
        return QDialog.DialogCode.Accepted


class _CancelledPrintDialog(_AcceptingPrintDialog):
    def exec(self) -> QDialog.DialogCode:
        return QDialog.DialogCode.Rejected


def test_print_pdf_prints_after_the_dialog(qapp, slip_pdf, tmp_path: Path, monkeypatch) -> None:
    slip = slip_pdf("a4")
    _AcceptingPrintDialog.target = tmp_path / "printed.pdf"
    monkeypatch.setattr(printing, "QPrintDialog", _AcceptingPrintDialog)
    assert print_pdf(slip, None, "no-such-printer")
    assert page_sizes(tmp_path / "printed.pdf") == page_sizes(slip)


def test_print_pdf_cancelled_prints_nothing(qapp, slip_pdf, tmp_path: Path, monkeypatch) -> None:
    slip = slip_pdf("a4")
    _CancelledPrintDialog.target = tmp_path / "never.pdf"
    monkeypatch.setattr(printing, "QPrintDialog", _CancelledPrintDialog)
    assert not print_pdf(slip, None)
    assert not (tmp_path / "never.pdf").exists()


def test_a_missing_pdf_is_a_clear_error(qapp, tmp_path: Path) -> None:
    with pytest.raises(printing.PdfPrintError):
        print_pdf_to_file(tmp_path / "missing.pdf", tmp_path / "out.pdf")
