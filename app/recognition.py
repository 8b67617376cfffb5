"""Recognition: who is this visitor, and what have they brought here before?

Certain on the ID number; suggested on name + phone, which the clerk confirms or rejects.

Read through prepared statements (db/prepared.py), not a Session: the history is shown while the clerk
types the ID number, and a Session's per-statement work cost ~30× the database's own.
"""

from __future__ import annotations

from typing import Any

from app.errors import ValidationError
from app.matters import summaries_from_rows, visit_summaries_from_rows
from app.records import PersonHistory
from app.rules.idnumber import mask_id_number, normalise_id_number
from app.rules.phone import mask_phone, normalise_phone
from app.rules.regions import region_name
from app.rules.vocabulary import OPEN_STATUSES
from db import queries
from db.engine import Database
from db.prepared import Reader

HISTORY_VISITS = 200  # a person with more is shown the newest 200; the matters list has the rest
SUGGESTIONS = 10


class RecognitionService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def history_for_id(self, raw_id_number: str) -> PersonHistory | None:
        """The history of the person with this ID number, or None for a first-time visitor."""
        try:
            id_number = normalise_id_number(raw_id_number)
        except ValidationError:
            return None
        with self._db.reader() as reader:
            person = queries.person_by_id_number(reader, id_number)
            return None if person is None else _history(reader, person)

    def suggest(self, name: str, phone: str) -> list[PersonHistory]:
        """Persons with this name and phone: a suggestion only, the clerk decides."""
        try:
            number = normalise_phone(phone)
        except ValidationError:
            return []
        with self._db.reader() as reader:
            people = queries.persons_by_name_and_phone(reader, name.strip(), number, SUGGESTIONS)
            return [_history(reader, p) for p in people]

    def history(self, person_id: int) -> PersonHistory | None:
        with self._db.reader() as reader:
            person = queries.person_by_id(reader, person_id)
            return None if person is None else _history(reader, person)


def _history(reader: Reader, person: tuple[Any, ...]) -> PersonHistory:
    """`person`: queries.PERSON_COLUMNS. Numbers are masked here, before anything leaves the service."""
    person_id, name, id_number, sex, birth_date, region_code, phone = person
    visit_rows = queries.person_visits(reader, person_id, HISTORY_VISITS)
    visits = visit_summaries_from_rows(
        visit_rows, queries.names_of_visits(reader, [v[0] for v in visit_rows])
    )
    matters = summaries_from_rows(
        queries.person_matter_summaries(reader, person_id), queries.names_of_person_matters(reader, person_id)
    )
    return PersonHistory(
        person_id=person_id,
        name=name,
        id_number_masked=mask_id_number(id_number) if id_number else "",
        sex=sex,
        birth_date=birth_date,
        region=region_name(region_code) if region_code else "",
        phone_masked=mask_phone(phone) if phone else "",
        visits=visits,
        open_matters=[m for m in matters if m.status in OPEN_STATUSES],
        closed_matters=[m for m in matters if m.status not in OPEN_STATUSES],
    )
