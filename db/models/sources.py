"""Tracing matters to their source (追根溯源): what a matter is raised against (被反映对象) with its aliases,
related matters handled together (一揽子调处), special campaigns (专项活动), the thresholds of the hotspot
board and the backlog, and the term index that lets similar matters be found at intake speed.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.models.base import Base

if TYPE_CHECKING:  # annotations only: SQLAlchemy resolves these names through its registry
    from db.models.reference import Township


class Entity(Base):
    """被反映对象: an enterprise, a project or estate, a department, a village committee…

    A merged entity keeps its row (old references still resolve) and points to the one it became.
    """

    __tablename__ = "entities"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(16))  # 企业 / 项目或小区 / 部门 / 村（居）委会 / 其他
    township_id: Mapped[int | None] = mapped_column(ForeignKey("townships.id"), default=None)
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id"), default=None, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)

    township: Mapped[Township | None] = relationship()
    aliases: Mapped[list[EntityAlias]] = relationship(back_populates="entity", order_by="EntityAlias.id")


class EntityAlias(Base):
    """A name an entity is known by (its own name is one too); the normalised form is unique."""

    __tablename__ = "entity_aliases"
    id: Mapped[int] = mapped_column(primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id"), index=True)
    alias: Mapped[str] = mapped_column(String(100))
    normalized: Mapped[str] = mapped_column(String(100), unique=True)  # 有限公司 etc. stripped
    initials: Mapped[str] = mapped_column(String(100), default="", index=True)  # pinyin initials

    entity: Mapped[Entity] = relationship(back_populates="aliases")


class MatterEntity(Base):
    """A matter raised against an entity."""

    __tablename__ = "matter_entities"
    matter_id: Mapped[int] = mapped_column(ForeignKey("matters.id"), primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id"), primary_key=True, index=True)


class MatterGroup(Base):
    """Related matters handled together (一揽子调处/联合调处)."""

    __tablename__ = "matter_groups"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(100))
    created_by: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class MatterGroupMember(Base):
    """A matter in a group; a matter is in one group at most."""

    __tablename__ = "matter_group_members"
    group_id: Mapped[int] = mapped_column(ForeignKey("matter_groups.id"), primary_key=True)
    matter_id: Mapped[int] = mapped_column(ForeignKey("matters.id"), primary_key=True, unique=True)


class Campaign(Base):
    """专项活动 (四重攻坚, 信访积案化解…): a tag with its period and its own target list."""

    __tablename__ = "campaigns"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(16))  # 重点领域 / 重点群体 / 重点问题 / 重点人员 / 积案化解
    starts: Mapped[date] = mapped_column(Date)
    ends: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class CampaignTarget(Base):
    """One target of a campaign: a matter, a person or an entity (by its id)."""

    __tablename__ = "campaign_targets"
    __table_args__ = (
        UniqueConstraint("campaign_id", "target_kind", "target_id", name="uq_campaign_targets"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id"), index=True)
    target_kind: Mapped[str] = mapped_column(String(8))  # matter / person / entity
    target_id: Mapped[int] = mapped_column(Integer)
    added_at: Mapped[datetime] = mapped_column(DateTime)


class SourceThreshold(Base):
    """A threshold of the hotspot board or the backlog, set by an administrator (defaults in app/)."""

    __tablename__ = "source_thresholds"
    key: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[int] = mapped_column(Integer)


class SimilarityTerm(Base):
    """A word of the appeals (jieba), with the number of matters it occurs in (its document frequency)."""

    __tablename__ = "similarity_terms"
    id: Mapped[int] = mapped_column(primary_key=True)
    term: Mapped[str] = mapped_column(String(32), unique=True)
    matters: Mapped[int] = mapped_column(Integer, default=0)


class MatterTerm(Base):
    """Posting: a term occurs in a matter's summary or appeal. Filled at registration."""

    __tablename__ = "matter_terms"
    __table_args__ = {"sqlite_with_rowid": False}  # the key is the row: half the size on a million matters
    term_id: Mapped[int] = mapped_column(ForeignKey("similarity_terms.id"), primary_key=True)
    matter_id: Mapped[int] = mapped_column(ForeignKey("matters.id"), primary_key=True)


class OpenMatterTerm(Base):
    """The postings of the matters still open: what intake searches. A matter's rows go when it closes."""

    __tablename__ = "open_matter_terms"
    __table_args__ = {"sqlite_with_rowid": False}
    term_id: Mapped[int] = mapped_column(ForeignKey("similarity_terms.id"), primary_key=True)
    matter_id: Mapped[int] = mapped_column(ForeignKey("matters.id"), primary_key=True)


Index("ix_matter_terms_matter", MatterTerm.matter_id)
