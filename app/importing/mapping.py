"""Which column of an old ledger holds which of our fields: recognised by header name, editable by the wizard.

Each field lists the header names it answers to, best first: our own ledger's column name, then the variants
found in county ledgers. Headers are compared without spaces, asterisks (required-field marks), colons or a
bracketed note, so ``* 来访人姓名``, ``人数（人）`` and ``来访日期(年月日)`` are recognised too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from types import MappingProxyType

# field → (label: the column name in our own ledger, variants best first)
FIELDS: MappingProxyType[str, tuple[str, tuple[str, ...]]] = MappingProxyType(
    {
        "matter_no": ("信访件编号", ("信访件编号", "事项编号", "信访编号", "信访件号", "登记编号", "编号")),
        "name": ("姓名", ("姓名", "来访人姓名", "信访人姓名", "来访人", "信访人", "上访人", "反映人")),
        "id_number": (
            "身份证号",
            ("身份证号", "身份证号码", "公民身份号码", "证件号码", "证件号", "身份证"),
        ),
        "phone": ("手机号码", ("手机号码", "联系电话", "电话", "手机", "手机号", "电话号码", "联系方式")),
        "address": ("住址", ("住址", "家庭住址", "现住址", "地址", "联系地址", "户籍地址")),
        "headcount": ("人数", ("人数", "来访人数", "信访人数")),
        "township": (
            "问题属地",
            ("问题属地", "所属乡镇", "所属乡镇（街道）", "乡镇（街道）", "乡镇街道", "乡镇", "属地"),
        ),
        "purpose": ("信访目的", ("信访目的", "来访目的")),
        "category": (
            "内容分类",
            ("内容分类", "问题类别", "问题分类", "问题类型", "信访类别", "事项类别", "类别"),
        ),
        "visited_at": (
            "信访日期",
            ("信访日期", "来访日期", "来访时间", "信访时间", "接待日期", "接待时间", "日期", "登记日期"),
        ),
        "channel": ("信访形式", ("信访形式", "来访形式", "信访方式", "形式")),
        "summary": (
            "概况",
            ("概况", "主要问题", "反映问题", "问题概况", "反映内容", "来访事由", "事由", "内容摘要"),
        ),
        "appeal": ("诉求", ("诉求", "主要诉求", "信访诉求", "具体诉求")),
        "clerk": ("登记人", ("登记人", "接待人", "接待人员", "登记人员", "经办人", "接谈人")),
        "group": ("集体访", ("集体访", "是否集体访")),
        "place": ("问题发生地", ("问题发生地", "发生地点", "问题地点")),
        # read and kept in the 导入 event only: the visit is registered anew, its matter starts at 登记
        "status": ("状态", ("状态", "办理状态")),
        "closed": ("是否办结", ("是否办结", "办结情况")),
    }
)
# Without these no row can be valid; the others may be missing (defaults in convert.py).
REQUIRED: tuple[str, ...] = ("name", "visited_at", "township", "category")
ONE_OF: tuple[tuple[str, ...], ...] = (("summary", "appeal"), ("id_number", "phone"))

_NOISE = re.compile(r"[\s\u3000*＊:：]")
_NOTE = re.compile(r"[（(][^）)]*[）)]$")


def normalise_header(text: str) -> str:
    return _NOISE.sub("", text)


def field_for(header: str) -> str | None:
    """The field a header names, or None."""
    found = _rank(header)
    return found[0] if found is not None else None


def _rank(header: str) -> tuple[str, int] | None:
    """(field, rank of the variant: 0 is the field's own name) for a header, or None."""
    name = normalise_header(header)
    for candidate in dict.fromkeys((name, _NOTE.sub("", name))):
        for key, (_, variants) in FIELDS.items():
            if candidate in variants:
                return key, variants.index(candidate)
    return None


@dataclass(frozen=True)
class ColumnMapping:
    """field → index of the column in Table.headers. The wizard shows it and changes it with `with_column`."""

    columns: dict[str, int] = field(default_factory=dict)

    def column(self, key: str) -> int | None:
        return self.columns.get(key)

    def with_column(self, key: str, index: int | None) -> ColumnMapping:
        """A copy with `key` taken from column `index` (None: from no column)."""
        if key not in FIELDS:
            raise KeyError(key)
        columns = {k: v for k, v in self.columns.items() if k != key}
        if index is not None:
            columns[key] = index
        return ColumnMapping(columns)

    def problems(self) -> list[str]:
        """What keeps every row from being valid, in Chinese (empty when the mapping can be used)."""
        missing = [f"没有对应“{FIELDS[k][0]}”的列" for k in REQUIRED if k not in self.columns]
        for keys in ONE_OF:
            if not any(k in self.columns for k in keys):
                labels = "或".join(f"“{FIELDS[k][0]}”" for k in keys)
                missing.append(f"没有对应{labels}的列")
        return missing


def propose_mapping(headers: tuple[str, ...] | list[str]) -> ColumnMapping:
    """Each field from the column whose header names it best (our own name first; on a tie, leftmost)."""
    best: dict[str, tuple[int, int]] = {}
    for index, header in enumerate(headers):
        found = _rank(header)
        if found is None:
            continue
        key, rank = found
        if key not in best or rank < best[key][0]:
            best[key] = (rank, index)
    return ColumnMapping({key: index for key, (_, index) in best.items()})
