"""The case service, continued: two windows on one matter, clerks and unknown matters, leaders,
reception days, assignments from above, and the case file the window reads.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import pytest
from sqlalchemy import event, select, text
from sqlalchemy.orm import Session

from app.cases import CaseService
from app.deadlines import DEFAULT_RULES
from app.desk import Desk
from app.errors import ConflictError, NotFoundError, ValidationError
from app.storage import Storage
from db.models import MatterEvent
from tests.case_helpers import CLERK, D1, at, register, state
from tests.conftest import FixedClock
from tests.factories import visit

# -- two windows, clerks, unknown matters


def test_a_stale_screen_is_refused(desk: Desk, clock: FixedClock, cases: CaseService) -> None:
    matter_no = register(desk, clock)
    seen = cases.case_file(matter_no).version
    assert cases.start_review(matter_no, CLERK, expected_version=seen).version == seen + 1
    before = state(desk, matter_no)
    with pytest.raises(
        ConflictError, match="该事项已被其他窗口修改（打开时为第1版，现为第2版），请刷新后再操作"
    ):
        cases.accept(matter_no, "王强", expected_version=seen)
    assert state(desk, matter_no) == before


class RacingDatabase(Storage):
    """Another window writes the same matter just before this one flushes (as on a PostgreSQL hall)."""

    @contextmanager
    def writing(self) -> Iterator[Session]:
        with super().writing() as session:

            @event.listens_for(session, "before_flush", once=True)
            def other_window(session: Session, *_: Any) -> None:
                session.connection().execute(text("UPDATE matters SET version = version + 1"))

            yield session


def test_a_concurrent_write_is_a_conflict(desk: Desk, clock: FixedClock) -> None:
    matter_no = register(desk, clock)
    racing = CaseService(RacingDatabase(desk.db.engine), lambda: desk.calendar, lambda: DEFAULT_RULES, clock)
    before = state(desk, matter_no)
    with pytest.raises(ConflictError, match="该事项已被其他窗口修改"):
        racing.accept(matter_no, CLERK)
    assert state(desk, matter_no) == before  # both writes rolled back together


def test_an_unknown_clerk_is_refused(desk: Desk, clock: FixedClock, cases: CaseService) -> None:
    matter_no = register(desk, clock)
    before = state(desk, matter_no)
    with pytest.raises(ValidationError) as error:
        cases.accept(matter_no, "路人甲")
    assert error.value.errors[0].field == "clerk" and "路人甲" in error.value.message
    assert state(desk, matter_no) == before


def test_an_unknown_matter_is_not_found(cases: CaseService) -> None:
    with pytest.raises(NotFoundError, match="没有编号为 X信访〔2026〕999号 的信访事项"):
        cases.accept("X信访〔2026〕999号", CLERK)
    with pytest.raises(NotFoundError):
        cases.case_file("X信访〔2026〕999号")


def test_each_event_is_signed_by_its_clerk(desk: Desk, clock: FixedClock, cases: CaseService) -> None:
    matter_no = register(desk, clock)
    cases.accept(matter_no, "王强")
    with desk.db.reading() as session:
        last = session.scalars(select(MatterEvent).order_by(MatterEvent.id.desc()).limit(1)).one()
        assert (last.kind, last.clerk.name, last.at) == ("受理", "王强", clock.now)


# -- leaders, reception days, assignments from above


def test_leaders_in_charge_and_team(desk: Desk, clock: FixedClock, cases: CaseService) -> None:
    for name, title in (("陈书记", "县委副书记"), ("周县长", "副县长"), ("吴局长", "信访局局长")):
        cases.add_leader(name, title)
    with pytest.raises(ValidationError, match="已有名为“陈书记”的领导"):
        cases.add_leader("陈书记")
    for extra in ("甲", "乙", "丙", "丁", "戊", "己"):
        cases.add_leader(extra)
    matter_no = register(desk, clock)
    with pytest.raises(ValidationError, match="五包一成员最多5人，现为6人"):
        cases.set_leaders(matter_no, "陈书记", ["甲", "乙", "丙", "丁", "戊", "己"], CLERK)
    with pytest.raises(ValidationError, match="没有名为“钱市长”的领导"):
        cases.set_leaders(matter_no, "钱市长", [], CLERK)
    with pytest.raises(ValidationError, match="已是包案领导"):
        cases.set_leaders(matter_no, "陈书记", ["陈书记"], CLERK)

    cases.set_leaders(matter_no, "甲", ["周县长"], CLERK)
    cases.set_leaders(matter_no, "陈书记", ["周县长", "吴局长"], CLERK)
    result = cases.set_leaders(matter_no, "陈书记", ["周县长", "吴局长"], CLERK)  # the same again: replaced

    assert result.note == "包案领导：陈书记；五包一：周县长、吴局长" and result.status == "登记"
    leaders = cases.case_file(matter_no).leaders
    assert [(x.name, x.role) for x in leaders] == [
        ("陈书记", "包案"),
        ("周县长", "五包一"),
        ("吴局长", "五包一"),
    ]
    assert len(cases.leaders()) == 9


def test_reception_days_and_a_visit_on_one(desk: Desk, clock: FixedClock, cases: CaseService) -> None:
    cases.add_leader("周县长", "副县长")
    day = cases.schedule_reception_day("周县长", date(2026, 11, 25), "县信访局接待大厅")
    cases.schedule_reception_day("周县长", date(2026, 12, 2))
    with pytest.raises(ValidationError, match="周县长在2026年11月25日已安排接访"):
        cases.schedule_reception_day("周县长", date(2026, 11, 25))
    assert [d.day for d in cases.reception_days(date(2026, 11, 1), date(2026, 11, 30))] == [
        date(2026, 11, 25)
    ]

    registered = desk.intake.register_visit(visit(channel="领导接访日"))
    assert cases.link_visit_to_reception_day(registered.visit_id, day.id).leader == "周县长"
    later = cases.reception_days(date(2026, 12, 2), date(2026, 12, 2))[0]
    with pytest.raises(ValidationError, match="不是该接访日"):
        cases.link_visit_to_reception_day(registered.visit_id, later.id)


def test_upper_assignment_recorded_and_reported(desk: Desk, clock: FixedClock, cases: CaseService) -> None:
    matter_no = register(desk, clock)
    with pytest.raises(ValidationError, match="不能早于收到日期"):
        cases.record_upper_assignment(
            matter_no, "市信访局", "市信交〔2026〕8号", date(2026, 11, 25), date(2026, 11, 1), CLERK
        )
    cases.record_upper_assignment(
        matter_no, "市信访局", "市信交〔2026〕8号", date(2026, 11, 25), date(2026, 12, 25), CLERK
    )
    with pytest.raises(ValidationError, match="已登记上级交办"):
        cases.record_upper_assignment(
            matter_no, "市信访局", "另一号", date(2026, 11, 25), date(2026, 12, 25), CLERK
        )
    at(clock, 2026, 12, 28)
    reported = cases.report_upper_assignment(matter_no, CLERK)
    assert "逾期上报" in reported.note
    upper = cases.case_file(matter_no).upper_assignment
    assert upper is not None and (upper.ref_no, upper.reported) == ("市信交〔2026〕8号", date(2026, 12, 28))


def test_case_file_of_a_forwarded_matter(desk: Desk, clock: FixedClock, cases: CaseService) -> None:
    matter_no = register(desk, clock)
    cases.forward(matter_no, [D1], CLERK)
    case = cases.case_file(matter_no)
    assert case.status == "转送" and case.version == 2
    assert [a.key for a in case.allowed] == ["sign_for", "return_assignment", "merge"]
    (assignment,) = case.assignments
    assert (assignment.kind, assignment.assigned_by, assignment.handling_due) == (
        "转送",
        CLERK,
        date(2027, 1, 25),
    )
    # the department's 5-day objection window is its right, not a duty: the next duty is its handling
    assert case.next_deadline is not None and case.next_deadline.rule_key == "handling"
    objection = next(d for d in case.deadlines if d.rule_key == "misroute_objection")
    assert objection.window and objection.label == "对转送、交办提出异议"
