"""The supervision board (督办台): every open matter with its next deadline, state and 督办 level, so that
nothing runs past its deadline unseen (未办必督).

Filters that SQL can answer are answered there (department, clerk, leader, state); only the matters the
rules need more facts for — the overdue ones — get the extra lookups (repeat visits, silent departments).
Levels raised by rule are derived each time, never stored; a 督办 raised by hand is a row, and the higher
of the two wins.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from app.deadlines import DeadlineRule, State
from app.errors import FieldError, NotFoundError, ValidationError
from app.rules.vocabulary import OPEN_STATUSES
from app.signing import signing_clerk
from app.supervision_query import (
    attention_counts,
    candidates,
    departments_of,
    last_repeat_visits,
    leaders_in_charge,
    manual_levels,
    silent_departments,
)
from app.supervision_records import BoardFilter, BoardRow, BoardSlice, BoardSummary, SupervisionRecord
from app.supervision_rules import LEVELS, NONE, RANK, Facts, Policy, level_of, state_of
from app.workdays import WorkCalendar
from db.engine import Database
from db.models import Clerk, Matter, MatterEvent, Supervision

EVENT_KIND = "督办"
BOARD_LIMIT = 500  # rows the board and 我的待办 read at most: the worst first; the count says how many more
LEVEL_OF_RANK = {n: level for level, n in RANK.items()}
MAX_REASON = 200


@dataclass
class _Judged:
    """One candidate row with what the rules made of it."""

    row: Row[*tuple[Any, ...]]
    state: State
    level: str = NONE
    reasons: tuple[str, ...] = ()
    supervision_ids: tuple[int, ...] = ()


class SupervisionService:
    def __init__(
        self,
        db: Database,
        calendar: Callable[[], WorkCalendar],
        rules: Callable[[], Mapping[str, DeadlineRule]],
        clock: Callable[[], datetime] = datetime.now,
        near_share: float = 0.8,
        near_days: int = 3,
        red_after_days: int = 10,
    ) -> None:
        self._db = db
        self._calendar = calendar
        self._rules = rules
        self._clock = clock
        self._policy = Policy(near_share, near_days, red_after_days)

    # -- the board --

    def board(self, wanted: BoardFilter | None = None, limit: int | None = BOARD_LIMIT) -> list[BoardRow]:
        """The board's rows, worst first in the filter's order: at most ``limit`` (None: all)."""
        return self.board_slice(wanted, limit).rows

    def board_slice(self, wanted: BoardFilter | None = None, limit: int | None = BOARD_LIMIT) -> BoardSlice:
        """The first ``limit`` rows in the board's order, with how many the filter lets through (counted
        in SQL, as are the levels the order needs: only the rows returned are judged in Python)."""
        wanted = wanted or BoardFilter()
        today = self._clock().date()
        calendar = self._calendar()  # before the session: building it may read the database itself
        with self._db.reading() as session:
            found = candidates(session, wanted, today, self._policy, limit)
            judged = self._judge(session, found, wanted, today)
            rows = self._rows(session, judged, today, calendar)
        total, overdue = (found[0].total, found[0].overdue) if found else (0, 0)
        return BoardSlice(sort_board(rows, wanted), total, overdue)

    def summary(self) -> BoardSummary:
        """Counts for the badge: overdue, near due, by level, by department, by first clerk; counted in
        SQL by the same rules as the board (no row is judged in Python)."""
        today = self._clock().date()
        with self._db.reading() as session:
            found = attention_counts(session, today, self._policy)
        attention = overdue = near_due = 0
        by_level: Counter[str] = Counter()
        by_department: Counter[str] = Counter()
        by_clerk: Counter[str] = Counter()
        for kind, name, rank, is_overdue, is_near, n in found:
            if kind == "d":
                by_department[name] += n
                continue
            attention += n
            overdue += n if is_overdue else 0
            near_due += n if is_near else 0
            by_level[LEVEL_OF_RANK[rank]] += n
            by_clerk[name] += n
        return BoardSummary(
            attention=attention,
            overdue=overdue,
            near_due=near_due,
            by_level=_counts(by_level),
            by_department=_counts(by_department),
            by_clerk=_counts(by_clerk),
        )

    def mine(self, clerk: str, limit: int | None = BOARD_LIMIT) -> list[BoardRow]:
        """The clerk's start screen: their own matters (as first clerk) that need attention, worst first."""
        return self.mine_slice(clerk, limit).rows

    def mine_slice(self, clerk: str, limit: int | None = BOARD_LIMIT) -> BoardSlice:
        return self.board_slice(BoardFilter(clerk=clerk.strip(), attention_only=True), limit)

    def _judge(
        self, session: Session, found: list[Row[*tuple[Any, ...]]], wanted: BoardFilter, today: date
    ) -> list[_Judged]:
        """The rules' state, level and reasons for the rows found (a bounded set)."""
        judged = [_Judged(row, state_of(Facts(row.start, row.due), today, self._policy)) for row in found]
        if wanted.states is not None:
            judged = [j for j in judged if j.state in wanted.states]
        overdue = [j.row.matter_id for j in judged if j.state == "超期"]
        repeats = last_repeat_visits(session, overdue)
        silent = silent_departments(session, overdue, today)
        manual = manual_levels(session)
        for j in judged:
            raised = manual.get(j.row.matter_id, [])
            facts = Facts(
                j.row.start,
                j.row.due,
                last_repeat_visit=repeats.get(j.row.matter_id),
                silent=tuple(silent.get(j.row.matter_id, ())),
                manual=tuple(m for _, m in raised),
            )
            j.level, j.reasons = level_of(facts, today, self._policy, j.state)
            j.supervision_ids = tuple(i for i, _ in raised)
        return [j for j in judged if _wanted(j, wanted)]

    def _rows(
        self, session: Session, judged: list[_Judged], today: date, calendar: WorkCalendar
    ) -> list[BoardRow]:
        ids = [j.row.matter_id for j in judged]
        departments = departments_of(session, ids)
        leaders = leaders_in_charge(session, ids)
        labels = {key: rule.label for key, rule in self._rules().items()}
        return [
            _board_row(
                j,
                departments.get(j.row.matter_id, []),
                leaders.get(j.row.matter_id, ""),
                labels,
                calendar,
                today,
            )
            for j in judged
        ]

    # -- 督办 raised by hand --

    def raise_supervision(self, matter_no: str, level: str, reason: str, clerk: str) -> SupervisionRecord:
        """Raise a 督办 by hand; it stays until resolved, and shows on the matter's timeline."""
        clean = _validate_raise(level, reason)
        with self._db.writing() as session:
            signer = signing_clerk(session, clerk)
            matter = _open_matter(session, matter_no)
            now = self._clock()
            row = Supervision(
                matter_id=matter.id, level=level, reason=clean, raised_at=now, raised_by_id=signer.id
            )
            session.add(row)
            _event(session, matter.id, signer, now, f"{level}督办：{clean}")
            session.flush()
            return _record(row, matter.matter_no, signer.name)

    def resolve(self, supervision_id: int, clerk: str) -> SupervisionRecord:
        """Lift a 督办 raised by hand (the rules' levels lift themselves when the deadline is met)."""
        with self._db.writing() as session:
            signer = signing_clerk(session, clerk)
            row = session.get(Supervision, supervision_id)
            if row is None:
                raise NotFoundError(f"没有编号为 {supervision_id} 的督办")
            if row.resolved_at is not None:
                raise ValidationError.single("supervision", f"该督办已于{row.resolved_at:%Y-%m-%d}解除")
            row.resolved_at = self._clock()
            _event(session, row.matter_id, signer, row.resolved_at, f"解除{row.level}督办：{row.reason}")
            matter = session.get_one(Matter, row.matter_id)
            return _record(row, matter.matter_no, row.raised_by.name)

    def supervisions(self, matter_no: str) -> list[SupervisionRecord]:
        """Every 督办 raised by hand on a matter, resolved or not, oldest first."""
        with self._db.reading() as session:
            matter = _matter(session, matter_no)
            rows = session.scalars(
                select(Supervision).where(Supervision.matter_id == matter.id).order_by(Supervision.id)
            )
            return [_record(r, matter.matter_no, r.raised_by.name) for r in rows]


