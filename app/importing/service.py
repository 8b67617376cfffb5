"""Import of old ledgers: each row checked by the form's own rules, then all rows registered in one go.

What a wizard does with it: `read_table` → `propose_mapping` (shown, corrected with `with_column`) →
`dry_run` (the report, nothing written) → `run`. A clerk's supervisor can trust three things:

- **All or nothing.** Any rejected row → nothing is imported, unless the caller asks for `only_valid=True`.
  The rows go through `IntakeService.register_many`, one transaction. A few checks need the database as it
  is at registration (an ID number already registered under another name, a matter number whose persons
  differ); a dry run cannot see those, and `run` reports them by row like any other.
- **Nothing twice.** A row is skipped (已导入，跳过) when a visit of the same person (ID number, or name +
  phone) at the same time with the same summary is already there — or earlier in the same file.
- **Repeats are repeats.** A row whose 信访件编号 is one of our matter numbers is a visit on that matter
  (open: 重访; closed: a new matter pointing to it, as at the window). Otherwise, when the person has an
  open matter with the very same summary, the row is a repeat visit on it; otherwise a new matter. Rows of
  one file never attach to a matter opened by an earlier row of the same file: that matter has no number
  until the whole file is registered.

Every imported visit's matter gets a 导入 event naming the file, the row and the ledger's own number and
status, so an imported matter can be traced to its line. The events are written just after the visits
(the intake service owns the registration transaction); should that step fail, a second run skips every row
as already imported and the visits stand untraced — the failure is raised, not hidden.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import FieldError, ValidationError
from app.importing.convert import RowVisit, split_cell, visit_from_row
from app.importing.lookups import already_imported, existing_matter, known_person, open_matter_on
from app.importing.mapping import ColumnMapping
from app.importing.report import (
    ALREADY_IMPORTED,
    AcceptedRow,
    ImportReport,
    RejectedRow,
    SkippedRow,
    reason_text,
)
from app.importing.table import Table, TableRow
from app.intake import IntakeService
from app.records import RegisteredVisit, VisitInput
from app.reference import ReferenceNames, ReferenceService
from app.rules.visit_rules import CleanVisit
from db.engine import Database
from db.models import MatterEvent, Visit

IMPORT_EVENT = "导入"
_INDEXED = re.compile(r"^\[(\d+)\]\.?(.*)$")


@dataclass(frozen=True)
class _Ready:
    """A row that passed: the visit to register and the note its 导入 event will carry."""

    row: int
    visit: VisitInput
    note: str


@dataclass
class _Plan:
    total: int
    ready: list[_Ready]
    rejected: list[RejectedRow]
    skipped: list[SkippedRow]

    def report(
        self, source: str, dry_run: bool, registered: list[RegisteredVisit] | None = None
    ) -> ImportReport:
        done = registered or []
        accepted = [
            AcceptedRow(r.row, r.visit.matter_no, done[i].matter_no, done[i].repeat)
            if i < len(done)
            else AcceptedRow(r.row, r.visit.matter_no)
            for i, r in enumerate(self.ready)
        ]
        rejected = sorted(self.rejected, key=lambda r: r.row)
        return ImportReport(source, dry_run, self.total, accepted, rejected, self.skipped, len(done))


class ImportService:
    def __init__(
        self,
        intake: IntakeService,
        db: Database,
        clock: Callable[[], datetime] = datetime.now,
        default_clerk: str = "",
    ) -> None:
        self._intake = intake
        self._db = db
        self._clock = clock
        self.default_clerk = default_clerk  # 登记人 of rows that name none (e.g. the window's clerk)

    def dry_run(self, table: Table, mapping: ColumnMapping) -> ImportReport:
        """Every row checked and the report made; nothing is written."""
        return self._plan(table, mapping).report(_source(table), dry_run=True)

    def run(self, table: Table, mapping: ColumnMapping, only_valid: bool = False) -> ImportReport:
        """Import the rows: all or nothing, unless `only_valid` asks to import the valid rows alone."""
        plan = self._plan(table, mapping)
        while plan.ready and (only_valid or not plan.rejected):
            try:
                registered = self._intake.register_many([r.visit for r in plan.ready])
            except ValidationError as error:
                plan = _reject_failed(plan, error, _headers(table, mapping))
                continue
            self._trace(plan.ready, registered)
            return plan.report(_source(table), dry_run=False, registered=registered)
        return plan.report(_source(table), dry_run=False)

    # ---- checking ----

    def _plan(self, table: Table, mapping: ColumnMapping) -> _Plan:
        problems = mapping.problems()
        if problems:
            raise ValidationError([FieldError("mapping", p) for p in problems])
        names = ReferenceService(self._db).names()
        headers = _headers(table, mapping)
        plan = _Plan(len(table.rows), [], [], [])
        seen: dict[tuple[object, ...], int] = {}
        with self._db.reading() as session:
            for row in table.rows:
                read = visit_from_row(row, mapping, self.default_clerk, names.category_names)
                clean, errors = self._checked(read, names)
                if clean is None:
                    plan.rejected.append(RejectedRow(row.number, [reason_text(e, headers) for e in errors]))
                    continue
                skip = _skip_reason(session, clean, seen, row.number)
                if skip:
                    plan.skipped.append(SkippedRow(row.number, skip))
                    continue
                plan.ready.append(_ready(session, row, read, clean, table, mapping))
        return plan

    def _checked(self, read: RowVisit, names: ReferenceNames) -> tuple[CleanVisit | None, list[FieldError]]:
        """The form's validation, after what reading the row found (one message per field)."""
        try:
            clean = self._intake.validate(read.visit, names)
        except ValidationError as error:
            read_fields = {p.field for p in read.problems}
            return None, read.problems + [e for e in error.errors if e.field not in read_fields]
        return (None, read.problems) if read.problems else (clean, [])

    # ---- tracing ----

    def _trace(self, ready: list[_Ready], registered: list[RegisteredVisit]) -> None:
        """One 导入 event per imported visit, on its matter, signed by the visit's clerk."""
        now = self._clock()
        by_visit = {r.visit_id: item for item, r in zip(ready, registered, strict=True)}
        with self._db.writing() as session:
            rows = session.execute(
                select(Visit.id, Visit.matter_id, Visit.clerk_id).where(Visit.id.in_(list(by_visit)))
            )
            for visit_id, matter_id, clerk_id in rows:
                note = by_visit[visit_id].note
                session.add(
                    MatterEvent(matter_id=matter_id, kind=IMPORT_EVENT, at=now, clerk_id=clerk_id, note=note)
                )


