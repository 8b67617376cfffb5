"""Leaders: the leader in charge of a matter (包案领导) and the team of up to five (五包一), and the leaders'
reception days (领导接访日), to which the visits received on them are linked.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.case_records import CaseResult, LeaderInfo, ReceptionDayInfo, format_date
from app.cases.step import CaseBase, required
from app.errors import NotFoundError, ValidationError
from db.models import Leader, MatterLeader, ReceptionDay, Visit

TEAM_MAX = 5  # 五包一
IN_CHARGE, TEAM = "包案", "五包一"


class Leaders(CaseBase):
    def add_leader(self, name: str, title: str = "") -> LeaderInfo:
        """An administrator adds a leader who can take charge of matters and hold reception days."""
        clean = required(name, "name", "领导姓名")
        with self._writing() as session:
            if session.scalar(select(Leader.id).where(Leader.name == clean)) is not None:
                raise ValidationError.single("name", f"已有名为“{clean}”的领导")
            session.add(Leader(name=clean, title=title.strip()))
        return LeaderInfo(clean, title.strip())

    def leaders(self) -> list[LeaderInfo]:
        with self._db.reading() as session:
            found = session.scalars(select(Leader).where(Leader.active).order_by(Leader.id))
            return [LeaderInfo(leader.name, leader.title) for leader in found]

    def set_leaders(
        self, matter_no: str, in_charge: str, team: list[str], clerk: str, expected_version: int | None = None
    ) -> CaseResult:
        """Set (replace) the leader in charge and the team of a matter still open."""
        members = [n.strip() for n in team if n.strip()]
        _check_team(in_charge.strip(), members)
        with self._step(matter_no, "set_leaders", clerk, expected_version) as step:
            head = _leader(step.session, in_charge, "in_charge")
            crew = [_leader(step.session, n, "team") for n in members]
            step.session.execute(delete(MatterLeader).where(MatterLeader.matter_id == step.matter.id))
            step.session.add(MatterLeader(matter_id=step.matter.id, leader=head, role=IN_CHARGE))
            step.session.add_all(MatterLeader(matter_id=step.matter.id, leader=m, role=TEAM) for m in crew)
            text = f"包案领导：{head.name}" + (f"；五包一：{'、'.join(m.name for m in crew)}" if crew else "")
            return step.finish(text)

    def schedule_reception_day(self, leader: str, day: date, place: str = "") -> ReceptionDayInfo:
        """A leader's reception day (领导接访日), once per leader per day."""
        with self._writing() as session:
            found = _leader(session, leader, "leader")
            clash = select(ReceptionDay.id).where(ReceptionDay.leader_id == found.id, ReceptionDay.day == day)
            if session.scalar(clash) is not None:
                raise ValidationError.single("day", f"{found.name}在{format_date(day)}已安排接访")
            row = ReceptionDay(leader=found, day=day, place=place.strip())
            session.add(row)
            session.flush()
            return _reception_info(row)

    def reception_days(self, first: date, last: date) -> list[ReceptionDayInfo]:
        """The schedule between ``first`` and ``last`` (both included), by day."""
        with self._db.reading() as session:
            query = select(ReceptionDay).where(ReceptionDay.day >= first, ReceptionDay.day <= last)
            found = session.scalars(query.order_by(ReceptionDay.day, ReceptionDay.id))
            return [_reception_info(r) for r in found]

    def link_visit_to_reception_day(self, visit_id: int, reception_day_id: int) -> ReceptionDayInfo:
        """A visit received on a leader's reception day points to it (and so to its leader)."""
        with self._writing() as session:
            visit = session.get(Visit, visit_id)
            day = session.get(ReceptionDay, reception_day_id)
            if visit is None or day is None:
                raise NotFoundError("来访记录或领导接访日不存在，请刷新后重试")
            if visit.visited_at.date() != day.day:
                raise ValidationError.single(
                    "reception_day", f"来访日期{format_date(visit.visited_at.date())}不是该接访日"
                )
            visit.reception_day_id = day.id
            return _reception_info(day)


def _check_team(in_charge: str, members: list[str]) -> None:
    if not in_charge:
        raise ValidationError.single("in_charge", "请选择包案领导")
    if len(members) > TEAM_MAX:
        raise ValidationError.single("team", f"五包一成员最多{TEAM_MAX}人，现为{len(members)}人")
    if len(set(members)) < len(members):
        raise ValidationError.single("team", "同一领导在五包一成员中出现了两次")
    if in_charge in members:
        raise ValidationError.single("team", f"{in_charge}已是包案领导，不必再列入五包一成员")


def _leader(session: Session, name: str, field: str) -> Leader:
    found = session.scalar(select(Leader).where(Leader.name == name.strip(), Leader.active))
    if found is None:
        raise ValidationError.single(field, f"没有名为“{name}”的领导，请先在设置中添加")
    return found


def _reception_info(row: ReceptionDay) -> ReceptionDayInfo:
    return ReceptionDayInfo(row.id, row.leader.name, row.leader.title, row.day, row.place)
