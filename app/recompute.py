"""Recomputing the open deadlines after the holiday table or a deadline rule changed.

Runs inside the transaction of the edit, so that the table and every due date change together or not at
all. Only periods still running move: a deadline already met, cancelled, or of a matter no longer open
keeps the date it was held to. A date set by hand (override_due) stays as it is; the rule's own date
under it is still brought up to date, so that the explanation and the table agree.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any, cast

from sqlalchemy import Row, Table, bindparam, select, update
from sqlalchemy.orm import Session

from app.deadlines import DeadlineRule, compute_deadline
from app.rules.vocabulary import OPEN_STATUSES
from app.workdays import WorkCalendar
from db.models import Deadline, Matter

NOTICE_RULE = "notice"  # the 15-day deadline mirrored in Matter.notice_deadline


def recompute_open_deadlines(
    session: Session, calendar: WorkCalendar, rules: Mapping[str, DeadlineRule]
) -> int:
    """Bring every running deadline to the current table and rules; how many effective dates moved."""
    due_of = _memo(calendar)
    changes: list[dict[str, Any]] = []
    notices: list[dict[str, Any]] = []
    moved = 0
    for row in _running(session):
        rule = rules.get(row.rule_key)
        if rule is None:  # a date given from outside (e.g. an upper body's due date): nothing to count
            continue
        due = due_of(row.start, rule)
        if due != row.due:
            changes.append({"id": row.id, "due": due})
            moved += row.override_due is None
        effective = row.override_due or due
        if _is_notice(row) and effective != row.notice_deadline:
            notices.append({"matter": row.matter_id, "notice": effective})
    if changes:
        session.execute(update(Deadline), changes)
    _write_notice_deadlines(session, notices)
    return moved


def _running(session: Session) -> list[Row[*tuple[Any, ...]]]:
    return list(
        session.execute(
            select(
                Deadline.id,
                Deadline.matter_id,
                Deadline.rule_key,
                Deadline.department_id,
                Deadline.start,
                Deadline.due,
                Deadline.override_due,
                Matter.notice_deadline,
            )
            .join(Matter, Matter.id == Deadline.matter_id)
            .where(Deadline.met_at.is_(None), Deadline.cancelled.is_(False), Matter.status.in_(OPEN_STATUSES))
        )
    )


def _is_notice(row: Row[*tuple[Any, ...]]) -> bool:
    return bool(row.rule_key == NOTICE_RULE and row.department_id is None)


def _memo(calendar: WorkCalendar) -> Callable[[date, DeadlineRule], date]:
    """Many matters share a start day and a rule: count each pair once."""
    seen: dict[tuple[date, DeadlineRule], date] = {}

    def due_of(start: date, rule: DeadlineRule) -> date:
        key = (start, rule)
        if key not in seen:
            seen[key] = compute_deadline(start, rule, calendar).due
        return seen[key]

    return due_of


def _write_notice_deadlines(session: Session, notices: list[dict[str, Any]]) -> None:
    """Matter.notice_deadline follows its notice row; the version moves so an open window notices."""
    if not notices:
        return
    matters = cast(Table, Matter.__table__)
    statement = (
        update(matters)
        .where(matters.c.id == bindparam("matter"))
        .values(notice_deadline=bindparam("notice"), version=matters.c.version + 1)
    )
    session.connection().execute(statement, notices)
