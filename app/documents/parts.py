"""Pieces every printed document shares: date formats, paragraph styles, tables, a bold title, a QR code.

Everything here sets the body font explicitly, so nothing falls back to ReportLab's unembedded Helvetica.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table

from app.documents.fonts import BODY, markup


def cn_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def cn_datetime(dt: datetime) -> str:
    return f"{cn_date(dt)} {dt:%H:%M}"


def para_style(size: float, align: int = 0, leading: float = 1.45) -> ParagraphStyle:
    # wordWrap="CJK" breaks lines between any two characters, as Chinese text is set
    return ParagraphStyle(
        f"slip{size}-{align}", fontName=BODY, fontSize=size, leading=size * leading, alignment=align,
        wordWrap="CJK",
    )  # fmt: skip


def paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    return _Paragraph(markup(text), style)


class _Paragraph(Paragraph):
    """A Paragraph that breaks its lines once per width: a table wraps every cell to size its rows, then
    again to draw it, at the same width (Chinese line breaking measures each character)."""

    _wrapped: tuple[float, tuple[float, float]] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 (ReportLab's)
        if self._wrapped is not None and self._wrapped[0] == availWidth:
            return self._wrapped[1]
        size = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, size)
        return size


def grid(rows: list[list[Any]], widths: list[float], style: Sequence[tuple[Any, ...]], **kw: int) -> Table:
    # Table sets its cells' font even around Paragraphs; left at its default (Helvetica), that font would be
    # written into the PDF unembedded
    table = Table(rows, colWidths=widths, **kw)
    table.setStyle([("FONTNAME", (0, 0), (-1, -1), BODY), *style])
    return table


class BoldTitle(Flowable):
    """A centred title in synthetic bold.

    Debian's CJK fonts have no bold face and a second font file would add megabytes, so the glyphs are
    filled and stroked (text render mode 2) with an outline of 3 % of the type size, which thickens the
    strokes the way a bold face would while the text stays searchable.
    """

    def __init__(self, text: str, size: float, letter_space: float) -> None:
        super().__init__()
        self.text, self.size, self.letter_space = text, size, letter_space

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 (ReportLab's)
        self.width = availWidth
        return availWidth, self.size * 1.5

    def draw(self) -> None:
        text_width = stringWidth(self.text, BODY, self.size) + self.letter_space * (len(self.text) - 1)
        canvas = self.canv
        canvas.setLineWidth(self.size * 0.03)
        line = canvas.beginText((self.width - text_width) / 2, self.size * 0.4)
        line.setFont(BODY, self.size)
        line.setCharSpace(self.letter_space)
        line.setTextRenderMode(2)
        line.textOut(self.text)
        canvas.drawText(line)


class QrCode(Flowable):
    """A QR code drawn as vector squares, sharp at any printer resolution."""

    def __init__(self, text: str, size: float) -> None:
        super().__init__()
        code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
        code.add_data(text.encode("utf-8"))
        code.make(fit=True)
        self.matrix: list[list[bool]] = code.get_matrix()
        self.width = self.height = size
        self.hAlign = "CENTER"

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 (ReportLab's)
        return self.width, self.height

    def draw(self) -> None:
        module = self.width / len(self.matrix)
        self.canv.setFillColor(colors.black)
        for row, cells in enumerate(self.matrix):
            y = self.height - (row + 1) * module
            for col, dark in enumerate(cells):
                if dark:
                    self.canv.rect(col * module, y, module, module, stroke=0, fill=1)
