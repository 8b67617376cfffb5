"""Pieces every printed document shares: date formats, paragraph styles, tables, a bold title, a QR code.

Everything here sets the body font explicitly, so nothing falls back to ReportLab's unembedded Helvetica.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from reportlab.lib import colors
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import PATH_OPS
from reportlab.platypus import Flowable, Paragraph, Table

from app.documents.fonts import BODY, font_runs, markup


def cn_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def cn_datetime(dt: datetime) -> str:
    return f"{cn_date(dt)} {dt:%H:%M}"


@functools.cache  # a style is never changed once made; a slip asks for the same dozen many times
def para_style(size: float, align: int = 0, leading: float = 1.45) -> ParagraphStyle:
    # wordWrap="CJK" breaks lines between any two characters, as Chinese text is set
    return ParagraphStyle(
        f"slip{size}-{align}", fontName=BODY, fontSize=size, leading=size * leading, alignment=align,
        wordWrap="CJK",
    )  # fmt: skip


def paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    return _Paragraph(markup(text), style)


def cell(text: str, style: ParagraphStyle, width: float) -> str | Paragraph:
    """A table cell for ``text``: the plain string when the table can draw it exactly as the paragraph would
    be drawn (see ``plain``), else the paragraph.

    A table draws a string cell with one ``drawString`` per line, in the cell's FONTNAME/FONTSIZE/LEADING
    and ALIGN (which the table must set to ``style``'s), at the same baseline as a one-line paragraph of
    that leading; a Paragraph costs its markup parsing, per-character line breaking and a text object.
    ``width`` is the cell's less its padding.
    """
    return text if plain(text, style.fontSize, width) else paragraph(text, style)


def plain(text: str, size: float, width: float) -> bool:
    """Whether ``text`` prints the same with ``drawString`` as in a one-line paragraph ``width`` wide: not
    empty, in the body font alone (a string has no fallback font for 𠮷), no white space a paragraph would
    collapse, and narrower than ``width`` (a string never wraps)."""
    return (
        bool(text)
        and " ".join(text.split()) == text
        and stringWidth(text, BODY, size) < width - 0.01
        and _body_only(text)
    )


def _body_only(text: str) -> bool:
    runs = font_runs(text)
    return len(runs) == 1 and runs[0][0] == BODY


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
        self.matrix = qr_matrix(text)
        self.width = self.height = size
        self.hAlign = "CENTER"

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 (ReportLab's)
        return self.width, self.height

    def draw(self) -> None:
        # One filled square per dark module, written as Canvas.rect(…, stroke=0, fill=1) writes it (the same
        # bytes), but with each row's and column's coordinate formatted once: ~450 rect calls, four fp_str
        # each, were a fifth of the slip's drawing time
        module = self.width / len(self.matrix)
        canv = self.canv
        canv.setFillColor(colors.black)
        fill = PATH_OPS[0, 1, canv._fillMode]
        side = fp_str(module)
        xs = [fp_str(col * module) for col in range(len(self.matrix))]
        squares = []
        for row, cells in enumerate(self.matrix):
            y = fp_str(self.height - (row + 1) * module)
            squares += [f"n {xs[col]} {y} {side} {side} re {fill}" for col, dark in enumerate(cells) if dark]
        canv.addLiteral("\n".join(squares))


@functools.lru_cache(maxsize=4)  # the thermal slip builds its story twice (measure, then draw)
def qr_matrix(text: str) -> tuple[tuple[bool, ...], ...]:
    """The modules of ``text``'s QR code (error correction M, no border), True where dark."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    code.add_data(text.encode("utf-8"))
    code.make(fit=True)
    return tuple(tuple(row) for row in code.get_matrix())
