"""The departments' record as .xlsx, .csv or .pdf (the format follows the extension), like the tally."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

from app.errors import ValidationError
from app.sources.records import UnitRecord
from app.storage import translated

FORMATS = (".xlsx", ".csv", ".pdf")
HEADER = [
    "排名", "责任单位", "交办件数", "按时签收", "按期办结", "超期", "退回",
    "重复访件数", "重复访率", "评价件数", "满意件数", "满意率", "得分",
]  # fmt: skip


def percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.1f}%"


def unit_cells(u: UnitRecord) -> list[str]:
    """One row as shown (the window, the command line and the files show the same text)."""
    figures = [u.assigned, u.signed_on_time, u.closed_on_time, u.overdue, u.returned, u.repeat_visits]
    return [
        str(u.rank), u.department, *map(str, figures), percent(u.repeat_rate),
        str(u.rated), str(u.satisfied), percent(u.satisfaction_rate), f"{u.score:.1f}",
    ]  # fmt: skip


def write_assessment(rows: list[UnitRecord], path: Path, title: str, made_at: datetime) -> Path:
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ValidationError.single("out", f"不支持的文件类型“{path.suffix}”，请使用 .xlsx、.csv 或 .pdf")
    with translated():
        path.parent.mkdir(parents=True, exist_ok=True)
        if suffix == ".csv":
            _csv(rows, path)
        elif suffix == ".xlsx":
            _xlsx(rows, path, title, made_at)
        else:
            _pdf(rows, path, title, made_at)
    return path


def _csv(rows: list[UnitRecord], path: Path) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows([HEADER, *(unit_cells(u) for u in rows)])


def _xlsx(rows: list[UnitRecord], path: Path, title: str, made_at: datetime) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "考核"
    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(HEADER)
    for u in rows:
        rates = [u.repeat_rate, u.satisfaction_rate]
        sheet.append([
            u.rank, u.department, u.assigned, u.signed_on_time, u.closed_on_time, u.overdue, u.returned,
            u.repeat_visits, rates[0], u.rated, u.satisfied, rates[1], u.score,
        ])  # fmt: skip
        for column in ("I", "L"):
            sheet[f"{column}{sheet.max_row}"].number_format = "0.0%"
    sheet.append([f"制表时间：{made_at:%Y-%m-%d %H:%M}"])
    sheet.column_dimensions["B"].width = 22
    for cell in sheet[2]:
        cell.font, cell.alignment = Font(bold=True), Alignment(horizontal="center", wrap_text=True)
    book.save(path)


def _pdf(rows: list[UnitRecord], path: Path, title: str, made_at: datetime) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate, Spacer

    from app.documents.fonts import BODY, register_fonts
    from app.documents.parts import BoldTitle, cn_datetime, grid, para_style, paragraph

    register_fonts()
    page = landscape(A4)
    margins = {"leftMargin": 10 * mm, "rightMargin": 10 * mm, "topMargin": 12 * mm, "bottomMargin": 12 * mm}
    doc = SimpleDocTemplate(
        str(path), pagesize=page, title=title, creator="信访接待台", initialFontName=BODY, **margins
    )
    width = page[0] - 20 * mm
    widths = [12 * mm, 50 * mm] + [(width - 62 * mm) / 11] * 11
    table = grid(
        [HEADER, *(unit_cells(u) for u in rows)],
        widths,
        [("FONTSIZE", (0, 0), (-1, -1), 9), ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
         ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E7EEF7")), ("ALIGN", (2, 0), (-1, -1), "CENTER")],
        repeatRows=1,
    )  # fmt: skip
    note = (
        f"制表时间：{cn_datetime(made_at)}　按时签收：异议期内签收；"
        + "得分：签收20、按期办结40、无重复访20、满意20"
    )
    doc.build([BoldTitle(title, 18, 1), Spacer(1, 8), table, Spacer(1, 6), paragraph(note, para_style(8))])
