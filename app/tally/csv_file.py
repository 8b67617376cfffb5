"""The tally as .csv: UTF-8 with a byte-order mark (Excel then reads the Chinese right), one header row."""

from __future__ import annotations

import csv
from pathlib import Path

from app.tally.definitions import csv_header, csv_keys
from app.tally.model import Rate, Tally


def csv_rows(tally: Tally) -> list[list[str]]:
    """The header, then one row per township, 县直部门 (and 属地不明 when needed), then 合计."""
    keys = csv_keys(tally.categories)
    rows = [csv_header(tally.categories)]
    for row in tally.rows:
        rows.append([row.name, *(_text(row.values[k]) for k in keys)])
    return rows


def _text(value: int | Rate) -> str:
    return value.percent() if isinstance(value, Rate) else str(value)


def write_csv(tally: Tally, path: Path) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(csv_rows(tally))
