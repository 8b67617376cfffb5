"""Building matters with deadline rows for the holiday, rule, deadline and supervision tests.

A registration gives a matter and its running notice row; the other rows are written through the models,
as the workflow would, so that these tests need nothing of the state machine.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.deadline_rules import DeadlineRuleService
from app.deadline_views import DeadlineViewService
from app.desk import Desk
from app.holidays import HolidayService
from app.supervision import SupervisionService
from db.models import Assignment, Clerk, Deadline, Department, Leader, Matter, MatterLeader
from tests import factories
from tests.conftest import FixedClock


@dataclass
class Services:
    holidays: HolidayService
    rules: DeadlineRuleService
    views: DeadlineViewService
    supervision: SupervisionService


def services(desk: Desk, clock: FixedClock) -> Services:
    """Every service of this part, seeded, wired as the composition root will wire them."""
    holidays = HolidayService(desk.db, clock)
    holidays.seed_if_empty()
    rules = DeadlineRuleService(desk.db)
    rules.seed_if_empty()
    return Services(
        holidays=holidays,
        rules=rules,
        views=DeadlineViewService(desk.db, holidays.calendar, rules.rules, clock),
        supervision=SupervisionService(desk.db, holidays.calendar, rules.rules, clock),
    )


def register(desk: Desk, **changes: object) -> str:
    """A new matter (its notice row running from the visit day); the matter's number."""
    return desk.intake.register_visit(factories.visit(**changes)).matter_no


def matter_of(desk: Desk, matter_no: str) -> Matter:
    """The matter's row, detached with its columns loaded (read them only)."""
    with desk.db.reading() as session:
        matter = session.scalar(select(Matter).where(Matter.matter_no == matter_no))
        assert matter is not None
        session.expunge(matter)  # the reading unit of work ends in a rollback, which would expire it
        return matter


def rows_of(desk: Desk, matter_no: str) -> list[Deadline]:
    """The matter's deadline rows, oldest first (detached: read their columns only)."""
    matter_id = matter_of(desk, matter_no).id
    query = select(Deadline).where(Deadline.matter_id == matter_id).order_by(Deadline.id)
    with desk.db.reading() as session:
        rows = list(session.scalars(query))
        session.expunge_all()
        return rows


def notice_row(desk: Desk, matter_no: str) -> Deadline:
    return next(r for r in rows_of(desk, matter_no) if r.rule_key == "notice")


def update_row(desk: Desk, deadline_id: int, **values: object) -> None:
    with desk.db.writing() as session:
        row = session.get_one(Deadline, deadline_id)
        for name, value in values.items():
            setattr(row, name, value)


def add_row(
    desk: Desk,
    matter_no: str,
    start: date,
    due: date,
    rule_key: str = "handling",
    department: str | None = None,
) -> int:
    matter_id = matter_of(desk, matter_no).id
    with desk.db.writing() as session:
        department_id = _department_id(session, department) if department else None
        row = Deadline(
            matter_id=matter_id, rule_key=rule_key, start=start, due=due, department_id=department_id
        )
        session.add(row)
        session.flush()
        return row.id


def plant(desk: Desk, start: date, due: date, rule_key: str = "handling", **changes: object) -> str:
    """A matter whose notice step is done and whose one running deadline runs from ``start`` to ``due``."""
    matter_no = register(
        desk, visited_at=datetime.combine(start, datetime.min.time()).replace(hour=9), **changes
    )
    update_row(desk, notice_row(desk, matter_no).id, met_at=datetime.combine(start, datetime.min.time()))
    add_row(desk, matter_no, start, due, rule_key)
    return matter_no


def assign(
    desk: Desk, matter_no: str, department: str, due: date, signed: bool = False, feedback: bool = False
) -> int:
    """An assignment to ``department`` with its own running deadline; the assignment's id."""
    deadline_id = add_row(desk, matter_no, date(2026, 10, 1), due, department=department)
    matter_id = matter_of(desk, matter_no).id
    at = datetime(2026, 10, 1, 10, 0)
    with desk.db.writing() as session:
        assignment = Assignment(
            matter_id=matter_id,
            department_id=_department_id(session, department),
            kind="交办",
            assigned_at=at,
            assigned_by_id=_clerk_id(session, "李娜"),
            deadline_id=deadline_id,
            signed_at=at if signed else None,
            feedback_at=at if feedback else None,
        )
        session.add(assignment)
        session.flush()
        return assignment.id


def put_leader(desk: Desk, matter_no: str, leader: str, role: str = "包案") -> None:
    matter_id = matter_of(desk, matter_no).id
    with desk.db.writing() as session:
        found = session.scalar(select(Leader).where(Leader.name == leader))
        if found is None:
            found = Leader(name=leader, title="副县长")
            session.add(found)
            session.flush()
        session.add(MatterLeader(matter_id=matter_id, leader_id=found.id, role=role))


def set_status(desk: Desk, matter_no: str, status: str) -> None:
    with desk.db.writing() as session:
        matter = session.scalar(select(Matter).where(Matter.matter_no == matter_no))
        assert matter is not None
        matter.status = status


def _department_id(session: Session, name: str) -> int:
    found = session.scalar(select(Department.id).where(Department.name == name))
    assert found is not None, name
    return found


def _clerk_id(session: Session, name: str) -> int:
    found = session.scalar(select(Clerk.id).where(Clerk.name == name))
    assert found is not None, name
    return found
