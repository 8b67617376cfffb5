"""One step on a matter, inside one transaction: load, check, change, record, move the deadlines.

Every public action of the case service opens a ``Step`` through ``CaseBase._step``; the step checks, in
this order, that the matter exists, that the clerk's screen is not stale (version), that the clerk is on
the list, and that the action is allowed from the current status. Only then does anything change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from app import deadline_book, workflow
from app.case_records import CaseResult
from app.deadlines import DeadlineRule
from app.errors import ConflictError, NotFoundError, ValidationError
from app.rules.vocabulary import OPEN_STATUSES
from app.sources.term_index import sync_open
from app.workdays import WorkCalendar
from db.engine import Database
from db.models import Clerk, Deadline, Department, Matter, MatterEvent

STALE = "该事项已被其他窗口修改（{detail}），请刷新后再操作"


@dataclass
class Step:
    """The matter, the signing clerk and the tools of one step."""

    session: Session
    matter: Matter
    clerk: Clerk
    action: workflow.Action
    now: datetime
    calendar: WorkCalendar
    rules: Mapping[str, DeadlineRule]
    status: str | None = None  # set by ``move``

    @property
    def today(self) -> date:
        return self.now.date()

    def open(self, rule_key: str, start: date, department: Department | None = None) -> Deadline:
        rule = self.rules[rule_key]
        return deadline_book.open_deadline(self.session, self.matter, rule, start, self.calendar, department)

    def meet(self, *rule_keys: str, department: Department | None = None) -> list[Deadline]:
        return deadline_book.meet(self.session, self.matter, rule_keys, self.now, department)

    def move(self, condition_met: bool = True) -> None:
        """The new status, written by ``finish`` with the event (one UPDATE, so the version moves by one)."""
        self.status = workflow.next_status(self.action.key, self.matter.status, condition_met)

    def finish(self, note: str, department: Department | None = None) -> CaseResult:
        """Record the signed event, bump the version (every step does) and report the new state."""
        self.session.add(
            MatterEvent(
                matter=self.matter,
                kind=self.action.label,
                at=self.now,
                clerk=self.clerk,
                note=note,
                department_id=department.id if department is not None else None,
            )
        )
        was_open = self.matter.status in OPEN_STATUSES
        self.matter.status = self.status or self.matter.status
        flag_modified(self.matter, "status")  # an UPDATE even when the status stays: the version moves
        self.session.flush()
        sync_open(self.session, self.matter.id, was_open, self.matter.status in OPEN_STATUSES)
        return CaseResult(
            matter_no=self.matter.matter_no,
            action=self.action.label,
            status=self.matter.status,
            version=self.matter.version,
            events=len(self.matter.events),
            note=note,
        )


class CaseBase:
    """The constructor and the unit of work shared by the parts of the case service."""

    def __init__(
        self,
        db: Database,
        calendar: Callable[[], WorkCalendar],
        rules: Callable[[], Mapping[str, DeadlineRule]],
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        self._db = db
        self._calendar = calendar
        self._rules = rules
        self._clock = clock

    @contextmanager
    def _step(
        self, matter_no: str, action_key: str, clerk: str, expected_version: int | None
    ) -> Iterator[Step]:
        with stale_as_conflict(), self._db.writing() as session:
            matter = load_matter(session, matter_no)
            check_version(matter, expected_version)
            signer = active_clerk(session, clerk)
            found = workflow.check(action_key, matter.status)
            yield Step(session, matter, signer, found, self._clock(), self._calendar(), self._rules())

    @contextmanager
    def _writing(self) -> Iterator[Session]:
        with stale_as_conflict(), self._db.writing() as session:
            yield session


@contextmanager
def stale_as_conflict() -> Iterator[None]:
    """Another window wrote the same matter between our read and our write (the version column saw it)."""
    try:
        yield
    except StaleDataError as error:
        raise ConflictError(STALE.format(detail="保存时发现版本已变化")) from error


def load_matter(session: Session, matter_no: str) -> Matter:
    matter = session.scalar(select(Matter).where(Matter.matter_no == matter_no.strip()))
    if matter is None:
        raise NotFoundError(f"没有编号为 {matter_no} 的信访事项")
    return matter


def check_version(matter: Matter, expected_version: int | None) -> None:
    if expected_version is not None and matter.version != expected_version:
        detail = f"打开时为第{expected_version}版，现为第{matter.version}版"
        raise ConflictError(STALE.format(detail=detail))


def active_clerk(session: Session, name: str) -> Clerk:
    clerk = session.scalar(select(Clerk).where(Clerk.name == name.strip(), Clerk.active))
    if clerk is None:
        raise ValidationError.single("clerk", f"经办人“{name}”不在接待人名单中，请在设置中添加")
    return clerk


def department_named(session: Session, name: str, field: str = "department") -> Department:
    department = session.scalar(select(Department).where(Department.name == name.strip(), Department.active))
    if department is None:
        raise ValidationError.single(field, f"没有名为“{name}”的部门，请从部门列表中选择")
    return department


def required(value: str, field: str, what: str) -> str:
    """A text the clerk must fill in, stripped."""
    text = value.strip()
    if not text:
        raise ValidationError.single(field, f"请填写{what}")
    return text


def clean_outcomes(outcomes: list[str]) -> list[str]:
    """三到位一处理: one or more, from the fixed list, each once, in the list's order."""
    unknown = [o for o in outcomes if o not in workflow.OUTCOMES]
    if unknown:
        raise ValidationError.single("outcomes", f"办理结果“{unknown[0]}”不在三到位一处理之列")
    if not outcomes:
        raise ValidationError.single(
            "outcomes", "请至少选择一项办理结果（解决到位、教育到位、帮扶到位、依法处理）"
        )
    return [o for o in workflow.OUTCOMES if o in outcomes]


def joined(text: str, note: str) -> str:
    """An event's note: the facts, then the clerk's own words if any."""
    return f"{text}；{note.strip()}" if note.strip() else text


def has_event(session: Session, matter: Matter, action_key: str) -> bool:
    """Whether the matter's timeline already has a step of this action (e.g. 延期, at most once)."""
    label = workflow.action(action_key).label
    query = select(MatterEvent.id).where(MatterEvent.matter_id == matter.id, MatterEvent.kind == label)
    return session.scalar(query.limit(1)) is not None
