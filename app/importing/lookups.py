"""What an import asks the database about one row: who the persons are, whether the visit is already there,
and which open matter it continues.

Same person: the same ID number, or (for the import) the same name and phone — at the window the clerk
confirms a name + phone match; an import has nobody to ask, so the match is taken as confirmed.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, false, func, or_, select
from sqlalchemy.orm import Session

from app.rules.visit_rules import CleanPerson, CleanVisit
from app.rules.vocabulary import OPEN_STATUSES
from db.models import Matter, MatterPerson, Person, Visit, VisitPerson


def known_person(session: Session, person: CleanPerson) -> int | None:
    """The id of the person already registered: by ID number, else the oldest with this name and phone."""
    if person.id_info is not None:
        return session.scalar(select(Person.id).where(Person.id_number == person.id_info.id_number))
    if person.phone is None:
        return None
    return session.scalar(
        select(func.min(Person.id)).where(Person.name == person.name, Person.phone == person.phone)
    )


def already_imported(session: Session, visit: CleanVisit) -> bool:
    """A visit of one of these persons at the same time with the same summary exists (a re-import)."""
    same = or_(false(), *(_on_visit(p) for p in visit.persons))
    query = (
        select(Visit.id)
        .join(VisitPerson, VisitPerson.visit_id == Visit.id)
        .join(Person, Person.id == VisitPerson.person_id)
        .where(Visit.visited_at == visit.visited_at, Visit.summary == visit.summary, same)
    )
    return session.scalar(query.limit(1)) is not None


def _on_visit(person: CleanPerson) -> ColumnElement[bool]:
    conditions: list[ColumnElement[bool]] = []
    if person.id_info is not None:
        conditions.append(Person.id_number == person.id_info.id_number)
    if person.phone is not None:
        conditions.append(and_(VisitPerson.name == person.name, VisitPerson.phone == person.phone))
    return or_(false(), *conditions)


def existing_matter(session: Session, matter_no: str) -> str | None:
    """The number as this program stores it, when the ledger's 信访件编号 is one of ours."""
    return session.scalar(select(Matter.matter_no).where(Matter.matter_no == matter_no.strip()))


def open_matter_on(session: Session, person_ids: list[int], summary: str) -> str | None:
    """The newest open matter of these persons with this very summary: the visit is a repeat on it."""
    if not person_ids:
        return None
    query = (
        select(Matter.matter_no)
        .join(MatterPerson, MatterPerson.matter_id == Matter.id)
        .where(
            MatterPerson.person_id.in_(person_ids),
            Matter.status.in_(OPEN_STATUSES),
            Matter.summary == summary,
        )
        .order_by(Matter.received_at.desc(), Matter.id.desc())
    )
    return session.scalar(query.limit(1))
