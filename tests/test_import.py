"""Import of old ledgers: read (.xlsx, UTF-8/GBK .csv), map, check every row with the form's rules, import
all or nothing, nothing twice, and as repeats where the visitor already has the matter."""

from __future__ import annotations

import argparse
import csv
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from app import cli_ledger
from app.desk import Desk
from app.errors import ValidationError
from app.importing import (
    IMPORT_EVENT,
    ColumnMapping,
    ImportService,
    Table,
    propose_mapping,
    read_table,
)
from app.importing.convert import parse_headcount, parse_when
from app.ledger import LedgerService
from db.models import Visit
from tests.factories import WANG_JI_ID, id_number, person, visit

VARIANT_HEADERS = [
    "序号",
    "来访人姓名",
    "身份证号码",
    "联系电话",
    "来访日期",
    "来访人数",
    "所属乡镇",
    "问题类别",
    "来访形式",
    "反映问题",
    "主要诉求",
    "接待人",
    "备注",
]
ZHANG = id_number(seq=21)  # a man born 1980-01-01
LIU = id_number(region="440524", birth="19750505", seq=32)


def good_rows() -> list[list[object]]:
    return [
        [1, "张伟", ZHANG, "13800138001", datetime(2025, 3, 4, 9, 30), "1人", "城关镇", "城乡建设", "来访",
         "小区楼道漏水物业不修", "要求物业维修", "李娜", ""],
        [2, "刘芳、陈明", LIU, 13900139002, "2025年3月5日", 6, "南湖镇", "土地征收", "走访",
         "南湖村征地补偿未到位", "", "", "集体访"],
    ]  # fmt: skip


def write_xlsx(
    path: Path, headers: Sequence[object], rows: Sequence[Sequence[object]], title: str = ""
) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "来访登记"
    if title:
        sheet.append([title])
    sheet.append(list(headers))
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


def write_csv(path: Path, headers: Sequence[str], rows: Sequence[Sequence[object]], encoding: str) -> Path:
    with path.open("w", encoding=encoding, newline="") as f:
        writer = csv.writer(f)
        writer.writerow(headers)
        writer.writerows(rows)
    return path


def importer(desk: Desk, clerk: str = "张敏") -> ImportService:
    return ImportService(desk.intake, desk.db, desk.clock, default_clerk=clerk)


def visits(desk: Desk) -> int:
    with desk.db.reading() as session:
        return int(session.scalar(select(func.count(Visit.id))) or 0)


def load(path: Path) -> tuple[Table, ColumnMapping]:
    table = read_table(path)
    return table, propose_mapping(table.headers)


# ---- reading and mapping ----


def test_mapping_proposed_from_variant_headers() -> None:
    mapping = propose_mapping(VARIANT_HEADERS)

    assert mapping.columns == {
        "name": 1,
        "id_number": 2,
        "phone": 3,
        "visited_at": 4,
        "headcount": 5,
        "township": 6,
        "category": 7,
        "channel": 8,
        "summary": 9,
        "appeal": 10,
        "clerk": 11,
    }
    assert mapping.problems() == []


def test_mapping_prefers_our_own_names_and_tolerates_marks() -> None:
    headers = [
        "登记日期",
        "* 姓名",
        "信访日期",
        "人数（人）",
        "电话",
        "手机号码",
        "概况",
        "问题属地",
        "内容分类",
    ]
    mapping = propose_mapping(headers)

    assert mapping.column("visited_at") == 2  # 信访日期 beats 登记日期
    assert mapping.column("phone") == 5  # 手机号码 beats 电话
    assert mapping.column("name") == 1 and mapping.column("headcount") == 3
    changed = mapping.with_column("visited_at", 0).with_column("phone", None)
    assert changed.column("visited_at") == 0 and changed.column("phone") is None
    assert mapping.column("visited_at") == 2  # the original is untouched


def test_a_mapping_without_required_columns_is_refused(desk: Desk, tmp_path: Path) -> None:
    table, mapping = load(write_xlsx(tmp_path / "a.xlsx", ["姓名", "电话"], [["张伟", "13800138001"]]))

    assert "没有对应“信访日期”的列" in mapping.problems()
    with pytest.raises(ValidationError) as raised:
        importer(desk).dry_run(table, mapping)
    assert any("问题属地" in e.message for e in raised.value.errors)


