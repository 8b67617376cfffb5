"""The departments' record (考核) against a scenario whose figures are counted here, its exports read back,
and the accountability letter (问责建议函) drafted by a chief and read back with pdftotext."""

from __future__ import annotations

import csv
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.access import PermissionDeniedError
from app.accounts import Role
from app.desk import Desk
from app.errors import ValidationError
from app.sources.assessment_export import HEADER
from tests.accounts_helpers import sign_in_as
from tests.conftest import FixedClock
from tests.factories import id_number, person, visit

CLERK = "李娜"
D1, D2 = "县住房和城乡建设局", "县自然资源局"
FROM, TO = date(2026, 9, 1), date(2026, 11, 25)


def _at(clock: FixedClock, when: str) -> None:
    clock.now = datetime.fromisoformat(when)


def _matter(desk: Desk, clock: FixedClock, seq: int, when: str) -> str:
    _at(clock, when)
    who = [person("张伟", id_number(seq=seq), None)]
    return desk.intake.register_visit(visit(visited_at=clock.now, persons=who, materials=[])).matter_no


@pytest.fixture
def scenario(desk: Desk, clock: FixedClock) -> dict[str, str]:
    """m1 done well by D1; m2 signed late and never answered by D1; m3 returned by D1, answered late by D2,
    visited again after the assignment; m4 done well by D2; m5 assigned before the period."""
    cases = desk.cases
    m = {k: _matter(desk, clock, i, "2026-08-31T09:00") for i, k in enumerate(("m1", "m2", "m3", "m4"), 1)}
    m["m5"] = _matter(desk, clock, 5, "2026-08-19T09:00")
    _at(clock, "2026-08-20T10:00")
    cases.assign(m["m5"], [D2], CLERK)
    _at(clock, "2026-09-01T10:00")
    for key, depts in (("m1", [D1]), ("m2", [D1]), ("m3", [D1, D2]), ("m4", [D2])):
        cases.assign(m[key], depts, CLERK)
    steps = [
        ("2026-09-02T10:00", lambda: cases.sign_for(m["m1"], D1, CLERK)),
        ("2026-09-03T10:00", lambda: cases.return_assignment(m["m3"], D1, "不属本部门职责", CLERK)),
        ("2026-09-03T11:00", lambda: cases.sign_for(m["m4"], D2, CLERK)),
        ("2026-09-04T10:00", lambda: cases.sign_for(m["m3"], D2, CLERK)),
        ("2026-09-15T10:00", lambda: cases.sign_for(m["m2"], D1, CLERK)),  # after the 5 working days
        ("2026-09-30T10:00", lambda: cases.feedback(m["m4"], D2, "已办理", CLERK)),
        ("2026-10-01T10:00", lambda: cases.reply(m["m4"], ["解决到位"], "已按政策解决", CLERK)),
        ("2026-10-02T10:00", lambda: cases.rate(m["m4"], "基本满意", CLERK, department=D2)),
        ("2026-10-10T10:00", lambda: cases.feedback(m["m1"], D1, "已办理", CLERK)),
        ("2026-10-11T10:00", lambda: cases.reply(m["m1"], ["解决到位"], "已按政策解决", CLERK)),
        ("2026-10-12T10:00", lambda: cases.rate(m["m1"], "满意", CLERK, department=D1)),
        ("2026-11-20T10:00", lambda: cases.feedback(m["m3"], D2, "已办理", CLERK)),  # after its 60 days
        ("2026-11-20T11:00", lambda: cases.reply(m["m3"], ["教育到位"], "已解释政策", CLERK)),
        ("2026-11-21T10:00", lambda: cases.rate(m["m3"], "不满意", CLERK, department=D2)),
    ]
    for when, step in steps:
        _at(clock, when)
        step()
    _at(clock, "2026-10-15T10:00")
    who = [person("张伟", id_number(seq=3), None)]
    desk.intake.register_visit(visit(visited_at=clock.now, persons=who, matter_no=m["m3"], materials=[]))
    _at(clock, "2026-11-26T10:00")
    return m


