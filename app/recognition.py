"""Recognition: who is this visitor, and what have they brought here before?

Certain on the ID number; suggested on name + phone, which the clerk confirms or rejects.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Row, or_, select
from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.matters import matter_summaries, visit_summaries
from app.records import PersonHistory
from app.rules.idnumber import mask_id_number, normalise_id_number
from app.rules.phone import mask_phone, normalise_phone
from app.rules.regions import region_name
from app.rules.vocabulary import OPEN_STATUSES
from db.engine import Database
from db.models import Matter, MatterPerson, Person, VisitPerson
from db.queries import matter_summary_rows, visits_of_person

HISTORY_VISITS = 200  # a person with more is shown the newest 200; the matters list has the rest


class RecognitionService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def history_for_id(self, raw_id_number: str) -> PersonHistory | None:
        """The history of the person with this ID number, or None for a first-time visitor."""
        try:
            id_number = normalise_id_number(raw_id_number)
        except ValidationError:
            return None
        with self._db.reading() as session:
            person = session.scalar(select(Person).where(Person.id_number == id_number))
            return None if person is None else _history(session, person)

    def suggest(self, name: str, phone: str) -> list[PersonHistory]:
        """Persons with this name and phone: a suggestion only, the clerk decides."""
        try:
            number = normalise_phone(phone)
        except ValidationError:
            return []
        with self._db.reading() as session:
            # the phone given at any earlier visit counts too: people change numbers
            given_before = select(VisitPerson.person_id).where(VisitPerson.phone == number)
            people = session.scalars(
                select(Person)
                .where(Person.name == name.strip(), or_(Person.phone == number, Person.id.in_(given_before)))
                .order_by(Person.id)
                .limit(10)
            )
            return [_history(session, p) for p in people]

    def history(self, person_id: int) -> PersonHistory | None:
        with self._db.reading() as session:
            person = session.get(Person, person_id)
            return None if person is None else _history(session, person)


def _history(session: Session, person: Person) -> PersonHistory:
    visits = visit_summaries(session, visits_of_person(session, person.id, HISTORY_VISITS))
    matters = matter_summaries(session, _matters_of(session, person.id))
    return PersonHistory(
        person_id=person.id,
        name=person.name,
        id_number_masked=mask_id_number(person.id_number) if person.id_number else "",
        sex=person.sex,
        birth_date=person.birth_date,
        region=region_name(person.region_code) if person.region_code else "",
        phone_masked=mask_phone(person.phone) if person.phone else "",
        visits=visits,
        open_matters=[m for m in matters if m.status in OPEN_STATUSES],
        closed_matters=[m for m in matters if m.status not in OPEN_STATUSES],
    )


def _matters_of(session: Session, person_id: int) -> list[Row[Any]]:
    """The person's matters, newest first: their ids from the person's index, then their summaries."""
    ids = session.scalars(
        select(Matter.id)
        .join(MatterPerson, MatterPerson.matter_id == Matter.id)
        .where(MatterPerson.person_id == person_id)
        .order_by(Matter.received_at.desc(), Matter.id.desc())
    ).all()
    return matter_summary_rows(session, ids)
