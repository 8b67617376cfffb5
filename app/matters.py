"""Reading matters: one matter's whole record, pages of the matters list, today's visits, search."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session, selectinload

from app.errors import NotFoundError
from app.matter_list import page_summaries
from app.records import (
    EventRecord,
    MaterialRecord,
    MatterDetail,
    MatterSummary,
    PersonRecord,
    VisitRecord,
    VisitSummary,
)
from app.rules.idnumber import mask_id_number
from app.rules.phone import mask_phone
from db.engine import Database
from db.matter_pages import count_matters
from db.models import Matter, Person, Visit, VisitPerson
from db.queries import (
    matter_summary_rows,
    person_names_by_matter,
    visit_person_names,
    visits_between,
    visits_select,
)


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
        with self._db.reader() as reader:
            return count_matters(reader)

    def page(
        self, offset: int, limit: int, sort: str = "received_at", descending: bool = True
    ) -> list[MatterSummary]:
        """One page of the matters list, sorted in SQL (ties broken by id so pages never overlap): one
        prepared statement (the page's ids read from the sort column's index inside it, the summaries
        and their persons' names joined) on the driver's cursor, no Session."""
        with self._db.reader() as reader:
            return page_summaries(reader, offset, limit, sort, descending)

    def visits_on(self, day: date, limit: int = 500) -> list[VisitSummary]:
        start = datetime.combine(day, time.min)
        with self._db.reading() as session:
            return visit_summaries(session, visits_between(session, start, start + timedelta(days=1), limit))

    def visits_by_ids(self, visit_ids: Sequence[int]) -> list[VisitSummary]:
        """The visits behind a tally cell, oldest first."""
        with self._db.reading() as session:
            rows = session.execute(visits_select().where(Visit.id.in_(visit_ids))).all() if visit_ids else []
            return sorted(visit_summaries(session, rows), key=lambda v: (v.visited_at, v.visit_id))

    def summaries(self, matter_ids: Sequence[int]) -> list[MatterSummary]:
        """The matters behind a tally cell, in the order given."""
        with self._db.reading() as session:
            return matter_summaries(session, matter_summary_rows(session, list(matter_ids)))

    def summaries_by_no(self, matter_nos: Sequence[str]) -> list[MatterSummary]:
        """The matters behind a hotspot, a warning or a backlog bucket, in the order given."""
        if not matter_nos:
            return []
        with self._db.reading() as session:
            ids = dict(
                session.execute(
                    select(Matter.matter_no, Matter.id).where(Matter.matter_no.in_(matter_nos))
                ).all()
            )
            return matter_summaries(
                session, matter_summary_rows(session, [ids[n] for n in matter_nos if n in ids])
            )

    def search(self, text: str, limit: int = 100) -> list[MatterSummary]:
        """Ranked: exact number, query code or ID first, then names and phones, then words of the appeal."""
        from app.search import SearchService  # app.search builds on this module's summaries

        return SearchService(self._db).search(text, limit)


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


def summaries_from_rows(rows: Sequence[tuple[Any, ...]], names: dict[int, list[str]]) -> list[MatterSummary]:
    """Summaries from plain rows of matter_summary_select() (id, then MatterSummary's fields but persons,
    in its order; tests/test_recognition.py holds the two together) and the persons of each matter."""
    return [MatterSummary(*[*row[1:], "、".join(names.get(row[0], ()))]) for row in rows]  # persons: last


def visit_summaries_from_rows(
    rows: Sequence[tuple[Any, ...]], names: dict[int, list[str]]
) -> list[VisitSummary]:
    """Summaries from plain rows of visits_select() (id, then VisitSummary's fields but persons)."""
    return [VisitSummary(*[*row, "、".join(names.get(row[0], ()))]) for row in rows]  # persons: last


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
        person_id=person.id,
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
