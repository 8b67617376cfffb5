"""Shared pieces of the case-service tests: the clerk and departments, a fixture, and small builders."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, select

from app.cases import CaseService
from app.desk import Desk
from db.models import Deadline, Matter
from tests.conftest import FixedClock
from tests.factories import id_number, person, visit

CLERK = "李娜"
D1, D2 = "县住房和城乡建设局", "县自然资源局"


def register(desk: Desk, clock: FixedClock, when: datetime | None = None, seq: int = 123) -> str:
    """A new matter received at ``when`` (the clock is moved there)."""
    when = when or datetime(2026, 11, 25, 9, 30)
    clock.now = when
    who = [person("张伟", id_number(seq=seq), "13800138000", rep=True)]
    return desk.intake.register_visit(visit(visited_at=when, persons=who)).matter_no


def at(clock: FixedClock, y: int, m: int, d: int, h: int = 10) -> None:
    clock.now = datetime(y, m, d, h, 0)


def state(desk: Desk, matter_no: str) -> tuple[str, int, int, int]:
    """What a refused step must leave alone: status, version, events, deadline rows."""
    with desk.db.reading() as session:
        matter = session.scalar(select(Matter).where(Matter.matter_no == matter_no))
        assert matter is not None
        rows = session.scalar(select(func.count(Deadline.id)).where(Deadline.matter_id == matter.id))
        return matter.status, matter.version, len(matter.events), int(rows or 0)


def due_of(cases: CaseService, matter_no: str, rule_key: str, department: str = "") -> date:
    rows = [
        d
        for d in cases.case_file(matter_no).deadlines
        if d.rule_key == rule_key and d.department == department and not d.cancelled
    ]
    return rows[-1].effective_due