def sort_board(rows: list[BoardRow], wanted: BoardFilter) -> list[BoardRow]:
    """By level (红牌 first, then the earliest due), or by due date / days left (earliest first);
    sorting by date, rows without a running deadline stay last either way."""
    if wanted.sort == "level":
        return sorted(rows, key=_by_level, reverse=wanted.descending)
    dated = sorted((r for r in rows if r.due is not None), key=_by_due, reverse=wanted.descending)
    return dated + sorted((r for r in rows if r.due is None), key=_by_due)


def _by_level(row: BoardRow) -> tuple[int, date, datetime]:
    return -RANK[row.level], row.due or date.max, row.received_at


def _by_due(row: BoardRow) -> tuple[date, datetime]:
    return row.due or date.max, row.received_at


def _wanted(j: _Judged, wanted: BoardFilter) -> bool:
    if wanted.levels is not None and j.level not in wanted.levels:
        return False
    return not wanted.attention_only or j.state != "正常" or j.level != NONE


def _board_row(
    j: _Judged,
    departments: list[str],
    leader: str,
    labels: dict[str, str],
    calendar: WorkCalendar,
    today: date,
) -> BoardRow:
    r = j.row
    return BoardRow(
        matter_no=r.matter_no,
        summary=r.summary,
        status=r.status,
        received_at=r.received_at,
        first_clerk=r.first_clerk,
        deadline_id=r.deadline_id,
        deadline_label=labels.get(r.rule_key, r.rule_key or ""),
        deadline_department=r.department,
        due=r.due,
        days_left=(r.due - today).days if r.due is not None else None,
        state=j.state,
        level=j.level,
        reasons=j.reasons,
        departments=tuple(departments),
        leader=leader,
        supervision_ids=j.supervision_ids,
        provisional=r.due is not None and calendar.is_provisional(r.due.year),
    )