def test_xlsx_with_a_title_row_and_excel_dates(tmp_path: Path) -> None:
    rows = [
        *good_rows(),
        [3, "王五", "", "13700137003", 45720, 1, "城关镇", "其他", "", "咨询政策", "", "", ""],
    ]
    table = read_table(write_xlsx(tmp_path / "a.xlsx", VARIANT_HEADERS, rows, title="2025年来访登记台账"))

    assert table.header_row == 2 and table.headers[1] == "来访人姓名"
    assert table.sheet == "来访登记" and table.sheets == ("来访登记",)
    assert [r.number for r in table.rows] == [3, 4, 5]
    assert table.rows[0].cells[4] == "2025-03-04 09:30"  # a real Excel date cell
    assert table.rows[1].cells[3] == "13900139002"  # a phone typed into a number cell
    assert parse_when(table.rows[2].cells[4]) == datetime(2025, 3, 4)  # an Excel serial number


def test_a_named_sheet_and_a_missing_one(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", VARIANT_HEADERS, good_rows())
    assert read_table(path, sheet="来访登记").rows
    with pytest.raises(ValidationError, match="没有名为“2024”的工作表"):
        read_table(path, sheet="2024")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-3-4", datetime(2025, 3, 4)),
        ("2025/03/04", datetime(2025, 3, 4)),
        ("2025.3.4", datetime(2025, 3, 4)),
        ("2025年3月4日", datetime(2025, 3, 4)),
        ("2025年3月4日 9时30分", datetime(2025, 3, 4, 9, 30)),
        ("2025年3月4日下午3点", datetime(2025, 3, 4, 15, 0)),
        ("2025-03-04 09:30:15", datetime(2025, 3, 4, 9, 30, 15)),
        ("2025/3/4 9:30", datetime(2025, 3, 4, 9, 30)),
        ("20250304", datetime(2025, 3, 4)),
        ("45720.5", datetime(2025, 3, 4, 12, 0)),
        ("2025-2-30", None),
        ("上周三", None),
    ],
)
def test_dates_in_the_usual_excel_forms(text: str, expected: datetime | None) -> None:
    assert parse_when(text) == expected


def test_headcounts() -> None:
    assert [parse_headcount(t) for t in ("5", "5人", "12 人", "5.0", "五人", "")] == [5, 5, 12, 5, None, None]


def test_gbk_csv(desk: Desk, tmp_path: Path) -> None:
    headers = ["姓名", "身份证号", "电话", "来访时间", "人数", "问题属地", "内容分类", "主要问题", "登记人"]
    row = [
        "张伟",
        ZHANG,
        "13800138001",
        "2025/3/4 9:30",
        "1",
        "城关镇",
        "城乡建设",
        "小区楼道漏水物业不修",
        "李娜",
    ]
    path = write_csv(tmp_path / "old.csv", headers, [row], encoding="gbk")
    assert not path.read_bytes().startswith(b"\xef\xbb\xbf")

    table, mapping = load(path)
    assert table.headers == tuple(headers) and table.rows[0].cells[0] == "张伟"
    report = importer(desk).run(table, mapping)

    assert report.imported == 1 and not report.rejected
    assert [m.persons for m in desk.matters.search("张伟")] == ["张伟"]


def test_utf8_csv_with_bom_and_tabs(tmp_path: Path) -> None:
    path = tmp_path / "tabs.csv"
    path.write_text("姓名\t电话\t来访日期\n张伟\t13800138001\t2025-3-4\n", encoding="utf-8-sig")
    table = read_table(path)
    assert table.headers == ("姓名", "电话", "来访日期")
    assert table.rows[0].cells == ("张伟", "13800138001", "2025-3-4")


# ---- importing ----


def test_good_rows_are_imported_and_found(desk: Desk, tmp_path: Path) -> None:
    table, mapping = load(write_xlsx(tmp_path / "2025台账.xlsx", VARIANT_HEADERS, good_rows()))

    dry = importer(desk).dry_run(table, mapping)
    assert (len(dry.accepted), dry.rejected, dry.skipped, dry.imported) == (2, [], [], 0)
    assert visits(desk) == 0

    report = importer(desk).run(table, mapping)
    assert report.imported == 2 and report.committed
    found = desk.matters.search("张伟")
    assert [m.summary for m in found] == ["小区楼道漏水物业不修"]
    detail = desk.matters.detail(found[0].matter_no)
    assert detail.received_at == datetime(2025, 3, 4, 9, 30)
    assert detail.visits[0].clerk == "李娜" and detail.appeal == "要求物业维修"
    imported = [e for e in detail.events if e.kind == IMPORT_EVENT]
    assert len(imported) == 1 and "2025台账.xlsx" in imported[0].note and "第2行" in imported[0].note

    group = desk.matters.detail(desk.matters.search("刘芳")[0].matter_no)
    assert group.visits[0].headcount == 6 and group.visits[0].is_group
    assert [p.name for p in group.persons] == [
        "刘芳"
    ]  # 陈明 has neither ID nor phone: counted, not registered
    assert group.visits[0].clerk == "张敏"  # no 接待人 in the row: the default clerk
    assert group.channel == "来访"  # 走访
    assert group.appeal == group.summary == "南湖村征地补偿未到位"  # no 诉求: the summary
    assert "原台账姓名：刘芳、陈明" in [e for e in group.events if e.kind == IMPORT_EVENT][0].note


