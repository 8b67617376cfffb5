"""LetterService: a 信访工作问责建议函 drafted from a matter whose handling failed (科长).

The facts come from the record: the assignments and what each department did with them, the deadlines
missed, the supervisions raised, the repeat visits and the ratings of 不满意. A matter without any such
failure has nothing to propose and is refused.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.documents.parts import cn_date, cn_datetime
from app.errors import NotFoundError, ValidationError
from app.settings import SettingsService
from app.sources.records import LetterFacts
from app.storage import translated
from db.engine import Database
from db.models import Assignment, Deadline, Department, Matter, Rating, Supervision, Visit


class LetterService:
    def __init__(
        self,
        db: Database,
        settings: SettingsService,
        archive: Path,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        self._db = db
        self._settings = settings
        self._archive = archive
        self._clock = clock

    def facts(self, matter_no: str) -> LetterFacts:
        """What the letter would say; a ValidationError when the handling shows no failure."""
        with self._db.reading() as session:
            matter = session.scalar(select(Matter).where(Matter.matter_no == (matter_no or "").strip()))
            if matter is None:
                raise NotFoundError(f"没有编号为 {matter_no} 的信访事项")
            return _facts(session, matter, self._clock().date(), self._settings.get().agency_code)

    def draft(self, matter_no: str, out: Path | str | None = None) -> Path:
        """Write the letter as a PDF (by default into the archive beside the database) and return its path.

        Only a chief or the administrator may: the guard checks sources_decide and audits the print.
        """
        from app.documents.accountability import render_letter

        facts = self.facts(matter_no)
        now = self._clock()
        target = (
            Path(out)
            if out
            else self._archive / str(now.year) / f"{facts.matter_no}-问责建议函-{now:%Y%m%d-%H%M%S}.pdf"
        )
        with translated():
            target.parent.mkdir(parents=True, exist_ok=True)
            return render_letter(facts, self._settings.get().agency_name, now.date(), target)


def _facts(session: Session, matter: Matter, today: date, agency_code: str) -> LetterFacts:
    assignments = list(
        session.scalars(
            select(Assignment).where(Assignment.matter_id == matter.id).order_by(Assignment.assigned_at)
        )
    )
    facts = [f"{cn_datetime(matter.received_at)} 登记受理：{matter.summary}"]
    failures: list[str] = []
    for a in assignments:
        facts += _assignment_facts(a)
        failures += _assignment_failures(a, today)
    failures += _supervision_failures(session, matter)
    failures += _repeat_failures(session, matter, assignments)
    failures += _rating_failures(session, matter)
    if not failures:
        raise ValidationError.single(
            "matter_no", f"{matter.matter_no} 的办理记录中没有超期、督办、重访或不满意等问题，无需问责"
        )
    departments = "、".join(dict.fromkeys(a.department.name for a in assignments)) or "我局"
    letter_no = f"{agency_code}问责〔{today.year}〕{matter.seq}号"
    return LetterFacts(
        matter.matter_no, letter_no, departments, matter.summary, matter.received_at, facts, failures
    )


def _assignment_facts(a: Assignment) -> list[str]:
    name = a.department.name
    lines = [f"{cn_datetime(a.assigned_at)} {a.kind}{name}"]
    if a.signed_at:
        lines.append(f"{cn_datetime(a.signed_at)} {name}签收")
    if a.returned_at:
        lines.append(f"{cn_datetime(a.returned_at)} {name}退回：{a.return_reason}")
    if a.feedback_at:
        lines.append(f"{cn_datetime(a.feedback_at)} {name}反馈：{a.feedback}")
    return lines


def _assignment_failures(a: Assignment, today: date) -> list[str]:
    deadline: Deadline | None = a.deadline
    if deadline is None or deadline.cancelled:
        return []
    due, name = deadline.effective_due, a.department.name
    if a.feedback_at is None and today > due:
        return [f"{name}应于{cn_date(due)}前办结反馈，至{cn_date(today)}已超期{(today - due).days}天仍未反馈"]
    if a.feedback_at is not None and a.feedback_at.date() > due:
        done = a.feedback_at.date()
        return [f"{name}应于{cn_date(due)}前办结反馈，实际于{cn_date(done)}反馈，超期{(done - due).days}天"]
    return []


def _supervision_failures(session: Session, matter: Matter) -> list[str]:
    rows = session.scalars(
        select(Supervision).where(Supervision.matter_id == matter.id).order_by(Supervision.raised_at)
    )
    return [f"{cn_date(s.raised_at.date())}被{s.level}督办：{s.reason}" for s in rows]


def _repeat_failures(session: Session, matter: Matter, assignments: list[Assignment]) -> list[str]:
    if not assignments:
        return []
    first = assignments[0].assigned_at
    repeats = session.scalars(
        select(Visit.visited_at).where(
            Visit.matter_id == matter.id, Visit.is_repeat, Visit.visited_at > first
        )
    ).all()
    if not repeats:
        return []
    return [f"交办后信访人又重复来访{len(repeats)}次（最近一次{cn_date(max(repeats).date())}）"]


def _rating_failures(session: Session, matter: Matter) -> list[str]:
    rows = session.execute(
        select(Department.name, Rating.rated_at)
        .outerjoin(Department, Department.id == Rating.department_id)
        .where(Rating.matter_id == matter.id, Rating.result == "不满意")
    ).all()
    return [f"信访人对{name or '我局'}的办理结果评价为不满意（{cn_date(at.date())}）" for name, at in rows]
