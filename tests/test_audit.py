"""The audit log: every write and every reveal, print, export, import and sign-in, in one hash chain that
tells where it was edited, cut or padded — including by someone with SQL access to the file."""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.accounts import Role
from app.audit import AuditService
from app.desk import Desk, open_desk
from app.errors import DeskError
from app.importing import propose_mapping, read_table
from app.sign_in import SignInError
from tests.accounts_helpers import open_signed_in, sign_in_as
from tests.conftest import FixedClock
from tests.factories import WANG_JI_ID, id_number, person, visit

ROOT = Path(__file__).resolve().parent.parent


def _actions(desk: Desk, **filters: str) -> list[str]:
    return [e.action for e in desk.audit.entries(limit=1000, **filters)]


def test_a_registration_is_audited_row_by_row_with_its_actor(desk: Desk) -> None:
    before = desk.audit.count()
    matter_no = desk.intake.register_visit(visit()).matter_no
    entries = desk.audit.entries(limit=desk.audit.count() - before)
    assert {e.actor for e in entries} == {"admin"}
    assert {"matters", "visits", "persons", "matter_events"} <= {e.record_type for e in entries}
    matter_id = str(desk.matters.page(0, 1)[0].id) if hasattr(desk.matters.page(0, 1)[0], "id") else None
    assert matter_id is None or "insert" in _actions(desk, record_type="matters", record_id=matter_id)
    assert WANG_JI_ID not in "".join(e.detail for e in entries)  # the log carries no ID numbers
    assert desk.audit.verify().ok and matter_no


def test_an_update_names_the_changed_columns(desk: Desk) -> None:
    matter_no = desk.intake.register_visit(visit()).matter_no
    desk.cases.start_review(matter_no, clerk="李娜")
    [update] = desk.audit.entries(action="update", record_type="matters", limit=1)
    assert "status" in update.detail and "受理审查中" not in update.detail  # names, not values


def test_reveal_print_export_import_and_sign_ins_are_entries(desk: Desk, tmp_path: Path) -> None:
    matter_no = desk.intake.register_visit(visit()).matter_no
    person_id = desk.matters.detail(matter_no).visits[0].persons[0].person_id
    desk.slips.write_slip(matter_no, out=tmp_path / "slip.pdf")
    day = desk.clock().date()
    desk.ledger.write(day.replace(day=1), day, tmp_path / "ledger.xlsx")
    desk.privacy.reveal(person_id, "id_number", "核对身份")
    importer = desk.importer()
    table = read_table(_ledger(tmp_path / "old.xlsx"))
    assert importer.run(table, propose_mapping(table.headers)).committed
    with pytest.raises(SignInError):
        desk.sign_in("admin", "not-the-password-1")
    sign_in_as(desk, Role.CHIEF)
    actions = set(_actions(desk))
    assert {"print", "export", "reveal", "import", "sign_in", "sign_in_failed"} <= actions
    [reveal] = desk.audit.entries(action="reveal")
    assert (reveal.actor, reveal.record_type, reveal.record_id) == ("admin", "persons", str(person_id))
    assert "核对身份" in reveal.detail
    assert desk.audit.entries(action="print")[0].record_id == matter_no
    assert desk.audit.verify().ok


def test_a_print_is_chained_in_the_transaction_that_records_it(desk: Desk, tmp_path: Path) -> None:
    """One commit for the printed_documents row and its print entry: neither can be kept without the other."""
    matter_no = desk.intake.register_visit(visit()).matter_no
    commits = []
    desk.db.on_write_session("after_commit", lambda session: commits.append(session))
    desk.slips.write_slip(matter_no, out=tmp_path / "slip.pdf")
    assert len(commits) == 1
    [printed, entry] = desk.audit.entries(limit=2)[::-1]
    assert (printed.action, printed.record_type) == ("insert", "printed_documents")
    assert (entry.action, entry.record_type, entry.record_id) == ("print", "slips", matter_no)
    assert entry.actor == "admin" and "slips.write_slip" in entry.detail
    assert desk.audit.verify().ok


def test_a_print_that_fails_before_its_record_leaves_no_entry(desk: Desk, tmp_path: Path) -> None:
    before = desk.audit.count()
    with pytest.raises(DeskError):
        desk.slips.write_slip("X信访〔2026〕999999号", out=tmp_path / "slip.pdf")
    assert desk.audit.count() == before and desk.audit.verify().ok


def test_an_audited_call_that_commits_nothing_still_gets_its_entry(desk: Desk) -> None:
    audit = desk.raw["audit"]
    assert isinstance(audit, AuditService)
    before = desk.audit.count()
    with audit.carried(audit.entry("print", "slips", "X")):
        pass  # nothing written: the entry is appended on its own
    [entry] = desk.audit.entries(limit=desk.audit.count() - before)
    assert (entry.action, entry.record_id) == ("print", "X") and desk.audit.verify().ok


