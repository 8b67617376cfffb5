"""What each notice needs from the database, and whether the matter's state allows it.

Reads the models only (Matter, MatterEvent, Deadline, Assignment, Supervision), inside the caller's session.
A notice the state does not allow is a ValidationError telling the clerk why, in Chinese.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.documents.notices import (
    BUYU_SHOULI,
    DAFU,
    DUBAN,
    JIAOBAN,
    OUTCOMES,
    SHOULI,
    YANQI,
    Acceptance,
    Assignment,
    Extension,
    Facts,
    NoticeData,
    Refusal,
    Reply,
    Supervision,
)
from app.documents.parts import cn_date
from app.errors import ValidationError
from app.records import MatterDetail
from app.settings import AgencySettings
from app.workdays import WorkCalendar
from db.models import Assignment as AssignmentRow
from db.models import Clerk, Deadline, Department, Matter, MatterEvent
from db.models import Supervision as SupervisionRow

HANDLING = "handling"  # the deadline rule of handling and replying (60 days, Art 34)
NOT_YET_ACCEPTED = ("登记", "受理审查中")
REFUSED = ("不予受理", "不再受理")
SUPERVISION_REPLY_WORKDAYS = 5  # a 督办单 asks for the result within this many working days
_EXTENSION = re.compile(r"^延期(?P<days>\d+)日：(?P<reason>.*)（批准人：[^）]*）$")
_REPLY_NOTE = re.compile(
    r"^(?:书面答复（[^）]*）：|当场答复：)(?P<text>.*?)(?:；可于[^；]*前申请复查|（[^（）]*）)?$", re.DOTALL
)
_COUNTY = re.compile(r"^(.+?(?:自治县|自治旗|县|旗|区|市))")


@dataclass(frozen=True)
class Context:
    detail: MatterDetail
    settings: AgencySettings
    today: date
    calendar: WorkCalendar | None


@dataclass(frozen=True)
class Found:
    """One notice to print: its facts as NoticeData (number still blank) and its archive key."""

    subject: str
    data: NoticeData


def gather(session: Session, matter: Matter, kind: str, department: str | None, ctx: Context) -> list[Found]:
    if department is not None and kind not in (JIAOBAN, DUBAN):
        raise ValidationError.single("department", f"{kind}不分部门，请不要指定部门")
    if matter.status == "合并":
        raise ValidationError.single("kind", "该事项已合并到其他事项，请在合并后的事项上出具文书")
    gatherers: dict[str, Callable[[], list[tuple[str, Facts]]]] = {
        SHOULI: lambda: [("0", _acceptance(session, matter))],
        BUYU_SHOULI: lambda: [("0", _refusal(matter))],
        YANQI: lambda: [("0", _extension(session, matter))],
        DAFU: lambda: [("0", _reply(session, matter, ctx))],
        JIAOBAN: lambda: _assignments(session, matter, department, ctx),
        DUBAN: lambda: _supervisions(session, matter, department, ctx),
    }
    issued = matter.replied_at.date() if kind == DAFU and matter.replied_at else ctx.today
    return [Found(subject, _data(kind, facts, ctx, issued)) for subject, facts in gatherers[kind]()]


def _data(kind: str, facts: Facts, ctx: Context, issued: date) -> NoticeData:
    detail = ctx.detail
    persons = sorted(detail.persons, key=lambda p: not p.representative)  # representatives first
    headcount = max((v.headcount for v in detail.visits), default=len(persons))
    return NoticeData(
        kind=kind,
        doc_no="",
        agency_name=ctx.settings.agency_name,
        matter_no=detail.matter_no,
        visitors=tuple(p.name for p in persons),
        headcount=max(headcount, len(persons)),
        received=detail.received_at.date(),
        channel=detail.channel,
        summary=detail.summary,
        facts=facts,
        issued=issued,
        window_phone=ctx.settings.window_phone,
    )


def _fail(message: str) -> ValidationError:
    return ValidationError.single("kind", message)


# --- to the visitor -------------------------------------------------------------------------------------


def _acceptance(session: Session, matter: Matter) -> Acceptance:
    if matter.status in REFUSED or matter.refusal_reason:
        raise _fail("该事项已不予受理，不能出具受理告知书")
    if matter.status in NOT_YET_ACCEPTED:
        raise _fail(f"该事项尚未受理（当前状态：{matter.status}），不能出具受理告知书")
    row = _handling(session, matter, own=True)
    if row is None:
        raise _fail("该事项未由本机关受理办理（没有本机关的办理期限），不能出具受理告知书")
    return Acceptance(accepted_on=_accepted_on(session, matter) or row.start, handling_due=row.due)


def _refusal(matter: Matter) -> Refusal:
    if matter.status not in REFUSED and not matter.refusal_reason:
        raise _fail(f"该事项未作不予受理决定（当前状态：{matter.status}），不能出具不予受理告知书")
    reason = matter.refusal_reason or "已经复核，同一事实和理由"
    route = re.sub(r"（[^）]*）", "", matter.refusal_route).strip(" —-")
    return Refusal(reason=reason, route=route)


def _extension(session: Session, matter: Matter) -> Extension:
    event = _latest_event(session, matter, ("延期",))
    if event is None:
        raise _fail(f"该事项未办理延期（当前状态：{matter.status}），不能出具延期告知书")
    row = _handling(session, matter, own=True) or _handling(session, matter, own=False)
    parsed = _EXTENSION.match(row.override_reason) if row is not None else None
    reason = parsed["reason"] if parsed else _note_part(event.note, "理由") or event.note
    if row is None:
        raise _fail("该事项没有办理期限，不能出具延期告知书")
    return Extension(
        reason=reason,
        accepted_on=_accepted_on(session, matter) or row.start,
        old_due=row.due if row.override_due is not None else None,
        new_due=row.effective_due,
        days=int(parsed["days"]) if parsed else None,
    )


def _reply(session: Session, matter: Matter, ctx: Context) -> Reply:
    if matter.replied_at is None:
        raise _fail(f"该事项尚未答复（当前状态：{matter.status}），不能出具答复意见书")
    event = _latest_event(session, matter, ("答复", "当场答复"))
    parsed = _REPLY_NOTE.match(event.note) if event is not None else None
    text = parsed["text"] if parsed else (event.note if event is not None else "")
    return Reply(
        replied_on=matter.replied_at.date(),
        accepted_on=_accepted_on(session, matter),
        text=text,
        outcomes=tuple(o for o in OUTCOMES if o in re.split(r"[,，、]", matter.outcomes)),
        review_body=review_body(ctx.settings.agency_name),
    )


def review_body(agency_name: str) -> str:
    """Who reviews (复查) the bureau's reply: the people's government of its county (Art 35)."""
    found = _COUNTY.match(agency_name)
    return f"{found[1]}人民政府" if found else "原办理机关、单位的上一级机关、单位"


# --- to a department ------------------------------------------------------------------------------------


def _assignments(
    session: Session, matter: Matter, department: str | None, ctx: Context
) -> list[tuple[str, Facts]]:
    rows = _open_assignments(session, matter, department)
    if not rows:
        where = f"给{department}" if department else "任何部门"
        raise _fail(f"该事项未转送或交办{where}（或已被退回），不能出具转送/交办单")
    detail = ctx.detail
    details = tuple(f"{p.name} {p.id_number_masked} {p.phone_masked}".strip() for p in detail.persons)
    headcount = max((v.headcount for v in detail.visits), default=len(detail.persons))
    found: list[tuple[str, Facts]] = []
    for row in rows:
        clerk = session.get(Clerk, row.assigned_by_id)
        facts = Assignment(
            how=row.kind,
            department=row.department.name,
            assigned_on=row.assigned_at.date(),
            due=row.deadline.effective_due if row.deadline is not None else None,
            category=detail.category,
            township=detail.township,
            appeal=detail.appeal,
            visitor_details=details,
            headcount=max(headcount, len(details)),
            contact=_contact(clerk.name if clerk else detail.first_clerk, ctx),
        )
        found.append((f"a{row.id}", facts))
    return found


def _supervisions(
    session: Session, matter: Matter, department: str | None, ctx: Context
) -> list[tuple[str, Facts]]:
    raised = session.scalars(
        select(SupervisionRow)
        .where(SupervisionRow.matter_id == matter.id, SupervisionRow.resolved_at.is_(None))
        .order_by(SupervisionRow.id.desc())
    ).first()
    overdue = [d for d in _running(session, matter) if d.effective_due < ctx.today]
    if raised is None and not overdue:
        raise _fail("该事项没有督办记录，也没有超期的期限，不能出具督办单")
    targets = _supervision_targets(session, matter, overdue, ctx)
    if department is not None:
        targets = [t for t in targets if t[0] == department]
        if not targets:
            raise _fail(f"该事项没有需要督办{department}的期限或交办记录")
    found: list[tuple[str, Facts]] = []
    for name, dept_id, deadline, assigned in targets:
        due = deadline.effective_due if deadline is not None else None
        late = max(0, (ctx.today - due).days) if due else 0
        subject = (
            f"s{raised.id}d{dept_id or 0}" if raised is not None else f"d{deadline.id if deadline else 0}"
        )
        facts = Supervision(
            department=name,
            level=raised.level if raised is not None else "普通",
            reason=raised.reason if raised is not None else f"超过办理期限{late}日仍未办结",
            assigned=assigned,
            deadline=due,
            overdue_days=late,
            reply_by=_reply_by(ctx),
            contact=_contact(raised.raised_by.name if raised is not None else ctx.detail.first_clerk, ctx),
        )
        found.append((subject, facts))
    return found


Target = tuple[str, int | None, Deadline | None, str]  # department, its id, the deadline, how it got there


def _supervision_targets(
    session: Session, matter: Matter, overdue: list[Deadline], ctx: Context
) -> list[Target]:
    """Who a 督办单 goes to: the departments still holding the matter, else the bureau's own handler."""
    targets: list[Target] = []
    late_by_dept = {d.department_id: d for d in overdue}
    for row in _open_assignments(session, matter, None):
        if row.feedback_at is not None:
            continue
        deadline = late_by_dept.get(row.department_id) or row.deadline
        assigned = f"{cn_date(row.assigned_at.date())}{row.kind}你单位"
        targets.append((row.department.name, row.department_id, deadline, assigned))
    if not targets:
        own = late_by_dept.get(None) or _handling(session, matter, own=True)
        handler = f"{ctx.detail.first_clerk}（本机关承办人）"
        targets.append((handler, None, own, "本机关受理办理"))
    return targets


