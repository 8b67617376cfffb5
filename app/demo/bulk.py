"""The bulk path of the demo: the same planned visits, written with Core inserts in large batches.

`BulkRegistrar.register_many` takes what `IntakeService.register_many` takes and returns the same records,
so the generator does not know which one it drives. Each batch is one transaction: the visits are checked by
the form's rules (`validate_visit`), persons are recognised by ID number as the service would, matter numbers
come from the yearly counter (one counter update per batch), and every row the service would write is
written: persons, matters with their query code and 15-day notice deadline (and its deadline row), links,
visits, materials and events, the matters' entities and their terms in the similarity index. The search
index follows by itself: the triggers of revision 0003.

Glossary: 重访 repeat visit; 首接人 first clerk; 查询码 query code; 告知期限 notice deadline.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from app.demo.bulk_fates import write_fate
from app.demo.bulk_rows import BatchRows, ReferenceIds
from app.demo.fates import Fate
from app.intake import QUERY_ALPHABET, QUERY_LENGTH, format_matter_no
from app.records import RegisteredVisit, VisitInput
from app.rules.visit_rules import CleanVisit, validate_visit
from app.rules.vocabulary import OPEN_STATUSES
from app.settings import SettingsService
from app.sources.term_index import BulkTermIndex
from db import search_index
from db.counters import next_value
from db.engine import Database
from db.models import Counter, Deadline, Matter, MatterEntity, MatterPerson, Person

KEEP_MATTERS = 60_000  # matters a repeat may name, newest first: the generator's pool is far smaller


@dataclass(frozen=True)
class KnownMatter:
    """What a repeat visit needs of its matter without reading it back."""

    id: int
    matter_no: str
    query_code: str
    first_clerk: str
    persons: frozenset[int]
    notice_deadline: date
    status: str = "登记"
    ends_at: datetime | None = None  # when this run's fate closes it


class BulkRegistrar:
    """Registers planned visits in large Core batches; deterministic for a seed (query codes included)."""

    def __init__(self, db: Database, settings: SettingsService, refs: ReferenceIds, seed: int) -> None:
        self._db = db
        self._refs = refs
        self._agency_code = settings.get().agency_code
        self._codes = random.Random(f"query-codes-{seed}")  # demo codes: reproducible, not secret
        self._used_codes: set[str] | None = None
        self._person_ids: dict[str, int] = {}  # ID number → person id
        self._matters: dict[str, KnownMatter] = {}
        self._notice_row: dict[str, object] = {}
        self._terms = BulkTermIndex()  # the similarity index, as registration fills it
        self._entity_links: list[dict[str, int]] = []

    def register_many(
        self, visits: list[VisitInput], fates: list[Fate | None] | None = None
    ) -> list[RegisteredVisit]:
        """The visits, and for each new matter its fate (the case steps), written in the same batch."""
        cleaned = [self._validate(v) for v in visits]
        planned = fates if fates is not None else [None] * len(visits)
        with self._db.writing() as session:
            if self._used_codes is None:
                self._load(session)
            with search_index.bulk_indexing(session) as index:
                rows = BatchRows.starting_at(session, self._refs)
                numbers = self._numbers(session, sum(not c.matter_no for c in cleaned))
                registered = [
                    self._one(session, rows, c, numbers, f, v.entity_ids)
                    for c, f, v in zip(cleaned, planned, visits, strict=True)
                ]
                rows.write(session)
                rows.to_index(index)
            self._terms.add(
                session, [(r["id"], r["summary"], r["appeal"], r["status"]) for r in rows.rows[Matter]]
            )
            if self._entity_links:
                session.execute(insert(MatterEntity), self._entity_links)
                self._entity_links.clear()
        self._forget_old()
        return registered

    def finish(self) -> None:
        """After the last batch: the search index merged into one segment per table, the terms counted."""
        with self._db.writing() as session:
            search_index.optimize(session)
            self._terms.finish(session)

    def _validate(self, visit: VisitInput) -> CleanVisit:
        refs = self._refs
        return validate_visit(
            visit,
            now=refs.now,
            townships=refs.townships,
            categories=refs.categories,
            departments=refs.departments,
        )

    def _load(self, session: Session) -> None:
        """What is already in the database: query codes in use, persons known by ID number."""
        self._used_codes = set(session.scalars(select(Matter.query_code)))
        rows = session.execute(select(Person.id_number, Person.id).where(Person.id_number.is_not(None)))
        self._person_ids = {number: pid for number, pid in rows if number is not None}

    def _numbers(self, session: Session, count: int) -> list[int]:
        """`count` sequence numbers from the year's counter row: the same counter the service uses."""
        if count == 0:
            return []
        year = self._refs.now.year
        first = next_value(session, "matter", year)
        if count > 1:
            session.execute(
                update(Counter)
                .where(Counter.name == "matter", Counter.year == year)
                .values(value=Counter.value + (count - 1))
            )
        return list(range(first + count - 1, first - 1, -1))  # popped from the end: ascending

    def _one(
        self,
        session: Session,
        rows: BatchRows,
        clean: CleanVisit,
        numbers: list[int],
        fate: Fate | None,
        entity_ids: tuple[int, ...] = (),
    ) -> RegisteredVisit:
        persons = [rows.person(p, self._person_ids) for p in clean.persons]
        if clean.matter_no:
            matter, repeat = self._earlier(session, clean, persons), True
        else:
            matter, repeat = self._new_matter(rows, clean, numbers.pop(), fate), False
            self._entity_links += [
                {"matter_id": matter.id, "entity_id": e} for e in dict.fromkeys(entity_ids)
            ]
        visit_id = rows.visit(matter.id, clean, persons, repeat, matter.first_clerk)
        new_links = frozenset(persons) - matter.persons
        rows.link(matter.id, new_links, clean.departments if not repeat else [])
        if fate is not None and not repeat:
            write_fate(rows, matter.id, self._notice_row, clean.clerk, clean.departments, fate)
        self._matters[matter.matter_no] = _with_persons(matter, new_links)
        return RegisteredVisit(
            matter_no=matter.matter_no,
            query_code=matter.query_code,
            repeat=repeat,
            visit_id=visit_id,
            handler=matter.first_clerk,
            notice_deadline=matter.notice_deadline,
        )

    def _new_matter(self, rows: BatchRows, clean: CleanVisit, seq: int, fate: Fate | None) -> KnownMatter:
        matter_no = format_matter_no(self._agency_code, self._refs.now.year, seq)
        code = self._query_code()
        matter_id, deadline = rows.matter(clean, matter_no, seq, code)
        self._notice_row = rows.last(Deadline)
        ends_at = fate.ends_at if fate is not None else None
        return KnownMatter(matter_id, matter_no, code, clean.clerk, frozenset(), deadline, ends_at=ends_at)

    def _earlier(self, session: Session, clean: CleanVisit, persons: list[int]) -> KnownMatter:
        """The matter a repeat names, open on the day of the visit; read from the database only when this
        run did not make it."""
        matter_no = clean.matter_no or ""
        matter = self._matters.get(matter_no) or _read_matter(session, matter_no)
        if matter is None or not _open_on(matter, clean.visited_at):
            raise ValueError(f"the bulk path only adds repeats to open matters: {matter_no}")
        if not matter.persons & set(persons):
            raise ValueError(f"none of the visitors is on {matter_no}")
        return matter

    def _query_code(self) -> str:
        assert self._used_codes is not None
        while True:
            code = "".join(self._codes.choices(QUERY_ALPHABET, k=QUERY_LENGTH))
            if code not in self._used_codes:
                self._used_codes.add(code)
                return code

    def _forget_old(self) -> None:
        if len(self._matters) > 2 * KEEP_MATTERS:
            for matter_no in list(self._matters)[:-KEEP_MATTERS]:
                del self._matters[matter_no]


def _with_persons(matter: KnownMatter, added: frozenset[int]) -> KnownMatter:
    if not added:
        return matter
    return KnownMatter(
        matter.id,
        matter.matter_no,
        matter.query_code,
        matter.first_clerk,
        matter.persons | added,
        matter.notice_deadline,
        matter.status,
        matter.ends_at,
    )


def _open_on(matter: KnownMatter, moment: datetime) -> bool:
    return matter.status in OPEN_STATUSES and (matter.ends_at is None or matter.ends_at > moment)


def _read_matter(session: Session, matter_no: str) -> KnownMatter | None:
    matter = session.scalar(select(Matter).where(Matter.matter_no == matter_no))
    if matter is None:
        return None
    persons = session.scalars(select(MatterPerson.person_id).where(MatterPerson.matter_id == matter.id))
    return KnownMatter(
        matter.id,
        matter.matter_no,
        matter.query_code,
        matter.first_clerk.name,
        frozenset(persons),
        matter.notice_deadline,
        matter.status,
    )
