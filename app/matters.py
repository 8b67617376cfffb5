"""Reading matters: one matter's whole record, pages of the matters list, today's visits, search."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Row, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session, selectinload

from app.errors import NotFoundError, ValidationError
from app.records import (
    EventRecord,
    MaterialRecord,
    MatterDetail,
    MatterSummary,
    PersonRecord,
    VisitRecord,
    VisitSummary,
)
from app.rules.idnumber import mask_id_number, normalise_id_number
from app.rules.phone import mask_phone
from db.engine import Database
from db.models import Matter, MatterPerson, Person, Visit, VisitPerson
from db.queries import (
    matter_summary_select,
    person_names_by_matter,
    visit_person_names,
    visits_between,
)

SORTABLE: dict[str, InstrumentedAttribute[Any]] = {
    "received_at": Matter.received_at,
    "notice_deadline": Matter.notice_deadline,
    "matter_no": Matter.id,  # numbers sort by issue order, not as text
    "status": Matter.status,
}
_DIGITS = re.compile(r"^[0-9Xx]{4,18}$")
_MASKED_ID = re.compile(r"^(\d{6})\*+(\d{3}[\dXx])$")  # copied from a slip: 110105********002X
_QUERY_CODE = re.compile(r"^[2-9A-HJ-NP-Z]{8}$")


class MatterService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def detail(self, matter_no: str) -> MatterDetail:
        with self._db.reading() as session:
            matter = session.scalar(
                select(Matter)
                .where(Matter.matter_no == matter_no.strip())
                .options(
                    selectinload(Matter.visits).selectinload(Visit.persons).selectinload(VisitPerson.person)
                )
            )
            if matter is None:
                raise NotFoundError(f"没有编号为 {matter_no} 的信访事项")
            return _detail(matter)

    def count(self) -> int:
        with self._db.reading() as session:
            return int(session.scalar(select(func.count(Matter.id))) or 0)

    def page(
        self, offset: int, limit: int, sort: str = "received_at", descending: bool = True
    ) -> list[MatterSummary]:
        """One page of the matters list, sorted in SQL (ties broken by id so pages never overlap)."""
        column = SORTABLE.get(sort, Matter.received_at)
        order = [column.desc(), Matter.id.desc()] if descending else [column.asc(), Matter.id.asc()]
        with self._db.reading() as session:
            rows = session.execute(matter_summary_select().order_by(*order).offset(offset).limit(limit)).all()
            return matter_summaries(session, rows)

    def visits_on(self, day: date, limit: int = 500) -> list[VisitSummary]:
        start = datetime.combine(day, time.min)
        with self._db.reading() as session:
            return visit_summaries(session, visits_between(session, start, start + timedelta(days=1), limit))

    def search(self, text: str, limit: int = 100) -> list[MatterSummary]:
        """Ranked: exact number, query code or ID first, then names and phones, then words of the appeal."""
        key = text.strip()
        if not key:
            return []
        with self._db.reading() as session:
            ids: list[int] = []
            for condition in _search_conditions(key):
                found = session.scalars(
                    _matter_ids_where(condition).order_by(Matter.received_at.desc()).limit(limit)
                ).all()
                ids.extend(i for i in found if i not in ids)
                if len(ids) >= limit:
                    break
            return _summaries_in_order(session, ids[:limit])


def _search_conditions(key: str) -> list[ColumnElement[bool]]:
    """The conditions tried in rank order for one search text."""
    like = f"%{_escape_like(key)}%"
    conditions: list[ColumnElement[bool]] = [
        Matter.matter_no == key,
        Matter.matter_no.like(like, escape="\\"),
    ]
    if _QUERY_CODE.match(key.upper()):
        conditions.insert(0, Matter.query_code == key.upper())
    masked = _MASKED_ID.match(key)
    if masked:
        conditions.append(Person.id_number.like(f"{masked[1]}%{masked[2].upper()}"))
    if _DIGITS.match(key):
        digits = _full_id_number(key.upper())
        conditions.append(Person.id_number == digits)
        conditions.append(Person.id_number.like(f"%{digits}"))
        conditions.append(Person.phone.like(f"%{digits}%"))
    else:
        conditions.append(Person.name == key)
        conditions.append(Person.name.like(f"{_escape_like(key)}%", escape="\\"))
    conditions.append(or_(Matter.summary.like(like, escape="\\"), Matter.appeal.like(like, escape="\\")))
    return conditions


def _full_id_number(digits: str) -> str:
    """A 15-digit legacy number is searched as the 18-digit number it became."""
    if len(digits) == 15 and digits.isdigit():
        try:
            return normalise_id_number(digits)
        except ValidationError:
            return digits
    return digits


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _matter_ids_where(condition: ColumnElement[bool]) -> Any:
    return (
        select(Matter.id)
        .outerjoin(MatterPerson, MatterPerson.matter_id == Matter.id)
        .outerjoin(Person, Person.id == MatterPerson.person_id)
        .where(condition)
        .distinct()
    )


def _summaries_in_order(session: Session, ids: list[int]) -> list[MatterSummary]:
    if not ids:
        return []
    rows = session.execute(matter_summary_select().where(Matter.id.in_(ids))).all()
    by_id = {row.id: row for row in rows}
    return matter_summaries(session, [by_id[i] for i in ids if i in by_id])


def matter_summaries(session: Session, rows: Sequence[Row[Any]]) -> list[MatterSummary]:
    names = person_names_by_matter(session, [row.id for row in rows])
    return [
        MatterSummary(
            matter_no=row.matter_no,
            status=row.status,
            received_at=row.received_at,
            summary=row.summary,
            category=row.category,
            township=row.township,
            first_clerk=row.first_clerk,
            notice_deadline=row.notice_deadline,
            visit_count=row.visit_count,
            last_visit_at=row.last_visit_at,
            persons="、".join(names.get(row.id, [])),
        )
        for row in rows
    ]


def visit_summaries(session: Session, rows: Sequence[Row[Any]]) -> list[VisitSummary]:
    names = visit_person_names(session, [row.id for row in rows])
    return [
        VisitSummary(
            visit_id=row.id,
            visited_at=row.visited_at,
            matter_no=row.matter_no,
            channel=row.channel,
            headcount=row.headcount,
            is_repeat=row.is_repeat,
            clerk=row.clerk,
            summary=row.summary,
            persons="、".join(names.get(row.id, [])),
        )
        for row in rows
    ]


def person_record(
    person: Person, representative: bool, name: str = "", phone: str | None = None
) -> PersonRecord:
    """A person as shown: masked numbers; on a visit, the name and phone given that day."""
    phone = phone or person.phone
    return PersonRecord(
        name=name or person.name,
        id_number_masked=mask_id_number(person.id_number) if person.id_number else "",
        phone_masked=mask_phone(phone) if phone else "",
        representative=representative,
    )


def _visit_record(visit: Visit) -> VisitRecord:
    return VisitRecord(
        visited_at=visit.visited_at,
        channel=visit.channel,
        headcount=visit.headcount,
        is_group=visit.is_group,
        is_repeat=visit.is_repeat,
        clerk=visit.clerk.name,
        handler=visit.handler.name,
        flags=[f for f in visit.flags.split(",") if f],
        persons=[person_record(vp.person, vp.representative, vp.name, vp.phone) for vp in visit.persons],
        materials=[MaterialRecord(m.name, m.pages) for m in visit.materials],
    )


def _detail(matter: Matter) -> MatterDetail:
    representatives = {vp.person_id for v in matter.visits for vp in v.persons if vp.representative}
    return MatterDetail(
        matter_no=matter.matter_no,
        query_code=matter.query_code,
        status=matter.status,
        received_at=matter.received_at,
        channel=matter.channel,
        purpose=matter.purpose,
        category=matter.category.name if matter.category else "",
        township=matter.township.name if matter.township else "",
        place=matter.place,
        summary=matter.summary,
        appeal=matter.appeal,
        first_clerk=matter.first_clerk.name,
        notice_deadline=matter.notice_deadline,
        departments=[md.department.name for md in matter.departments],
        persons=[person_record(mp.person, mp.person_id in representatives) for mp in matter.persons],
        visits=[_visit_record(v) for v in matter.visits],
        events=[EventRecord(e.at, e.kind, e.clerk.name, e.note) for e in matter.events],
    )
