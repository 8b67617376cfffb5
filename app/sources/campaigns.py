"""CampaignService: special campaigns (专项活动, e.g. 四重攻坚, 信访积案化解) as tags with their own target
lists — matters, persons, entities — and their progress (化解率: the share of the targets' matters resolved).

A person or an entity as a target brings every matter of theirs received by the campaign's end; a merged
matter (合并) is counted in the one it was merged into, not twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import NotFoundError, ValidationError
from app.sources.records import CAMPAIGN_KINDS, TARGET_KINDS, CampaignProgress, CampaignRecord
from db.engine import Database
from db.models import Campaign, CampaignTarget, Entity, Matter, MatterEntity, MatterPerson, Person

RESOLVED = ("办结", "不予受理", "不再受理")  # 化解: a final answer given
MERGED = "合并"


class CampaignService:
    def __init__(self, db: Database, clock: Callable[[], datetime] = datetime.now) -> None:
        self._db = db
        self._clock = clock

    def create(self, code: str, name: str, kind: str, starts: date, ends: date) -> int:
        code, name = code.strip(), " ".join(name.split())
        _check(code, name, kind, starts, ends)
        with self._db.writing() as session:
            if session.scalar(select(Campaign.id).where(Campaign.code == code)) is not None:
                raise ValidationError.single("code", f"专项活动代码“{code}”已被使用")
            campaign = Campaign(
                code=code, name=name, kind=kind, starts=starts, ends=ends, created_at=self._clock()
            )
            session.add(campaign)
            session.flush()
            return campaign.id

    def tag(self, campaign_id: int, matter_nos: Iterable[str]) -> int:
        """Add matters to the campaign's targets; returns how many were new."""
        with self._db.writing() as session:
            ids = [_matter_id(session, no) for no in matter_nos]
            return _add_targets(session, campaign_id, "matter", ids, self._clock())

    def add_targets(self, campaign_id: int, kind: str, ids: Iterable[int]) -> int:
        """Add persons or entities (by id) to the campaign's targets; returns how many were new."""
        if kind not in TARGET_KINDS:
            raise ValidationError.single("kind", f"目标类型只能是{'、'.join(TARGET_KINDS)}")
        column = {"matter": Matter.id, "person": Person.id, "entity": Entity.id}[kind]
        with self._db.writing() as session:
            wanted = list(dict.fromkeys(ids))
            known = set(session.scalars(select(column).where(column.in_(wanted))))
            if missing := [i for i in wanted if i not in known]:
                raise ValidationError.single("ids", f"编号 {missing[0]} 不存在")
            return _add_targets(session, campaign_id, kind, wanted, self._clock())

    def campaigns(self) -> list[CampaignRecord]:
        with self._db.reading() as session:
            return [
                _record(session, c)
                for c in session.scalars(select(Campaign).order_by(Campaign.starts.desc()))
            ]

    def progress(self, campaign_id: int) -> CampaignProgress:
        with self._db.reading() as session:
            campaign = _campaign(session, campaign_id)
            rows = session.execute(
                select(Matter.matter_no, Matter.status, Matter.merged_into_id).where(
                    Matter.id.in_(_matter_ids(session, campaign))
                )
            ).all()
            counted = [(no, status) for no, status, merged in rows if status != MERGED or merged is None]
            resolved = sum(1 for _, status in counted if status in RESOLVED)
            open_nos = sorted(no for no, status in counted if status not in RESOLVED)
            rate = resolved / len(counted) if counted else None
            return CampaignProgress(
                _record(session, campaign), len(counted), resolved, len(open_nos), rate, open_nos
            )


def _check(code: str, name: str, kind: str, starts: date, ends: date) -> None:
    if not code or len(code) > 32:
        raise ValidationError.single("code", "请填写专项活动代码（不超过32个字符）")
    if not name or len(name) > 100:
        raise ValidationError.single("name", "请填写专项活动名称（不超过100个字）")
    if kind not in CAMPAIGN_KINDS:
        raise ValidationError.single("kind", f"专项活动类型应为{'、'.join(CAMPAIGN_KINDS)}之一")
    if ends < starts:
        raise ValidationError.single("ends", "专项活动的结束日期不能早于开始日期")


def _campaign(session: Session, campaign_id: int) -> Campaign:
    campaign = session.get(Campaign, campaign_id)
    if campaign is None:
        raise NotFoundError(f"没有编号为 {campaign_id} 的专项活动")
    return campaign


def _matter_id(session: Session, matter_no: str) -> int:
    found = session.scalar(select(Matter.id).where(Matter.matter_no == matter_no.strip()))
    if found is None:
        raise ValidationError.single("matter_nos", f"没有编号为 {matter_no} 的信访事项")
    return found


def _add_targets(session: Session, campaign_id: int, kind: str, ids: list[int], now: datetime) -> int:
    _campaign(session, campaign_id)
    have = set(
        session.scalars(
            select(CampaignTarget.target_id).where(
                CampaignTarget.campaign_id == campaign_id, CampaignTarget.target_kind == kind
            )
        )
    )
    new = [i for i in dict.fromkeys(ids) if i not in have]
    session.add_all(
        CampaignTarget(campaign_id=campaign_id, target_kind=kind, target_id=i, added_at=now) for i in new
    )
    return len(new)


def _matter_ids(session: Session, campaign: Campaign) -> set[int]:
    targets = select(CampaignTarget.target_id).where(CampaignTarget.campaign_id == campaign.id)
    until = datetime.combine(campaign.ends + timedelta(1), time.min)
    direct = session.scalars(targets.where(CampaignTarget.target_kind == "matter"))
    of_persons = session.scalars(
        select(MatterPerson.matter_id)
        .join(Matter, Matter.id == MatterPerson.matter_id)
        .where(MatterPerson.person_id.in_(targets.where(CampaignTarget.target_kind == "person")))
        .where(Matter.received_at < until)
    )
    of_entities = session.scalars(
        select(MatterEntity.matter_id)
        .join(Matter, Matter.id == MatterEntity.matter_id)
        .where(MatterEntity.entity_id.in_(targets.where(CampaignTarget.target_kind == "entity")))
        .where(Matter.received_at < until)
    )
    return {*direct, *of_persons, *of_entities}


def _record(session: Session, campaign: Campaign) -> CampaignRecord:
    count = len(
        list(session.scalars(select(CampaignTarget.id).where(CampaignTarget.campaign_id == campaign.id)))
    )
    return CampaignRecord(
        campaign.id, campaign.code, campaign.name, campaign.kind, campaign.starts, campaign.ends, count
    )
