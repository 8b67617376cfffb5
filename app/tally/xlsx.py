"""The tally as .xlsx, ready to send: title, two header rows with the pairs merged, frozen header, the totals
in bold, percentages as numbers formatted %, 环比/同比 lined up under the columns, A4 landscape with whole
column pairs to a page, 单位 and the header repeated and the print date in the footer; a second sheet
explains each column.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from app.tally.definitions import BATCHES, MATTER_COLUMNS, PERSONS, VISIT_GROUPS, sheet_groups
from app.tally.model import Change, Rate, Tally

FONT = "宋体"  # the font of Chinese government forms; every Chinese Windows has it
PERCENT = "0.0%"
CHANGE = "+0.0%;-0.0%;0.0%"
PRINT_SCALE = 70  # percent: 10-point type prints at 7 points, still easy to read
MARGIN_INCHES = 0.4
A4_LANDSCAPE_INCHES = 11.69
# printed points per unit of column width: ~5.4 in Excel (Calibri digits), ~7.5 measured in LibreOffice
# (whose substitute font is wider); the larger keeps every page's columns on the page in both
POINTS_PER_WIDTH_UNIT = 7.6
TITLE_ROW, INFO_ROW, HEAD_ROW, SUB_ROW, FIRST_DATA_ROW = 1, 2, 3, 4, 5
_thin = Side(style="thin", color="000000")
BORDER = Border(left=_thin, right=_thin, top=_thin, bottom=_thin)
HEAD_FILL = PatternFill("solid", fgColor="E7EEF7")
TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def write_xlsx(tally: Tally, path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook always has one sheet
    sheet.title = "周报表"
    keys = tally.column_keys()
    _headers(sheet, tally)
    table_end = _body(sheet, tally, keys)
    last = _comparisons(sheet, tally, keys, table_end + 2)
    _fit_widths(sheet, len(keys) + 1, last - 1, table_end)
    breaks = _print_setup(sheet, _blocks(tally))
    _title(sheet, tally, breaks[0] if breaks else len(keys) + 1)  # centred over the first printed page
    _definitions(book.create_sheet("口径说明"), tally)
    book.save(path)


def _title(sheet: Worksheet, tally: Tally, width: int) -> None:
    sheet.cell(TITLE_ROW, 1, tally.title).font = Font(name=FONT, size=16, bold=True)
    made = tally.made_at
    info = f"统计期间：{tally.period.label}　　制表单位：{tally.agency}　　制表时间：{made:%Y-%m-%d %H:%M}"
    sheet.cell(INFO_ROW, 1, info).font = Font(name=FONT, size=10)
    for row in (TITLE_ROW, INFO_ROW):
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        sheet.cell(row, 1).alignment = Alignment(horizontal="center", vertical="center")
    sheet.row_dimensions[TITLE_ROW].height = 30


def _headers(sheet: Worksheet, tally: Tally) -> None:
    """Row 3: 单位, each pair's name over two cells, each matter column over two rows; row 4: 批次/人次."""
    _head(sheet, HEAD_ROW, 1, "单位", rows=2)
    column = 2
    for group in sheet_groups(tally.categories):
        _head(sheet, HEAD_ROW, column, group.header, cols=2)
        _head(sheet, SUB_ROW, column, BATCHES)
        _head(sheet, SUB_ROW, column + 1, PERSONS)
        column += 2
    for matter_column in MATTER_COLUMNS:
        _head(sheet, HEAD_ROW, column, matter_column.header, rows=2)
        column += 1
    sheet.freeze_panes = sheet.cell(FIRST_DATA_ROW, 2)  # the header rows and the 单位 column stay
    sheet.row_dimensions[HEAD_ROW].height = 30


def _head(sheet: Worksheet, row: int, column: int, text: str, rows: int = 1, cols: int = 1) -> None:
    for r in range(row, row + rows):
        for c in range(column, column + cols):
            cell = sheet.cell(r, c)
            cell.border, cell.fill, cell.alignment = BORDER, HEAD_FILL, CENTER
            cell.font = Font(name=FONT, size=10, bold=True)
    sheet.cell(row, column, text)
    if rows > 1 or cols > 1:
        sheet.merge_cells(
            start_row=row, start_column=column, end_row=row + rows - 1, end_column=column + cols - 1
        )


def _body(sheet: Worksheet, tally: Tally, keys: list[str]) -> int:
    row_number = FIRST_DATA_ROW
    for row in tally.rows:
        total = row.kind == "total"
        _line(sheet, row_number, row.name, (row.values[k] for k in keys), bold=total)
        row_number += 1
    return row_number - 1


def _line(sheet: Worksheet, row: int, name: str, values: Iterable[Any], bold: bool = False) -> None:
    font = Font(name=FONT, size=10, bold=bold)
    for column, value in enumerate([name, *values], start=1):
        cell = sheet.cell(row, column)
        if isinstance(value, Rate):
            cell.value = float(value.value) if value.value is not None else "—"
            cell.number_format = PERCENT
        else:
            cell.value = value
        cell.font, cell.border = font, BORDER
        cell.alignment = Alignment(horizontal="left" if column == 1 else "center", vertical="center")
        if bold:
            cell.fill = TOTAL_FILL


