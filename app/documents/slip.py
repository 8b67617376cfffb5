"""The acknowledgement slip (登记回执) handed to the visitor at intake, as a PDF: A4 or 80 mm thermal paper.

Both layouts print the same content. A4 is a ruled form that may flow onto more pages (a group visit of
thirty, a folder of forty papers); each page repeats the matter number. The thermal slip is one page
exactly as long as its content: the story is measured first, then built on a page of that height.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Spacer, Table
from reportlab.platypus.flowables import HRFlowable

from app.documents.fonts import BODY, register_fonts
from app.documents.parts import (
    BoldTitle,
    QrCode,
    cell,
    cn_date,
    cn_datetime,
    grid,
    para_style,
    paragraph,
    plain,
)

EXCERPT_CHARS = 120  # how much of the appeal the slip quotes
DEFAULT_NEXT_STEPS = (
    "本机关将自收到您的信访事项之日起15日内（{deadline}前），书面告知您是否受理；"
    "属于其他机关、单位处理的，将转送、交办有权处理的机关、单位，并告知您。"
    "您可凭查询码 {query_code} 拨打 {window_phone} 查询办理进度。"
)
TITLE = "信访事项登记回执"
GRID = colors.black
LABEL_BG = colors.HexColor("#F2F2F2")
STAMP_RED = colors.HexColor("#C00000")


@dataclass(frozen=True)
class SlipPerson:
    name: str
    id_masked: str  # e.g. 110105********002X; the slip never carries a full ID number
    representative: bool  # 代表 of a group visit


@dataclass(frozen=True)
class SlipData:
    agency_name: str  # 示例县信访局
    matter_no: str  # X信访〔2026〕123号
    query_code: str  # 查询码, e.g. 7KQ2M9XD
    visited_at: datetime
    channel: str  # 信访形式: 来访, 来信, …
    headcount: int  # 人数 (may exceed the registered persons)
    is_group: bool  # 集体访
    persons: list[SlipPerson]
    category: str  # 内容分类
    township: str  # 问题属地
    summary: str  # 事项概况, one line
    appeal_excerpt: str  # the appeal; the slip quotes its first EXCERPT_CHARS characters
    materials: list[tuple[str, int]]  # 收到材料: (name, pages)
    notice_deadline: date  # 告知期限
    clerk: str  # 接待人
    window_phone: str
    printed_at: datetime
    reprint: bool = False  # 补打: marked on the slip with its time
    # {deadline}, {query_code} and {window_phone} are filled in when the slip is drawn
    next_steps: str = field(default=DEFAULT_NEXT_STEPS)


@dataclass(frozen=True)
class _Spec:
    """Paper and type sizes of one layout."""

    page_width: float
    margin: float
    top: float  # the A4 page header sits in the top margin
    size: float  # body type size in points

    @property
    def width(self) -> float:
        return self.page_width - 2 * self.margin


_A4 = _Spec(A4[0], 16 * mm, 22 * mm, 10.5)
_THERMAL = _Spec(80 * mm, 4 * mm, 4 * mm, 8)  # the roll is 80 mm wide; the printer prints ~72 mm of it


def render_slip(data: SlipData, out: Path, layout: Literal["a4", "thermal"] = "a4") -> Path:
    """Write the slip for ``data`` to ``out`` as a PDF with its fonts embedded; returns ``out``."""
    register_fonts()
    if layout == "a4":
        _build(data, out, _A4, A4[1], _a4_story(data))
    elif layout == "thermal":
        story = _thermal_story(data)
        height = _story_height(story, _THERMAL.width) + 2 * _THERMAL.margin + 4 * mm
        _build(data, out, _THERMAL, height, story)  # wrapped again at the same width: the same layout
    else:
        raise ValueError(f"unknown slip layout: {layout!r}")
    return out


def _build(data: SlipData, out: Path, spec: _Spec, height: float, story: list[Flowable]) -> None:
    frame = Frame(spec.margin, spec.margin, spec.width, height - spec.margin - spec.top, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)  # fmt: skip
    page = PageTemplate(id="slip", frames=[frame])
    if spec is _A4:
        page.onPage = _a4_page_decor(data)
    doc = BaseDocTemplate(
        str(out),
        pagesize=(spec.page_width, height),
        title=f"{TITLE} {data.matter_no}",
        author=data.agency_name,
        creator="信访接待台",
        pageTemplates=[page],
        initialFontName=BODY,  # else each page starts in Helvetica, a font the PDF would not embed
    )
    doc.build(story)


def _story_height(story: list[Flowable], width: float) -> float:
    """How tall the story stands in a frame ``width`` wide (an upper bound: spaces are not collapsed)."""
    total = 0.0
    for flowable in story:
        _, height = flowable.wrap(width, 100_000)
        total += height + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


# --- the content, shared by both layouts ------------------------------------------------------------------


def _headcount(data: SlipData) -> str:
    if not data.is_group:
        return f"{data.headcount}人"
    return f"{data.headcount}人（集体访，登记{len(data.persons)}人）"


def _person_name(person: SlipPerson) -> str:
    return f"{person.name}（代表）" if person.representative else person.name


def _material_names(data: SlipData) -> list[tuple[str, str]]:
    return [(f"{i}. {name}", f"{pages}页") for i, (name, pages) in enumerate(data.materials, start=1)]


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """The first ``limit`` characters of ``text`` on one line, ending in … when cut."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _next_steps(data: SlipData) -> str:
    # replace(), not format(): a text edited in settings may contain braces of its own
    return (
        data.next_steps.replace("{deadline}", cn_date(data.notice_deadline))
        .replace("{query_code}", data.query_code)
        .replace("{window_phone}", data.window_phone)
    )


