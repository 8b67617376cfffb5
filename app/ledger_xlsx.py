"""The ledger as an xlsx workbook (write-only: rows go to disk as they come). Its own module so that
openpyxl is imported when a workbook is written, not when the program starts."""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet

from app.ledger import COLUMNS, DATE_FORMAT, DATETIME_FORMAT, LINE_HEIGHT, WIDTHS, LedgerRow

_THIN = Side(style="thin", color="999999")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_WRAP = Alignment(wrap_text=True, vertical="center")
_MIDDLE = Alignment(vertical="center")
WRAPPED = frozenset(COLUMNS.index(name) for name in ("姓名", "住址", "概况"))  # long text: wrapped, not cut


def write_xlsx(rows: Iterator[LedgerRow], path: Path, title: str) -> int:
    """A write-only workbook: rows go to disk as they come. Title, frozen header, widths, date formats."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("台账")
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A3"  # the title and the header stay in view
    sheet.print_title_rows = "2:2"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.sheet_properties.pageSetUpPr.fitToPage = True  # every column on the page's width
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.merged_cells.add(f"A1:{get_column_letter(len(COLUMNS))}1")
    sheet.append([_cell(sheet, title, font=Font(bold=True, size=14), align=Alignment(horizontal="center"))])
    header_font, centred = Font(bold=True), Alignment(horizontal="center", vertical="center")
    sheet.append([_cell(sheet, name, font=header_font, align=centred, fill=_HEADER_FILL) for name in COLUMNS])
    count = 0
    for row in rows:
        values = row.values()
        lines = max(_lines(str(values[i]), WIDTHS[i]) for i in WRAPPED)
        if lines > 1:  # set before the row is written: neither Excel nor LibreOffice sizes it on opening
            sheet.row_dimensions[count + 3].height = LINE_HEIGHT * lines
        sheet.append([_value_cell(sheet, value, i in WRAPPED) for i, value in enumerate(values)])
        count += 1
    book.save(path)
    return count


def _lines(text: str, width: int) -> int:
    """How many lines `text` takes wrapped in a column `width` digits wide (a CJK character is about 1.7)."""
    units = sum(1.7 if unicodedata.east_asian_width(ch) in "WF" else 1.0 for ch in text)
    return max(1, math.ceil(units / max(width - 1, 1)))


def _cell(
    sheet: WriteOnlyWorksheet,
    value: Any,
    font: Font | None = None,
    align: Alignment | None = None,
    fill: PatternFill | None = None,
) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    cell.border = _BORDER
    if font is not None:
        cell.font = font
    if align is not None:
        cell.alignment = align
    if fill is not None:
        cell.fill = fill
    return cell


def _value_cell(sheet: WriteOnlyWorksheet, value: Any, wrap: bool) -> WriteOnlyCell:
    cell = _cell(sheet, value, align=_WRAP if wrap else _MIDDLE)
    if isinstance(value, datetime):
        cell.number_format = DATETIME_FORMAT
    elif isinstance(value, date):
        cell.number_format = DATE_FORMAT
    return cell