def _comparisons(sheet: Worksheet, tally: Tally, keys: list[str], row: int) -> int:
    """Under the table: each comparison period's totals, then the change of this period's totals."""
    totals = tally.total.values
    for comparison in tally.comparisons:
        _line(sheet, row, f"{comparison.name}期", (comparison.totals[k] for k in keys))
        changes = [comparison.change(totals, k) for k in keys]
        _line(sheet, row + 1, f"{comparison.name}增减", (_change_value(c) for c in changes))
        for column, change in enumerate(changes, start=2):
            if isinstance(change.current, int) and change.ratio is not None:
                sheet.cell(row + 1, column).number_format = CHANGE
        row += 2
    periods = "；".join(f"{c.name}期为{c.period.label}" for c in tally.comparisons)
    note = f"注：{periods}。增减：件数、批次、人次为变化幅度（%），各项比率为相差的百分点；上期为0时记“—”。"
    sheet.cell(row, 1, note).font = Font(name=FONT, size=9, italic=True)
    return row


def _change_value(change: Change) -> Any:
    if isinstance(change.current, Rate):
        return change.text()
    return float(change.ratio) if change.ratio is not None else "—"


def display_width(text: str) -> int:
    """Columns a text takes: 2 for a Chinese (wide) character, 1 for the rest."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _fit_widths(sheet: Worksheet, width: int, last_row: int, table_end: int) -> None:
    """Each column as wide as its widest text (a merged header shared by its two columns); 单位 as its
    names (the comparison labels below the table wrap)."""
    need = dict.fromkeys(range(1, width + 1), 4)
    for row in sheet.iter_rows(min_row=SUB_ROW, max_row=last_row, max_col=width):
        for cell in row:
            if cell.value is not None and (cell.column > 1 or cell.row <= table_end):
                lines = _shown(cell.value, cell.number_format).split("\n")
                need[cell.column] = max(need[cell.column], *(display_width(line) for line in lines))
    for merged in sheet.merged_cells.ranges:
        if merged.min_row == HEAD_ROW:
            text = str(sheet.cell(HEAD_ROW, merged.min_col).value)
            columns = range(merged.min_col, merged.max_col + 1)
            share = -(-display_width(text) // len(columns))
            for column in columns:
                need[column] = max(need[column], share)
    for column, chars in need.items():
        sheet.column_dimensions[get_column_letter(column)].width = chars * 1.05 + 1.5


def _shown(value: Any, number_format: str) -> str:
    if isinstance(value, float):
        return f"{value * 100:+.1f}%" if number_format == CHANGE else f"{value * 100:.1f}%"
    return str(value)


def _blocks(tally: Tally) -> list[tuple[int, bool]]:
    """The sheet's columns after 单位 in blocks that a page break must not split: (columns, new section)."""
    visit_pairs = [g for g in VISIT_GROUPS if g.in_sheet]
    return [
        (2 * len(visit_pairs), True),
        *((2, i == 0) for i in range(len(tally.categories))),
        (len(MATTER_COLUMNS), False),
    ]


def _print_setup(sheet: Worksheet, blocks: list[tuple[int, bool]]) -> list[int]:
    """A4 landscape at a readable scale, the page width filled with whole column pairs: fifty-odd columns
    fitted to one page width would print at a third of their size. Every page repeats 单位 and the header."""
    setup = sheet.page_setup
    setup.orientation = "landscape"
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.scale = PRINT_SCALE
    sheet.sheet_properties.pageSetUpPr.fitToPage = False
    sheet.print_title_rows = f"{HEAD_ROW}:{SUB_ROW}"
    sheet.print_title_cols = "A:A"
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = MARGIN_INCHES
    sheet.oddFooter.left.text = "打印日期：&D"
    sheet.oddFooter.right.text = "第 &P 页，共 &N 页"
    breaks = _column_breaks(sheet, blocks)
    for column in breaks:
        sheet.col_breaks.append(Break(id=column))
    return breaks


def _column_breaks(sheet: Worksheet, blocks: list[tuple[int, bool]]) -> list[int]:
    """The columns after which a printed page ends: before a block that would not fit; between sections."""
    printable = (A4_LANDSCAPE_INCHES - 2 * MARGIN_INCHES) * 72 / (POINTS_PER_WIDTH_UNIT * PRINT_SCALE / 100)

    def width(column: int) -> float:
        return float(sheet.column_dimensions[get_column_letter(column)].width or 8.43)

    room = printable - width(1)
    breaks, used, column = [], 0.0, 2
    for count, new_section in blocks:
        block = sum(width(c) for c in range(column, column + count))
        if used and (new_section or used + block > room):
            breaks.append(column - 1)
            used = 0.0
        used += block
        column += count
    return breaks


def _definitions(sheet: Worksheet, tally: Tally) -> None:
    """口径说明: every column and how it counts, so the figures can be checked by whoever receives them."""
    sheet.append(["列", "统计口径"])
    for group in VISIT_GROUPS:
        if group.in_sheet:
            sheet.append([group.header, group.counts + "；批次为来访次数，人次为来访人数之和"])
    for category in tally.categories:
        sheet.append([category.name, f"问题属“{category.name}”类（含其下二级分类）的来访"])
    for column in MATTER_COLUMNS:
        sheet.append([column.header, column.counts])
    sheet.append(["行", "按事项的问题属地（乡镇、街道）归行；县直部门一行列于各乡镇之后；合计为各行之和"])
    sheet.append(["周", "按ISO周次：周一0时至周日24时"])
    for cell in sheet[1]:
        cell.font = Font(name=FONT, bold=True)
    sheet.column_dimensions["A"].width = 16
    sheet.column_dimensions["B"].width = 100
