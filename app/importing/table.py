"""Reading an old ledger into plain text cells: .xlsx (openpyxl, read-only) or .csv (UTF-8, BOM or GBK).

Every cell becomes text the way a clerk would read it off the screen: a real Excel date as
``2025-03-04 09:30`` (or ``2025-03-04`` at midnight), a whole number without ``.0`` (phone numbers typed
into number cells), 是/否 for a tick box. Old ledgers often put a title above the header: the header is the
first of the top rows that names at least two known columns, else the first row that is not empty. Row
numbers are those the spreadsheet shows, so the report can say "第12行".
"""

from __future__ import annotations

import csv
import io
import warnings
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from app.errors import ValidationError
from app.importing.mapping import field_for

HEADER_SEARCH = 10  # how many non-empty rows at the top may hold the header
DELIMITERS = (",", "\t", ";")


@dataclass(frozen=True)
class TableRow:
    number: int  # as the spreadsheet shows it (1-based), for the report
    cells: tuple[str, ...]

    def cell(self, index: int | None) -> str:
        if index is None or index >= len(self.cells):
            return ""
        return self.cells[index]


@dataclass(frozen=True)
class Table:
    """A ledger file as text: the header and the data rows below it (empty rows left out)."""

    source: str  # the file's name, as the report and the 导入 event show it
    sheet: str  # the sheet read; "" for a csv file
    sheets: tuple[str, ...]  # every sheet of the workbook, for the wizard's choice
    header_row: int
    headers: tuple[str, ...]
    rows: tuple[TableRow, ...]


def read_table(path: Path, sheet: str | None = None) -> Table:
    """The first sheet (or the one named) of an .xlsx file, or a .csv file, as text."""
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise ValidationError.single(
            "file", "不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 或 .csv 后再导入"
        )
    if suffix not in (".xlsx", ".xlsm", ".csv", ".txt"):
        raise ValidationError.single("file", f"不支持的文件类型“{path.suffix}”：请导入 .xlsx 或 .csv 文件")
    if not path.is_file():
        raise ValidationError.single("file", f"找不到文件 {path}")
    if suffix in (".csv", ".txt"):
        return _table(path.name, "", (), _csv_rows(path))
    return _read_xlsx(path, sheet)


def cell_text(value: Any) -> str:
    """One spreadsheet value as the text a clerk sees."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        if value.time() == time.min:
            return value.date().isoformat()
        return value.strftime("%Y-%m-%d %H:%M" if value.second == 0 else "%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    return str(value).strip()


# ---- xlsx ----


def _read_xlsx(path: Path, sheet: str | None) -> Table:
    from openpyxl import load_workbook  # loaded only when a workbook is read

    try:
        with warnings.catch_warnings():  # files from other programs: openpyxl warns about styles it skips
            warnings.simplefilter("ignore")
            book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise ValidationError.single("file", f"{path.name} 不是有效的 .xlsx 文件，或已损坏") from error
    try:
        names = tuple(book.sheetnames)
        chosen = sheet if sheet is not None else names[0]
        if chosen not in names:
            raise ValidationError.single(
                "sheet", f"工作簿中没有名为“{chosen}”的工作表，现有：" + "、".join(names)
            )
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            values = book[chosen].iter_rows(values_only=True)
            rows = [(n, [cell_text(v) for v in cells]) for n, cells in enumerate(values, start=1)]
        return _table(path.name, chosen, names, rows)
    finally:
        book.close()


# ---- csv ----


def _csv_rows(path: Path) -> list[tuple[int, list[str]]]:
    text = decode(path.read_bytes(), path.name)
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(DELIMITERS, key=first_line.count) if first_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return [(number, [cell.strip() for cell in cells]) for number, cells in enumerate(reader, start=1)]


def decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 with a BOM, else GB18030 — the superset of GBK that Chinese
    Excel writes when it saves a csv file."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValidationError.single("file", f"无法识别 {name} 的文字编码，请另存为 UTF-8 或 .xlsx 后再导入")


# ---- both ----


def _table(source: str, sheet: str, sheets: tuple[str, ...], rows: Iterable[tuple[int, list[str]]]) -> Table:
    filled = [(n, _trimmed(cells)) for n, cells in rows if any(cells)]
    if not filled:
        raise ValidationError.single("file", f"{source} 中没有内容")
    at = _header_index(filled)
    header_row, headers = filled[at]
    width = len(headers)
    body = tuple(TableRow(n, tuple(cells) + ("",) * (width - len(cells))) for n, cells in filled[at + 1 :])
    return Table(source, sheet, sheets, header_row, tuple(headers), body)


def _trimmed(cells: list[str]) -> list[str]:
    """Trailing empty cells dropped (a sheet's used range is often wider than its data)."""
    end = len(cells)
    while end and not cells[end - 1]:
        end -= 1
    return cells[:end]


def _header_index(rows: list[tuple[int, list[str]]]) -> int:
    for index, (_, cells) in enumerate(rows[:HEADER_SEARCH]):
        if sum(field_for(cell) is not None for cell in cells) >= 2:
            return index
    return 0
