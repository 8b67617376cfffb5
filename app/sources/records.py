"""Plain records of the source view (追根溯源) that cross the service boundary; no ORM objects leave app/.

Glossary: 被反映对象 entity (what a matter is raised against); 别名 alias; 一揽子调处/联合调处 a group of
related matters handled together; 专项活动 campaign; 化解率 share of targets resolved; 积案 backlog;
集访风险 risk of a group visit; 考核 the departments' record; 问责建议函 accountability letter.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

ENTITY_KINDS: tuple[str, ...] = ("企业", "项目或小区", "部门", "村（居）委会", "其他")
CAMPAIGN_KINDS: tuple[str, ...] = ("重点领域", "重点群体", "重点问题", "重点人员", "积案化解", "其他")
TARGET_KINDS: tuple[str, ...] = ("matter", "person", "entity")
BACKLOG_BUCKETS: tuple[str, ...] = ("1次", "2–5次", "6–10次", "11–30次", "31次以上")


@dataclass(frozen=True)
class EntityHit:
    """One type-ahead suggestion: the entity (after merges) and the name that matched."""

    entity_id: int
    name: str
    kind: str
    township: str  # name, "" when none
    matched: str  # the alias that matched (may be the name itself)
    matter_count: int


@dataclass(frozen=True)
class EntityRecord:
    entity_id: int
    name: str
    kind: str
    township: str
    aliases: list[str]  # every alias, the name first
    merged_into_id: int | None
    matter_count: int


@dataclass(frozen=True)
class EntityMatter:
    """A matter raised against an entity, as the entity's page lists it."""

    matter_no: str
    received_at: datetime
    status: str
    township: str
    category: str
    summary: str


@dataclass(frozen=True)
class SimilarMatch:
    """An open matter that looks like the one being typed, with why (reasons in Chinese, strongest first)."""

    matter_no: str
    summary: str
    township: str
    category: str
    status: str
    received_at: datetime
    score: float
    reasons: list[str]
    group_id: int | None = None  # its joint-handling group, if any


@dataclass(frozen=True)
class GroupRecord:
    group_id: int
    title: str
    created_by: str
    created_at: datetime
    matter_nos: list[str]


@dataclass(frozen=True)
class HotspotRow:
    """A rising entity, township or topic (category) on the board."""

    kind: str  # entity / township / topic
    key: int  # the entity, township or category id
    label: str
    this_week: int  # matters with a visit this week
    last_week: int
    persons_this_week: int  # 人次 this week
    persons_last_week: int
    growth: float | None  # this/last − 1; None when last week had none
    crossed: bool  # beyond the administrator's thresholds
    matter_nos: list[str]  # this week's matters


@dataclass(frozen=True)
class HotspotWarning:
    """集访风险: several unrelated visitors raising one entity within a few days."""

    entity_id: int
    entity: str
    persons: int  # distinct visitors
    matters: int  # distinct matters (unrelated: not the same matter)
    townships: list[str]
    first_visit: datetime
    last_visit: datetime
    matter_nos: list[str]
    message: str


@dataclass(frozen=True)
class HotspotBoard:
    week: str  # 2026-W47
    starts: date
    ends: date
    entities: list[HotspotRow]
    townships: list[HotspotRow]
    topics: list[HotspotRow]
    warnings: list[HotspotWarning]

    def crossed(self) -> list[HotspotRow]:
        return [r for r in (*self.entities, *self.townships, *self.topics) if r.crossed]


@dataclass(frozen=True)
class Thresholds:
    """What the administrator sets; the defaults are in app/sources/thresholds.py."""

    min_count: int  # a row is flagged only with at least this many matters this week
    growth_percent: int  # … and growth over last week of at least this much
    warning_persons: int  # 集访风险: this many unrelated visitors on one entity…
    warning_days: int  # … within this many days
    backlog_days: int  # 积案: open longer than this many days…
    backlog_visits: int  # … or visited more than this many times


@dataclass(frozen=True)
class CampaignRecord:
    campaign_id: int
    code: str
    name: str
    kind: str
    starts: date
    ends: date
    targets: int


@dataclass(frozen=True)
class CampaignProgress:
    """A campaign's matters (its targets' matters) and how many are resolved (化解率)."""

    campaign: CampaignRecord
    matters: int
    resolved: int
    open: int
    rate: float | None  # resolved / matters; None when there are none
    open_matter_nos: list[str]


@dataclass(frozen=True)
class BacklogRow:
    matter_no: str
    summary: str
    township: str
    category: str
    status: str
    received_at: datetime
    days_open: int
    visits: int
    bucket: str  # one of BACKLOG_BUCKETS


@dataclass(frozen=True)
class Backlog:
    as_of: date
    rows: list[BacklogRow]  # most visited first
    buckets: dict[str, int] = field(default_factory=dict)  # bucket → matters, every bucket present


@dataclass(frozen=True)
class UnitRecord:
    """One responsible department's record (考核) over a period."""

    department: str
    assigned: int
    signed_on_time: int
    closed_on_time: int
    overdue: int
    returned: int
    repeat_visits: int  # assigned matters visited again after assignment
    repeat_rate: float | None
    rated: int
    satisfied: int  # 满意 + 基本满意
    satisfaction_rate: float | None
    score: float
    rank: int


@dataclass(frozen=True)
class LetterFacts:
    """What the accountability letter says, read from the record."""

    matter_no: str
    letter_no: str
    department: str
    summary: str
    received_at: datetime
    facts: list[str]  # dated steps and failures
    failures: list[str]
