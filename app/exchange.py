"""The exchange export of matters for the upper-level system: one JSON document, written as it is read.

The format is documented field by field in docs/exchange-format.md (version FORMAT_VERSION): a header
(format, version, exporting agency, period, whether personal data is masked, the number of matters) and a
`matters` array with one object per matter. Matters are read 200 at a time, each part of them (persons,
visits, events, deadlines, assignments, ratings, leaders) with one query per batch, and written at once:
memory stays flat however long the period. The file appears under its name only when complete.
ID numbers and phones are masked unless `reveal=True` (the one switch the audit issue will check and log).
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from app.case_records import BUREAU
from app.deadline_book import WINDOWS
from app.errors import ValidationError
from app.rules.idnumber import mask_id_number
from app.rules.phone import mask_phone
from app.settings import SettingsService
from app.storage import translated
from db.engine import Database
from db.models import (
    Assignment,
    Category,
    Clerk,
    Deadline,
    DeadlineRuleRow,
    Department,
    Leader,
    Matter,
    MatterDepartment,
    MatterEvent,
    MatterLeader,
    MatterPerson,
    Person,
    Rating,
    Township,
    UpperAssignment,
    Visit,
    VisitPerson,
)

FORMAT = "xinfang-desk-exchange"
FORMAT_VERSION = 1
BATCH = 200
Json = dict[str, Any]
Parts = dict[int, list[Json]]


class ExchangeService:
    def __init__(
        self, db: Database, settings: SettingsService, clock: Callable[[], datetime] = datetime.now
    ) -> None:
        self._db = db
        self._settings = settings
        self._clock = clock

    def export(self, first: date, last: date, path: Path, reveal: bool = False) -> int:
        """The matters received from `first` to `last` (both included) written to `path`; how many."""
        if last < first:
            raise ValidationError.single("to", "结束日期不能早于开始日期")
        agency = self._settings.get()
        start, end = datetime.combine(first, time.min), datetime.combine(last + timedelta(days=1), time.min)
        in_period = (Matter.received_at >= start, Matter.received_at < end)
        partial = path.with_name(path.name + ".part")
        with self._db.reading() as session, translated():
            count = int(session.scalar(select(func.count(Matter.id)).where(*in_period)) or 0)
            header = {
                "format": FORMAT,
                "version": FORMAT_VERSION,
                "agency": {"name": agency.agency_name, "code": agency.agency_code},
                "exported_at": _when(self._clock()),
                "period": {"from": first.isoformat(), "to": last.isoformat(), "by": "received_at"},
                "time_zone": "+08:00",
                "personal_data": "revealed" if reveal else "masked",
                "matter_count": count,
            }
            path.parent.mkdir(parents=True, exist_ok=True)
            with partial.open("w", encoding="utf-8", newline="\n") as out:
                written = _write(out, header, _matters(session, in_period, reveal))
            os.replace(partial, path)
        return written


def _write(out: TextIO, header: Json, matters: Iterable[Json]) -> int:
    head = json.dumps(header, ensure_ascii=False, indent=2)
    out.write(head.removesuffix("\n}") + ',\n  "matters": [')
    count = 0
    for matter in matters:
        out.write(("," if count else "") + "\n    " + json.dumps(matter, ensure_ascii=False))
        count += 1
    out.write("\n  ]\n}\n")
    return count


def _matters(session: Session, in_period: tuple[Any, ...], reveal: bool) -> Iterator[Json]:
    ids = select(Matter.id).where(*in_period).order_by(Matter.received_at, Matter.id)
    labels = {
        key: label for key, label in session.execute(select(DeadlineRuleRow.key, DeadlineRuleRow.label))
    }
    for chunk in session.execute(ids.execution_options(yield_per=BATCH)).scalars().partitions():
        yield from _batch(session, list(chunk), reveal, labels)


def _batch(session: Session, ids: list[int], reveal: bool, labels: dict[str, str]) -> Iterator[Json]:
    parts = {
        "departments": _departments(session, ids),
        "persons": _persons(session, ids, reveal),
        "visits": _visits(session, ids),
        "events": _events(session, ids),
        "deadlines": _deadlines(session, ids, labels),
        "assignments": _assignments(session, ids),
        "ratings": _ratings(session, ids),
        "leaders": _leaders(session, ids),
    }
    upper = _upper(session, ids)
    for row in session.execute(_matter_select(ids)):
        matter = _matter(row)
        for name, found in parts.items():
            matter[name] = found.get(row.Matter.id, [])
        matter["upper_assignment"] = upper.get(row.Matter.id)
        yield matter


def _matter_select(ids: list[int]) -> Select[*tuple[Any, ...]]:
    parent, previous, merged, first_clerk = (
        aliased(Category),
        aliased(Matter),
        aliased(Matter),
        aliased(Clerk),
    )
    return (
        select(
            Matter,
            Category.name.label("category"),
            parent.name.label("parent"),
            Township.name.label("township"),
            first_clerk.name.label("first_clerk"),
            previous.matter_no.label("previous_no"),
            merged.matter_no.label("merged_no"),
        )
        .join(first_clerk, first_clerk.id == Matter.first_clerk_id)
        .outerjoin(Category, Category.id == Matter.category_id)
        .outerjoin(parent, parent.id == Category.parent_id)
        .outerjoin(Township, Township.id == Matter.township_id)
        .outerjoin(previous, previous.id == Matter.previous_matter_id)
        .outerjoin(merged, merged.id == Matter.merged_into_id)
        .where(Matter.id.in_(ids))
        .order_by(Matter.received_at, Matter.id)
    )


def _matter(row: Any) -> Json:
    m: Matter = row.Matter
    top, second = (row.parent, row.category) if row.parent else (row.category, None)
    return {
        "matter_no": m.matter_no,
        "query_code": m.query_code,
        "status": m.status,
        "received_at": _when(m.received_at),
        "channel": m.channel,
        "purpose": m.purpose or None,
        "category": {"top": top, "second": second},
        "township": row.township,
        "place": m.place or None,
        "summary": m.summary,
        "appeal": m.appeal,
        "first_clerk": row.first_clerk,
        "notice_deadline": _day(m.notice_deadline),
        "replied_at": _when(m.replied_at),
        "closed_at": _when(m.closed_at),
        "previous_matter_no": row.previous_no,
        "merged_into": row.merged_no,
        "refusal": {"reason": m.refusal_reason, "route": m.refusal_route} if m.refusal_reason else None,
        "outcomes": [o for o in m.outcomes.split(",") if o],
    }


# ---- the parts of a matter, one query each per batch ----


def _grouped(rows: Iterable[tuple[int, Json]]) -> Parts:
    found: Parts = defaultdict(list)
    for matter_id, item in rows:
        found[matter_id].append(item)
    return found


def _departments(session: Session, ids: list[int]) -> dict[int, list[Any]]:
    query = (
        select(MatterDepartment.matter_id, Department.name)
        .join(Department, Department.id == MatterDepartment.department_id)
        .where(MatterDepartment.matter_id.in_(ids))
        .order_by(MatterDepartment.matter_id, Department.sort_order)
    )
    found: dict[int, list[Any]] = defaultdict(list)
    for matter_id, name in session.execute(query):
        found[matter_id].append(name)
    return found


def _persons(session: Session, ids: list[int], reveal: bool) -> Parts:
    representatives = {
        (matter_id, person_id)
        for matter_id, person_id in session.execute(
            select(Visit.matter_id, VisitPerson.person_id)
            .join(VisitPerson, VisitPerson.visit_id == Visit.id)
            .where(Visit.matter_id.in_(ids), VisitPerson.representative)
        )
    }
    query = (
        select(MatterPerson.matter_id, Person)
        .join(Person, Person.id == MatterPerson.person_id)
        .where(MatterPerson.matter_id.in_(ids))
        .order_by(MatterPerson.matter_id, Person.id)
    )
    return _grouped(
        (matter_id, _person(p, (matter_id, p.id) in representatives, reveal))
        for matter_id, p in session.execute(query)
    )


def _person(p: Person, representative: bool, reveal: bool) -> Json:
    id_number, phone = p.id_number or None, p.phone or None
    return {
        "name": p.name,
        "id_number": id_number if reveal or id_number is None else mask_id_number(id_number),
        "phone": phone if reveal or phone is None else mask_phone(phone),
        "sex": p.sex,
        "address": p.address or None,
        "representative": representative,
    }


def _visits(session: Session, ids: list[int]) -> Parts:
    clerk, handler = aliased(Clerk), aliased(Clerk)
    query = (
        select(Visit, clerk.name, handler.name)
        .join(clerk, clerk.id == Visit.clerk_id)
        .join(handler, handler.id == Visit.handler_id)
        .where(Visit.matter_id.in_(ids))
        .order_by(Visit.matter_id, Visit.visited_at, Visit.id)
    )
    rows = session.execute(query).all()
    names = _visit_names(session, [v.id for v, _, _ in rows])
    return _grouped((v.matter_id, _visit(v, c, h, names.get(v.id, []))) for v, c, h in rows)


def _visit_names(session: Session, visit_ids: Sequence[int]) -> dict[int, list[str]]:
    query = (
        select(VisitPerson.visit_id, VisitPerson.name, Person.name)
        .join(Person, Person.id == VisitPerson.person_id)
        .where(VisitPerson.visit_id.in_(visit_ids))
        .order_by(VisitPerson.visit_id, VisitPerson.representative.desc(), Person.id)
    )
    found: dict[int, list[str]] = defaultdict(list)
    for visit_id, name_that_day, name in session.execute(query):
        found[visit_id].append(name_that_day or name)
    return found


def _visit(v: Visit, clerk: str, handler: str, names: list[str]) -> Json:
    return {
        "visited_at": _when(v.visited_at),
        "channel": v.channel,
        "headcount": v.headcount,
        "group": v.is_group,
        "repeat": v.is_repeat,
        "skip_level": v.is_skip_level,
        "flags": [f for f in v.flags.split(",") if f],
        "clerk": clerk,
        "handler": handler,
        "persons": names,
        "summary": v.summary,
    }


def _events(session: Session, ids: list[int]) -> Parts:
    query = (
        select(MatterEvent, Clerk.name, Department.name)
        .join(Clerk, Clerk.id == MatterEvent.clerk_id)
        .outerjoin(Department, Department.id == MatterEvent.department_id)
        .where(MatterEvent.matter_id.in_(ids))
        .order_by(MatterEvent.matter_id, MatterEvent.id)
    )
    return _grouped(
        (e.matter_id, {"at": _when(e.at), "kind": e.kind, "clerk": c, "note": e.note, "department": d})
        for e, c, d in session.execute(query)
    )


def _deadlines(session: Session, ids: list[int], labels: dict[str, str]) -> Parts:
    query = (
        select(Deadline, Department.name)
        .outerjoin(Department, Department.id == Deadline.department_id)
        .where(Deadline.matter_id.in_(ids))
        .order_by(Deadline.matter_id, Deadline.id)
    )
    return _grouped((d.matter_id, _deadline(d, name, labels)) for d, name in session.execute(query))


def _deadline(d: Deadline, department: str | None, labels: dict[str, str]) -> Json:
    return {
        "rule": d.rule_key,
        "label": labels.get(d.rule_key, d.rule_key),
        "department": department,
        "start": _day(d.start),
        "due": _day(d.due),
        "effective_due": _day(d.effective_due),
        "override_reason": d.override_reason or None,
        "met_at": _when(d.met_at),
        "met": None if d.met_at is None else d.met_at.date() <= d.effective_due,
        "cancelled": d.cancelled,
        "window": d.rule_key in WINDOWS,
    }


def _assignments(session: Session, ids: list[int]) -> Parts:
    query = (
        select(Assignment, Department.name, Clerk.name, Deadline)
        .join(Department, Department.id == Assignment.department_id)
        .join(Clerk, Clerk.id == Assignment.assigned_by_id)
        .outerjoin(Deadline, Deadline.id == Assignment.deadline_id)
        .where(Assignment.matter_id.in_(ids))
        .order_by(Assignment.matter_id, Assignment.id)
    )
    return _grouped((a.matter_id, _assignment(a, dep, by, dl)) for a, dep, by, dl in session.execute(query))


def _assignment(a: Assignment, department: str, by: str, deadline: Deadline | None) -> Json:
    return {
        "department": department,
        "kind": a.kind,
        "assigned_at": _when(a.assigned_at),
        "assigned_by": by,
        "handling_due": _day(deadline.effective_due) if deadline is not None else None,
        "signed_at": _when(a.signed_at),
        "returned_at": _when(a.returned_at),
        "return_reason": a.return_reason or None,
        "feedback_at": _when(a.feedback_at),
        "feedback": a.feedback or None,
    }


def _ratings(session: Session, ids: list[int]) -> Parts:
    query = (
        select(Rating, Department.name)
        .outerjoin(Department, Department.id == Rating.department_id)
        .where(Rating.matter_id.in_(ids))
        .order_by(Rating.matter_id, Rating.id)
    )
    return _grouped(
        (r.matter_id, {"body": name or BUREAU, "result": r.result, "rated_at": _when(r.rated_at)})
        for r, name in session.execute(query)
    )


def _leaders(session: Session, ids: list[int]) -> Parts:
    query = (
        select(MatterLeader.matter_id, MatterLeader.role, Leader.name, Leader.title)
        .join(Leader, Leader.id == MatterLeader.leader_id)
        .where(MatterLeader.matter_id.in_(ids))
        .order_by(MatterLeader.matter_id, MatterLeader.role != "包案", Leader.id)
    )
    return _grouped(
        (matter_id, {"name": name, "title": title or None, "role": role})
        for matter_id, role, name, title in session.execute(query)
    )


def _upper(session: Session, ids: list[int]) -> dict[int, Json]:
    query = select(UpperAssignment).where(UpperAssignment.matter_id.in_(ids))
    return {
        u.matter_id: {
            "body": u.body,
            "ref_no": u.ref_no,
            "received": _day(u.received_at),
            "due": _day(u.due),
            "reported": _day(u.reported_at),
            "note": u.note or None,
        }
        for u in session.scalars(query)
    }


def _when(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value is not None else None


def _day(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None
