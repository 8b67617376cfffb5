"""What an import did or would do, row by row, in words a clerk reads (the wizard's last page, the CLI)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.errors import FieldError
from app.importing.mapping import FIELDS

ALREADY_IMPORTED = "已导入，跳过"

# VisitInput attribute → mapped field (its column's header names it in the report)
_FIELD_OF = {
    "visited_at": "visited_at",
    "channel": "channel",
    "headcount": "headcount",
    "township": "township",
    "category": "category",
    "summary": "summary",
    "appeal": "appeal",
    "clerk": "clerk",
    "purpose": "purpose",
    "place": "place",
    "matter_no": "matter_no",
    "name": "name",
    "id_number": "id_number",
    "phone": "phone",
    "address": "address",
    "persons": "name",
    "representative": "name",
}
_PERSON = re.compile(r"^persons\[(\d+)\]\.(\w+)$")


@dataclass(frozen=True)
class AcceptedRow:
    row: int
    repeat_of: str | None  # the matter the visit is attached to as a repeat (重访); None: a new matter
    matter_no: str = ""  # after the import: the matter it went to
    repeat: bool = False  # after the import: registered as a repeat visit


@dataclass(frozen=True)
class RejectedRow:
    row: int
    reasons: list[str]


@dataclass(frozen=True)
class SkippedRow:
    row: int
    reason: str  # 已导入，跳过 / 与第N行相同，跳过


@dataclass(frozen=True)
class ImportReport:
    source: str
    dry_run: bool
    total: int  # data rows read (empty rows not counted)
    accepted: list[AcceptedRow] = field(default_factory=list)
    rejected: list[RejectedRow] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)
    imported: int = 0  # visits written: 0 on a dry run, or when rejected rows stopped the import

    @property
    def committed(self) -> bool:
        return self.imported > 0

    def lines(self) -> list[str]:
        """The report as the command line prints it and the wizard can show it."""
        head = (
            f"《{self.source}》共 {self.total} 行：可导入 {len(self.accepted)} 行，"
            f"拒绝 {len(self.rejected)} 行，跳过 {len(self.skipped)} 行"
        )
        if self.dry_run:
            outcome = "试导入：未写入任何数据"
        elif self.imported:
            outcome = f"已导入 {self.imported} 次来访"
        elif self.rejected:
            outcome = "有被拒绝的行，未导入任何数据（全部导入或全部不导入）"
        else:
            outcome = "没有需要导入的行"
        lines = [head, outcome]
        lines += [f"第{r.row}行：拒绝：" + "；".join(r.reasons) for r in self.rejected]
        lines += [f"第{s.row}行：{s.reason}" for s in self.skipped]
        return lines


def reason_text(error: FieldError, headers: dict[str, str]) -> str:
    """A validation message headed by the column it is about, as the file names that column."""
    path = error.field
    person = _PERSON.match(path)
    key = person.group(2) if person else path.split("[")[0].split(".")[0]
    mapped = _FIELD_OF.get(key)
    label = headers.get(mapped, FIELDS[mapped][0]) if mapped else ""
    if person and int(person.group(1)) > 0:
        label += f"（第{int(person.group(1)) + 1}人）"
    return f"{label}：{error.message}" if label else error.message