def test_bad_rows_import_nothing_and_are_named(desk: Desk, tmp_path: Path) -> None:
    bad_id = ZHANG[:-1] + ("0" if ZHANG[-1] != "0" else "1")
    rows = [
        *good_rows(),
        [3, "李四", bad_id, "", "2025-3-6", 1, "城关镇", "城乡建设", "来访", "路灯不亮", "", "李娜", ""],
        [4, "王五", "", "13700137003", "去年", 1, "月亮镇", "城乡建设", "来访", "噪音扰民", "", "李娜", ""],
        [5, "赵六", "", "13700137004", "2025-3-7", "2人", "城关镇", "城乡建设", "来访", "", "", "无名氏", ""],
    ]
    table, mapping = load(write_xlsx(tmp_path / "bad.xlsx", VARIANT_HEADERS, rows))

    report = importer(desk).run(table, mapping)

    assert visits(desk) == 0 and report.imported == 0 and not report.committed
    assert [r.row for r in report.rejected] == [4, 5, 6]
    reasons = {r.row: "；".join(r.reasons) for r in report.rejected}
    assert reasons[4].startswith("身份证号码：") and "校验" in reasons[4]
    assert "来访日期：" in reasons[5] and "“去年”无法识别" in reasons[5]
    assert "所属乡镇：" in reasons[5] and "月亮镇" in reasons[5]
    assert "接待人：" in reasons[6] and "无名氏" in reasons[6]
    assert "反映问题：请填写概况" in reasons[6]
    lines = report.lines()
    assert "未导入任何数据" in lines[1] and any(line.startswith("第5行：拒绝：") for line in lines)


def test_only_the_valid_rows_when_asked(desk: Desk, tmp_path: Path) -> None:
    rows = [*good_rows(), [3, "王五", "", "1", "2025-3-6", 1, "城关镇", "城乡建设", "", "x", "", "", ""]]
    table, mapping = load(write_xlsx(tmp_path / "bad.xlsx", VARIANT_HEADERS, rows))

    report = importer(desk).run(table, mapping, only_valid=True)

    assert report.imported == 2 and [r.row for r in report.rejected] == [4] and visits(desk) == 2


def test_a_row_refused_at_registration_is_reported(desk: Desk, tmp_path: Path) -> None:
    """An ID number already registered under another name is found by the registration itself."""
    desk.intake.register_visit(visit(persons=[person("王𠮷", WANG_JI_ID, rep=True)]))
    rows = [
        *good_rows(),
        [3, "王吉", WANG_JI_ID, "", "2025-3-6", 1, "城关镇", "城乡建设", "", "另一件事", "", "", ""],
    ]
    table, mapping = load(write_xlsx(tmp_path / "a.xlsx", VARIANT_HEADERS, rows))

    report = importer(desk).run(table, mapping)

    assert report.imported == 0 and visits(desk) == 1
    assert [r.row for r in report.rejected] == [4] and "已登记为“王𠮷”" in report.rejected[0].reasons[0]


def test_reimporting_adds_nothing_twice(desk: Desk, tmp_path: Path) -> None:
    rows = [*good_rows(), good_rows()[0]]  # the first row twice in the same file
    table, mapping = load(write_xlsx(tmp_path / "a.xlsx", VARIANT_HEADERS, rows))

    first = importer(desk).run(table, mapping)
    again = importer(desk).run(table, mapping)

    assert first.imported == 2 and [(s.row, s.reason) for s in first.skipped] == [(4, "与第2行相同，跳过")]
    assert again.imported == 0 and not again.rejected and visits(desk) == 2
    assert [(s.row, s.reason) for s in again.skipped] == [
        (2, "已导入，跳过"),
        (3, "已导入，跳过"),
        (4, "已导入，跳过"),
    ]


def test_our_own_ledger_reimported_is_all_skipped(desk: Desk, tmp_path: Path) -> None:
    """The register this program writes (title row, our column names, phones revealed) reads back."""
    desk.intake.register_visit(visit(visited_at=datetime(2026, 11, 2, 9, 30)))
    desk.intake.register_visit(
        visit(visited_at=datetime(2026, 11, 3, 9, 30), persons=[person("张伟", ZHANG)])
    )
    path = tmp_path / "台账.xlsx"
    LedgerService(desk.db, desk.settings).write(date(2026, 11, 1), date(2026, 11, 30), path, reveal=True)

    table, mapping = load(path)
    report = importer(desk).dry_run(table, mapping)

    assert table.header_row == 2 and mapping.problems() == []
    assert [s.reason for s in report.skipped] == ["已导入，跳过"] * 2 and not report.rejected


