"""`python -m app --self-test`: the same check CI runs on the built executable, here on the source tree.

A copy of the program with a font, a code table or a migration taken away must fail with the reason.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from app.desk import Desk
from app.intake_json import visit_from_json
from app.selftest import SelfTestError, check_fonts_embedded, pdf_fonts
from app.version import BUILD_FILE, build_info
from tests.test_cli import VISIT

ROOT = Path(__file__).resolve().parent.parent
pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


def self_test(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run(
        [sys.executable, "-m", "app", "--self-test", *args],
        cwd=cwd,
        env=env | {"PYTHONPATH": str(cwd)},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pdftotext
def test_self_test_registers_a_visit_and_writes_a_slip_that_reads_back(tmp_path: Path) -> None:
    db, slip = tmp_path / "new.sqlite", tmp_path / "slip.pdf"
    result = self_test("--db", str(db), "--out", str(slip))
    assert result.returncode == 0, result.stderr
    [line] = result.stdout.splitlines()
    assert line.startswith("自检通过 self-test ok") and "X信访〔2026〕1号" in line
    assert "fonts embedded: HanaMinA, WenQuanYiMicroHei" in line
    text = subprocess.run(["pdftotext", str(slip), "-"], capture_output=True, text=True, check=True).stdout
    assert "王𠮷" in text and "X信访〔2026〕1号" in text and "登记回执" in text
    assert db.exists()  # the database it migrated is kept for a look


def test_self_test_without_a_database_uses_a_temporary_one() -> None:
    result = self_test()
    assert result.returncode == 0, result.stderr
    assert "slip (temporary)" in result.stdout


def test_self_test_refuses_a_database_in_use(desk: Desk, db_path: Path, tmp_path: Path) -> None:
    desk.intake.register_visit(visit_from_json(dict(VISIT, visited_at="2026-11-20T09:30")))
    desk.close()
    result = self_test("--db", str(db_path), "--out", str(tmp_path / "slip.pdf"))
    assert result.returncode == 1 and "只能在新建的空数据库上运行" in result.stderr
    assert not (tmp_path / "slip.pdf").exists()


def _program_copy(tmp_path: Path) -> Path:
    """The program's code and resources, as a bundle would carry them (fonts linked to save the copy)."""
    copy = tmp_path / "program"
    for package in ("app", "db"):
        shutil.copytree(ROOT / package, copy / package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "resources", copy / "resources", copy_function=os.symlink)
    return copy


@pytest.mark.parametrize(
    ("removed", "reason"),
    [
        ("resources/fonts/HanaMinA.ttf", "missing or unreadable font"),
        ("resources/tables/regions.csv", "missing code table: regions.csv"),
        ("db/migrations/versions/0002_workflow_deadlines_holidays_assignments_.py", "missing migration"),
        ("db/migrations/env.py", "missing migration"),
    ],
)
def test_a_copy_missing_a_part_fails_with_the_reason(tmp_path: Path, removed: str, reason: str) -> None:
    copy = _program_copy(tmp_path)
    (copy / removed).unlink()
    result = self_test("--out", str(tmp_path / "slip.pdf"), cwd=copy)
    assert result.returncode == 1, result.stdout
    assert result.stderr.startswith("自检失败 self-test failed") and reason in result.stderr
    assert not (tmp_path / "slip.pdf").exists()


def test_a_pdf_with_a_font_not_embedded_fails(tmp_path: Path) -> None:
    pdf = tmp_path / "helvetica.pdf"
    page = canvas.Canvas(str(pdf))
    page.setFont("Helvetica", 12)  # one of the 14 standard fonts: ReportLab never embeds it
    page.drawString(72, 720, "receipt")
    page.save()
    used, embedded = pdf_fonts(pdf.read_bytes())
    assert used == {"Helvetica"} and embedded == set()
    with pytest.raises(SelfTestError, match="fonts not embedded: Helvetica"):
        check_fonts_embedded(pdf.read_bytes())


def test_version_line_from_source_and_from_a_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert build_info().line.endswith("(source)")
    (tmp_path / BUILD_FILE).write_text(json.dumps({"built": "2026-11-26T18:00Z", "commit": "abc1234"}))
    monkeypatch.setattr("app.version.resources_root", lambda: tmp_path)
    assert build_info().line.endswith("(built 2026-11-26T18:00Z, commit abc1234)")
