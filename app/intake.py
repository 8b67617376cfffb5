"""Registering a visit (来访必登): one transaction from the validated form to a numbered matter.

A new matter takes its number from the yearly counter row in the same transaction, gets a query code
and its 15-day notice deadline. A repeat visit (重访) is attached to the open matter the clerk named
and goes back to the clerk who first received it (首接首办, 重访必交).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Mapping
from datetime import datetime
from functools import partial
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.deadline_book import open_deadline
from app.deadlines import DeadlineRule, compute_deadline
from app.errors import FieldError, ValidationError
from app.records import RegisteredVisit, VisitInput
from app.reference import KnownNames, ReferenceNames, ReferenceService
from app.rules.idnumber import mask_id_number
from app.rules.visit_rules import CleanPerson, CleanVisit, validate_visit
from app.rules.vocabulary import OPEN_STATUSES
from app.settings import SettingsService
from app.sources.intake_links import check_links, link_sources
from app.workdays import WorkCalendar
from db.counters import next_value
from db.engine import Database
from db.models import (
    Category,
    Clerk,
    Department,
    Material,
    Matter,
    MatterDepartment,
    MatterEvent,
    MatterPerson,
    Person,
    ReceptionDay,
    Township,
    Visit,
    VisitPerson,
)

_Named = TypeVar("_Named", Category, Township)
_T = TypeVar("_T")

QUERY_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: read aloud over the phone
QUERY_LENGTH = 8
RECEPTION_DAY_CHANNEL = "领导接访日"  # received by a leader on a scheduled reception day


def format_matter_no(agency_code: str, year: int, seq: int) -> str:
    """GB/T 9704-2012: 机关代字〔年份〕序号号 — six-corner brackets, no 第, no leading zeros."""
    return f"{agency_code}〔{year}〕{seq}号"


def new_query_code() -> str:
    return "".join(secrets.choice(QUERY_ALPHABET) for _ in range(QUERY_LENGTH))


class IntakeService:
    def __init__(
        self,
        db: Database,
        settings: SettingsService,
        reference: ReferenceService,
        calendar: Callable[[], WorkCalendar],
        rules: Callable[[], Mapping[str, DeadlineRule]],
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        self._db = db
        self._settings = settings
        self._reference = reference
        self._calendar = calendar  # callables: an edited holiday or rule table applies at once
        self._rules = rules
        self._clock = clock

    def validate(self, visit: VisitInput, names: ReferenceNames | KnownNames | None = None) -> CleanVisit:
        """The form's check without saving: the same rules as register_visit."""
        names = names or self._reference.names()
        extra = _service_checks(visit, names) + check_links(visit)
        try:
            clean = validate_visit(
                visit,
                now=self._clock(),
                townships=names.townships,
                categories=names.category_names,
                departments=names.departments,
            )
        except ValidationError as error:
            raise ValidationError(error.errors + extra) from None
        if extra:
            raise ValidationError(extra)
        return clean

    def register_visit(self, visit: VisitInput) -> RegisteredVisit:
        return self.register_many([visit])[0]

    def register_many(self, visits: list[VisitInput]) -> list[RegisteredVisit]:
        """All or nothing: any invalid visit registers none, with every message prefixed by its index."""
        names = self._known_names(visits)
        cleaned = [_indexed(i, len(visits), partial(self.validate, v, names)) for i, v in enumerate(visits)]
        agency_code = self._settings.get().agency_code

        def register(session: Session) -> list[RegisteredVisit]:
            notice_rule = self._rules()["notice"]
            registration = _Registration(session, self._calendar(), notice_rule, self._clock(), agency_code)
            return [
                _indexed(i, len(visits), partial(registration.run, raw, clean))
                for i, (raw, clean) in enumerate(zip(visits, cleaned, strict=True))
            ]

        # two windows may race for the same new person or deadlock on a shared row: run it again
        return self._db.write_retrying(register)

    def _known_names(self, visits: list[VisitInput]) -> KnownNames:
        """What the checks of these visits need from the code tables: whether their names are in them."""
        return self._reference.known(
            townships={_stripped(v.township) for v in visits},
            categories={_stripped(v.category) for v in visits},
            departments={_stripped(d) for v in visits for d in v.departments},
            clerks={_stripped(v.clerk) for v in visits},
        )