def _ledger(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(
        ["来访人姓名", "身份证号码", "来访日期", "所属乡镇", "问题类别", "来访形式", "反映问题", "接待人"]
    )
    sheet.append(["张伟", id_number(seq=77), "2025-03-04", "城关镇", "城乡建设", "来访", "楼道漏水", "王强"])
    book.save(path)
    return path


def _tamper(db_path: Path, sql: str) -> None:
    with sqlite3.connect(db_path) as conn:
        conn.execute(sql)
    conn.close()


@pytest.fixture
def logged(desk: Desk, db_path: Path) -> Path:
    """A desk with some history, closed: the file is then edited behind the program's back."""
    for seq in range(3):
        desk.intake.register_visit(visit(persons=[person("张伟", id_number(seq=seq), None)]))
    assert desk.audit.verify().ok
    desk.close()
    return db_path


def _verdict(db_path: Path) -> tuple[bool, int | None, str]:
    """Verified without signing in, so that nothing is appended first."""
    desk = open_desk(str(db_path), clock=FixedClock())
    try:
        audit = desk.raw["audit"]
        assert isinstance(audit, AuditService)
        verdict = audit.verify()
        return verdict.ok, verdict.first_broken_id, verdict.reason
    finally:
        desk.close()


def _last_id(db_path: Path) -> int:
    with sqlite3.connect(db_path) as conn:
        (last,) = conn.execute("SELECT max(id) FROM audit_log").fetchone()
    conn.close()
    return int(last)


def test_an_edited_entry_is_the_first_broken_link(logged: Path) -> None:
    _tamper(logged, "UPDATE audit_log SET actor = 'someone' WHERE id = 500")
    assert _verdict(logged)[:2] == (False, 500)


def test_a_deleted_entry_breaks_the_chain_at_the_next(logged: Path) -> None:
    _tamper(logged, "DELETE FROM audit_log WHERE id = 700")
    ok, broken, reason = _verdict(logged)
    assert (ok, broken) == (False, 701) and "删除或插入" in reason


def test_a_deleted_last_entry_is_found_by_the_head(logged: Path) -> None:
    last = _last_id(logged)
    _tamper(logged, f"DELETE FROM audit_log WHERE id = {last}")
    assert _verdict(logged)[:2] == (False, last)


def test_an_inserted_entry_is_detected(logged: Path) -> None:
    last = _last_id(logged)
    _tamper(
        logged,
        "INSERT INTO audit_log (id, at, actor, action, record_type, record_id, detail, prev_hash, hash) "
        f"SELECT {last + 1}, at, 'admin', 'delete', 'matters', '1', '{{}}', hash, hash "
        f"FROM audit_log WHERE id = {last}",
    )
    assert _verdict(logged)[:2] == (False, last + 1)
    desk = open_signed_in(str(logged), clock=FixedClock())  # writing goes on after the inserted row
    try:
        desk.intake.register_visit(visit())
        assert desk.audit.verify().first_broken_id == last + 1
    finally:
        desk.close()


def test_the_command_line_reports_the_first_broken_link(logged: Path) -> None:
    ok = _cli("--db", str(logged), "audit", "verify")
    assert ok.returncode == 0 and ok.stdout.startswith("ok, ")
    _tamper(logged, "UPDATE audit_log SET action = 'select' WHERE id = 321")
    broken = _cli("--db", str(logged), "audit", "verify")
    assert broken.returncode == 1 and "第 321 条" in broken.stderr
    listed = _cli("--db", str(logged), "audit", "list", "--action", "insert", "--type", "matters")
    assert listed.returncode == 0 and listed.stdout.count("\tinsert\tmatters#") == 3


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    return subprocess.run(
        [sys.executable, "-m", "app", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


PER_WRITER = 15


def _writer(db_path: str, window: int) -> int:
    desk = open_signed_in(db_path, clock=FixedClock())
    try:
        for i in range(PER_WRITER):
            desk.intake.register_visit(visit(persons=[person("张伟", id_number(seq=window * 100 + i), None)]))
        return window
    finally:
        desk.close()


def test_two_processes_writing_at_once_keep_one_valid_chain(db_path: Path) -> None:
    context = multiprocessing.get_context("spawn")
    with context.Pool(2) as pool:
        pool.starmap(_writer, [(str(db_path), 1), (str(db_path), 2)])
    desk = open_signed_in(str(db_path), clock=FixedClock())
    try:
        verdict = desk.audit.verify()
        assert verdict.ok, verdict.reason
        assert verdict.checked == desk.audit.count()
        assert len(desk.audit.entries(action="insert", record_type="visits", limit=100)) == 2 * PER_WRITER
    finally:
        desk.close()
