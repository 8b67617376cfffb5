"""The workflow from the command line: act, case, notice, board — real processes on a real file."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.test_cli import VISIT, run, write_json

NO = "X信访〔2026〕1号"


def registered(tmp_path: Path) -> str:
    db = str(tmp_path / "case.sqlite")
    assert run("--db", db, "intake", "--json", str(write_json(tmp_path / "v.json", [VISIT]))).returncode == 0
    return db


def test_a_matter_followed_from_the_command_line(tmp_path: Path) -> None:
    db = registered(tmp_path)
    accepted = run("--db", db, "act", NO, "accept", "--clerk", "李娜")
    assert accepted.returncode == 0, accepted.stderr
    assert json.loads(accepted.stdout)["status"] == "受理"

    forwarded = run("--db", db, "act", NO, "assign", "--clerk", "李娜", "--department", "县住房和城乡建设局")
    assert json.loads(forwarded.stdout)["status"] == "交办"
    case = json.loads(run("--db", db, "case", NO).stdout)
    assert case["status"] == "交办" and case["assignments"][0]["department"] == "县住房和城乡建设局"
    assert "sign_for" in [a["key"] for a in case["allowed"]]

    pdf = tmp_path / "jiaoban.pdf"
    assert run("--db", db, "notice", NO, "交办单", "--out", str(pdf)).returncode == 0
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "县住房和城乡建设局" in text and "X信访转交〔2026〕1号" in text


def test_a_step_without_what_it_needs_or_not_allowed_exits_2(tmp_path: Path) -> None:
    db = registered(tmp_path)
    missing = run("--db", db, "act", NO, "extend", "--clerk", "李娜")
    assert missing.returncode == 2 and "--days" in missing.stderr and "--reason" in missing.stderr
    refused = run("--db", db, "act", NO, "close", "--clerk", "李娜", "--outcome", "解决到位")
    assert refused.returncode == 2 and "当前状态为登记" in refused.stderr
    stale = run("--db", db, "act", NO, "accept", "--clerk", "李娜", "--expected-version", "7")
    assert stale.returncode == 1 and "其他窗口" in stale.stderr


def test_the_board_lists_an_overdue_matter(tmp_path: Path) -> None:
    db = registered(tmp_path)  # registered 2026-09-20: its notice deadline 2026-10-08 has passed
    rows = json.loads(run("--db", db, "board").stdout)
    assert [r["matter_no"] for r in rows] == [NO] and rows[0]["state"] == "超期"