def _fields(data: SlipData) -> list[tuple[str, str]]:
    """The short fields, in reading order."""
    return [
        ("编号", data.matter_no),
        ("查询码", data.query_code),
        ("来访时间", cn_datetime(data.visited_at)),
        ("信访形式", data.channel),
        ("人数", _headcount(data)),
        ("问题属地", data.township),
        ("内容分类", data.category),
        ("告知期限", f"{cn_date(data.notice_deadline)}前"),
        ("接待人", data.clerk),
        ("联系电话", data.window_phone),
    ]


def _printed_line(data: SlipData) -> str:
    return f"{'补打' if data.reprint else '打印'}时间：{cn_datetime(data.printed_at)}"


# --- A4 ---------------------------------------------------------------------------------------------------

_A4_LABEL = 24 * mm  # every A4 table starts with a label column of this width, so they line up as one form


def _a4_story(data: SlipData) -> list[Flowable]:
    return [
        paragraph(data.agency_name, para_style(14, TA_CENTER)),
        BoldTitle(TITLE, 20, 4),
        Spacer(1, 4 * mm),
        _a4_fields(data),
        _a4_persons(data),
        _a4_texts(data),
        _a4_materials(data),
        Spacer(1, 5 * mm),
        _a4_closing(data),
    ]


def _a4table(rows: list[list[Any]], widths: list[float], header_rows: int = 0, merged: bool = False) -> Table:
    """A ruled A4 table; ``merged``: no rules across the label column, so it reads as one tall cell.

    String cells (see ``cell``) are drawn in the body size, labels (the first column) centred."""
    rules: list[tuple[Any, ...]] = [
        ("BOX", (0, 0), (-1, -1), 0.6, GRID),
        ("INNERGRID", (1, 0), (-1, -1), 0.6, GRID),
        ("LINEAFTER", (0, 0), (0, -1), 0.6, GRID),
    ]
    if not merged:
        rules.append(("LINEBELOW", (0, 0), (0, -2), 0.6, GRID))
    # close the part left at the foot of a page when the table splits (ReportLab's BOX leaves it open)
    rules.append(("LINEBELOW", (0, "splitlast"), (-1, "splitlast"), 0.6, GRID))
    rules += [
        ("BACKGROUND", (0, 0), (0, -1), LABEL_BG),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("FONTSIZE", (0, 0), (-1, -1), _A4.size),
        ("LEADING", (0, 0), (-1, -1), _A4_BODY.leading),
        ("ALIGN", (0, 0), (0, -1), "CENTER"),
    ]
    return grid(rows, widths, rules, repeatRows=header_rows)


_A4_BODY = para_style(_A4.size)
_A4_LABEL_STYLE = para_style(_A4.size, TA_CENTER)
_A4_HEAD = para_style(_A4.size - 1, TA_CENTER)
_PAD = 12  # a table cell's left and right padding together (ReportLab's default, 6 each)


def _label(text: str) -> str | Paragraph:
    return cell(text, _A4_LABEL_STYLE, _A4_LABEL - _PAD)


def _a4_fields(data: SlipData) -> Table:
    half = _A4.width / 2 - _A4_LABEL
    cells = [(_label(k), cell(v, _A4_BODY, half - _PAD)) for k, v in _fields(data)]
    rows = [[*cells[i][0:2], *cells[i + 1][0:2]] for i in range(0, len(cells), 2)]
    table = _a4table(rows, [_A4_LABEL, half, _A4_LABEL, half])
    table.setStyle([("BACKGROUND", (2, 0), (2, -1), LABEL_BG), ("ALIGN", (2, 0), (2, -1), "CENTER")])
    return table


