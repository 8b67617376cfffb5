"""Leaders, reception days and assignments from above from the command line — real processes, a real file."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from tests.test_cli import VISIT, run, write_json

NO = "X信访〔2026〕1号"


def ok(*args: str) -> Any:
    result = run(*args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_leaders_and_reception_days(tmp_path: Path) -> None:
    db = str(tmp_path / "leaders.sqlite")
    assert ok("--db", db, "leader", "add", "周县长", "--title", "副县长")["title"] == "副县长"
    ok("--db", db, "leader", "add", "陈书记")
    assert [x["name"] for x in ok("--db", db, "leaders")] == ["周县长", "陈书记"]
    again = run("--db", db, "leader", "add", "周县长")
    assert again.returncode == 2 and "已有名为“周县长”的领导" in again.stderr

    day = ok("--db", db, "reception-day", "add", "周县长", "2026-12-02", "--place", "县信访局接待大厅")
    assert (day["leader"], day["day"], day["place"]) == ("周县长", "2026-12-02", "县信访局接待大厅")
    ok("--db", db, "reception-day", "add", "陈书记", "2027-01-06")
    december = ok("--db", db, "reception-days", "--from", "2026-12-01", "--to", "2026-12-31")
    assert [(d["id"], d["leader"]) for d in december] == [(day["id"], "周县长")]
    bad = run("--db", db, "reception-days", "--from", "12月1日", "--to", "2026-12-31")
    assert bad.returncode == 2 and "--from" in bad.stderr
    unknown = run("--db", db, "reception-day", "add", "钱市长", "2026-12-02")
    assert unknown.returncode == 2 and "没有名为“钱市长”的领导" in unknown.stderr


def test_set_leaders_and_an_assignment_from_above(tmp_path: Path) -> None:
    db = str(tmp_path / "case.sqlite")
    assert run("--db", db, "intake", "--json", str(write_json(tmp_path / "v.json", [VISIT]))).returncode == 0
    for name in ("陈书记", "周县长"):
        ok("--db", db, "leader", "add", name)

    team = ["--team", "周县长", "吴局长", "甲", "乙", "丙", "--team", "丁"]  # --team repeats or takes several
    too_many = run("--db", db, "set-leaders", NO, "--in-charge", "陈书记", *team, "--clerk", "李娜")
    assert too_many.returncode == 2 and "五包一成员最多5人，现为6人" in too_many.stderr
    step = ok("--db", db, "set-leaders", NO, "--in-charge", "陈书记", "--team", "周县长", "--clerk", "李娜")
    assert step["note"] == "包案领导：陈书记；五包一：周县长"

    today = date.today()  # the process's clock is the real one
    received, due = today - timedelta(days=10), today + timedelta(days=20)
    upper = ok(
        "--db", db, "upper", NO, "--body", "市信访局", "--ref", "市信交〔2026〕8号",
        "--received", received.isoformat(), "--due", due.isoformat(), "--clerk", "李娜",
    )  # fmt: skip
    assert upper["action"] == "上级交办" and "市信交〔2026〕8号" in upper["note"]
    future = run("--db", db, "upper-report", NO, "--date", (today + timedelta(days=1)).isoformat())
    assert future.returncode == 2 and "不晚于今天" in future.stderr
    assert ok("--db", db, "upper-report", NO, "--date", today.isoformat())["action"] == "上报"

    case = ok("--db", db, "case", NO)
    assert [(x["name"], x["role"]) for x in case["leaders"]] == [("陈书记", "包案"), ("周县长", "五包一")]
    assert case["upper_assignment"]["reported"] == today.isoformat()
    assert case["upper_assignment"]["due"] == due.isoformat()
