"""One deadline as the matter's page shows it: how it was counted, and a date set by hand with a reason.

An override is written on the matter's timeline as a 期限调整 event (old date, new date, reason, clerk), so
that whoever reads the matter later sees why its deadline is not the rule's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from app.deadlines import DeadlineRule, State, compute_deadline
from app.errors import FieldError, NotFoundError, ValidationError
from app.recompute import NOTICE_RULE
from app.rules.vocabulary import OPEN_STATUSES
from app.signing import signing_clerk
from app.supervision_rules import period_state
from app.workdays import WorkCalendar
from db.engine import Database
from db.models import Clerk, Deadline, Matter, MatterEvent

MAX_REASON = 200
EVENT_OVERRIDE = "期限调整"


def format_day(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


@dataclass(frozen=True)
class DeadlineInfo:
    id: int
    matter_no: str
    rule_key: str
    label: str  # the rule's name, e.g. 办理并书面答复
    department: str  # "" for the bureau's own deadline
    start: date
    due: date  # by the rule and the holiday table
    override_due: date | None
    override_reason: str
    effective_due: date  # what the matter is held to
    met_at: datetime | None
    cancelled: bool
    state: State
    days_left: int


class DeadlineViewService:
    def __init__(
        self,
        db: Database,
        calendar: Callable[[], WorkCalendar],
        rules: Callable[[], Mapping[str, DeadlineRule]],
        clock: Callable[[], datetime] = datetime.now,
        near_share: float = 0.8,
        near_days: int = 3,
    ) -> None:
        self._db = db
        self._calendar = calendar
        self._rules = rules
        self._clock = clock
        self._near = (near_share, near_days)  # as the supervision board counts 临期

    def info(self, deadline_id: int) -> DeadlineInfo:
        labels = self._labels()
        with self._db.reading() as session:
            return self._info(session, _deadline(session, deadline_id), labels)

    def explain(self, deadline_id: int) -> str:
        """Start, rule, unit, days skipped, result and basis; then the hand-set date and its reason."""
        rules, calendar = self._rules(), self._calendar()  # before the session: either may read the database
        with self._db.reading() as session:
            row = _deadline(session, deadline_id)
            rule = rules.get(row.rule_key)
            if rule is None:
                text = f"期限由上级或外部给定：{format_day(row.due)}"
            else:
                text = compute_deadline(row.start, rule, calendar).explain()
            return text + _afterword(session, row)

    def override(self, deadline_id: int, new_due: date, reason: str, clerk: str) -> DeadlineInfo:
        """Hold the matter to ``new_due`` instead of the rule's date; the reason goes on the timeline."""
        clean = _validate_reason(reason)
        labels = self._labels()
        with self._db.writing() as session:
            signer = signing_clerk(session, clerk)
            row = _deadline(session, deadline_id)
            matter = _matter(session, row)
            _check_overridable(matter, row, new_due)
            old = row.effective_due
            row.override_due, row.override_reason, row.override_by_id = new_due, clean, signer.id
            if row.rule_key == NOTICE_RULE and row.department_id is None:
                matter.notice_deadline = new_due
            label = labels.get(row.rule_key, row.rule_key)
            note = f"{label}期限由{format_day(old)}调整为{format_day(new_due)}，理由：{clean}"
            session.add(
                MatterEvent(
                    matter_id=row.matter_id,
                    kind=EVENT_OVERRIDE,
                    at=self._clock(),
                    clerk_id=signer.id,
                    note=note,
                    department_id=row.department_id,
                )
            )
            session.flush()
            return self._info(session, row, labels)

    def _labels(self) -> dict[str, str]:
        return {key: rule.label for key, rule in self._rules().items()}

    def _info(self, session: Session, row: Deadline, labels: Mapping[str, str]) -> DeadlineInfo:
        today = self._clock().date()
        effective = row.effective_due
        return DeadlineInfo(
            id=row.id,
            matter_no=_matter(session, row).matter_no,
            rule_key=row.rule_key,
            label=labels.get(row.rule_key, row.rule_key),
            department=row.department.name if row.department is not None else "",
            start=row.start,
            due=row.due,
            override_due=row.override_due,
            override_reason=row.override_reason,
            effective_due=effective,
            met_at=row.met_at,
            cancelled=row.cancelled,
            state=period_state(row.start, effective, today, *self._near),
            days_left=(effective - today).days,
        )


def _afterword(session: Session, row: Deadline) -> str:
    """What happened to the rule's date since: set by hand, met, or no longer applying."""
    text = ""
    if row.override_due is not None:
        signer = session.get(Clerk, row.override_by_id) if row.override_by_id else None
        by = f"（{signer.name}）" if signer is not None else ""
        text += f"。已人工调整为{format_day(row.override_due)}，理由：{row.override_reason}{by}"
    if row.met_at is not None:
        text += f"。该环节已于{format_day(row.met_at.date())}完成"
    elif row.cancelled:
        text += "。该期限已不再适用"
    return text


def _deadline(session: Session, deadline_id: int) -> Deadline:
    row = session.get(Deadline, deadline_id)
    if row is None:
        raise NotFoundError(f"没有编号为 {deadline_id} 的期限")
    return row


def _validate_reason(reason: str) -> str:
    clean = reason.strip()
    if not clean or len(clean) > MAX_REASON:
        raise ValidationError([FieldError("reason", f"请填写调整理由（不超过{MAX_REASON}字）")])
    return clean


def _matter(session: Session, row: Deadline) -> Matter:
    return session.get_one(Matter, row.matter_id)


def _check_overridable(matter: Matter, row: Deadline, new_due: date) -> None:
    if matter.status not in OPEN_STATUSES:
        raise ValidationError.single("deadline", f"事项已{matter.status}，其期限不能再调整")
    if row.met_at is not None or row.cancelled:
        raise ValidationError.single("deadline", "该环节已完成或期限已不再适用，不能调整")
    if new_due < row.start:
        raise ValidationError.single("new_due", f"调整后的期限不能早于起算日{format_day(row.start)}")
    if new_due == row.effective_due:
        raise ValidationError.single("new_due", "调整后的期限与当前期限相同")
