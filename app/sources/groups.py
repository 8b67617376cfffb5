"""GroupService: related matters handled together (一揽子调处/联合调处). A matter is in one group at most."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import NotFoundError, ValidationError
from app.sources.records import GroupRecord
from db.engine import Database
from db.models import Matter, MatterGroup, MatterGroupMember

MAX_TITLE = 100


class GroupService:
    def __init__(self, db: Database, clock: Callable[[], datetime] = datetime.now) -> None:
        self._db = db
        self._clock = clock

    def create(self, title: str, matter_nos: list[str], created_by: str = "") -> int:
        """A new group of the given matters (at least one); a matter already in a group is refused."""
        clean = " ".join((title or "").split())
        if not clean:
            raise ValidationError.single("title", "请填写调处组的名称")
        if len(clean) > MAX_TITLE:
            raise ValidationError.single("title", f"调处组名称不能超过{MAX_TITLE}个字")
        if not matter_nos:
            raise ValidationError.single("matter_nos", "调处组至少要有一件信访事项")
        with self._db.writing() as session:
            group = MatterGroup(title=clean, created_by=created_by.strip(), created_at=self._clock())
            session.add(group)
            session.flush()
            for no in dict.fromkeys(matter_nos):
                join_group(session, group.id, _matter_id(session, no))
            return group.id

    def add(self, group_id: int, matter_no: str) -> None:
        with self._db.writing() as session:
            join_group(session, group_id, _matter_id(session, matter_no))

    def remove(self, group_id: int, matter_no: str) -> None:
        with self._db.writing() as session:
            member = session.get(MatterGroupMember, (group_id, _matter_id(session, matter_no)))
            if member is None:
                raise ValidationError.single("matter_no", f"{matter_no} 不在该调处组中")
            session.delete(member)

    def group_of(self, matter_no: str) -> GroupRecord | None:
        with self._db.reading() as session:
            group_id = session.scalar(
                select(MatterGroupMember.group_id)
                .join(Matter, Matter.id == MatterGroupMember.matter_id)
                .where(Matter.matter_no == matter_no.strip())
            )
            return None if group_id is None else _record(session, group_id)

    def members(self, group_id: int) -> GroupRecord:
        with self._db.reading() as session:
            return _record(session, group_id)

    def all(self) -> list[GroupRecord]:
        with self._db.reading() as session:
            ids = session.scalars(select(MatterGroup.id).order_by(MatterGroup.id.desc()))
            return [_record(session, i) for i in ids]


def join_group(session: Session, group_id: int, matter_id: int) -> None:
    """Put a matter in a group inside the caller's transaction (intake links a visit's matter this way)."""
    if session.get(MatterGroup, group_id) is None:
        raise ValidationError.single("group_id", "所选的调处组不存在，请刷新后重新选择")
    current = session.scalar(
        select(MatterGroupMember.group_id).where(MatterGroupMember.matter_id == matter_id)
    )
    if current == group_id:
        return
    if current is not None:
        title = session.get(MatterGroup, current)
        raise ValidationError.single("group_id", f"该事项已在调处组“{title.title if title else current}”中")
    session.add(MatterGroupMember(group_id=group_id, matter_id=matter_id))
    session.flush()


def _matter_id(session: Session, matter_no: str) -> int:
    found = session.scalar(select(Matter.id).where(Matter.matter_no == (matter_no or "").strip()))
    if found is None:
        raise ValidationError.single("matter_no", f"没有编号为 {matter_no} 的信访事项")
    return found


def _record(session: Session, group_id: int) -> GroupRecord:
    group = session.get(MatterGroup, group_id)
    if group is None:
        raise NotFoundError(f"没有编号为 {group_id} 的调处组")
    nos = session.scalars(
        select(Matter.matter_no)
        .join(MatterGroupMember, MatterGroupMember.matter_id == Matter.id)
        .where(MatterGroupMember.group_id == group_id)
        .order_by(Matter.received_at)
    )
    return GroupRecord(group.id, group.title, group.created_by, group.created_at, list(nos))
