"""HotspotService: the board of rising problems (entities, townships, topics) and 集访风险 warnings.

A row counts the matters with a visit in the ISO week (and their 人次) against the week before; it is
flagged when it has at least ``min_count`` matters, grew by ``growth_percent`` or more, and rose by more
than chance moves a count of that size (two standard deviations of a Poisson count). A warning is
raised when ``warning_persons`` unrelated visitors — different persons on different matters — raise one
entity within ``warning_days`` days up to the week's end; each warning lists the matters behind it.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.sources.records import HotspotBoard, HotspotRow, HotspotWarning, Thresholds
from app.sources.thresholds import ThresholdStore, read
from app.tally.periods import Period
from db.engine import Database
from db.models import Category, Entity, Matter, MatterEntity, Township, Visit, VisitPerson

ROWS_SHOWN = 20
NOISE_SIGMAS = 2.0  # a rise within two standard deviations of a weekly count (Poisson) is chance, not a trend
MIN_SHOWN = 2  # a single new matter is not a trend: rows with fewer this week are left off the board


class HotspotService(ThresholdStore):
    def __init__(self, db: Database) -> None:
        super().__init__(db)
        self._db = db

    def board(self, week: str) -> HotspotBoard:
        """The board of the ISO week ``2026-W47`` (a ValidationError for a week that does not exist)."""
        period = Period.week(week)
        with self._db.reading() as session:
            limits = read(session)
            this, last = (
                _span(period.first, period.last),
                _span(period.first - timedelta(7), period.first - timedelta(1)),
            )
            return HotspotBoard(
                week=week,
                starts=period.first,
                ends=period.last,
                entities=_rows(session, "entity", this, last, limits),
                townships=_rows(session, "township", this, last, limits),
                topics=_rows(session, "topic", this, last, limits),
                warnings=warnings(session, period.last, limits),
            )


def _span(first: date, last: date) -> tuple[datetime, datetime]:
    return datetime.combine(first, time.min), datetime.combine(last + timedelta(1), time.min)


def _key(kind: str) -> InstrumentedAttribute[Any]:
    return {"entity": MatterEntity.entity_id, "township": Matter.township_id, "topic": Matter.category_id}[
        kind
    ]


def _joined(kind: str, query: Select[Any]) -> Select[Any]:
    if kind == "entity":
        return query.join(MatterEntity, MatterEntity.matter_id == Visit.matter_id)
    return query.join(Matter, Matter.id == Visit.matter_id)


def _counts(session: Session, kind: str, span: tuple[datetime, datetime]) -> dict[int, tuple[int, int]]:
    """key → (matters with a visit, 人次) in the span."""
    key = _key(kind)
    query = select(key, func.count(func.distinct(Visit.matter_id)), func.sum(Visit.headcount)).select_from(
        Visit
    )
    query = _joined(kind, query).where(
        Visit.visited_at >= span[0], Visit.visited_at < span[1], key.is_not(None)
    )
    return {k: (int(m), int(p or 0)) for k, m, p in session.execute(query.group_by(key)).all()}


def _rows(
    session: Session,
    kind: str,
    this: tuple[datetime, datetime],
    last: tuple[datetime, datetime],
    limits: Thresholds,
) -> list[HotspotRow]:
    now, before = _counts(session, kind, this), _counts(session, kind, last)
    rising = [k for k, (n, _) in now.items() if n > before.get(k, (0, 0))[0] and n >= MIN_SHOWN]
    rising.sort(
        key=lambda k: (
            -_crossed(now[k][0], before.get(k, (0, 0))[0], limits),
            before.get(k, (0, 0))[0] - now[k][0],
        )
    )
    shown = rising[:ROWS_SHOWN]
    labels, matters = _labels(session, kind, shown), _matter_nos(session, kind, shown, this)
    rows = []
    for k in shown:
        (n, p), (n0, p0) = now[k], before.get(k, (0, 0))
        growth = (n / n0 - 1) if n0 else None
        rows.append(
            HotspotRow(kind, k, labels.get(k, ""), n, n0, p, p0, growth, _crossed(n, n0, limits), matters[k])
        )
    return rows


def _crossed(this_week: int, last_week: int, limits: Thresholds) -> bool:
    if this_week < limits.min_count or this_week <= last_week:
        return False
    grown = this_week * 100 >= last_week * (100 + limits.growth_percent)
    return grown and this_week - last_week >= NOISE_SIGMAS * math.sqrt(last_week + 1)


def _labels(session: Session, kind: str, keys: list[int]) -> dict[int, str]:
    ident, name = {
        "entity": (Entity.id, Entity.name),
        "township": (Township.id, Township.name),
        "topic": (Category.id, Category.name),
    }[kind]
    rows = session.execute(select(ident, name).where(ident.in_(keys)))
    return dict(rows.all())


def _matter_nos(
    session: Session, kind: str, keys: list[int], span: tuple[datetime, datetime]
) -> dict[int, list[str]]:
    found: dict[int, list[str]] = defaultdict(list)
    if not keys:
        return found
    key = _key(kind)
    query = select(key, Matter.matter_no).distinct().select_from(Visit)
    if kind == "entity":
        query = query.join(MatterEntity, MatterEntity.matter_id == Visit.matter_id)
    query = query.join(Matter, Matter.id == Visit.matter_id)
    query = query.where(Visit.visited_at >= span[0], Visit.visited_at < span[1], key.in_(keys))
    for k, no in session.execute(query.order_by(Matter.matter_no)).all():
        found[k].append(no)
    return found


@dataclass
class _Gathering:
    matters: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))  # matter_no → persons
    townships: set[str] = field(default_factory=set)
    first: datetime | None = None
    last: datetime | None = None

    def add(self, no: str, person: int | None, town: str | None, at: datetime) -> None:
        if person is not None:
            self.matters[no].add(person)
        else:
            self.matters.setdefault(no, set())
        if town:
            self.townships.add(town)
        self.first = min(self.first or at, at)
        self.last = max(self.last or at, at)


def warnings(session: Session, last_day: date, limits: Thresholds) -> list[HotspotWarning]:
    """集访风险 in the ``warning_days`` days up to ``last_day``: most matters first."""
    start, end = _span(last_day - timedelta(limits.warning_days - 1), last_day)
    rows = session.execute(
        select(
            MatterEntity.entity_id, Matter.matter_no, VisitPerson.person_id, Township.name, Visit.visited_at
        )
        .select_from(Visit)
        .join(MatterEntity, MatterEntity.matter_id == Visit.matter_id)
        .join(Matter, Matter.id == Visit.matter_id)
        .outerjoin(VisitPerson, VisitPerson.visit_id == Visit.id)
        .outerjoin(Township, Township.id == Matter.township_id)
        .where(Visit.visited_at >= start, Visit.visited_at < end)
    ).all()
    gatherings: dict[int, _Gathering] = defaultdict(_Gathering)
    for entity_id, no, person, town, at in rows:
        gatherings[entity_id].add(no, person, town, at)
    risky = {k: g for k, g in gatherings.items() if _unrelated(g) >= limits.warning_persons}
    names = _labels(session, "entity", list(risky))
    found = [_warning(k, names.get(k, ""), g, limits.warning_days) for k, g in risky.items()]
    return sorted(found, key=lambda w: (-w.matters, -w.persons, w.entity))


def _unrelated(g: _Gathering) -> int:
    """Independent parties: a group on one matter is one party, and so is one person with many matters."""
    persons = set().union(*g.matters.values()) if g.matters else set()
    return min(len(g.matters), len(persons) or len(g.matters))


def _warning(entity_id: int, name: str, g: _Gathering, days: int) -> HotspotWarning:
    persons = len(set().union(*g.matters.values())) if g.matters else 0
    towns = sorted(g.townships)
    assert g.first is not None and g.last is not None
    message = (
        f"{days}天内有{_unrelated(g)}批互不相关的来访人（{len(g.matters)}件事项、{persons}人）反映“{name}”，"
        f"涉及{'、'.join(towns) or '属地不明'}，有集访风险"
    )
    return HotspotWarning(
        entity_id, name, persons, len(g.matters), towns, g.first, g.last, sorted(g.matters), message
    )
