"""BacklogService: 积案 — open matters older than a set time or visited more than a set number of times,
counted in the buckets of visits 1 / 2–5 / 6–10 / 11–30 / 31+.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import func, or_, select

from app.rules.vocabulary import OPEN_STATUSES
from app.sources.records import BACKLOG_BUCKETS, Backlog, BacklogRow
from app.sources.thresholds import read
from db.engine import Database
from db.models import Category, Matter, Township, Visit


def bucket_of(visits: int) -> str:
    """The bucket a number of visits falls in."""
    if visits <= 1:
        return BACKLOG_BUCKETS[0]
    if visits <= 5:
        return BACKLOG_BUCKETS[1]
    if visits <= 10:
        return BACKLOG_BUCKETS[2]
    if visits <= 30:
        return BACKLOG_BUCKETS[3]
    return BACKLOG_BUCKETS[4]


class BacklogService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def backlog(self, as_of: date) -> Backlog:
        """The backlog on ``as_of``: matters received by then, still open, old or often visited."""
        end = datetime.combine(as_of + timedelta(1), time.min)
        with self._db.reading() as session:
            limits = read(session)
            old_before = end - timedelta(days=limits.backlog_days + 1)
            visits = (
                select(Visit.matter_id, func.count().label("n"))
                .where(Visit.visited_at < end)
                .group_by(Visit.matter_id)
                .subquery()
            )
            rows = session.execute(
                select(
                    Matter.matter_no,
                    Matter.summary,
                    Township.name,
                    Category.name,
                    Matter.status,
                    Matter.received_at,
                    func.coalesce(visits.c.n, 0),
                )
                .outerjoin(visits, visits.c.matter_id == Matter.id)
                .outerjoin(Township, Township.id == Matter.township_id)
                .outerjoin(Category, Category.id == Matter.category_id)
                .where(
                    Matter.status.in_(OPEN_STATUSES),
                    Matter.received_at < end,
                    or_(Matter.received_at < old_before, visits.c.n > limits.backlog_visits),
                )
            ).all()
        found = [
            BacklogRow(
                no, summ, tw or "", cat or "", st, at, (as_of - at.date()).days, int(n), bucket_of(int(n))
            )
            for no, summ, tw, cat, st, at, n in rows
        ]
        found.sort(key=lambda r: (-r.visits, r.received_at))
        buckets = dict.fromkeys(BACKLOG_BUCKETS, 0)
        for row in found:
            buckets[row.bucket] += 1
        return Backlog(as_of, found, buckets)
