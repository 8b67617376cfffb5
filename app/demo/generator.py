"""The demo run: plan visits in time order, register them batch by batch, and report what was made."""

from __future__ import annotations

import random
import time as timer
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from app.demo.bulk import BulkRegistrar
from app.demo.bulk_rows import ReferenceIds
from app.demo.fates import Fate, FatePlanner
from app.demo.follow import ServiceFollower
from app.demo.mix import township_choice
from app.demo.people import Population
from app.demo.sources_demo import DemoSources
from app.demo.sources_plan import PlantedVisit
from app.demo.times import visit_times
from app.demo.visits import Matter, Plan, VisitPlanner
from app.desk import Desk
from app.records import RegisteredVisit, VisitInput
from app.rules.vocabulary import GROUP_MIN

BATCH_MAX = 500  # visits per transaction: big enough to be quick, small enough to keep memory flat
BATCH_MIN = 10
BULK_ABOVE = 5000  # more visits than this go the bulk path (app/demo/bulk.py) unless told otherwise
BULK_BATCH_MAX = 5000
REPEAT_SHARE = 0.25
GROUP_SHARE = 0.05  # new group matters; group repeats bring 集体访 to about 5% of visits
PERSONS_PER_VISIT = 1 / 3
POOL_KEEP = 4000  # matters a repeat may come back to: old ones drop out, which keeps memory flat


@dataclass(frozen=True)
class DemoReport:
    visits: int
    matters: int
    persons: int
    repeat_visits: int
    group_visits: int
    seconds: float
    chief_password: str = (
        ""  # of the account the demo made for its 科长 (username "kezhang"); "" if none made
    )


def generate_demo(
    desk: Desk,
    visits: int,
    seed: int = 1,
    progress: Callable[[int, int], None] | None = None,
    today: date | None = None,
    bulk: bool | None = None,
) -> DemoReport:
    """Register `visits` synthetic visits over the two years before `today`; the same seed, the same data.

    Through the intake service, or above `BULK_ABOVE` visits (or with `bulk=True`) through the bulk path,
    which writes the same rows with Core inserts in large batches. Each path is deterministic per seed.
    """
    if visits < 1:
        raise ValueError(f"visits must be positive, got {visits}")
    started = timer.perf_counter()
    use_bulk = visits > BULK_ABOVE if bulk is None else bulk
    registrar = _bulk_registrar(desk, seed) if use_bulk else _service_registrar(desk)
    generator = _Generator(desk, seed, today or date.today(), visits, registrar)
    counts = generator.run(progress)
    registrar.finish()
    chief_password = generator.sources.finish()
    return DemoReport(
        visits=counts.visits,
        matters=counts.matters,
        persons=generator.population.made,
        repeat_visits=counts.repeats,
        group_visits=counts.groups,
        seconds=round(timer.perf_counter() - started, 3),
        chief_password=chief_password,
    )


RegisterMany = Callable[[list[VisitInput], list[Fate | None]], list[RegisteredVisit]]


@dataclass(frozen=True)
class _Registrar:
    """Who registers the planned visits (and follows each new matter's fate), and how many at a time."""

    register_many: RegisterMany
    batch_max: int
    finish: Callable[[], None] = lambda: None


def _bulk_registrar(desk: Desk, seed: int) -> _Registrar:
    names = desk.reference.names()
    with desk.db.reading() as session:
        refs = ReferenceIds.read(session, names, desk.calendar, desk.clock(), desk.deadline_rules.rules())
    bulk = BulkRegistrar(desk.db, desk.settings, refs, seed)
    return _Registrar(bulk.register_many, BULK_BATCH_MAX, bulk.finish)


def _service_registrar(desk: Desk) -> _Registrar:
    """Through the intake service; each matter's steps through the case service once their day has come."""
    follower = ServiceFollower(desk)

    def register_many(visits: list[VisitInput], fates: list[Fate | None]) -> list[RegisteredVisit]:
        follower.run_until(min(v.visited_at for v in visits))
        results = desk.intake.register_many(visits)
        for result, fate in zip(results, fates, strict=True):
            if fate is not None and not result.repeat:
                follower.schedule(result.matter_no, result.handler, fate)
        return results

    return _Registrar(register_many, BATCH_MAX, follower.run_until)


