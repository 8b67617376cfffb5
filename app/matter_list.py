"""The matters list's pages as the clerk sees them: summaries with their persons, one statement a page."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.records import MatterSummary
from db.matter_pages import page_rows


def page_summaries(
    session: Session, offset: int, limit: int, sort: str, descending: bool
) -> list[MatterSummary]:
    """One page of the sorted list; rows are unpacked by position (no per-field lookups by name)."""
    return [
        MatterSummary(
            matter_no=no,
            status=status,
            received_at=received_at,
            summary=summary,
            category=category,
            township=township,
            first_clerk=first_clerk,
            notice_deadline=deadline,
            visit_count=visits,
            last_visit_at=last_visit_at,
            persons=persons,
        )
        for (
            _id,
            no,
            status,
            received_at,
            summary,
            category,
            township,
            first_clerk,
            deadline,
            visits,
            last_visit_at,
            persons,
        ) in page_rows(session, offset, limit, sort, descending)
    ]
