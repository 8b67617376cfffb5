"""What a notice says: the facts common to every notice and those of each kind, as plain frozen records.

Glossary: 受理告知书 acceptance notice; 不予受理告知书 refusal notice; 转送/交办单 forwarding or assignment
slip to a department; 延期告知书 extension notice; 答复意见书 the written reply; 督办单 supervision slip.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

SHOULI = "受理告知书"  # acceptance notice, to the visitor
BUYU_SHOULI = "不予受理告知书"  # refusal notice, to the visitor
JIAOBAN = "转送交办单"  # forwarding (转送) or assignment (交办) slip, to a department
YANQI = "延期告知书"  # extension notice, to the visitor
DAFU = "答复意见书"  # the written reply, to the visitor
DUBAN = "督办单"  # supervision slip, to a department

KINDS: tuple[str, ...] = (SHOULI, BUYU_SHOULI, JIAOBAN, YANQI, DAFU, DUBAN)

# The kind's short name inside a document number: X信访受告〔2026〕5号.
# Kept in one place, so that settings can take it over.
ABBREVIATIONS: dict[str, str] = {
    SHOULI: "受告",
    BUYU_SHOULI: "不受告",
    JIAOBAN: "转交",
    YANQI: "延告",
    DAFU: "复",
    DUBAN: "督",
}

# The kind in pinyin, for file names, screenshots and the command line (notice-shouli.pdf)
PINYIN: dict[str, str] = {
    SHOULI: "shouli",
    BUYU_SHOULI: "buyushouli",
    JIAOBAN: "jiaoban",
    YANQI: "yanqi",
    DAFU: "dafu",
    DUBAN: "duban",
}

OUTCOMES: tuple[str, ...] = (
    "解决到位",  # a reasonable demand was solved
    "教育到位",  # an unreasonable demand was explained
    "帮扶到位",  # hardship was helped
    "依法处理",  # unlawful conduct was dealt with by law
)
SUPERVISION_LEVELS: tuple[str, ...] = ("普通", "黄牌", "红牌")


def doc_number(agency_code: str, kind: str, year: int, seq: int) -> str:
    """GB/T 9704-2012: 机关代字 + 〔year〕 + sequence + 号, no leading zeros and no 第."""
    return f"{agency_code}{ABBREVIATIONS[kind]}〔{year}〕{seq}号"


@dataclass(frozen=True)
class Acceptance:
    """受理告知书: accepted on a day, to be handled and answered by a due date."""

    accepted_on: date
    handling_due: date


@dataclass(frozen=True)
class Refusal:
    """不予受理告知书: the reason (from the fixed list) and the body the visitor should go to."""

    reason: str
    route: str

    @property
    def litigation(self) -> bool:
        """诉访分离: a matter for the courts, arbitration or administrative reconsideration."""
        return any(word in self.reason + self.route for word in ("诉讼", "仲裁", "复议", "政法", "涉法涉诉"))

    @property
    def final(self) -> bool:
        """不再受理: already re-reviewed, raised again with the same facts and reasons."""
        return "同一事实和理由" in self.reason or "不再受理" in self.reason


@dataclass(frozen=True)
class Assignment:
    """转送/交办单 to one department."""

    how: str  # 转送 / 交办
    department: str
    assigned_on: date
    due: date | None  # handling and feedback deadline
    category: str
    township: str
    appeal: str
    visitor_details: tuple[str, ...]  # "王𠮷 110105********002X 138****8000"
    headcount: int
    contact: str  # the clerk who assigned it, and the window phone


@dataclass(frozen=True)
class Extension:
    """延期告知书: why, by how much, until when."""

    reason: str
    accepted_on: date | None
    old_due: date | None
    new_due: date
    days: int | None


@dataclass(frozen=True)
class Reply:
    """答复意见书: what was found and decided, the outcomes (三到位一处理), where to ask for review."""

    replied_on: date
    accepted_on: date | None
    text: str
    outcomes: tuple[str, ...]
    review_body: str  # the upper body that reviews (复查), e.g. 示例县人民政府


@dataclass(frozen=True)
class Supervision:
    """督办单 to one department: the overdue (or watched) deadline, the level, what is required by when."""

    department: str
    level: str  # 普通 / 黄牌 / 红牌
    reason: str
    assigned: str  # how and when the matter reached the department, "2026年11月1日交办"
    deadline: date | None
    overdue_days: int  # 0 when not (yet) overdue
    reply_by: date
    contact: str


Facts = Acceptance | Refusal | Assignment | Extension | Reply | Supervision


@dataclass(frozen=True)
class NoticeData:
    kind: str  # one of KINDS
    doc_no: str  # X信访受告〔2026〕5号
    agency_name: str
    matter_no: str
    visitors: tuple[str, ...]  # names, representatives first
    headcount: int  # a group may be larger than its registered persons
    received: date
    channel: str  # 来访, 来信, …
    summary: str
    facts: Facts
    issued: date  # the date under the signature: the first print's, kept on a reprint
    window_phone: str
    reprint: bool = False
    printed_at: datetime | None = None  # shown on a reprint as 补打时间

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown notice kind: {self.kind!r}")
