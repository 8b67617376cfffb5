"""The deadline rows of one matter, inside the caller's session: opened by rule, met, cancelled, extended.

Due dates are computed once, by ``compute_deadline``, from the rule table and the working-day calendar that
the service was given. Overdue and near-due are never stored: they are read from these rows and today's date.

The visitor's own windows (复查/复核申请期限) are rows too, so that a late request can be refused and the
window can show them, but they are not the bureau's duty: ``next_deadline`` and supervision skip them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.deadlines import DeadlineRule, compute_deadline
from app.workdays import WorkCalendar
from db.models import Deadline, Department, Matter

VISITOR_WINDOWS: frozenset[str] = frozenset({"review_request", "rereview_request"})  # the visitor's periods
# A department's right to object to a misrouted matter: a window, not a duty (lateness is its handling row).
DEPARTMENT_WINDOWS: frozenset[str] = frozenset({"misroute_objection"})
# Periods that are someone's right rather than the bureau's duty: never "next", never overdue.
WINDOWS: frozenset[str] = VISITOR_WINDOWS | DEPARTMENT_WINDOWS


def rows(session: Session, matter: Matter) -> list[Deadline]:
    """Every deadline row of ``matter``, oldest first."""
    if matter.id is None:
        session.flush()
    return list(
        session.scalars(select(Deadline).where(Deadline.matter_id == matter.id).order_by(Deadline.id))
    )


def open_rows(session: Session, matter: Matter, rule_keys: Iterable[str] | None = None) -> list[Deadline]:
    """The rows still running (neither met nor cancelled), optionally only those of ``rule_keys``."""
    keys = None if rule_keys is None else set(rule_keys)
    return [r for r in rows(session, matter) if is_open(r) and (keys is None or r.rule_key in keys)]


def is_open(row: Deadline) -> bool:
    return row.met_at is None and not row.cancelled


def open_deadline(
    session: Session,
    matter: Matter,
    rule: DeadlineRule,
    start: date,
    calendar: WorkCalendar,
    department: Department | None = None,
) -> Deadline:
    """A new row for ``rule`` from ``start`` (not counted), its due date by the calendar."""
    if matter.id is None:
        session.flush()  # the row points to the matter by id: Deadline has no relationship to Matter
    computed = compute_deadline(start, rule, calendar)
    row = Deadline(
        matter_id=matter.id, rule_key=rule.key, department=department, start=start, due=computed.due
    )
    session.add(row)
    return row


def meet(
    session: Session,
    matter: Matter,
    rule_keys: Iterable[str],
    at: datetime,
    department: Department | None = None,
) -> list[Deadline]:
    """Mark the running rows of ``rule_keys`` as done at ``at`` (only ``department``'s rows when given)."""
    met = [r for r in open_rows(session, matter, rule_keys) if _of(r, department)]
    for row in met:
        row.met_at = at
    return met


def cancel(
    session: Session,
    matter: Matter,
    at: datetime,
    rule_keys: Iterable[str] | None = None,
    department: Department | None = None,
) -> list[Deadline]:
    """The running rows no longer apply from ``at`` (closed, merged, returned by a department): the time of
    the step, so that 超期 can be read back in time (a row cancelled after a date was still running then)."""
    cancelled = [r for r in open_rows(session, matter, rule_keys) if _of(r, department)]
    for row in cancelled:
        row.cancelled, row.cancelled_at = True, at
    return cancelled


def extend_handling(
    session: Session, matter: Matter, rule: DeadlineRule, calendar: WorkCalendar, reason: str, by_id: int
) -> list[Deadline]:
    """Move every running handling row: new due = old effective due + ``rule.days`` (the extension).

    Kept as an override with its reason, so that recomputing ``due`` after a holiday edit cannot undo an
    extension the visitor has been told about in writing (延期告知书).
    """
    moved = open_rows(session, matter, ["handling"])
    for row in moved:
        row.override_due = compute_deadline(row.effective_due, rule, calendar).due
        row.override_reason = reason
        row.override_by_id = by_id
    return moved


def extension_rule(base: DeadlineRule, days: int) -> DeadlineRule:
    """The extension rule with the days actually approved (at most ``base.days``)."""
    return DeadlineRule(base.key, base.label, days, base.unit, base.roll_forward, base.basis)


def next_deadline(matter_rows: Sequence[Deadline]) -> Deadline | None:
    """The earliest effective due among the bureau's running rows (windows are rights, not duties)."""
    running = [r for r in matter_rows if is_open(r) and r.rule_key not in WINDOWS]
    return min(running, key=lambda r: (r.effective_due, r.id or 0), default=None)


def days_left(row: Deadline, today: date) -> int:
    """Calendar days to the effective due date: 0 on the day, negative once overdue."""
    return (row.effective_due - today).days


def _of(row: Deadline, department: Department | None) -> bool:
    return department is None or row.department_id == department.id
