"""The page of every notice, after GB/T 9704-2012 loosely: a red agency mark, the document number, the red
separator, the title, the addressee, the body, the signature with a place for the seal, the 版记 lines.

A PDF may hold several notices (one 交办单 per department); each starts on a new page, numbers its own pages
and carries its own 补打 mark.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from reportlab.lib import colors, textsplit
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)
from reportlab.platypus import paragraph as rl_paragraph
from reportlab.platypus.flowables import HRFlowable

from app.documents.fonts import BODY
from app.documents.notices.data import NoticeData
from app.documents.parts import BoldTitle, cn_date, cn_datetime, grid, para_style, paragraph

RED = colors.HexColor("#C00000")
GREY = colors.HexColor("#808080")
LABEL_BG = colors.HexColor("#F2F2F2")
SIZE = 14  # 四号: the body type size
LEFT, RIGHT, TOP, BOTTOM = 28 * mm, 26 * mm, 25 * mm, 22 * mm  # GB/T 9704 margins, a little tighter on top
WIDTH = A4[0] - LEFT - RIGHT


def body_style(size: float = SIZE, indent: bool = True) -> ParagraphStyle:
    """Justified body text, the first line indented two characters."""
    style = para_style(size, TA_JUSTIFY, leading=1.75)
    style.firstLineIndent = 2 * size if indent else 0
    style.spaceAfter = size * 0.2
    return style


def body(text: str, size: float = SIZE) -> Paragraph:
    return paragraph(text, body_style(size))


def line(text: str, size: float = SIZE, align: int = TA_LEFT) -> Paragraph:
    return paragraph(text, para_style(size, align, leading=1.6))


def masthead(data: NoticeData, title: str, compact: bool = False) -> list[Flowable]:
    """Red agency mark, document number, red rule, the bold title; ``compact`` for the one-page forms."""
    mark = para_style(22 if compact else 24, TA_CENTER, leading=1.3)
    mark.textColor = RED
    gap = 0.6 if compact else 1.0
    return [
        paragraph(data.agency_name, mark),
        Spacer(1, 3 * mm * gap),
        line(data.doc_no, SIZE, TA_CENTER),
        HRFlowable(width="100%", thickness=1.2, color=RED, spaceBefore=2 * mm, spaceAfter=7 * mm * gap),
        BoldTitle(title, 18 if compact else 20, 2),
        Spacer(1, 6 * mm * gap),
    ]


class Signature(Flowable):
    """The agency and the date on the right, under a dashed circle marking where the seal goes."""

    def __init__(self, agency: str, date_text: str, compact: bool = False) -> None:
        super().__init__()
        self.agency, self.date_text = agency, date_text
        self.size = 12 if compact else SIZE
        self.height = (23 if compact else 30) * mm
        self.block = 64 * mm  # the signature column; the seal place is centred on it

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 (ReportLab's)
        self.width = availWidth
        return availWidth, self.height

    def draw(self) -> None:
        canvas, h = self.canv, self.height
        x = (
            self.width - self.block - 4 * SIZE
        )  # GB/T 9704: the date ends about four characters from the right
        canvas.saveState()
        canvas.setStrokeColor(GREY)
        canvas.setDash(2, 2)
        canvas.setLineWidth(0.5)
        canvas.circle(x + self.block / 2, h / 2, h * 0.62, stroke=1, fill=0)
        canvas.restoreState()
        for text, y, size, colour in (
            ("（印章）", h * 0.82, 9, GREY),
            (self.agency, h * 0.42, self.size, colors.black),
            (self.date_text, h * 0.15, self.size, colors.black),
        ):
            style = para_style(size, TA_CENTER)
            style.textColor = colour
            para = paragraph(text, style)
            para.wrapOn(canvas, self.block + 4 * SIZE, 20 * mm)
            para.drawOn(canvas, x - 2 * SIZE, y)


def signature(data: NoticeData, compact: bool = False) -> list[Flowable]:
    return [Spacer(1, (2 if compact else 6) * mm), Signature(data.agency_name, cn_date(data.issued), compact)]


def record_lines(rows: Sequence[str], size: float = 10.5) -> list[Flowable]:
    """The 版记 at the foot: each line between thin rules, as GB/T 9704 sets 抄送 and 印发."""
    story: list[Flowable] = [Spacer(1, 8 * mm)]
    for row in rows:
        story.append(HRFlowable(width="100%", thickness=0.6, color=colors.black, spaceAfter=1.5 * mm))
        story.append(paragraph(row, para_style(size, leading=1.5)))
    story.append(HRFlowable(width="100%", thickness=0.6, color=colors.black, spaceBefore=1.5 * mm))
    return story


def cut_line() -> list[Flowable]:
    """The dashed line the receipt (回执) is cut along."""
    return [
        Spacer(1, 4 * mm),
        line("- - - - - - - - - - - - - - - 沿 此 线 剪 下 - - - - - - - - - - - - - - -", 9, TA_CENTER),
        Spacer(1, 2 * mm),
    ]


def form(rows: list[list[Any]], widths: list[float], labels: Sequence[int] = (0,)) -> Table:
    """A ruled form; the columns in ``labels`` are grey label cells."""
    style: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
    ]
    style += [("BACKGROUND", (c, 0), (c, -1), LABEL_BG) for c in labels]
    return grid(rows, widths, style)


def label(text: str, size: float = 10.5) -> Paragraph:
    return paragraph(text, para_style(size, TA_CENTER, leading=1.4))


def value(text: str, size: float = 10.5) -> Paragraph:
    return paragraph(text, para_style(size, TA_JUSTIFY, leading=1.5))


# --- pages --------------------------------------------------------------------------------------------------


@dataclass
class _Current:
    """Which notice is on the page being drawn, and the page it started on."""

    data: NoticeData | None = None
    first_page: int = 1


class SectionStart(Flowable):
    """Zero-size marker: from here on, pages belong to ``data`` (numbered from 1, its own 补打 mark)."""

    def __init__(self, data: NoticeData, current: _Current) -> None:
        super().__init__()
        self.data, self.current = data, current

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 (ReportLab's)
        return 0, 0

    def draw(self) -> None:
        self.current.data = self.data
        self.current.first_page = self.canv.getPageNumber()


def chinese_line_breaking() -> None:
    """Keep closing punctuation off the start of a line (标点禁则).

    ReportLab's list of characters that may not start a line is Japanese: it lacks the full-width
    ，；：！？》, so 《信访工作条例》 could break before 》. Adding them lets the punctuation hang at the
    line end instead. One-font paragraphs are split in ``textsplit``, mixed-font ones in ``paragraph``.
    """
    for module in (textsplit, rl_paragraph):
        module.ALL_CANNOT_START += "".join(c for c in "，；：！？》" if c not in module.ALL_CANNOT_START)


def build(out: str, title: str, author: str, stories: Sequence[tuple[NoticeData, list[Flowable]]]) -> None:
    """Write the notices, each on fresh pages, to ``out``."""
    current = _Current()
    story: list[Flowable] = []
    for i, (data, part) in enumerate(stories):
        if i:
            story.append(PageBreak())
        story += [SectionStart(data, current), *part]
    frame = Frame(LEFT, BOTTOM, WIDTH, A4[1] - TOP - BOTTOM, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)  # fmt: skip
    page = PageTemplate(id="notice", frames=[frame], onPageEnd=_decorate(current))
    doc = BaseDocTemplate(
        out,
        pagesize=A4,
        title=title,
        author=author,
        creator="信访接待台",
        pageTemplates=[page],
        initialFontName=BODY,  # else each page starts in Helvetica, a font the PDF would not embed
    )
    doc.build(story)


def _decorate(current: _Current) -> Callable[[Canvas, BaseDocTemplate], None]:
    def decorate(canvas: Canvas, doc: BaseDocTemplate) -> None:
        data = current.data
        if data is None:
            return
        page = doc.page - current.first_page + 1
        _draw(canvas, f"— {page} —", para_style(10.5, TA_CENTER), 10 * mm)
        _draw(canvas, f"信访事项编号：{data.matter_no}", para_style(8, TA_LEFT), 10 * mm)
        if data.reprint:
            stamp_at = data.printed_at or datetime.combine(data.issued, datetime.min.time())
            _draw(canvas, f"补打时间：{cn_datetime(stamp_at)}", para_style(8, TA_RIGHT), 10 * mm)
            _reprint_stamp(canvas, A4[0] - RIGHT - 22 * mm, A4[1] - 17 * mm)

    return decorate


def _draw(canvas: Canvas, text: str, style: ParagraphStyle, y: float) -> None:
    para = paragraph(text, style)
    para.wrapOn(canvas, WIDTH, 20 * mm)
    para.drawOn(canvas, LEFT, y)


def _reprint_stamp(canvas: Canvas, x: float, y: float) -> None:
    """A red boxed 补打 at the top right, like the ink stamp a clerk puts on a copy."""
    canvas.saveState()
    canvas.setStrokeColor(RED)
    canvas.setFillColor(RED)
    canvas.setLineWidth(1.5)
    canvas.roundRect(x, y, 22 * mm, 10 * mm, 1.5 * mm, stroke=1, fill=0)
    canvas.setFont(BODY, 16)
    canvas.drawCentredString(x + 11 * mm, y + 2.8 * mm, "补 打")
    canvas.restoreState()
