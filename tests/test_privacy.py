"""Privacy by default: numbers masked for every role until one allowed asks, with a reason, on the record."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest

from app.access import PermissionDeniedError
from app.accounts import Role
from app.desk import Desk, open_desk
from app.errors import ValidationError
from tests.accounts_helpers import CHEAP_HASHER, sign_in_as
from tests.conftest import FixedClock
from tests.factories import WANG_JI_ID, id_number, person, visit

PHONE = "13800138000"
OTHER_ID = id_number(seq=45)


def _register_group(desk: Desk) -> tuple[str, int]:
    """王𠮷 and a companion on one visit; returns the matter number and 王𠮷's person id."""
    persons = [person("王𠮷", WANG_JI_ID, PHONE, rep=True), person("张伟", OTHER_ID, "13900139000")]
    matter_no = desk.intake.register_visit(visit(headcount=2, persons=persons)).matter_no
    [wang] = [p for p in desk.matters.detail(matter_no).visits[0].persons if p.name == "王𠮷"]
    return matter_no, wang.person_id


@pytest.mark.parametrize("role", list(Role))
def test_every_role_reads_masked_numbers(desk: Desk, role: Role) -> None:
    matter_no, person_id = _register_group(desk)
    sign_in_as(desk, role)
    shown = desk.matters.detail(matter_no).visits[0].persons[0]
    assert shown.id_number_masked == "110105********002X" and shown.phone_masked.endswith("8000")
    history = desk.recognition.history_for_id(WANG_JI_ID)
    assert history is not None and WANG_JI_ID not in repr(history) and PHONE not in repr(history)


def test_a_clerk_may_not_reveal_and_a_chief_reveals_on_the_record(desk: Desk) -> None:
    _matter_no, person_id = _register_group(desk)
    sign_in_as(desk, Role.CLERK)
    with pytest.raises(PermissionDeniedError, match="查看完整身份证号和电话"):
        desk.privacy.reveal(person_id, "id_number", "核对")
    sign_in_as(desk, Role.CHIEF)
    with pytest.raises(ValidationError, match="查看原因"):
        desk.privacy.reveal(person_id, "phone", "  ")
    assert desk.privacy.reveal(person_id, "id_number", "核对身份") == WANG_JI_ID
    assert desk.privacy.reveal(person_id, "phone", "回访") == PHONE
    reveals = desk.audit.entries(action="reveal")
    assert [(e.actor, e.record_id) for e in reveals] == [("chief", str(person_id))] * 2
    assert "回访" in reveals[0].detail and "phone" in reveals[0].detail


def test_slips_and_exports_are_masked_unless_asked(desk: Desk, tmp_path: Path) -> None:
    matter_no, _person_id = _register_group(desk)
    sign_in_as(desk, Role.CLERK)
    slip = desk.slips.write_slip(matter_no, out=tmp_path / "slip.pdf")
    text = subprocess.run(
        ["pdftotext", str(slip.path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert WANG_JI_ID not in text and PHONE not in text
    sign_in_as(desk, Role.CHIEF)
    day = date(2026, 11, 25)
    desk.exchange.export(day, day, tmp_path / "masked.json")
    desk.exchange.export(day, day, tmp_path / "full.json", reveal=True)
    assert WANG_JI_ID not in (tmp_path / "masked.json").read_text(encoding="utf-8")
    assert WANG_JI_ID in (tmp_path / "full.json").read_text(encoding="utf-8")
    assert all(PHONE not in str(row) for row in desk.ledger.rows(day, day))
    exports = desk.audit.entries(action="export")
    assert [e.detail.count('"reveal":true') for e in exports] == [1, 0]


def test_a_chief_exports_a_visitors_own_record_for_them(desk: Desk, tmp_path: Path) -> None:
    matter_no, person_id = _register_group(desk)
    sign_in_as(desk, Role.CLERK)
    with pytest.raises(PermissionDeniedError):
        desk.privacy.export_person(person_id, tmp_path / "mine.json")
    sign_in_as(desk, Role.CHIEF)
    written = desk.privacy.export_person(person_id, tmp_path / "wang.json")
    text = written.read_text(encoding="utf-8")
    assert WANG_JI_ID in text and PHONE in text and matter_no in text
    assert OTHER_ID not in text  # the companion on the same visit stays masked
    [entry] = desk.audit.entries(action="export_person")
    assert (entry.actor, entry.record_id) == ("chief", str(person_id))


def test_the_draft_file_holds_no_id_number_in_clear(desk: Desk, db_path: Path, tmp_path: Path) -> None:
    fields = {"persons": [{"name": "王𠮷", "id_number": WANG_JI_ID, "phone": PHONE}], "summary": "逾期交房"}
    desk.drafts.save(fields)
    raw = (db_path.parent / "drafts" / "intake.json").read_bytes()
    for secret in (WANG_JI_ID, WANG_JI_ID[-6:], PHONE, "王𠮷", "逾期交房"):
        assert secret.encode("utf-8") not in raw
    assert desk.drafts.load() == fields
    elsewhere = tmp_path / "other" / "other.sqlite"  # the file alone, beside another database: unreadable
    other = open_desk(str(elsewhere), clock=FixedClock(), password_hasher=CHEAP_HASHER)
    try:
        (elsewhere.parent / "drafts").mkdir()
        (elsewhere.parent / "drafts" / "intake.json").write_bytes(raw)
        other.sign_in_console("tests")
        assert other.drafts.load() is None
    finally:
        other.close()
