"""Reading a matter's workflow state for its page: the actions allowed now, deadlines, departments,
ratings, leaders, the assignment from above and supervision.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import deadline_book, workflow
from app.case_records import (
    BUREAU,
    ActionInfo,
    AssignmentInfo,
    CaseFile,
    DeadlineInfo,
    LeaderInfo,
    RatingInfo,
    SupervisionInfo,
    UpperAssignmentInfo,
)
from app.cases.step import CaseBase, has_event, load_matter
from app.deadlines import DeadlineRule
from db.models import (
    Assignment,
    Clerk,
    Deadline,
    Department,
    Matter,
    MatterLeader,
    Rating,
    Supervision,
    UpperAssignment,
)


class Reading(CaseBase):
    def allowed_actions(self, matter_no: str) -> list[ActionInfo]:
        """The buttons of the matter's page: the table's actions for its status that can apply now."""
        with self._db.reading() as session:
            matter = load_matter(session, matter_no)
            return _allowed(session, matter)

    def case_file(self, matter_no: str) -> CaseFile:
        with self._db.reading() as session:
            matter = load_matter(session, matter_no)
            rows = deadline_book.rows(session, matter)
            rules = self._rules()
            upcoming = deadline_book.next_deadline(rows)
            return CaseFile(
                matter_no=matter.matter_no,
                status=matter.status,
                version=matter.version,
                allowed=_allowed(session, matter),
                deadlines=[_deadline_info(r, rules) for r in rows],
                next_deadline=_deadline_info(upcoming, rules) if upcoming is not None else None,
                assignments=_assignments(session, matter),
                ratings=_ratings(session, matter),
                leaders=_leaders(session, matter),
                upper_assignment=_upper(session, matter),
                supervisions=_supervisions(session, matter),
                outcomes=[o for o in matter.outcomes.split(",") if o],
                refusal_reason=matter.refusal_reason,
                refusal_route=matter.refusal_route,
                replied_at=matter.replied_at,
                closed_at=matter.closed_at,
                extended=has_event(session, matter, "extend"),
                merged_into=matter.merged_into.matter_no if matter.merged_into is not None else "",
                merged_from=list(
                    session.scalars(select(Matter.matter_no).where(Matter.merged_into_id == matter.id))
                ),
            )


def _allowed(session: Session, matter: Matter) -> list[ActionInfo]:
    active = [a for a in _assignment_rows(session, matter) if a.returned_at is None]
    applies = {
        "sign_for": any(a.signed_at is None for a in active),
        "return_assignment": any(a.signed_at is None for a in active),
        "feedback": any(a.signed_at is not None for a in active),
        "extend": not has_event(session, matter, "extend"),
    }
    return [
        ActionInfo(a.key, a.label, a.target, a.condition)
        for a in workflow.allowed_actions(matter.status)
        if applies.get(a.key, True)
    ]


def _deadline_info(row: Deadline, rules: Mapping[str, DeadlineRule]) -> DeadlineInfo:
    rule = rules.get(row.rule_key)
    return DeadlineInfo(
        id=row.id,
        rule_key=row.rule_key,
        label=rule.label if rule is not None else row.rule_key,
        department=row.department.name if row.department is not None else "",
        start=row.start,
        due=row.due,
        effective_due=row.effective_due,
        overridden=row.override_due is not None,
        override_reason=row.override_reason,
        met_at=row.met_at,
        cancelled=row.cancelled,
        window=row.rule_key in deadline_book.WINDOWS,
    )


def _assignment_rows(session: Session, matter: Matter) -> list[Assignment]:
    query = select(Assignment).where(Assignment.matter_id == matter.id).order_by(Assignment.id)
    return list(session.scalars(query))


def _assignments(session: Session, matter: Matter) -> list[AssignmentInfo]:
    clerks: dict[int, str] = {row.id: row.name for row in session.execute(select(Clerk.id, Clerk.name))}
    return [
        AssignmentInfo(
            department=a.department.name,
            kind=a.kind,
            assigned_at=a.assigned_at,
            assigned_by=clerks.get(a.assigned_by_id, ""),
            handling_due=a.deadline.effective_due if a.deadline is not None else None,
            signed_at=a.signed_at,
            returned_at=a.returned_at,
            return_reason=a.return_reason,
            feedback_at=a.feedback_at,
            feedback=a.feedback,
        )
        for a in _assignment_rows(session, matter)
    ]


def _ratings(session: Session, matter: Matter) -> list[RatingInfo]:
    query = (
        select(Rating, Department.name)
        .outerjoin(Department, Department.id == Rating.department_id)
        .where(Rating.matter_id == matter.id)
        .order_by(Rating.id)
    )
    return [RatingInfo(name or BUREAU, r.result, r.rated_at) for r, name in session.execute(query)]


def _leaders(session: Session, matter: Matter) -> list[LeaderInfo]:
    query = select(MatterLeader).where(MatterLeader.matter_id == matter.id)
    found = sorted(session.scalars(query), key=lambda ml: (ml.role != "包案", ml.leader_id))
    return [LeaderInfo(ml.leader.name, ml.leader.title, ml.role) for ml in found]


def _upper(session: Session, matter: Matter) -> UpperAssignmentInfo | None:
    row = session.scalar(select(UpperAssignment).where(UpperAssignment.matter_id == matter.id))
    if row is None:
        return None
    return UpperAssignmentInfo(row.body, row.ref_no, row.received_at, row.due, row.reported_at, row.note)


def _supervisions(session: Session, matter: Matter) -> list[SupervisionInfo]:
    query = select(Supervision).where(Supervision.matter_id == matter.id).order_by(Supervision.id)
    return [
        SupervisionInfo(s.level, s.reason, s.raised_at, s.raised_by.name, s.resolved_at)
        for s in session.scalars(query)
    ]