def _a4_pairs(label: str, heads: tuple[str, str], pairs: list[tuple[str, str]], narrow: float) -> Table:
    """A ruled list of (name, detail) pairs, two to a row, under a repeated header row."""
    wide = (_A4.width - _A4_LABEL) / 2 - narrow
    cells = [cell(text, _A4_BODY, width - _PAD) for a, b in pairs for text, width in ((a, wide), (b, narrow))]
    cells += [""] * (-len(cells) % 4)
    rows = [[""] + cells[i : i + 4] for i in range(0, len(cells), 4)]
    heads_row = [cell(h, _A4_HEAD, w - _PAD) for h, w in zip(heads * 2, (wide, narrow) * 2, strict=True)]
    header = [_label(label), *heads_row]
    table = _a4table([header, *rows], [_A4_LABEL, wide, narrow, wide, narrow], header_rows=1, merged=True)
    table.setStyle([
        ("BACKGROUND", (1, 0), (-1, 0), LABEL_BG), ("VALIGN", (0, 0), (0, 0), "TOP"),
        ("FONTSIZE", (1, 0), (-1, 0), _A4_HEAD.fontSize), ("LEADING", (1, 0), (-1, 0), _A4_HEAD.leading),
        ("ALIGN", (1, 0), (-1, 0), "CENTER"),
    ])  # fmt: skip
    return table


def _a4_persons(data: SlipData) -> Table:
    pairs = [(_person_name(p), p.id_masked) for p in data.persons]
    return _a4_pairs("来访人", ("姓名", "公民身份号码"), pairs, 42 * mm)


def _a4_materials(data: SlipData) -> Table:
    if not data.materials:
        row = [_label("收到材料"), cell("无", _A4_BODY, _A4.width - _A4_LABEL - _PAD)]
        return _a4table([row], [_A4_LABEL, _A4.width - _A4_LABEL])
    return _a4_pairs("收到材料", ("材料名称", "页数"), _material_names(data), 14 * mm)


def _a4_texts(data: SlipData) -> Table:
    width = _A4.width - _A4_LABEL - _PAD
    rows = [
        [_label("事项概况"), cell(data.summary, _A4_BODY, width)],
        [_label("诉求摘要"), cell(excerpt(data.appeal_excerpt), _A4_BODY, width)],
    ]
    return _a4table(rows, [_A4_LABEL, _A4.width - _A4_LABEL])


def _a4_closing(data: SlipData) -> Table:
    """Next steps and signature lines on the left, the QR code on the right, the seal place below."""
    size = _A4.size
    left = [
        paragraph("告知事项：" + _next_steps(data), para_style(size, leading=1.6)),
        Spacer(1, 9 * mm),
        # blanks are drawn with full-width low lines: Paragraph collapses runs of spaces into one
        paragraph("来访人签收：＿＿＿＿＿＿＿＿＿＿  日期：＿＿＿＿年＿＿月＿＿日", para_style(size)),
        Spacer(1, 9 * mm),
        paragraph(f"{data.agency_name}（盖章）", para_style(size + 1, TA_RIGHT)),
        paragraph(cn_date(data.visited_at), para_style(size + 1, TA_RIGHT)),
    ]
    right = [QrCode(f"{data.matter_no} {data.query_code}", 30 * mm),
             paragraph(f"查询码 {data.query_code}", para_style(size - 1.5, TA_CENTER))]  # fmt: skip
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (0, 0), 0)]
    return grid([[left, right]], [_A4.width - 40 * mm, 40 * mm], style)


def _a4_page_decor(data: SlipData) -> Callable[[Canvas, BaseDocTemplate], None]:
    """The page callback: matter number and page in the header, print time in the footer, 补打 stamp."""

    def decorate(canvas: Canvas, doc: BaseDocTemplate) -> None:
        _draw(
            canvas, f"{data.agency_name} {TITLE}（编号：{data.matter_no}）", para_style(8.5), A4[1] - 12 * mm
        )
        _draw(canvas, f"第 {doc.page} 页", para_style(8.5, TA_CENTER), 9 * mm)
        _draw(canvas, _printed_line(data), para_style(8.5, TA_RIGHT), 9 * mm)
        if data.reprint:
            _reprint_stamp(canvas, A4[0] - _A4.margin - 22 * mm, A4[1] - 16 * mm)

    return decorate


