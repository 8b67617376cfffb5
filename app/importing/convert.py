"""One row of an old ledger made into the VisitInput the form would have sent.

Only the reading of the ledger's own conventions is done here (dates in the forms Excel users type, 人数 as
"5人", names of a group in one cell); whether the visit is acceptable is the form's business
(IntakeService.validate), so that an imported visit meets exactly the rules a typed one does.

Conventions, all documented for the wizard:
- several persons in one cell are separated by 、，,；; and the ID numbers and phones likewise, by position;
  the first person is the representative (the ledger lists representatives first). A person after the
  first with neither an ID number nor a phone is not registered (the form could not either): the name
  stays in the row's 导入 note.
- 人数 missing → the number of names; 信访形式 missing → 来访 (these are visit registers).
- 诉求 missing → the 概况; 概况 missing → the 诉求, cut to fit. A long 概况 with no 诉求 beside it keeps its
  whole text as the 诉求 and is cut to fit as the 概况.
- 登记人 missing → the default clerk given to the import.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta

from app.errors import FieldError
from app.importing.mapping import ColumnMapping
from app.importing.table import TableRow
from app.records import PersonInput, VisitInput
from app.rules.visit_rules import SUMMARY_MAX
from app.rules.vocabulary import GROUP_MIN

_SPLIT = re.compile(r"[、,，;；\n]+")
_HEADCOUNT = re.compile(r"^(\d+)(?:\.0+)?\s*人?$")
_DATE = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:[\sT]*(上午|下午)?\s*(\d{1,2})\s*[:：时点]\s*(?:(\d{1,2})\s*分?)?(?:\s*[:：]?\s*(\d{1,2})\s*秒?)?)?$"
)
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_SERIAL = re.compile(r"^\d{5}(?:\.\d+)?$")
EXCEL_EPOCH = datetime(1899, 12, 30)  # day 0 of Excel's 1900 date system, after its 1900-02-29 bug
CHANNEL_ALIASES = {"走访": "来访", "上访": "来访", "信件": "来信", "网信": "网上信访", "来电": "电话"}
TRUE_WORDS = frozenset({"是", "√", "✓", "y", "yes", "1", "true", "集体访"})
PLACEHOLDER_TIME = datetime(2000, 1, 1)  # stands in for an unreadable date, so other fields still get checked


@dataclass(frozen=True)
class RowVisit:
    """A row made into a visit, with what the reading itself found wrong (before the form's rules)."""

    visit: VisitInput
    problems: list[FieldError]
    names: str  # the names as the ledger wrote them, for the 导入 note


def parse_when(text: str) -> datetime | None:
    """2025-3-4, 2025/03/04, 2025.3.4, 2025年3月4日, 20250304, with or without a time; an Excel serial."""
    value = text.strip()
    if _SERIAL.match(value):
        days = float(value)
        return (EXCEL_EPOCH + timedelta(days=days)).replace(microsecond=0) if 20000 < days < 80000 else None
    match = _COMPACT.match(value) or _DATE.match(value)
    if match is None:
        return None
    year, month, day = (int(g) for g in match.groups()[:3])
    noon, hour, minute, second = (list(match.groups()[3:]) + [None] * 4)[:4]
    hours = int(hour or 0) + (12 if noon == "下午" and hour and int(hour) < 12 else 0)
    try:
        return datetime(year, month, day, hours, int(minute or 0), int(second or 0))
    except ValueError:
        return None


def parse_headcount(text: str) -> int | None:
    match = _HEADCOUNT.match(text.strip())
    return int(match.group(1)) if match else None


def split_cell(text: str) -> list[str]:
    return [part.strip() for part in _SPLIT.split(text) if part.strip()]


def visit_from_row(
    row: TableRow, mapping: ColumnMapping, default_clerk: str, categories: Collection[str]
) -> RowVisit:
    def get(key: str) -> str:
        return row.cell(mapping.column(key))

    problems: list[FieldError] = []
    persons = _persons(get("name"), get("id_number"), get("phone"), get("address"), problems)
    visited_at = _when(get("visited_at"), problems)
    headcount = _headcount(get("headcount"), len(persons), problems)
    if get("group").lower() in TRUE_WORDS and headcount < GROUP_MIN:
        problems.append(
            FieldError("headcount", f"标为集体访，但人数为{headcount}人（集体访须{GROUP_MIN}人及以上）")
        )
    summary, appeal = _summary_and_appeal(get("summary"), get("appeal"))
    visit = VisitInput(
        visited_at=visited_at,
        channel=_channel(get("channel")),
        headcount=headcount,
        persons=persons,
        township=get("township"),
        category=_category(get("category"), categories),
        summary=summary,
        appeal=appeal,
        clerk=get("clerk") or default_clerk,
        purpose=get("purpose").removesuffix("类"),
        place=get("place"),
        matter_no=get("matter_no") or None,
    )
    return RowVisit(visit, problems, get("name"))


def _persons(
    names: str, ids: str, phones: str, address: str, problems: list[FieldError]
) -> list[PersonInput]:
    name_list, id_list, phone_list = split_cell(names), split_cell(ids), split_cell(phones)
    if len(id_list) > max(len(name_list), 1):
        problems.append(FieldError("persons", f"身份证号有{len(id_list)}个，多于姓名（{len(name_list)}个）"))
    if len(phone_list) > max(len(name_list), 1):
        problems.append(FieldError("persons", f"电话有{len(phone_list)}个，多于姓名（{len(name_list)}个）"))
    persons = []
    for index, name in enumerate(name_list or [""]):
        id_number = id_list[index] if index < len(id_list) else None
        phone = phone_list[index] if index < len(phone_list) else None
        if index and id_number is None and phone is None:
            continue  # counted in 人数, kept in the note, not registered
        persons.append(
            PersonInput(
                name, id_number, phone, representative=index == 0, address=address if not index else ""
            )
        )
    return persons


def _when(text: str, problems: list[FieldError]) -> datetime:
    if not text:
        problems.append(FieldError("visited_at", "请填写信访日期"))
        return PLACEHOLDER_TIME
    found = parse_when(text)
    if found is None:
        problems.append(FieldError("visited_at", f"信访日期“{text}”无法识别，应如 2025-03-04、2025年3月4日"))
        return PLACEHOLDER_TIME
    return found


def _headcount(text: str, persons: int, problems: list[FieldError]) -> int:
    if not text:
        return max(persons, 1)
    found = parse_headcount(text)
    if found is None:
        problems.append(FieldError("headcount", f"人数“{text}”无法识别，应为数字，如 5 或 5人"))
        return max(persons, 1)
    return found


def _summary_and_appeal(summary: str, appeal: str) -> tuple[str, str]:
    if not appeal:
        return _cut(summary), summary
    if not summary:
        return _cut(appeal), appeal
    return summary, appeal


def _cut(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= SUMMARY_MAX else line[: SUMMARY_MAX - 1] + "…"


def _channel(text: str) -> str:
    return CHANNEL_ALIASES.get(text, text) if text else "来访"


def _category(text: str, known: Collection[str]) -> str:
    """The category as written, or the last part of a path such as 城乡建设/住房保障与房地产."""
    if text in known:
        return text
    parts = [p.strip() for p in re.split(r"[/／\\>＞\-－—]+", text) if p.strip()]
    return parts[-1] if parts and parts[-1] in known else text
