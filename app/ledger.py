"""The register (台账) of the visits of a period, with the columns of the provincial export, to xlsx or csv.

One row per visit (批次), oldest first. The names of a group are joined with 、, representatives first;
住址 and 手机号码 are those of the first person listed (the contact for the group; an import of the file
gives them back to that person); phone numbers are masked unless `reveal=True` (the one switch the later
roles-and-audit issue will check and log). The provincial layout has no ID number column, so no ID
number ever reaches the file.

Everything is read with two queries per 500 visits (the visits with their matter, then their persons),
and written as it is read: a year of a busy county goes through in constant memory.
Glossary: 信访件编号 matter number; 限办时间 the matter's deadline; 初次信访 first visit; 登记人 clerk.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from dataclasses import astuple, dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from app.deadline_book import WINDOWS
from app.errors import ValidationError
from app.rules.phone import mask_phone
from app.settings import SettingsService
from app.storage import translated
from db.engine import Database
from db.models import Category, Clerk, Deadline, Matter, Person, Township, Visit, VisitPerson

COLUMNS: tuple[str, ...] = (
    "信访件编号",
    "姓名",
    "人数",
    "住址",
    "手机号码",
    "问题属地",
    "信访目的",
    "内容分类",
    "信访日期",
    "登记日期",
    "限办时间",
    "信访形式",
    "概况",
    "是否办结",
    "初次信访",
    "集体访",
    "状态",
    "登记人",
)
WIDTHS: tuple[int, ...] = (22, 16, 6, 28, 16, 12, 10, 14, 17, 17, 12, 10, 44, 9, 9, 7, 10, 9)
DATETIME_FORMAT, DATE_FORMAT = "yyyy-mm-dd hh:mm", "yyyy-mm-dd"
LINE_HEIGHT = 15  # points per line of wrapped text
CHUNK = 500  # visits per round trip: well under any backend's limit on bound parameters
YES, NO = "是", "否"


@dataclass(frozen=True)
class LedgerRow:
    """One visit as the provincial ledger shows it; fields in the order of COLUMNS."""

    matter_no: str  # 信访件编号
    names: str  # 姓名: representatives first, joined with 、
    headcount: int  # 人数
    address: str  # 住址: of the first person listed (a representative)
    phone: str  # 手机号码: of the first person listed, masked unless revealed
    township: str  # 问题属地
    purpose: str  # 信访目的
    category: str  # 内容分类 (the category chosen, top or second level)
    visited_at: datetime  # 信访日期
    registered_at: datetime  # 登记日期
    due: date | None  # 限办时间: the earliest running deadline, else the last one the matter had
    channel: str  # 信访形式
    summary: str  # 概况
    closed: str  # 是否办结: 是 / 否
    first_visit: str  # 初次信访: 是 / 否 (否 = 重访)
    group: str  # 集体访: 是 / 否
    status: str  # 状态
    clerk: str  # 登记人

    def values(self) -> tuple[Any, ...]:
        return astuple(self)


class LedgerService:
    def __init__(self, db: Database, settings: SettingsService | None = None) -> None:
        self._db = db
        self._settings = settings  # only for the agency's name in the xlsx title

    def rows(self, first: date, last: date, reveal: bool = False) -> list[LedgerRow]:
        """The visits from `first` to `last` (both days included), oldest first."""
        _check_period(first, last)
        with self._db.reading() as session:
            return list(_ledger_rows(session, first, last, reveal))

    def write(self, first: date, last: date, path: Path, reveal: bool = False) -> int:
        """Write the ledger to `path` (.xlsx or .csv, by its extension); the number of rows written."""
        _check_period(first, last)
        suffix = path.suffix.lower()
        if suffix not in (".xlsx", ".csv"):
            raise ValidationError.single("out", "台账只能导出为 .xlsx 或 .csv 文件")
        title = f"{self._agency()}来访登记台账（{first.isoformat()} 至 {last.isoformat()}）"
        with self._db.reading() as session, translated():
            path.parent.mkdir(parents=True, exist_ok=True)
            rows = _ledger_rows(session, first, last, reveal)
            if suffix == ".xlsx":
                from app.ledger_xlsx import write_xlsx

                return write_xlsx(rows, path, title)
            return _write_csv(rows, path)

    def _agency(self) -> str:
        return self._settings.get().agency_name if self._settings is not None else ""


def _check_period(first: date, last: date) -> None:
    if last < first:
        raise ValidationError.single("to", "结束日期不能早于开始日期")


# ---- reading ----


def due_column() -> ColumnElement[Any]:
    """限办时间 in SQL: the earliest running bureau deadline, else the latest one the matter had."""
    effective = func.coalesce(Deadline.override_due, Deadline.due)
    duty = (Deadline.matter_id == Matter.id, Deadline.rule_key.not_in(sorted(WINDOWS)))
    running = select(func.min(effective)).where(
        *duty, Deadline.met_at.is_(None), Deadline.cancelled.is_(False)
    )
    ended = select(func.max(effective)).where(*duty, Deadline.cancelled.is_(False))
    return func.coalesce(running.scalar_subquery(), ended.scalar_subquery())


def _visits_select(first: date, last: date) -> Select[*tuple[Any, ...]]:
    start, end = datetime.combine(first, time.min), datetime.combine(last + timedelta(days=1), time.min)
    return (
        select(
            Visit.id,
            Matter.matter_no,
            Visit.headcount,
            func.coalesce(Township.name, "").label("township"),
            Matter.purpose,
            func.coalesce(Category.name, "").label("category"),
            Visit.visited_at,
            Visit.created_at,
            due_column().label("due"),
            Visit.channel,
            Visit.summary,
            Matter.status,
            Visit.is_repeat,
            Visit.is_group,
            Clerk.name.label("clerk"),
        )
        .join(Matter, Matter.id == Visit.matter_id)
        .join(Clerk, Clerk.id == Visit.clerk_id)
        .outerjoin(Township, Township.id == Matter.township_id)
        .outerjoin(Category, Category.id == Matter.category_id)
        .where(Visit.visited_at >= start, Visit.visited_at < end)
        .order_by(Visit.visited_at, Visit.id)
    )


def _ledger_rows(session: Session, first: date, last: date, reveal: bool) -> Iterator[LedgerRow]:
    result = session.execute(_visits_select(first, last).execution_options(yield_per=CHUNK))
    for chunk in result.partitions():
        persons = _persons_of(session, [row.id for row in chunk])
        for row in chunk:
            yield _ledger_row(row, persons.get(row.id, []), reveal)


@dataclass(frozen=True)
class _OnVisit:
    name: str
    phone: str
    address: str


def _persons_of(session: Session, visit_ids: Sequence[int]) -> dict[int, list[_OnVisit]]:
    rows = session.execute(
        select(VisitPerson.visit_id, VisitPerson.name, Person.name, VisitPerson.phone, Person.address)
        .join(Person, Person.id == VisitPerson.person_id)
        .where(VisitPerson.visit_id.in_(visit_ids))
        .order_by(VisitPerson.visit_id, VisitPerson.representative.desc(), Person.id)
    )
    found: dict[int, list[_OnVisit]] = {}
    for visit_id, name_that_day, name, phone, address in rows:
        found.setdefault(visit_id, []).append(_OnVisit(name_that_day or name, phone or "", address or ""))
    return found


def _ledger_row(row: Any, persons: list[_OnVisit], reveal: bool) -> LedgerRow:
    first = persons[0] if persons else _OnVisit("", "", "")
    return LedgerRow(
        matter_no=row.matter_no,
        names="、".join(p.name for p in persons),
        headcount=row.headcount,
        address=first.address,
        phone=first.phone if reveal or not first.phone else mask_phone(first.phone),
        township=row.township,
        purpose=row.purpose,
        category=row.category,
        visited_at=row.visited_at,
        registered_at=row.created_at,
        due=row.due,
        channel=row.channel,
        summary=row.summary,
        closed=YES if row.status == "办结" else NO,
        first_visit=NO if row.is_repeat else YES,
        group=YES if row.is_group else NO,
        status=row.status,
        clerk=row.clerk,
    )


# ---- writing (the xlsx writer is app/ledger_xlsx.py: openpyxl is loaded only to write one) ----


def _write_csv(rows: Iterator[LedgerRow], path: Path) -> int:
    """UTF-8 with a BOM, so that Chinese Excel opens it without garbling; one header row."""
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        for row in rows:
            writer.writerow([_text(value) for value in row.values()])
            count += 1
    return count


def _text(value: Any) -> str:
    if isinstance(value, datetime):  # seconds only when there are some: an import matches visits exactly
        return value.strftime("%Y-%m-%d %H:%M" if value.second == 0 else "%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else str(value)