def _draw(canvas: Canvas, text: str, style: ParagraphStyle, y: float) -> None:
    """One line of the page's header or footer, set as a paragraph of ``style`` standing at ``y``."""
    if not plain(text, style.fontSize, _A4.width):
        para = paragraph(text, style)
        para.wrapOn(canvas, _A4.width, 20 * mm)
        para.drawOn(canvas, _A4.margin, y)
        return
    # the same line without the paragraph: its baseline is one leading above y, less the type size
    baseline = y + style.leading - style.fontSize
    canvas.saveState()
    canvas.setFont(BODY, style.fontSize, style.leading)
    if style.alignment == TA_CENTER:
        canvas.drawCentredString(_A4.margin + _A4.width / 2, baseline, text)
    elif style.alignment == TA_RIGHT:
        canvas.drawRightString(_A4.margin + _A4.width, baseline, text)
    else:
        canvas.drawString(_A4.margin, baseline, text)
    canvas.restoreState()


def _reprint_stamp(canvas: Canvas, x: float, y: float) -> None:
    """A red boxed 补打 at the top right, like the ink stamp a clerk would put on a copy."""
    canvas.saveState()
    canvas.setStrokeColor(STAMP_RED)
    canvas.setFillColor(STAMP_RED)
    canvas.setLineWidth(1.5)
    canvas.roundRect(x, y, 22 * mm, 10 * mm, 1.5 * mm, stroke=1, fill=0)
    canvas.setFont(BODY, 16)
    canvas.drawCentredString(x + 11 * mm, y + 2.8 * mm, "补 打")
    canvas.restoreState()


# --- 80 mm thermal ----------------------------------------------------------------------------------------


def _thermal_story(data: SlipData) -> list[Flowable]:
    size = _THERMAL.size
    story: list[Flowable] = [
        paragraph(data.agency_name, para_style(size + 1.5, TA_CENTER)),
        BoldTitle(TITLE, 12, 1),
    ]
    if data.reprint:
        story.append(paragraph(f"【补打】 {_printed_line(data)}", para_style(size, TA_CENTER)))
    story += [_rule(), _thermal_pairs(_fields(data), 15 * mm), _rule()]
    persons = [(_person_name(p), p.id_masked) for p in data.persons]
    story += _thermal_section(f"来访人（登记{len(persons)}人）", persons, 24 * mm)
    story += [_rule(), paragraph(f"事项概况：{data.summary}", para_style(size))]
    story.append(paragraph(f"诉求摘要：{excerpt(data.appeal_excerpt)}", para_style(size)))
    story += [_rule(), *_thermal_section("收到材料", _material_names(data) or [("无", "")], 60 * mm)]
    story += [_rule(), paragraph("告知事项：" + _next_steps(data), para_style(size - 0.5)), Spacer(1, 2 * mm)]
    story.append(QrCode(f"{data.matter_no} {data.query_code}", 28 * mm))
    story.append(paragraph(f"查询码 {data.query_code}", para_style(size, TA_CENTER)))
    story += _thermal_closing(data)
    return story


def _rule() -> HRFlowable:
    return HRFlowable(
        width="100%", thickness=0.5, color=colors.black, dash=(2, 2), spaceBefore=3, spaceAfter=3
    )


def _thermal_pairs(pairs: list[tuple[str, str]], first: float) -> Table:
    style, second = para_style(_THERMAL.size), _THERMAL.width - first
    rows = [[cell(a, style, first - 1), cell(b, style, second - 1)] for a, b in pairs]  # less the padding
    rules = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
             ("RIGHTPADDING", (0, 0), (-1, -1), 1), ("TOPPADDING", (0, 0), (-1, -1), 0.5),
             ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5), ("FONTSIZE", (0, 0), (-1, -1), style.fontSize),
             ("LEADING", (0, 0), (-1, -1), style.leading)]  # fmt: skip
    return grid(rows, [first, second], rules)


def _thermal_section(title: str, pairs: list[tuple[str, str]], first: float) -> list[Flowable]:
    return [paragraph(title + "：", para_style(_THERMAL.size)), _thermal_pairs(pairs, first)]


def _thermal_closing(data: SlipData) -> list[Flowable]:
    size = _THERMAL.size
    return [
        Spacer(1, 3 * mm),
        paragraph("来访人签收：＿＿＿＿＿＿＿＿＿＿", para_style(size)),
        Spacer(1, 2 * mm),
        paragraph("日期：＿＿＿＿年＿＿月＿＿日", para_style(size)),
        Spacer(1, 3 * mm),
        paragraph(f"{data.agency_name}（盖章）", para_style(size, TA_RIGHT)),
        paragraph(_printed_line(data), para_style(size - 1, TA_RIGHT)),
    ]
