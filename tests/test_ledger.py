"""The register (台账) of a period: the provincial columns in order, one row per visit, masked by default,
read back from the .xlsx (openpyxl) and the .csv (csv module) it writes."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import event

from app.desk import Desk
from app.errors import ValidationError
from app.ledger import COLUMNS, LedgerRow, LedgerService
from tests.factories import WANG_JI_ID, id_number, person, visit

PROVINCIAL = [
    "信访件编号",
    "姓名",
    "人数",
    "住址",
    "手机号码",
    "问题属地",
    "信访目的",
    "内容分类",
    "信访日期",
    "登记日期",
    "限办时间",
    "信访形式",
    "概况",
    "是否办结",
    "初次信访",
    "集体访",
    "状态",
    "登记人",
]
FIRST, LAST = date(2026, 11, 1), date(2026, 11, 25)


@pytest.fixture
def filled(desk: Desk) -> dict[str, str]:
    """A single visit, a group visit (representatives typed after the others) and a repeat visit;
    one visit the day before the period and one the day after its end."""
    single = desk.intake.register_visit(visit(visited_at=datetime(2026, 11, 2, 9, 30), purpose="求决"))
    group = visit(
        visited_at=datetime(2026, 11, 10, 14, 0),
        headcount=6,
        persons=[
            person("赵一", id_number(seq=11), "13900000001"),
            person("钱二", id_number(seq=13), "13900000002", rep=True),
            person("孙三", id_number(seq=15), None, rep=True),
        ],
        township="南湖镇",
        category="土地征收",
        summary="南湖村征地补偿款未发放",
        clerk="王强",
    )
    grouped = desk.intake.register_visit(group)
    desk.intake.register_visit(visit(visited_at=datetime(2026, 11, 25, 23, 59), matter_no=single.matter_no))
    desk.intake.register_visit(visit(visited_at=datetime(2026, 10, 31, 23, 59), summary="期前来访"))
    desk.intake.register_visit(visit(visited_at=datetime(2026, 11, 26, 0, 0), summary="期后来访"))
    return {"single": single.matter_no, "group": grouped.matter_no}


def test_the_columns_are_the_provincial_ones_in_order() -> None:
    assert list(COLUMNS) == PROVINCIAL
    assert len(LedgerRow.__dataclass_fields__) == len(PROVINCIAL)


def test_one_row_per_visit_of_the_period(desk: Desk, filled: dict[str, str]) -> None:
    rows = LedgerService(desk.db).rows(FIRST, LAST)

    assert [r.matter_no for r in rows] == [filled["single"], filled["group"], filled["single"]]
    first, group, repeat = rows
    assert first.names == "王𠮷" and first.headcount == 1 and first.purpose == "求决"
    assert first.visited_at == datetime(2026, 11, 2, 9, 30)
    assert first.first_visit == "是" and repeat.first_visit == "否"
    assert first.group == "否" and group.group == "是"
    assert first.closed == "否" and first.status == "登记"
    assert first.due is not None and first.due > first.visited_at.date()  # the running 15-day notice deadline
    assert group.names == "钱二、孙三、赵一"  # representatives first
    assert (group.township, group.category, group.clerk, group.headcount) == ("南湖镇", "土地征收", "王强", 6)
    assert group.summary == "南湖村征地补偿款未发放"


def test_phones_masked_unless_revealed(desk: Desk, filled: dict[str, str]) -> None:
    masked = LedgerService(desk.db).rows(FIRST, LAST)
    revealed = LedgerService(desk.db).rows(FIRST, LAST, reveal=True)

    assert masked[0].phone == "138****8000"
    assert masked[1].phone == "139****0002"  # the first person listed: a representative
    assert revealed[0].phone == "13800138000"
    assert revealed[1].phone == "13900000002"
    every_value = [str(v) for row in masked for v in row.values()]
    assert not any("13800138000" in v or WANG_JI_ID in v for v in every_value)


def test_xlsx_read_back(desk: Desk, filled: dict[str, str], tmp_path: Path) -> None:
    path = tmp_path / "台账.xlsx"
    count = LedgerService(desk.db, desk.settings).write(FIRST, LAST, path)

    sheet = load_workbook(path).active
    assert sheet is not None
    values = list(sheet.iter_rows(values_only=True))
    assert count == 3 and len(values) == 2 + 3
    assert values[0][0] == "示例县信访局来访登记台账（2026-11-01 至 2026-11-25）"
    assert "A1:R1" in {str(r) for r in sheet.merged_cells.ranges}
    assert list(values[1]) == PROVINCIAL
    assert sheet.freeze_panes == "A3"
    expected = LedgerService(desk.db).rows(FIRST, LAST)
    for got, want in zip(values[2:], expected, strict=True):
        assert got == tuple(_as_excel(v) for v in want.values())
    assert sheet["I3"].number_format == "yyyy-mm-dd hh:mm" and sheet["K3"].number_format == "yyyy-mm-dd"
    assert sheet.column_dimensions["M"].width > sheet.column_dimensions["C"].width


def test_csv_read_back_with_bom(desk: Desk, filled: dict[str, str], tmp_path: Path) -> None:
    path = tmp_path / "台账.csv"
    LedgerService(desk.db).write(FIRST, LAST, path, reveal=True)

    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as f:
        header, *rows = list(csv.reader(f))
    assert header == PROVINCIAL
    assert len(rows) == 3
    first = dict(zip(header, rows[0], strict=True))
    assert first["姓名"] == "王𠮷" and first["手机号码"] == "13800138000"
    assert first["信访日期"] == "2026-11-02 09:30" and first["初次信访"] == "是"
    assert first["信访件编号"] == filled["single"]


def test_rows_come_from_a_fixed_number_of_queries(desk: Desk, filled: dict[str, str]) -> None:
    """No query per visit: ten more visits cost no more statements."""
    service = LedgerService(desk.db)
    before = _statements(desk, lambda: service.rows(FIRST, LAST))
    for day in range(3, 13):
        desk.intake.register_visit(visit(visited_at=datetime(2026, 11, day, 10, 0), summary=f"第{day}件"))
    after = _statements(desk, lambda: service.rows(FIRST, LAST))
    assert len(service.rows(FIRST, LAST)) == 13
    assert after == before <= 4


def test_bad_period_and_extension(desk: Desk, tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        LedgerService(desk.db).rows(LAST, FIRST)
    with pytest.raises(ValidationError):
        LedgerService(desk.db).write(FIRST, LAST, tmp_path / "台账.pdf")


def _as_excel(value: object) -> object:
    """What openpyxl reads back: a date as a datetime at midnight, "" as None."""
    if value == "":
        return None
    if isinstance(value, date) and not isinstance(value, datetime):
        return datetime.combine(value, datetime.min.time())
    return value


def _statements(desk: Desk, action: object) -> int:
    seen: list[str] = []

    def count(*args: object) -> None:
        seen.append(str(args[2]))

    event.listen(desk.db.engine, "before_cursor_execute", count)
    try:
        action()  # type: ignore[operator]
    finally:
        event.remove(desk.db.engine, "before_cursor_execute", count)
    return len([s for s in seen if s.lstrip().upper().startswith("SELECT")])