def test_the_record_counts_what_the_scenario_did(desk: Desk, scenario: dict[str, str]) -> None:
    rows = {u.department: u for u in desk.sources.assessment.assess(FROM, TO)}
    assert set(rows) == {D1, D2}  # m5's assignment is before the period
    d1, d2 = rows[D1], rows[D2]
    # D1: m1, m2, m3 assigned; m1 signed in time (m2 late, m3 returned); m1 on time; m2 never answered
    assert (d1.assigned, d1.signed_on_time, d1.closed_on_time, d1.overdue, d1.returned) == (3, 1, 1, 1, 1)
    assert (d1.repeat_visits, d1.rated, d1.satisfied) == (1, 1, 1)
    assert d1.repeat_rate == pytest.approx(1 / 3) and d1.satisfaction_rate == 1.0
    # D2: m3, m4 assigned, both signed in time; m4 on time, m3 answered late; m3 visited again
    assert (d2.assigned, d2.signed_on_time, d2.closed_on_time, d2.overdue, d2.returned) == (2, 2, 1, 1, 0)
    assert (d2.repeat_visits, d2.rated, d2.satisfied) == (1, 2, 1)
    # score: signing 20, on time 40, no repeat visits 20, satisfaction 20
    assert d1.score == pytest.approx(round(20 * 1 / 2 + 40 * 1 / 2 + 20 * 2 / 3 + 20 * 1, 1))
    assert d2.score == pytest.approx(round(20 * 1 + 40 * 1 / 2 + 20 * 1 / 2 + 20 * 1 / 2, 1))
    assert (d1.rank, d2.rank) == (1, 2)
    later = {u.department: u for u in desk.sources.assessment.assess(date(2026, 8, 1), date(2026, 8, 31))}
    assert later[D2].assigned == 1 and D1 not in later


def test_the_exports_carry_the_same_figures(desk: Desk, scenario: dict[str, str], tmp_path: Path) -> None:
    service = desk.sources.assessment
    rows = service.assess(FROM, TO)
    with (service.export(rows, tmp_path / "a.csv", FROM, TO)).open(encoding="utf-8-sig") as handle:
        table = list(csv.reader(handle))
    assert table[0] == HEADER
    assert [r[1] for r in table[1:]] == [D1, D2] and table[1][2:7] == ["3", "1", "1", "1", "1"]
    book = load_workbook(service.export(rows, tmp_path / "a.xlsx", FROM, TO))
    sheet = book.active
    assert sheet is not None
    assert "2026-09-01至2026-11-25" in str(sheet["A1"].value)
    assert [c.value for c in sheet[3]][:7] == [1, D1, 3, 1, 1, 1, 1]
    assert sheet["I3"].value == pytest.approx(1 / 3)
    text = _pdf_text(service.export(rows, tmp_path / "a.pdf", FROM, TO))
    assert D1 in text and D2 in text and "责任单位考核" in text
    with pytest.raises(ValidationError, match="不支持"):
        service.export(rows, tmp_path / "a.doc")
    exported = desk.audit.entries(action="export", record_type="sources.assessment")
    assert [e.record_id for e in exported] == [f"{FROM}..{TO}"] * 3  # the refused .doc is not logged
    sign_in_as(desk, Role.CLERK)  # a clerk reads the record but may not export it
    assert service.assess(FROM, TO) == rows
    with pytest.raises(PermissionDeniedError, match="导出台账"):
        service.export(rows, tmp_path / "b.csv", FROM, TO)


def _pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_a_chief_drafts_the_accountability_letter_from_the_record(
    desk: Desk, scenario: dict[str, str], tmp_path: Path
) -> None:
    letters = desk.sources.letters
    sign_in_as(desk, Role.CLERK)
    with pytest.raises(PermissionDeniedError, match="问责建议函"):
        letters.draft(scenario["m2"], out=tmp_path / "never.pdf")
    assert not (tmp_path / "never.pdf").exists()
    sign_in_as(desk, Role.CHIEF)
    pdf = letters.draft(scenario["m2"], out=tmp_path / "letter.pdf")
    printed = desk.audit.entries(action="print", record_type="sources.letters")
    assert [(e.actor, e.record_id) for e in printed] == [("chief", scenario["m2"])]
    text = "".join(_pdf_text(pdf).split())
    assert "信访工作问责建议函" in text and scenario["m2"] in text and D1 in text
    assert "县纪委监委" in text and "仍未反馈" in text and "2026年9月15日" in text  # the late signature
    facts = letters.facts(scenario["m3"])
    assert any("超期" in f and D2 in f for f in facts.failures)
    assert any("重复来访1次" in f for f in facts.failures) and any("不满意" in f for f in facts.failures)
    with pytest.raises(ValidationError, match="无需问责"):
        letters.draft(scenario["m4"])
    archived = letters.draft(scenario["m3"])
    assert archived.exists() and archived.parent.parent.name == "archive"
