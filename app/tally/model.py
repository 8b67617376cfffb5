"""The tally as plain records: rows of figures, rates with their denominators, comparisons and the trend."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from app.tally.definitions import MATTER_COLUMNS, TOTAL_ROW, CategoryGroup, sheet_groups
from app.tally.periods import Period

RowKind = Literal["township", "county", "unknown", "total"]


@dataclass(frozen=True)
class Rate:
    """A ratio kept as its two counts, so that each export formats it its own way."""

    numerator: int
    denominator: int

    @property
    def value(self) -> Decimal | None:
        """numerator ÷ denominator, or None when there is nothing to divide by (shown as “—”)."""
        return None if self.denominator == 0 else Decimal(self.numerator) / Decimal(self.denominator)

    def percent(self, places: int = 1) -> str:
        value = self.value
        if value is None:
            return "—"
        return f"{(value * 100).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)}%"

    def __add__(self, other: Rate) -> Rate:
        return Rate(self.numerator + other.numerator, self.denominator + other.denominator)


@dataclass(frozen=True)
class TallyRow:
    key: str  # "township:<id>", "unknown" or "total": what cell_visits takes
    name: str  # 城关镇, 县直部门, 属地不明, 合计
    kind: RowKind
    values: dict[str, int | Rate]  # by column key

    def count(self, key: str) -> int:
        value = self.values[key]
        if isinstance(value, Rate):
            raise TypeError(f"{key} is a rate")
        return value

    def rate(self, key: str) -> Rate:
        value = self.values[key]
        if not isinstance(value, Rate):
            raise TypeError(f"{key} is a count")
        return value


@dataclass(frozen=True)
class Change:
    """One total against the same total of another period."""

    current: int | Rate
    previous: int | Rate

    @property
    def difference(self) -> Decimal | None:
        """Counts: the difference; rates: the difference in percentage points (None when either is “—”)."""
        if isinstance(self.current, Rate) and isinstance(self.previous, Rate):
            now, before = self.current.value, self.previous.value
            return None if now is None or before is None else (now - before) * 100
        if isinstance(self.current, int) and isinstance(self.previous, int):
            return Decimal(self.current - self.previous)
        raise TypeError("a count compared with a rate")

    @property
    def ratio(self) -> Decimal | None:
        """Counts only: (current − previous) ÷ previous; None for rates and when previous is 0."""
        if isinstance(self.current, int) and isinstance(self.previous, int) and self.previous:
            return Decimal(self.current - self.previous) / Decimal(self.previous)
        return None

    def text(self) -> str:
        """+12.5% for a count, +3.2个百分点 for a rate, — when there is nothing to compare with."""
        if isinstance(self.current, Rate):
            diff = self.difference
            return "—" if diff is None else f"{self.signed(diff)}个百分点"
        ratio = self.ratio
        return "—" if ratio is None else f"{self.signed(ratio * 100)}%"

    @staticmethod
    def signed(value: Decimal) -> str:
        """+12.5, -3.0, 0.0: one decimal, rounded half up, with its sign."""
        rounded = value.quantize(Decimal("0.1"), ROUND_HALF_UP)
        return f"+{rounded}" if rounded > 0 else f"{rounded}"


PREVIOUS, YEAR_BEFORE = "环比", "同比"  # the comparisons' names, as the printed forms say them


@dataclass(frozen=True)
class Comparison:
    name: str  # PREVIOUS or YEAR_BEFORE
    period: Period
    totals: dict[str, int | Rate]

    def change(self, totals: dict[str, int | Rate], key: str) -> Change:
        return Change(totals[key], self.totals[key])


@dataclass(frozen=True)
class TrendPoint:
    period: Period
    batches: int
    persons: int


@dataclass(frozen=True)
class Tally:
    period: Period
    agency: str
    categories: tuple[CategoryGroup, ...]
    rows: tuple[TallyRow, ...]  # townships in order, 县直部门, 属地不明 (when needed), 合计 last
    comparisons: tuple[Comparison, ...] = ()
    trend: tuple[TrendPoint, ...] = ()  # totals of the last weeks up to this period, oldest first
    made_at: datetime = field(default_factory=datetime.now)
    as_of: datetime | None = None  # when 超期件数 was read (the period's end, or now if earlier)

    @property
    def title(self) -> str:
        return f"{self.agency}信访情况周报表（{self.period.label}）"

    @property
    def total(self) -> TallyRow:
        return self.rows[-1]

    def row(self, key: str) -> TallyRow:
        for row in self.rows:
            if row.key == key:
                return row
        raise KeyError(key)

    def column_keys(self) -> list[str]:
        """Every column of the sheet, in order (the csv's order is definitions.csv_keys)."""
        keys = []
        for group in sheet_groups(self.categories):
            keys += [group.batches_key, group.persons_key]
        return keys + [c.key for c in MATTER_COLUMNS]

    def comparison(self, name: str) -> Comparison:
        return next(c for c in self.comparisons if c.name == name)


def total_row(rows: list[TallyRow]) -> TallyRow:
    """合计: the sum of the rows (each visit, matter and rating is in exactly one row)."""
    keys = rows[0].values.keys() if rows else []
    values: dict[str, int | Rate] = {}
    for key in keys:
        figures = [r.values[key] for r in rows]
        if isinstance(figures[0], Rate):
            values[key] = sum((f for f in figures if isinstance(f, Rate)), Rate(0, 0))
        else:
            values[key] = sum(f for f in figures if isinstance(f, int))
    return TallyRow("total", TOTAL_ROW, "total", values)
