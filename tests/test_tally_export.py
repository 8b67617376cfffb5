"""The tally's exports read back: the xlsx with openpyxl, the csv with the csv module, the PDF with poppler
(pdftotext, pdffonts); and the `tally` command line.
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from app import cli_tally
from app.desk import Desk
from app.errors import ValidationError
from app.resources import resource_path
from app.tally import Rate, Tally, TallyService
from app.tally.export import write_tally
from app.tally.xlsx import display_width
from tests.accounts_helpers import open_signed_in
from tests.conftest import FixedClock
from tests.tally_scenario import build

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
CATEGORIES = [
    c["name"] for c in json.loads(resource_path("tables", "categories.json").read_text("utf-8"))["categories"]
]
HEAD = (  # exactly as the bureau's template names them
    "单位, 批次, 人次, 集体访批次, 集体访人次, 个体访批次, 个体访人次, "
    "初访批次, 初访人次, 重访批次, 重访人次, 越级访批次, 越级访人次"
)
TAIL = "受理件数, 办结件数, 超期件数, 办结率, 按期办结率, 满意率, 网信占比"
TOWNSHIPS = json.loads(resource_path("tables", "county_example.json").read_text("utf-8"))["townships"]


@pytest.fixture(scope="module")
def tally(tmp_path_factory: pytest.TempPathFactory, template_db: Path) -> Iterator[Tally]:
    path = tmp_path_factory.mktemp("tally_export") / "desk.sqlite"
    shutil.copyfile(template_db, path)
    clock = FixedClock()
    desk = open_signed_in(str(path), clock=clock)
    build(desk, clock)
    yield TallyService(desk.db, desk.clock).week("2026-W47")
    desk.close()


# --- xlsx ------------------------------------------------------------------------------------------------


def test_the_xlsx_reads_back_with_the_services_figures(tally: Tally, tmp_path: Path) -> None:
    path = write_tally(tally, tmp_path / "周报表.xlsx")
    sheet = openpyxl.load_workbook(path)["周报表"]
    assert sheet["A1"].value == "示例县信访局信访情况周报表（2026年第47周 11月16日—11月22日）"
    keys = tally.column_keys()
    for offset, row in enumerate(tally.rows):
        line = [c.value for c in sheet[5 + offset]][: len(keys) + 1]
        assert line[0] == row.name
        for key, value in zip(keys, line[1:], strict=True):
            figure = row.values[key]
            if isinstance(figure, Rate):
                want = pytest.approx(float(figure.value)) if figure.value is not None else "—"
                assert value == want, (row.name, key)
                assert sheet.cell(5 + offset, 2 + keys.index(key)).number_format == "0.0%"
            else:
                assert value == figure, (row.name, key)
    total_row = 5 + len(tally.rows) - 1
    assert sheet.cell(total_row, 1).value == "合计"
    assert all(sheet.cell(total_row, c).font.b for c in range(1, len(keys) + 2))
    assert not sheet.cell(5, 2).font.b


def test_the_xlsx_header_is_two_rows_with_the_pairs_merged_and_frozen(tally: Tally, tmp_path: Path) -> None:
    sheet = openpyxl.load_workbook(write_tally(tally, tmp_path / "t.xlsx"))["周报表"]
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert {"A3:A4", "B3:C3", "D3:E3"} <= merged  # 单位 over two rows; 总量 and 集体访 over 批次/人次
    assert (sheet["B3"].value, sheet["B4"].value, sheet["C4"].value) == ("总量", "批次", "人次")
    heads = [sheet.cell(3, c).value for c in range(2, sheet.max_column + 1) if sheet.cell(3, c).value]
    assert heads[:8] == [
        "总量",
        "集体访",
        "个体访",
        "初访（集体）",
        "初访（个体）",
        "重访（集体）",
        "重访（个体）",
        "越级访",
    ]
    assert heads[8 : 8 + len(CATEGORIES)] == CATEGORIES
    assert heads[-7:] == TAIL.split(", ")
    last = sheet.max_column
    assert f"{openpyxl.utils.get_column_letter(last)}3:{openpyxl.utils.get_column_letter(last)}4" in merged
    assert sheet.freeze_panes == "B5"
    # widths fitted to the Chinese text: the widest township name and the two-column headers fit
    widest = max(display_width(name) for name in TOWNSHIPS)
    assert sheet.column_dimensions["A"].width >= widest
    labour = 2 + 2 * (8 + CATEGORIES.index("劳动和社会保障"))  # the pair's first column
    pair = [sheet.column_dimensions[openpyxl.utils.get_column_letter(labour + i)].width for i in (0, 1)]
    assert sum(pair) >= display_width("劳动和社会保障")


def test_the_xlsx_prints_on_a4_landscape_in_whole_pairs_with_the_header_repeated(
    tally: Tally, tmp_path: Path
) -> None:
    sheet = openpyxl.load_workbook(write_tally(tally, tmp_path / "t.xlsx"))["周报表"]
    setup = sheet.page_setup
    assert (setup.orientation, int(setup.paperSize)) == ("landscape", 9)  # 9: A4
    assert 60 <= int(setup.scale) <= 100  # readable: fifty-odd columns on one page width would not be
    assert (sheet.print_title_rows, sheet.print_title_cols) == ("$3:$4", "$A:$A")
    breaks = [b.id for b in sheet.col_breaks.brk]
    assert breaks[0] == 1 + 16  # 单位 and the eight pairs of visit types on the first page
    assert all((b - 1) % 2 == 0 for b in breaks if b < sheet.max_column - 7)  # never inside a pair
    assert "&D" in sheet.oddFooter.left.text  # the print date
    assert sheet.merged_cells.ranges and "A1:Q1" in {str(r) for r in sheet.merged_cells.ranges}  # title
    labels = [sheet.cell(r, 1).value or "" for r in range(1, sheet.max_row + 1)]
    assert {"环比期", "环比增减", "同比期", "同比增减"} <= set(labels)
    assert any("环比期为2026年第46周" in label for label in labels)


# --- csv -------------------------------------------------------------------------------------------------


def test_the_csv_has_a_bom_one_header_row_and_the_rows_in_order(tally: Tally, tmp_path: Path) -> None:
    path = write_tally(tally, tmp_path / "周报表.csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    pairs = [f"{c}{half}" for c in CATEGORIES for half in ("批次", "人次")]
    assert rows[0] == HEAD.split(", ") + pairs + TAIL.split(", ")
    assert [r[0] for r in rows[1:]] == [t for t in TOWNSHIPS if t != "县直部门"] + ["县直部门", "合计"]
    total = dict(zip(rows[0], rows[-1], strict=True))
    values = tally.total.values
    assert (total["批次"], total["人次"]) == (str(values["all.批次"]), str(values["all.人次"]))
    assert (total["初访批次"], total["重访人次"]) == (str(values["first.批次"]), str(values["repeat.人次"]))
    assert total["劳动和社会保障批次"] == str(values["category:07.批次"])
    assert (total["受理件数"], total["办结件数"], total["超期件数"]) == ("3", "5", "3")
    assert (total["按期办结率"], total["满意率"], total["网信占比"]) == ("80.0%", "66.7%", "28.6%")
    nanhu = dict(zip(rows[0], rows[4], strict=True))
    assert (nanhu["单位"], nanhu["办结率"]) == ("南湖镇", "—")


# --- pdf -------------------------------------------------------------------------------------------------


@needs_poppler
def test_the_pdf_has_the_title_the_rows_the_categories_and_embedded_fonts(
    tally: Tally, tmp_path: Path
) -> None:
    path = write_tally(tally, tmp_path / "周报表.pdf")
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    flat = "".join(text.split())
    assert "示例县信访局信访情况周报表（2026年第47周11月16日—11月22日）" in flat
    for word in (
        "合计",
        "城关镇",
        "县直部门",
        "劳动和社会保障",
        "城乡建设",
        "其他",
        "网信占比",
        "环比",
        "同比",
    ):
        assert word in flat
    assert "近12周来访总量" in flat
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    lines = fonts.splitlines()[2:]
    assert lines and all(line.split()[-5] == "yes" for line in lines), fonts  # the "emb" column
    assert "STSong" not in fonts and "Helvetica" not in fonts
    pages = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert "841.89 x 595.276" in pages  # A4 landscape


def test_an_unknown_extension_is_refused(tally: Tally, tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        write_tally(tally, tmp_path / "t.docx")
    assert write_tally(tally, tmp_path / "T.XLSX").exists()


# --- command line ----------------------------------------------------------------------------------------


def _parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    cli_tally.add_commands(parser.add_subparsers(dest="command"))
    return parser.parse_args(["tally", *argv])


def test_the_command_writes_a_week_or_a_range(
    desk: Desk, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "w.csv"
    assert cli_tally.tally(desk, _parse("--week", "2026-W47", "--out", str(out))) == 0
    assert out.read_text("utf-8-sig").splitlines()[0].startswith("单位,批次,人次")
    assert "2026年第47周" in capsys.readouterr().out
    out = tmp_path / "r.xlsx"
    assert cli_tally.tally(desk, _parse("--from", "2026-11-01", "--to", "2026-11-30", "--out", str(out))) == 0
    assert "2026年11月1日—11月30日" in openpyxl.load_workbook(out)["周报表"]["A1"].value


@pytest.mark.parametrize(
    "argv",
    [
        ("--week", "2025-W53"),
        ("--week", "47"),
        ("--from", "2026-11-01"),
        ("--from", "2026-11-31", "--to", "2026-12-01"),
        ("--from", "2026-11-30", "--to", "2026-11-01"),
        ("--week", "2026-W47", "--to", "2026-11-30"),
    ],
)
def test_the_command_refuses_bad_periods_as_invalid_input(
    desk: Desk, tmp_path: Path, argv: tuple[str, ...]
) -> None:
    with pytest.raises(ValidationError):  # the lead's main() turns it into exit code 2
        cli_tally.tally(desk, _parse(*argv, "--out", str(tmp_path / "x.csv")))
    assert not (tmp_path / "x.csv").exists()


def test_week_and_from_are_mutually_exclusive(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as raised:
        _parse("--week", "2026-W47", "--from", "2026-11-01", "--to", "2026-11-30", "--out", "x.csv")
    assert raised.value.code == 2


def test_a_clerk_exports_the_tally_and_the_export_is_audited(desk: Desk, tmp_path: Path) -> None:
    from app.accounts import Role
    from tests.accounts_helpers import sign_in_as

    clerk = sign_in_as(desk, Role.CLERK)  # counts only, no personal data: every role may send the tally up
    written = desk.tally.export(desk.tally.week("2026-W47"), tmp_path / "周报.csv")
    assert written.read_bytes().startswith(b"\xef\xbb\xbf")
    sign_in_as(desk, Role.CHIEF)  # who may read the log
    [entry] = desk.audit.entries(action="export", actor=clerk.username)
    assert (entry.record_type, '"method":"tally.export"' in entry.detail) == ("tally", True)
