"""Region names from GB/T 2260 codes, read from the table shipped in resources/tables/regions.csv.

The table merges every revision from 1980 to 2019, so a code abolished since (an ID number keeps the
code of the place where it was issued) still has the last name it had.
"""

from __future__ import annotations

import csv
from functools import cache

from app.resources import resource_path


@cache
def _table() -> dict[str, tuple[str, str]]:
    """code → (name, full name), read once."""
    with resource_path("tables", "regions.csv").open(encoding="utf-8", newline="") as f:
        return {row["code"]: (row["name"], row["full_name"]) for row in csv.DictReader(f)}


def region_name(code: str) -> str:
    """Full name such as 北京市朝阳区, or "" when the table does not know the code."""
    entry = _table().get(code)
    return entry[1] if entry else ""


def province_name(code: str) -> str:
    """Name of the province (first two digits) of a region code, or "" when unknown."""
    entry = _table().get(code[:2] + "0000")
    return entry[0] if entry else ""
