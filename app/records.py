"""Plain records that cross the service boundary: what the form sends in, what the window shows.

No ORM objects leave app/: the window and the command line see only these.
Glossary: 来访人 person; 信访事项 matter; 批次 a visit; 人次 its headcount; 首接人 first clerk;
重访 repeat visit; 集体访 group visit (5+ persons); 代表 representative (at most 5).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass
class PersonInput:
    name: str
    id_number: str | None = None
    phone: str | None = None
    representative: bool = False
    address: str = ""
    known_person_id: int | None = None  # a suggested match (name + phone) the clerk confirmed


@dataclass
class MaterialInput:
    name: str
    pages: int = 1


@dataclass
class VisitInput:
    """One visit as the form (or `intake --json`) gives it. Names, not ids, for reference data."""

    visited_at: datetime
    channel: str  # 来访 / 来信 / 网上信访 / 电话 / 领导信箱 / 领导接访日
    headcount: int
    persons: list[PersonInput]
    township: str
    category: str  # a top-level or second-level category name
    summary: str  # 概况: one line
    appeal: str  # 诉求: the visitor's words
    clerk: str  # the receiving clerk
    matter_no: str | None = None  # an open matter this repeat visit belongs to
    purpose: str = ""  # 求决 / 申诉 / 意见建议 / 检举控告 / 咨询 / 其他
    place: str = ""  # where the problem is (问题发生地)
    departments: list[str] = field(default_factory=list)
    materials: list[MaterialInput] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)  # 越级访, 赴省访, 进京访, 涉众型, …
    reception_day_id: int | None = None  # 领导接访日: the leader's reception day it was received on
    entity_ids: tuple[int, ...] = ()  # 被反映对象 picked from the type-ahead
    new_entities: tuple[tuple[str, str], ...] = ()  # (name, kind) typed: created, or the known one
    group_id: int | None = None  # a joint-handling group (一揽子调处) the matter joins


@dataclass(frozen=True)
class RegisteredVisit:
    matter_no: str
    query_code: str
    repeat: bool
    visit_id: int
    handler: str  # the clerk the matter goes back to (首接首办)
    notice_deadline: date


@dataclass(frozen=True)
class IdInfo:
    """What an ID number tells: derived, never typed."""

    id_number: str  # normalised 18 characters, upper-case X
    birth_date: date
    sex: str  # 男 / 女
    region_code: str
    region_name: str  # full name when the table knows it, else ""
    province: str
    document: str = "居民身份证"  # or 港澳居民居住证 / 台湾居民居住证 / 外国人永久居留身份证

    def age_on(self, day: date) -> int:
        years = day.year - self.birth_date.year
        return years - ((day.month, day.day) < (self.birth_date.month, self.birth_date.day))


@dataclass(frozen=True)
class VisitSummary:
    visit_id: int
    visited_at: datetime
    matter_no: str
    channel: str
    headcount: int
    is_repeat: bool
    clerk: str
    summary: str
    persons: str = ""  # names, representatives first


@dataclass(frozen=True)
class MatterSummary:
    matter_no: str
    status: str
    received_at: datetime
    summary: str
    category: str
    township: str
    first_clerk: str
    notice_deadline: date
    visit_count: int
    last_visit_at: datetime
    persons: str  # names, joined


@dataclass(frozen=True)
class PersonHistory:
    """Everything the clerk sees when a returning visitor's ID number is typed."""

    person_id: int
    name: str
    id_number_masked: str
    sex: str | None
    birth_date: date | None
    region: str
    phone_masked: str
    visits: list[VisitSummary]
    open_matters: list[MatterSummary]
    closed_matters: list[MatterSummary]

    @property
    def first_clerks(self) -> list[str]:
        return sorted({m.first_clerk for m in self.open_matters + self.closed_matters})


@dataclass(frozen=True)
class EventRecord:
    at: datetime
    kind: str
    clerk: str
    note: str


@dataclass(frozen=True)
class PersonRecord:
    name: str
    id_number_masked: str
    phone_masked: str
    representative: bool
    person_id: int = 0  # for desk.privacy.reveal (0: not a stored person)


@dataclass(frozen=True)
class MaterialRecord:
    name: str
    pages: int


@dataclass(frozen=True)
class VisitRecord:
    visited_at: datetime
    channel: str
    headcount: int
    is_group: bool
    is_repeat: bool
    clerk: str
    handler: str
    flags: list[str]
    persons: list[PersonRecord]
    materials: list[MaterialRecord]


@dataclass(frozen=True)
class MatterDetail:
    matter_no: str
    query_code: str
    status: str
    received_at: datetime
    channel: str
    purpose: str
    category: str
    township: str
    place: str
    summary: str
    appeal: str
    first_clerk: str
    notice_deadline: date
    departments: list[str]
    persons: list[PersonRecord]
    visits: list[VisitRecord]
    events: list[EventRecord]
