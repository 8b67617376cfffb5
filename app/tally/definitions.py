"""The columns of the weekly tally (RULES.md §6), in order, each with its Chinese header and how it counts.

Visit columns come in pairs: 批次 (visit events) and 人次 (the sum of their headcounts). A visit belongs to
the row of its matter's township (问题属地) and to the column of its matter's top-level category. Matter
columns count matters (one township each), rating columns count ratings, rates keep their denominator.

Glossary: 集体访 group visit (5 or more); 个体访 single visit; 初访 first visit; 重访 repeat visit; 越级访
level-skipping; 受理 accepted; 办结 closed; 超期 overdue; 满意率 satisfaction rate; 网信 online petitions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import ColumnElement, and_

from app.rules.vocabulary import ONLINE_CHANNELS
from app.workflow import ACTIONS
from db.models import Visit

BATCHES, PERSONS = "批次", "人次"
COUNTY_ROW = "县直部门"  # the township row that stands for the county departments: after the townships
UNKNOWN_ROW = "属地不明"  # matters without a township (old ledgers): a row only when it has figures
TOTAL_ROW = "合计"

# 受理件数: the first of these on a matter is its acceptance decision (当场答复 accepts and answers at once)
ACCEPTANCE_KINDS: tuple[str, ...] = tuple(
    ACTIONS[k].label for k in ("accept", "forward", "assign", "answer_on_spot")
)
CLOSING_KINDS: tuple[str, ...] = tuple(ACTIONS[k].label for k in ("close", "answer_on_spot"))  # 办结件数
SATISFIED: tuple[str, ...] = ("满意", "基本满意")
NOT_RATED = "未评价"
# The steps that cancel running deadlines (办结 and 合并: all of them; 退回: the department's own)
CLOSE_KIND, MERGE_KIND, RETURN_KIND = ACTIONS["close"].label, ACTIONS["merge"].label, "退回"

Kind = Literal["visit", "matter"]
Condition = Callable[[], ColumnElement[bool]]


@dataclass(frozen=True)
class VisitGroup:
    """A pair of columns (批次, 人次) over the visits that meet ``where`` (None: every visit)."""

    key: str
    header: str  # the sheet's header over the pair
    csv_prefix: str  # the csv's column names are prefix + 批次 / 人次
    counts: str  # how it counts, in Chinese (the window shows it as a tooltip)
    where: Condition | None
    in_sheet: bool = True  # xlsx and pdf
    in_csv: bool = True

    @property
    def batches_key(self) -> str:
        return f"{self.key}.批次"

    @property
    def persons_key(self) -> str:
        return f"{self.key}.人次"


def _group() -> ColumnElement[bool]:
    return Visit.is_group.is_(True)


def _single() -> ColumnElement[bool]:
    return Visit.is_group.is_(False)


def _first() -> ColumnElement[bool]:
    return Visit.is_repeat.is_(False)


def _repeat() -> ColumnElement[bool]:
    return Visit.is_repeat.is_(True)


def _both(a: Callable[[], ColumnElement[bool]], b: Callable[[], ColumnElement[bool]]) -> Condition:
    return lambda: and_(a(), b())


def _skip() -> ColumnElement[bool]:
    return Visit.is_skip_level.is_(True)


VISIT_GROUPS: tuple[VisitGroup, ...] = (
    VisitGroup("all", "总量", "", "全部来访：批次为来访次数，人次为各次来访人数之和", None),
    VisitGroup("group", "集体访", "集体访", "集体访（5人及以上）", _group),
    VisitGroup("single", "个体访", "个体访", "个体访（4人及以下）", _single),
    VisitGroup("first", "初访", "初访", "初访：非重访的来访", _first, in_sheet=False),
    VisitGroup("first_group", "初访（集体）", "", "初访中的集体访", _both(_first, _group), in_csv=False),
    VisitGroup("first_single", "初访（个体）", "", "初访中的个体访", _both(_first, _single), in_csv=False),
    VisitGroup("repeat", "重访", "重访", "重访：就同一事项再次来访", _repeat, in_sheet=False),
    VisitGroup("repeat_group", "重访（集体）", "", "重访中的集体访", _both(_repeat, _group), in_csv=False),
    VisitGroup("repeat_single", "重访（个体）", "", "重访中的个体访", _both(_repeat, _single), in_csv=False),
    VisitGroup("skip", "越级访", "越级访", "越级访（含赴省访、进京访）", _skip),
)


@dataclass(frozen=True)
class CategoryGroup:
    """A pair of columns for one top-level category: visits whose matter's category is it or beneath it."""

    id: int
    code: str
    name: str

    @property
    def key(self) -> str:
        return f"category:{self.code}"

    @property
    def header(self) -> str:
        return self.name

    @property
    def batches_key(self) -> str:
        return f"{self.key}.批次"

    @property
    def persons_key(self) -> str:
        return f"{self.key}.人次"