def test_an_imported_row_on_an_open_matter_is_a_repeat(desk: Desk, tmp_path: Path) -> None:
    earlier = desk.intake.register_visit(
        visit(visited_at=datetime(2026, 3, 1, 9, 0), persons=[person("张伟", ZHANG, "13800138001", rep=True)],
              summary="小区楼道漏水物业不修")
    )  # fmt: skip
    by_phone = desk.intake.register_visit(
        visit(visited_at=datetime(2026, 3, 2, 9, 0), persons=[person("陈静", None, "13600136000", rep=True)],
              summary="噪音扰民")
    )  # fmt: skip
    headers = [
        "信访件编号",
        "姓名",
        "身份证号",
        "手机号码",
        "信访日期",
        "问题属地",
        "内容分类",
        "概况",
        "登记人",
    ]
    rows = [
        ["2026-017", "张伟", ZHANG, "", "2026-04-01", "城关镇", "城乡建设", "小区楼道漏水物业不修", "李娜"],
        ["", "陈静", "", "13600136000", "2026-04-02", "城关镇", "城乡建设", "噪音扰民", "李娜"],
        [earlier.matter_no, "张伟", ZHANG, "", "2026-04-03", "城关镇", "城乡建设", "又来反映漏水", "李娜"],
        ["", "张伟", ZHANG, "", "2026-04-04", "城关镇", "城乡建设", "另一件新事", "李娜"],
    ]
    table, mapping = load(write_xlsx(tmp_path / "a.xlsx", headers, rows))

    dry = importer(desk).dry_run(table, mapping)
    assert [a.repeat_of for a in dry.accepted] == [
        earlier.matter_no,
        by_phone.matter_no,
        earlier.matter_no,
        None,
    ]

    report = importer(desk).run(table, mapping)
    assert [(a.repeat, a.matter_no) for a in report.accepted[:3]] == [
        (True, earlier.matter_no),
        (True, by_phone.matter_no),
        (True, earlier.matter_no),
    ]
    assert not report.accepted[3].repeat
    detail = desk.matters.detail(earlier.matter_no)
    assert [v.is_repeat for v in detail.visits] == [False, True, True]
    assert "原信访件编号：2026-017" in [e.note for e in detail.events if e.kind == IMPORT_EVENT][0]
    assert len(desk.matters.detail(by_phone.matter_no).persons) == 1  # 陈静 matched by name + phone


# ---- the command line ----


def run_cli(desk: Desk, *argv: str) -> int:
    parser = argparse.ArgumentParser()
    cli_ledger.add_commands(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    return cli_ledger.COMMANDS[args.command](desk, args)


def test_cli_import(desk: Desk, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [*good_rows(), [3, "王五", "", "1", "2025-3-6", 1, "城关镇", "城乡建设", "", "x", "", "", ""]]
    bad = write_xlsx(tmp_path / "bad.xlsx", VARIANT_HEADERS, rows)
    good = write_xlsx(tmp_path / "good.xlsx", VARIANT_HEADERS, good_rows())

    assert run_cli(desk, "import", str(bad)) == 2
    out = capsys.readouterr().out
    assert "列对应：姓名←来访人姓名" in out and "未使用的列：序号、备注" in out and "第4行：拒绝：" in out
    assert run_cli(desk, "import", str(good), "--dry-run") == 0 and visits(desk) == 0
    assert run_cli(desk, "import", str(good), "--clerk", "刘洋") == 0 and visits(desk) == 2
    assert desk.matters.detail(desk.matters.search("刘芳")[0].matter_no).visits[0].clerk == "刘洋"
    assert run_cli(desk, "import", str(good)) == 0
    assert "已导入，跳过" in capsys.readouterr().out


def test_cli_ledger_and_export(desk: Desk, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    desk.intake.register_visit(visit())
    out = tmp_path / "l.csv"
    assert run_cli(desk, "ledger", "--from", "2026-11-01", "--to", "2026-11-30", "--out", str(out)) == 0
    assert out.read_text(encoding="utf-8-sig").count("\n") == 2
    exported = tmp_path / "e.json"
    argv = ["export", "--from", "2026-11-01", "--to", "2026-11-30", "--out", str(exported), "--reveal"]
    assert run_cli(desk, *argv) == 0
    assert WANG_JI_ID in exported.read_text(encoding="utf-8")
    assert "1 件信访事项" in capsys.readouterr().out