def _reply_by(ctx: Context) -> date:
    if ctx.calendar is not None:
        return ctx.calendar.add_workdays(ctx.today, SUPERVISION_REPLY_WORKDAYS)
    return ctx.today + timedelta(days=7)  # five working days, roughly, without the holiday table


def _contact(clerk: str, ctx: Context) -> str:
    return f"{clerk}　{ctx.settings.window_phone}".strip()


# --- queries --------------------------------------------------------------------------------------------


def _running(session: Session, matter: Matter) -> list[Deadline]:
    return list(
        session.scalars(
            select(Deadline)
            .where(Deadline.matter_id == matter.id, Deadline.met_at.is_(None), Deadline.cancelled.is_(False))
            .order_by(Deadline.id)
        )
    )


def _handling(session: Session, matter: Matter, own: bool) -> Deadline | None:
    """The latest handling deadline: the bureau's own (``own``) or any department's."""
    query = select(Deadline).where(
        Deadline.matter_id == matter.id, Deadline.rule_key == HANDLING, Deadline.cancelled.is_(False)
    )
    if own:
        query = query.where(Deadline.department_id.is_(None))
    return session.scalars(query.order_by(Deadline.id.desc())).first()


def _open_assignments(session: Session, matter: Matter, department: str | None) -> list[AssignmentRow]:
    query = (
        select(AssignmentRow)
        .join(Department, Department.id == AssignmentRow.department_id)
        .where(AssignmentRow.matter_id == matter.id, AssignmentRow.returned_at.is_(None))
        .order_by(AssignmentRow.id)
    )
    if department is not None:
        query = query.where(Department.name == department.strip())
    return list(session.scalars(query))


def _latest_event(session: Session, matter: Matter, kinds: tuple[str, ...]) -> MatterEvent | None:
    query = select(MatterEvent).where(MatterEvent.matter_id == matter.id, MatterEvent.kind.in_(kinds))
    return session.scalars(query.order_by(MatterEvent.id.desc())).first()


def _accepted_on(session: Session, matter: Matter) -> date | None:
    query = select(MatterEvent.at).where(MatterEvent.matter_id == matter.id, MatterEvent.kind == "受理")
    at = session.scalar(query.order_by(MatterEvent.id))
    return at.date() if at is not None else None


def _note_part(note: str, label: str) -> str:
    """``理由：xxx；`` → xxx, from an event note written as label：value pairs."""
    found = re.search(rf"{label}：([^；]*)", note)
    return found[1].strip() if found else ""