@dataclass(frozen=True)
class MatterColumn:
    key: str
    header: str
    counts: str
    kind: Kind  # what the ids behind a cell are (drill-down): visits or matters
    is_rate: bool = False


MATTER_COLUMNS: tuple[MatterColumn, ...] = (
    MatterColumn(
        "accepted", "受理件数",
        "期内作出受理决定（受理、转送、交办或当场答复，以首次为准）的事项数", "matter",
    ),
    MatterColumn("closed", "办结件数", "期内办结或当场答复的事项数", "matter"),
    MatterColumn(
        "overdue", "超期件数",
        "期末（本期尚未结束的，截至统计时）仍未办结、且本机关应办期限（不含信访人、部门的申请或异议期）"
        "已过而未完成的事项数", "matter",
    ),
    MatterColumn("closure_rate", "办结率", "办结件数 ÷ 受理件数（同一期间）", "matter", is_rate=True),
    MatterColumn(
        "on_time_rate", "按期办结率",
        "期内办结的事项中，办结日不晚于其办理期限（延期后的；未受理办理的按告知期限）的 ÷ 办结件数",
        "matter", is_rate=True,
    ),
    MatterColumn(
        "satisfaction_rate", "满意率", "（满意 + 基本满意）÷ 参评数（期内作出的评价，未评价不计）",
        "matter", is_rate=True,
    ),
    MatterColumn(
        "online_share", "网信占比", "网上信访、领导信箱的来访批次 ÷ 全部批次", "visit", is_rate=True
    ),
)  # fmt: skip
MATTER_COLUMN = {c.key: c for c in MATTER_COLUMNS}
ONLINE: tuple[str, ...] = ONLINE_CHANNELS


Pair = VisitGroup | CategoryGroup


def sheet_groups(categories: tuple[CategoryGroup, ...]) -> list[Pair]:
    """The pairs of the xlsx and pdf, in order: 初访 and 重访 split 集体/个体."""
    return [*(g for g in VISIT_GROUPS if g.in_sheet), *categories]


def csv_header(categories: tuple[CategoryGroup, ...]) -> list[str]:
    """The csv's one header row, exactly as the bureau's template names it."""
    names = ["单位"]
    for group in VISIT_GROUPS:
        if group.in_csv:
            names += [group.csv_prefix + BATCHES, group.csv_prefix + PERSONS]
    for category in categories:
        names += [category.name + BATCHES, category.name + PERSONS]
    return names + [c.header for c in MATTER_COLUMNS]


def csv_keys(categories: tuple[CategoryGroup, ...]) -> list[str]:
    """The column keys in the csv's order (after 单位)."""
    keys = []
    pairs: list[Pair] = [*(g for g in VISIT_GROUPS if g.in_csv), *categories]
    for group in pairs:
        keys += [group.batches_key, group.persons_key]
    return keys + [c.key for c in MATTER_COLUMNS]


def column_kind(column_key: str) -> Kind:
    """What the ids behind a cell of this column are: 'visit' or 'matter'."""
    column = MATTER_COLUMN.get(column_key)
    return column.kind if column is not None else "visit"
