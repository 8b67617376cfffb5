"""The rows of one bulk batch: ids handed out in memory, then one executemany per table.

Ids are taken from max(id) + 1 inside the batch's write transaction (BEGIN IMMEDIATE: no other writer
can take the same ones), which lets a visit point at its matter and persons without reading anything back.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from app.deadlines import DEFAULT_RULES, DeadlineRule, compute_deadline
from app.reference import ReferenceNames
from app.rules.visit_rules import CleanPerson, CleanVisit
from app.workdays import WorkCalendar
from db.models import (
    Assignment,
    Category,
    Clerk,
    Deadline,
    Department,
    Material,
    Matter,
    MatterDepartment,
    MatterEvent,
    MatterPerson,
    Person,
    Rating,
    Township,
    Visit,
    VisitPerson,
)
from db.search_index import BulkIndex

Row = dict[str, Any]
# Parents before children, so that every foreign key points at a row already written.
ORDER: tuple[type[Any], ...] = (
    Person,
    Matter,
    MatterPerson,
    MatterDepartment,
    Deadline,
    Assignment,
    Rating,
    Visit,
    VisitPerson,
    Material,
    MatterEvent,
)


@dataclass
class ReferenceIds:
    """Reference names and their ids, read once; notice deadlines worked out once per day."""

    now: datetime
    calendar: WorkCalendar
    townships: frozenset[str]
    categories: frozenset[str]
    departments: frozenset[str]
    ids: dict[str, dict[str, int]]  # table name → name → id
    rules: Mapping[str, DeadlineRule] = field(default_factory=lambda: DEFAULT_RULES)
    _deadlines: dict[date, date] = field(default_factory=dict)
    _dues: dict[tuple[str, int, date], date] = field(default_factory=dict)

    @classmethod
    def read(
        cls,
        session: Session,
        names: ReferenceNames,
        calendar: WorkCalendar,
        now: datetime,
        rules: Mapping[str, DeadlineRule] | None = None,
    ) -> ReferenceIds:
        ids = {}
        for model in (Township, Category, Department, Clerk):
            by_name: dict[str, int] = {}
            for name, row_id in session.execute(select(model.name, model.id).order_by(model.id)):
                by_name.setdefault(name, row_id)  # a name used twice: the first, as the service picks
            ids[model.__tablename__] = by_name
        return cls(
            now=now,
            calendar=calendar,
            townships=frozenset(names.townships),
            categories=frozenset(names.category_names),
            departments=frozenset(names.departments),
            ids=ids,
            rules=rules if rules is not None else DEFAULT_RULES,
        )

    def notice_deadline(self, received: date) -> date:
        if received not in self._deadlines:
            self._deadlines[received] = compute_deadline(received, DEFAULT_RULES["notice"], self.calendar).due
        return self._deadlines[received]

    def due(self, rule: DeadlineRule, start: date) -> date:
        """The due date of ``rule`` from ``start``, worked out once per rule, length and day."""
        key = (rule.key, rule.days, start)
        if key not in self._dues:
            self._dues[key] = compute_deadline(start, rule, self.calendar).due
        return self._dues[key]

    def id_of(self, model: type[Any], name: str) -> int | None:
        return self.ids[model.__tablename__].get(name)


class BatchRows:
    """Rows waiting to be written, per table, with the next free id of each table that needs one."""

    def __init__(self, refs: ReferenceIds, next_ids: dict[str, int]) -> None:
        self.refs = refs
        self.next_ids = next_ids
        self.rows: dict[type[Any], list[Row]] = {model: [] for model in ORDER}

    @classmethod
    def starting_at(cls, session: Session, refs: ReferenceIds) -> BatchRows:
        models = (Person, Matter, Deadline, Visit, Material, MatterEvent)
        next_ids = {m.__tablename__: (session.scalar(select(func.max(m.id))) or 0) + 1 for m in models}
        return cls(refs, next_ids)

    def _add(self, model: type[Any], **values: Any) -> int:
        """Queue a row; for a table with its own id, hand the next one out and return it."""
        table = model.__tablename__
        if table in self.next_ids:
            values["id"] = self.next_ids[table]
            self.next_ids[table] += 1
        self.rows[model].append(values)
        return int(values.get("id", 0))

    def person(self, clean: CleanPerson, known: dict[str, int]) -> int:
        """The person's id: the one already known by ID number, else a new person (as the service does)."""
        info = clean.id_info
        if info is not None and info.id_number in known:
            return known[info.id_number]
        person_id = self._add(
            Person,
            name=clean.name,
            id_number=info.id_number if info else None,
            sex=info.sex if info else None,
            birth_date=info.birth_date if info else None,
            region_code=info.region_code if info else None,
            phone=clean.phone,
            address=clean.address,
            created_at=self.refs.now,
        )
        if info is not None:
            known[info.id_number] = person_id
        return person_id

    def matter(self, clean: CleanVisit, matter_no: str, seq: int, query_code: str) -> tuple[int, date]:
        refs = self.refs
        deadline = refs.notice_deadline(clean.visited_at.date())
        matter_id = self._add(
            Matter,
            matter_no=matter_no,
            year=refs.now.year,
            seq=seq,
            query_code=query_code,
            status="登记",
            received_at=clean.visited_at,
            channel=clean.channel,
            purpose=clean.purpose,
            category_id=refs.id_of(Category, clean.category),
            township_id=refs.id_of(Township, clean.township),
            place=clean.place,
            summary=clean.summary,
            appeal=clean.appeal,
            first_clerk_id=refs.id_of(Clerk, clean.clerk),
            notice_deadline=deadline,
            version=1,
            closed_at=None,
            refusal_reason="",
            refusal_route="",
            replied_at=None,
            outcomes="",
        )
        self._notice(matter_id, clean.visited_at.date(), deadline)
        return matter_id, deadline

    def _notice(self, matter_id: int, start: date, due: date) -> None:
        """The matter's deadline row for the 15-day notice, as the service and revision 0002 write it."""
        self.deadline(matter_id, "notice", start, due)

    def deadline(
        self, matter_id: int, rule_key: str, start: date, due: date, department_id: int | None = None
    ) -> Row:
        """Queue a deadline row (every column given: one executemany needs the same keys in every row)."""
        self._add(
            Deadline,
            matter_id=matter_id,
            rule_key=rule_key,
            department_id=department_id,
            start=start,
            due=due,
            override_due=None,
            override_reason="",
            override_by_id=None,
            met_at=None,
            cancelled=False,
            cancelled_at=None,
        )
        return self.rows[Deadline][-1]

    def last(self, model: type[Any]) -> Row:
        return self.rows[model][-1]

    def add(self, model: type[Any], **values: Any) -> int:
        return self._add(model, **values)

    def link(self, matter_id: int, persons: Iterable[int], departments: list[str]) -> None:
        for person_id in sorted(persons):
            self._add(MatterPerson, matter_id=matter_id, person_id=person_id)
        for name in dict.fromkeys(departments):
            self._add(MatterDepartment, matter_id=matter_id, department_id=self.refs.id_of(Department, name))

    def visit(
        self, matter_id: int, clean: CleanVisit, persons: list[int], repeat: bool, first_clerk: str
    ) -> int:
        refs = self.refs
        visit_id = self._add(
            Visit,
            matter_id=matter_id,
            visited_at=clean.visited_at,
            channel=clean.channel,
            headcount=clean.headcount,
            is_group=clean.is_group,
            is_repeat=repeat,
            is_skip_level=clean.is_skip_level,
            flags=",".join(clean.flags),
            clerk_id=refs.id_of(Clerk, clean.clerk),
            handler_id=refs.id_of(Clerk, first_clerk),
            summary=clean.summary,
            created_at=refs.now,
        )
        self._visit_persons(visit_id, clean.persons, persons)
        for material in clean.materials:
            self._add(Material, visit_id=visit_id, name=material.name, pages=material.pages)
        self._event(matter_id, clean, repeat, first_clerk)
        return visit_id

    def _visit_persons(self, visit_id: int, clean: list[CleanPerson], person_ids: list[int]) -> None:
        """Each person as registered that day (name and phone as given), representatives flagged."""
        for person_id, cp in zip(person_ids, clean, strict=True):
            self._add(
                VisitPerson,
                visit_id=visit_id,
                person_id=person_id,
                representative=cp.representative,
                name=cp.name,
                phone=cp.phone,
            )

    def _event(self, matter_id: int, clean: CleanVisit, repeat: bool, first_clerk: str) -> None:
        if repeat:
            kind, note = "重访", f"重访登记，交首接人{first_clerk}办理：{clean.summary}"
        else:
            kind, note = "登记", f"来访登记：{clean.summary}"
        clerk_id = self.refs.id_of(Clerk, clean.clerk)
        self.event(matter_id, kind, clean.visited_at, clerk_id, note)

    def event(
        self,
        matter_id: int,
        kind: str,
        at: datetime,
        clerk_id: int | None,
        note: str,
        department_id: int | None = None,
    ) -> None:
        self._add(
            MatterEvent,
            matter_id=matter_id,
            kind=kind,
            at=at,
            clerk_id=clerk_id,
            note=note,
            department_id=department_id,
        )

    def to_index(self, index: BulkIndex) -> None:
        """Hand the new matters and persons to the search index (its triggers are off during the batch)."""
        index.matters.extend((r["id"], r["matter_no"], r["summary"], r["appeal"]) for r in self.rows[Matter])
        index.persons.extend((r["id"], r["id_number"], r["phone"]) for r in self.rows[Person])

    def write(self, session: Session) -> None:
        for model in ORDER:
            rows = self.rows[model]
            if rows:
                table: Table = model.__table__
                session.execute(insert(table), rows)