def _counts(values: Counter[str]) -> dict[str, int]:
    """Most first; ties by name, so the breakdown does not depend on the order rows were read in."""
    return dict(sorted(values.items(), key=lambda item: (-item[1], item[0])))


def _validate_raise(level: str, reason: str) -> str:
    errors = []
    if level not in LEVELS:
        errors.append(FieldError("level", "督办等级只能是普通、黄牌或红牌"))
    clean = reason.strip()
    if not clean or len(clean) > MAX_REASON:
        errors.append(FieldError("reason", f"请填写督办理由（不超过{MAX_REASON}字）"))
    if errors:
        raise ValidationError(errors)
    return clean


def _matter(session: Session, matter_no: str) -> Matter:
    matter = session.scalar(select(Matter).where(Matter.matter_no == matter_no.strip()))
    if matter is None:
        raise NotFoundError(f"没有编号为 {matter_no} 的信访事项")
    return matter


def _open_matter(session: Session, matter_no: str) -> Matter:
    matter = _matter(session, matter_no)
    if matter.status not in OPEN_STATUSES:
        raise ValidationError.single("matter_no", f"{matter.matter_no} 已{matter.status}，不能再督办")
    return matter


def _event(session: Session, matter_id: int, clerk: Clerk, at: datetime, note: str) -> None:
    session.add(MatterEvent(matter_id=matter_id, kind=EVENT_KIND, at=at, clerk_id=clerk.id, note=note))


def _record(row: Supervision, matter_no: str, raised_by: str) -> SupervisionRecord:
    return SupervisionRecord(
        row.id, matter_no, row.level, row.reason, row.raised_at, raised_by, row.resolved_at
    )
