"""`python -m app user | audit | permissions`, and `--user` signing a script in as an account."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_cli import VISIT, run, write_json

NEW = {"XINFANG_DESK_NEW_PASSWORD": "clerk-pass-2026"}


def test_permissions_prints_the_table_without_a_database() -> None:
    result = run("permissions")
    assert result.returncode == 0
    assert "case_decide | — | ✓ | ✓" in result.stdout and "intake.register_visit → register" in result.stdout


def test_accounts_from_the_command_line_and_a_script_signed_in_as_a_clerk(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.sqlite")
    added = run("--db", db, "user", "add", "wangq", "--name", "王强", "--role", "clerk", env=NEW)
    assert added.returncode == 0, added.stderr
    assert "wangq\t王强\t接待员\t启用" in run("--db", db, "user", "list").stdout

    as_clerk = {"XINFANG_DESK_PASSWORD": "clerk-pass-2026"}
    refused = run("--db", db, "--user", "wangq", "user", "list", env=as_clerk)
    assert refused.returncode == 1 and "管理账号" in refused.stderr
    someone_else = run("--db", db, "--user", "wangq", "intake", "--json",
                       str(write_json(tmp_path / "a.json", [VISIT])), env=as_clerk)  # fmt: skip
    assert someone_else.returncode == 1 and "不能署名为“李娜”" in someone_else.stderr
    own = run("--db", db, "--user", "wangq", "intake", "--json",
              str(write_json(tmp_path / "b.json", [dict(VISIT, clerk="")])), env=as_clerk)  # fmt: skip
    assert own.returncode == 0, own.stderr
    shown = json.loads(run("--db", db, "show", json.loads(own.stdout)[0]["matter_no"]).stdout)
    assert shown["first_clerk"] == "王强"

    wrong = run("--db", db, "--user", "wangq", "user", "list", env={"XINFANG_DESK_PASSWORD": "nope-2026"})
    assert wrong.returncode == 1 and "用户名或密码不正确" in wrong.stderr
    assert run("--db", db, "user", "lock", "wangq").returncode == 0
    locked = run("--db", db, "--user", "wangq", "audit", "verify", env=as_clerk)
    assert locked.returncode == 1 and "已停用" in locked.stderr
    assert run("--db", db, "user", "unlock", "wangq").returncode == 0

    log = run("--db", db, "audit", "list", "--actor", "wangq", "--limit", "500").stdout
    assert "\tsign_in\t" in log and "\tsign_in_failed\t" in log and "\tinsert\tvisits#" in log