@dataclass
class _Counts:
    visits: int = 0
    matters: int = 0
    repeats: int = 0
    groups: int = 0

    def add(self, plans: list[Plan], results: list[RegisteredVisit]) -> None:
        self.visits += len(results)
        self.repeats += sum(r.repeat for r in results)
        self.matters += sum(not r.repeat for r in results)
        self.groups += sum(p.visit.headcount >= GROUP_MIN for p in plans)


class _Generator:
    """Plans visits in time order and registers them batch by batch (through the service or in bulk)."""

    def __init__(self, desk: Desk, seed: int, today: date, total: int, registrar: _Registrar) -> None:
        names = desk.reference.names()
        rng = random.Random(seed)
        self.rng, self.total, self.registrar = rng, total, registrar
        self.fates = FatePlanner(random.Random(f"fates-{seed}"), names, desk.calendar, today)
        townships = township_choice(names.townships)
        self.population = Population(rng, townships, max(10, round(total * PERSONS_PER_VISIT)))
        self.planner = VisitPlanner(rng, names, townships, self.population)
        self.pool: list[Matter] = []
        self.sources = DemoSources(desk, seed, today, total)
        self.times = self.sources.merged(visit_times(rng, desk.calendar, today, total - self.sources.planted))
        self.counts = _Counts()

    def run(self, progress: Callable[[int, int], None] | None) -> _Counts:
        done = 0
        while done < self.total:
            # Small batches first: a repeat can only name a matter whose number an earlier batch returned.
            size = min(self.registrar.batch_max, max(BATCH_MIN, done // 3), self.total - done)
            plans = [self._plan(*next(self.times), (done + i) / self.total) for i in range(size)]
            fates = [self._fate(p) for p in plans]
            results = self.registrar.register_many([p.visit for p in plans], fates)
            for plan, fate in zip(plans, fates, strict=True):
                plan.ends_at = fate.ends_at if fate is not None else None
            self._remember(plans, results)
            self.counts.add(plans, results)
            done += size
            if progress is not None:
                progress(done, self.total)
        return self.counts

    def _plan(self, at: datetime, planted: PlantedVisit | None, progress: float) -> Plan:
        if planted is not None:
            return self.sources.planted_plan(self.planner, planted)
        if self.pool and self.rng.random() < REPEAT_SHARE:
            earlier = self._earlier_matter(at)
            if earlier is not None:
                return self.planner.repeat(at, earlier)
        return self.sources.with_entity(self.planner.new(at, progress, group=self.rng.random() < GROUP_SHARE))

    def _fate(self, plan: Plan) -> Fate | None:
        if not plan.remember:
            return None
        visit = plan.visit
        return self.fates.plan(visit.visited_at, visit.category, list(visit.departments))

    def _earlier_matter(self, at: datetime) -> Matter | None:
        """Mostly a recent matter: people come back while a matter is fresh (and still open that day)."""
        recent = self.pool[-300:] if self.rng.random() < 0.7 else self.pool
        for _ in range(5):
            matter = self.rng.choice(recent)
            if matter.ends_at is None or matter.ends_at > at:
                return matter
        # else the newest that is still open (in a small run the pool spans months, and most have closed)
        return next((m for m in reversed(recent) if m.ends_at is None or m.ends_at > at), None)

    def _remember(self, plans: list[Plan], results: list[RegisteredVisit]) -> None:
        for plan, result in zip(plans, results, strict=True):
            with_id = tuple(p for p in plan.persons if p.id_number)
            if plan.remember and with_id:
                self.pool.append(plan.matter(result.matter_no, with_id))
        if len(self.pool) > 2 * POOL_KEEP:
            del self.pool[:-POOL_KEEP]