def _source(table: Table) -> str:
    return f"{table.source}（{table.sheet}）" if table.sheet else table.source


def _headers(table: Table, mapping: ColumnMapping) -> dict[str, str]:
    """field → the header the file gives its column, for the report's reasons."""
    return {key: table.headers[i] for key, i in mapping.columns.items() if 0 <= i < len(table.headers)}


def _person_key(clean: CleanVisit) -> tuple[object, ...]:
    first = clean.persons[0]
    who = ("id", first.id_info.id_number) if first.id_info else ("name+phone", first.name, first.phone)
    return (*who, clean.visited_at, clean.summary)


def _skip_reason(session: Session, clean: CleanVisit, seen: dict[tuple[object, ...], int], row: int) -> str:
    key = _person_key(clean)
    if key in seen:
        return f"与第{seen[key]}行相同，跳过"
    if already_imported(session, clean):
        return ALREADY_IMPORTED
    seen[key] = row
    return ""


def _ready(
    session: Session, row: TableRow, read: RowVisit, clean: CleanVisit, table: Table, mapping: ColumnMapping
) -> _Ready:
    known = [known_person(session, p) for p in clean.persons]
    persons = [
        replace(p, known_person_id=k) if k is not None and clean.persons[i].id_info is None else p
        for i, (p, k) in enumerate(zip(read.visit.persons, known, strict=True))
    ]
    written = read.visit.matter_no or ""
    matter_no = (existing_matter(session, written) if written else None) or open_matter_on(
        session, [k for k in known if k is not None], clean.summary
    )
    visit = replace(read.visit, persons=persons, matter_no=matter_no)
    return _Ready(row.number, visit, _note(row, read, table, mapping, written))


def _note(row: TableRow, read: RowVisit, table: Table, mapping: ColumnMapping, written: str) -> str:
    sheet = f"工作表“{table.sheet}”" if table.sheet else ""
    parts = [f"自“{table.source}”{sheet}第{row.number}行导入"]
    if written:
        parts.append(f"原信访件编号：{written}")
    for key, label in (("status", "原状态"), ("closed", "原是否办结")):
        value = row.cell(mapping.column(key))
        if value:
            parts.append(f"{label}：{value}")
    if len(split_cell(read.names)) > len(read.visit.persons):
        parts.append(f"原台账姓名：{read.names}")
    return "；".join(parts)


def _reject_failed(plan: _Plan, error: ValidationError, headers: dict[str, str]) -> _Plan:
    """The row a registration refused moves to the rejected ones (register_many names it by index)."""
    by_index: dict[int, list[FieldError]] = {}
    for item in error.errors:
        match = _INDEXED.match(item.field)
        index, path = (int(match.group(1)), match.group(2)) if match else (0, item.field)
        by_index.setdefault(index, []).append(FieldError(path, item.message))
    failed = [
        RejectedRow(plan.ready[i].row, [reason_text(e, headers) for e in errors])
        for i, errors in by_index.items()
        if i < len(plan.ready)
    ]
    if not failed:
        raise error  # not about any row: a bug, not a bad ledger
    ready = [r for i, r in enumerate(plan.ready) if i not in by_index]
    return _Plan(plan.total, ready, plan.rejected + failed, plan.skipped)