def _stripped(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _service_checks(visit: VisitInput, names: ReferenceNames | KnownNames) -> list[FieldError]:
    """What the rules cannot know: the configured clerks, and ids that must come from our own records."""
    clerk = visit.clerk.strip()
    errors = []
    if clerk and clerk not in names.clerks:
        errors.append(FieldError("clerk", f"接待人“{clerk}”不在接待人名单中，请在设置中添加"))
    errors += [
        FieldError(f"persons[{i}].known_person_id", "所确认的来访人编号无效，请重新查找")
        for i, p in enumerate(visit.persons)
        if p.known_person_id is not None and not 0 < p.known_person_id < 2**63
    ]
    return errors


def _indexed(index: int, total: int, step: Callable[[], _T]) -> _T:
    """Run one visit's step; in a batch, a ValidationError names the visit it is about."""
    try:
        return step()
    except ValidationError as error:
        raise error.prefixed(f"[{index}].") if total > 1 else error from None


class _Registration:
    """The steps of one registration inside the caller's transaction."""

    def __init__(
        self,
        session: Session,
        calendar: WorkCalendar,
        notice_rule: DeadlineRule,
        now: datetime,
        agency_code: str,
    ) -> None:
        self.session = session
        self.calendar = calendar
        self.notice_rule = notice_rule
        self.now = now
        self.agency_code = agency_code

    def run(self, raw: VisitInput, clean: CleanVisit) -> RegisteredVisit:
        clerk = self._clerk(clean.clerk)
        persons = [self._person(p, raw.persons[i].known_person_id) for i, p in enumerate(clean.persons)]
        if len({id(p) for p in persons}) < len(persons):
            raise ValidationError.single("persons", "同一来访人在本次登记中出现了两次")
        matter, repeat = self._matter_for(raw.matter_no, clean, clerk, persons)
        is_new = matter.matter_no != (raw.matter_no or "").strip()  # not a repeat on an open matter
        self._link_persons(matter, persons)
        self._link_departments(matter, clean.departments)
        link_sources(self.session, matter, raw, is_new, self.now)
        visit = self._visit(matter, clean, clerk, persons, repeat, raw.reception_day_id)
        self._event(matter, clerk, repeat, clean)
        self.session.flush()
        return RegisteredVisit(
            matter_no=matter.matter_no,
            query_code=matter.query_code,
            repeat=repeat,
            visit_id=visit.id,
            handler=matter.first_clerk.name,
            notice_deadline=matter.notice_deadline,
        )

    def _matter_for(
        self, matter_no: str | None, clean: CleanVisit, clerk: Clerk, persons: list[Person]
    ) -> tuple[Matter, bool]:
        """The matter this visit belongs to, and whether the visit is a repeat (重访)."""
        if not matter_no:
            return self._new_matter(clean, clerk, first_clerk=clerk), False
        earlier = self._earlier_matter(matter_no.strip(), persons)
        if earlier.status in OPEN_STATUSES:
            return earlier, True
        # Back on a matter already closed: a new matter that points to it, still handed to its first clerk.
        matter = self._new_matter(clean, clerk, first_clerk=earlier.first_clerk)
        matter.previous_matter = earlier
        return matter, True

    def _earlier_matter(self, matter_no: str, persons: list[Person]) -> Matter:
        matter = self.session.scalar(select(Matter).where(Matter.matter_no == matter_no))
        if matter is None:
            raise ValidationError.single("matter_no", f"没有编号为 {matter_no} 的信访事项")
        if matter.status == "合并":
            raise ValidationError.single("matter_no", f"{matter_no} 已合并到其他事项，请按合并后的编号登记")
        on_matter = {mp.person_id for mp in matter.persons}
        self.session.flush()
        if not on_matter & {p.id for p in persons}:
            raise ValidationError.single(
                "matter_no", f"本次来访人均不是 {matter_no} 的信访人，不能登记为该事项的重访"
            )
        return matter

    def _clerk(self, name: str) -> Clerk:
        clerk = self.session.scalar(select(Clerk).where(Clerk.name == name, Clerk.active))
        if clerk is None:
            raise ValidationError.single("clerk", f"接待人“{name}”不在接待人名单中，请在设置中添加")
        return clerk

    def _person(self, clean: CleanPerson, known_id: int | None) -> Person:
        person = self._find_person(clean, known_id)
        if person is None:
            person = Person(name=clean.name, created_at=self.now)
            self.session.add(person)
        if person.id is not None and person.id_number and person.name != clean.name:
            raise ValidationError.single(
                "persons",
                f"身份证号 {mask_id_number(person.id_number)} 已登记为“{person.name}”，"
                f"与本次填写的“{clean.name}”不符，请核对",
            )
        person.name = clean.name
        if clean.id_info is not None:
            person.id_number = clean.id_info.id_number
            person.sex = clean.id_info.sex
            person.birth_date = clean.id_info.birth_date
            person.region_code = clean.id_info.region_code
        person.phone = clean.phone or person.phone
        person.address = clean.address or person.address
        return person

    def _find_person(self, clean: CleanPerson, known_id: int | None) -> Person | None:
        if clean.id_info is not None:
            found = self.session.scalar(select(Person).where(Person.id_number == clean.id_info.id_number))
            if found is not None:
                return found
        if known_id is None:
            return None
        person = self.session.get(Person, known_id)
        if person is None:
            raise ValidationError.single("persons", "所确认的来访人已不存在，请重新查找")
        if clean.id_info is not None and person.id_number not in (None, clean.id_info.id_number):
            raise ValidationError.single("persons", "所确认的来访人身份证号与本次填写不一致")
        return person

    def _new_matter(self, clean: CleanVisit, clerk: Clerk, first_clerk: Clerk) -> Matter:
        year = self.now.year  # GB/T 9704: numbered in the year of registration, not of the letter's date
        seq = next_value(self.session, "matter", year)
        deadline = compute_deadline(clean.visited_at.date(), self.notice_rule, self.calendar)
        matter = Matter(
            matter_no=format_matter_no(self.agency_code, year, seq),
            year=year,
            seq=seq,
            query_code=self._unique_query_code(),
            status="登记",
            received_at=clean.visited_at,
            channel=clean.channel,
            purpose=clean.purpose,
            category=self._by_name(Category, clean.category),
            township=self._by_name(Township, clean.township),
            place=clean.place,
            summary=clean.summary,
            appeal=clean.appeal,
            first_clerk=first_clerk,
            notice_deadline=deadline.due,
            persons=[],  # loaded as empty: linking persons and departments reads nothing back
            departments=[],
        )
        self.session.add(matter)
        # The notice period is also a deadline row (the workflow meets or cancels it); the column mirrors it.
        open_deadline(self.session, matter, deadline.rule, deadline.start, self.calendar)
        return matter

    def _unique_query_code(self) -> str:
        while True:  # 32^8 codes: a clash is rare, but the unique index must never be the one to find it
            code = new_query_code()
            if self.session.scalar(select(Matter.id).where(Matter.query_code == code)) is None:
                return code

    def _by_name(self, model: type[_Named], name: str) -> _Named | None:
        return self.session.scalars(select(model).where(model.name == name).limit(1)).first()

    def _link_persons(self, matter: Matter, persons: list[Person]) -> None:
        self.session.flush()
        linked = {mp.person_id for mp in matter.persons}
        for person in persons:
            if person.id not in linked:
                matter.persons.append(MatterPerson(person=person))
                linked.add(person.id)

    def _link_departments(self, matter: Matter, names: list[str]) -> None:
        linked = {md.department.name for md in matter.departments}
        for name in names:
            if name not in linked:
                department = self.session.scalar(select(Department).where(Department.name == name))
                matter.departments.append(MatterDepartment(department=department))
                linked.add(name)

    def _visit(
        self,
        matter: Matter,
        clean: CleanVisit,
        clerk: Clerk,
        persons: list[Person],
        repeat: bool,
        reception_day_id: int | None = None,
    ) -> Visit:
        visit = Visit(
            reception_day_id=self._reception_day(reception_day_id, clean),
            matter=matter,
            visited_at=clean.visited_at,
            channel=clean.channel,
            headcount=clean.headcount,
            is_group=clean.is_group,
            is_repeat=repeat,
            is_skip_level=clean.is_skip_level,
            flags=",".join(clean.flags),
            clerk=clerk,
            handler=matter.first_clerk,
            summary=clean.summary,
            created_at=self.now,
        )
        for person, cp in zip(persons, clean.persons, strict=True):
            visit.persons.append(
                VisitPerson(person=person, representative=cp.representative, name=cp.name, phone=cp.phone)
            )
        visit.materials.extend(Material(name=m.name, pages=m.pages) for m in clean.materials)
        self.session.add(visit)
        return visit

    def _reception_day(self, day_id: int | None, clean: CleanVisit) -> int | None:
        """领导接访日: the leader's reception day the visit was received on — that day, by that channel."""
        if day_id is None:
            return None
        field = "reception_day_id"
        if clean.channel != RECEPTION_DAY_CHANNEL:
            raise ValidationError.single(field, f"信访形式为“{RECEPTION_DAY_CHANNEL}”时才能选择领导接访日")
        day = self.session.get(ReceptionDay, day_id)
        if day is None:
            raise ValidationError.single(field, "所选的领导接访日不存在，请刷新后重新选择")
        if day.day != clean.visited_at.date():
            held, visited = f"{day.day:%Y-%m-%d}", f"{clean.visited_at:%Y-%m-%d}"
            raise ValidationError.single(field, f"{day.leader.name}的接访日是{held}，与来访日期{visited}不符")
        return day.id

    def _event(self, matter: Matter, clerk: Clerk, repeat: bool, clean: CleanVisit) -> None:
        if repeat:
            kind, note = "重访", f"重访登记，交首接人{matter.first_clerk.name}办理：{clean.summary}"
        else:
            kind, note = "登记", f"来访登记：{clean.summary}"
        self.session.add(MatterEvent(matter=matter, kind=kind, at=clean.visited_at, clerk=clerk, note=note))
