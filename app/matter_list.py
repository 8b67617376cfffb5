"""The matters list's pages as the clerk sees them: summaries with their persons, one statement a page."""

from __future__ import annotations

from app.records import MatterSummary
from db.matter_pages import page_rows
from db.prepared import Reader


def page_summaries(
    reader: Reader, offset: int, limit: int, sort: str, descending: bool
) -> list[MatterSummary]:
    """One page of the sorted list, the records built straight from the rows: after the matter's id they
    hold MatterSummary's fields in its order, the persons last (tests/test_matters_list.py checks)."""
    return [MatterSummary(*row[1:]) for row in page_rows(reader, offset, limit, sort, descending)]
