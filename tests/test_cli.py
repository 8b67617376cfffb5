"""`python -m app` as a script author uses it: real processes, a real database file, real PDFs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from app import __version__
from tests.factories import WANG_JI_ID

ROOT = Path(__file__).resolve().parent.parent
VISIT = {
    "visited_at": "2026-09-20T09:30",
    "channel": "来访",
    "headcount": 1,
    "persons": [{"name": "王𠮷", "id_number": WANG_JI_ID, "phone": "13800138000", "representative": True}],
    "township": "城关镇",
    "category": "城乡建设",
    "summary": "锦绣花园逾期交房",
    "appeal": "要求开发商按合同交房。",
    "clerk": "李娜",
    "matter_no": None,
}


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        cwd=ROOT,
        env=base | (env or {}),
        capture_output=True,
        text=True,
        timeout=120,
    )


def write_json(path: Path, visits: list[dict[str, object]]) -> Path:
    path.write_text(json.dumps(visits, ensure_ascii=False), encoding="utf-8")
    return path


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0 and __version__ in result.stdout


def test_intake_show_and_slip(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.sqlite")
    first = run("--db", db, "intake", "--json", str(write_json(tmp_path / "a.json", [VISIT])))
    assert first.returncode == 0, first.stderr
    [registered] = json.loads(first.stdout)
    assert registered["matter_no"] == "X信访〔2026〕1号" and registered["repeat"] is False

    repeat = dict(VISIT, visited_at="2026-10-09T10:00", matter_no=registered["matter_no"])
    second = run("--db", db, "intake", "--json", str(write_json(tmp_path / "b.json", [repeat])))
    assert json.loads(second.stdout)[0]["repeat"] is True

    shown = json.loads(run("--db", db, "show", registered["matter_no"]).stdout)
    assert shown["notice_deadline"] == "2026-10-08"
    assert shown["persons"][0]["id_number_masked"] == "110105********002X"
    assert WANG_JI_ID not in json.dumps(shown)  # the full ID number never leaves unmasked

    pdf = tmp_path / "slip.pdf"
    slip = run("--db", db, "slip", registered["matter_no"], "--out", str(pdf), "--layout", "thermal")
    assert slip.returncode == 0, slip.stderr
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "王𠮷" in text and registered["query_code"] in text


def test_invalid_intake_registers_none_and_exits_2(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.sqlite")
    bad = dict(VISIT, persons=[{"name": "赵六", "id_number": "110105194912310021"}])
    result = run("--db", db, "intake", "--json", str(write_json(tmp_path / "bad.json", [VISIT, bad])))

    assert result.returncode == 2
    assert "[1].persons[0].id_number" in result.stderr and "校验" in result.stderr
    assert run("--db", db, "show", "X信访〔2026〕1号").returncode == 2  # the valid one was not kept either


def test_malformed_json_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text("[{", encoding="utf-8")
    result = run("--db", str(tmp_path / "cli.sqlite"), "intake", "--json", str(path))
    assert result.returncode == 2 and "JSON" in result.stderr


def test_database_from_environment(tmp_path: Path) -> None:
    db = tmp_path / "env.sqlite"
    result = run(
        "intake", "--json", str(write_json(tmp_path / "a.json", [VISIT])), env={"XINFANG_DESK_DB": str(db)}
    )
    assert result.returncode == 0 and db.exists()


def test_window_without_display_says_so_in_one_line(tmp_path: Path) -> None:
    result = run("--db", str(tmp_path / "cli.sqlite"))
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0 and "DISPLAY" in result.stderr


def test_misspelt_keys_and_string_booleans_are_refused(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.sqlite")
    typo = dict(VISIT, matterno="X信访〔2026〕1号")
    string_bool = dict(VISIT, persons=[dict(VISIT["persons"][0], representative="false")])  # type: ignore[index]
    result = run("--db", db, "intake", "--json", str(write_json(tmp_path / "t.json", [typo, string_bool])))
    assert result.returncode == 2
    assert "[0].matterno: 未知的项" in result.stderr
    assert "[1].persons[0].representative: 应为 true 或 false" in result.stderr


def test_storage_failures_are_told_in_chinese_without_personal_data(tmp_path: Path) -> None:
    not_a_database = tmp_path / "notes.sqlite"
    not_a_database.write_bytes(b"this is a text file, not SQLite" * 100)
    result = run(
        "--db", str(not_a_database), "intake", "--json", str(write_json(tmp_path / "a.json", [VISIT]))
    )
    assert result.returncode == 1
    assert "已损坏" in result.stderr and "恢复" in result.stderr and "Traceback" not in result.stderr
    assert WANG_JI_ID not in result.stderr


def test_unwritable_slip_path_is_not_recorded_as_a_print(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.sqlite")
    run("--db", db, "intake", "--json", str(write_json(tmp_path / "a.json", [VISIT])))
    blocked = tmp_path / "a-file"
    blocked.write_text("x")
    failed = run("--db", db, "slip", "X信访〔2026〕1号", "--out", str(blocked / "slip.pdf"))
    assert failed.returncode == 1 and "无法读写文件" in failed.stderr
    ok = run("--db", db, "slip", "X信访〔2026〕1号", "--out", str(tmp_path / "slip.pdf"))
    assert ok.returncode == 0 and "补打" not in ok.stdout  # the failed attempt did not count as a print
