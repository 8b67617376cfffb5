"""The tally as a PDF on A4 landscape: the visits table (with the matter figures), the category tables, and
a chart of the last twelve weeks with 环比 and 同比 under it. Fonts embedded (never STSong).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Spacer,
    Table,
)

from app.documents.fonts import BODY, register_fonts
from app.documents.parts import BoldTitle, cn_datetime, grid, para_style, paragraph
from app.tally.chart import trend_chart
from app.tally.definitions import BATCHES, MATTER_COLUMNS, PERSONS, VISIT_GROUPS, Pair
from app.tally.model import Rate, Tally, TallyRow

PAGE = landscape(A4)
MARGIN = 10 * mm
WIDTH = PAGE[0] - 2 * MARGIN
NAME_WIDTH = 20 * mm
CATEGORIES_PER_TABLE = 9
SIZE = 8  # type size of the tables
HEAD_BG = colors.HexColor("#E7EEF7")
TOTAL_BG = colors.HexColor("#F2F2F2")
GRID = colors.HexColor("#404040")
# the totals compared under the chart: (label, column key)
COMPARED = (
    ("来访批次", "all.批次"), ("来访人次", "all.人次"), ("集体访批次", "group.批次"),
    ("重访批次", "repeat.批次"), ("越级访批次", "skip.批次"), ("受理件数", "accepted"),
    ("办结件数", "closed"), ("超期件数", "overdue"), ("办结率", "closure_rate"),
    ("按期办结率", "on_time_rate"), ("满意率", "satisfaction_rate"), ("网信占比", "online_share"),
)  # fmt: skip


def write_pdf(tally: Tally, path: Path) -> None:
    register_fonts()
    frame = Frame(MARGIN, MARGIN + 6 * mm, WIDTH, PAGE[1] - 2 * MARGIN - 6 * mm, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)  # fmt: skip
    doc = BaseDocTemplate(
        str(path),
        pagesize=PAGE,
        title=tally.title,
        author=tally.agency,
        creator="信访接待台",
        pageTemplates=[PageTemplate(id="tally", frames=[frame], onPage=_footer(tally))],
        initialFontName=BODY,  # else each page starts in Helvetica, which would not be embedded
    )
    doc.build(_story(tally))


def _story(tally: Tally) -> list[Flowable]:
    visit_pairs = [g for g in VISIT_GROUPS if g.in_sheet]
    story: list[Flowable] = [
        BoldTitle(tally.title, 16, 0.5),
        paragraph(f"制表单位：{tally.agency}　　统计期间：{tally.period.label}", para_style(9, TA_CENTER)),
        Spacer(1, 3 * mm),
        _section("一、来访与办理情况"),
        _pairs_table(tally, visit_pairs, with_matters=True),
    ]
    categories = list(tally.categories)
    for start in range(0, len(categories), CATEGORIES_PER_TABLE):
        chunk: list[Pair] = list(categories[start : start + CATEGORIES_PER_TABLE])
        heading = "二、按问题类别（一级分类，含其下二级分类）" + ("（续）" if start else "")
        story += [
            CondPageBreak(70 * mm),
            KeepTogether([Spacer(1, 2 * mm), _section(heading), _pairs_table(tally, chunk)]),
        ]
    story += [CondPageBreak(150 * mm), KeepTogether(_trend_section(tally))]
    return story


def _section(text: str) -> Flowable:
    return paragraph(text, para_style(10.5, leading=1.8))


def _head(text: str) -> Any:
    return paragraph(text, para_style(SIZE, TA_CENTER, leading=1.25))


def _pairs_table(tally: Tally, pairs: Sequence[Pair], with_matters: bool = False) -> Table:
    """Two header rows (each pair over 批次/人次; the matter columns over both rows), one row per township."""
    matters = list(MATTER_COLUMNS) if with_matters else []
    count = 2 * len(pairs) + len(matters)
    cell = (WIDTH - NAME_WIDTH) / count if with_matters else min((WIDTH - NAME_WIDTH) / count, 19 * mm)
    head = (
        [_head("单位")] + sum(([_head(p.header), ""] for p in pairs), []) + [_head(m.header) for m in matters]
    )
    sub = [""] + [BATCHES, PERSONS] * len(pairs) + [""] * len(matters)
    keys = sum(([p.batches_key, p.persons_key] for p in pairs), []) + [m.key for m in matters]
    body = [_row(r, keys) for r in tally.rows]
    style: list[tuple[Any, ...]] = [
        ("FONTSIZE", (0, 0), (-1, -1), SIZE),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("BACKGROUND", (0, 0), (-1, 1), HEAD_BG),
        ("ALIGN", (1, 0), (-1, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("SPAN", (0, 0), (0, 1)),
        ("BACKGROUND", (0, -1), (-1, -1), TOTAL_BG),
        ("TOPPADDING", (0, 0), (-1, -1), 0.8),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.7),
    ]
    for i in range(len(pairs)):
        style.append(("SPAN", (1 + 2 * i, 0), (2 + 2 * i, 0)))
    for j in range(len(matters)):
        column = 1 + 2 * len(pairs) + j
        style.append(("SPAN", (column, 0), (column, 1)))
    return grid([head, sub, *body], [NAME_WIDTH] + [cell] * count, style, repeatRows=2)


def _row(row: TallyRow, keys: list[str]) -> list[Any]:
    texts = [_figure(row.values[k]) for k in keys]
    if row.kind == "total":  # in synthetic bold, as the titles: the body font has no bold face
        return [BoldTitle(row.name, SIZE, 0), *(BoldTitle(t, SIZE, 0) for t in texts)]
    return [paragraph(row.name, para_style(SIZE, leading=1.2)), *texts]


def _figure(value: int | Rate) -> str:
    return value.percent() if isinstance(value, Rate) else str(value)


def _trend_section(tally: Tally) -> list[Flowable]:
    title = f"近{len(tally.trend)}周来访总量（批次、人次）"
    chart = trend_chart(tally.trend, WIDTH, 72 * mm, title) if tally.trend else Spacer(1, 1)
    return [_section("三、趋势与对比"), chart, Spacer(1, 3 * mm), _comparison_table(tally)]


def _comparison_table(tally: Tally) -> Table:
    """Each compared total: this period, then per comparison the other period's figure and the change."""
    totals = tally.total.values
    head = ["项目", "本期"]
    for comparison in tally.comparisons:
        head += [f"{comparison.name}期\n{comparison.period.label}", comparison.name]
    rows: list[list[Any]] = [[_head(h) for h in head]]
    for label, key in COMPARED:
        line = [label, _figure(totals[key])]
        for comparison in tally.comparisons:
            line += [_figure(comparison.totals[key]), comparison.change(totals, key).text()]
        rows.append(line)
    widths = [30 * mm, 24 * mm] + [48 * mm, 30 * mm] * len(tally.comparisons)
    style = [
        ("FONTSIZE", (0, 0), (-1, -1), SIZE),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("ALIGN", (1, 1), (-1, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    note = "注：件数、批次、人次的增减为变化幅度；各项比率的增减为相差的百分点；上期为0或无可比数时记“—”。"
    table = grid(rows, widths, style)
    table.hAlign = "LEFT"  # under the chart's left edge, with its note
    return KeepTogether([table, paragraph(note, para_style(7.5))])


def _footer(tally: Tally) -> Callable[[Canvas, Any], None]:
    made = f"{tally.agency}　制表时间：{cn_datetime(tally.made_at)}"

    def draw(canvas: Canvas, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(BODY, 8)
        canvas.drawString(MARGIN, MARGIN, made)
        canvas.drawRightString(PAGE[0] - MARGIN, MARGIN, f"第 {doc.page} 页")
        canvas.restoreState()

    return draw
