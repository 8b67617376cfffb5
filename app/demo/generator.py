"""The demo run: plan visits in time order, register them batch by batch, and report what was made."""

from __future__ import annotations

import random
import time as timer
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from app.demo.bulk import BulkRegistrar
from app.demo.bulk_rows import ReferenceIds
from app.demo.mix import township_choice
from app.demo.people import Population
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
    registrar = _bulk_registrar(desk, seed) if use_bulk else _Registrar(desk.intake.register_many, BATCH_MAX)
    generator = _Generator(desk, random.Random(seed), today or date.today(), visits, registrar)
    counts = generator.run(progress)
    registrar.finish()
    return DemoReport(
        visits=counts.visits,
        matters=counts.matters,
        persons=generator.population.made,
        repeat_visits=counts.repeats,
        group_visits=counts.groups,
        seconds=round(timer.perf_counter() - started, 3),
    )


@dataclass(frozen=True)
class _Registrar:
    """Who registers the planned visits, and how many at a time at most."""

    register_many: Callable[[list[VisitInput]], list[RegisteredVisit]]
    batch_max: int
    finish: Callable[[], None] = lambda: None


def _bulk_registrar(desk: Desk, seed: int) -> _Registrar:
    names = desk.reference.names()
    with desk.db.reading() as session:
        refs = ReferenceIds.read(session, names, desk.calendar, desk.clock())
    bulk = BulkRegistrar(desk.db, desk.settings, refs, seed)
    return _Registrar(bulk.register_many, BULK_BATCH_MAX, bulk.finish)


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

    def __init__(
        self, desk: Desk, rng: random.Random, today: date, total: int, registrar: _Registrar
    ) -> None:
        names = desk.reference.names()
        self.rng, self.total, self.registrar = rng, total, registrar
        townships = township_choice(names.townships)
        self.population = Population(rng, townships, max(10, round(total * PERSONS_PER_VISIT)))
        self.planner = VisitPlanner(rng, names, townships, self.population)
        self.pool: list[Matter] = []
        self.times = visit_times(rng, desk.calendar, today, total)
        self.counts = _Counts()

    def run(self, progress: Callable[[int, int], None] | None) -> _Counts:
        done = 0
        while done < self.total:
            # Small batches first: a repeat can only name a matter whose number an earlier batch returned.
            size = min(self.registrar.batch_max, max(BATCH_MIN, done // 3), self.total - done)
            plans = [self._plan(next(self.times), (done + i) / self.total) for i in range(size)]
            results = self.registrar.register_many([p.visit for p in plans])
            self._remember(plans, results)
            self.counts.add(plans, results)
            done += size
            if progress is not None:
                progress(done, self.total)
        return self.counts

    def _plan(self, at: datetime, progress: float) -> Plan:
        if self.pool and self.rng.random() < REPEAT_SHARE:
            return self.planner.repeat(at, self._earlier_matter())
        return self.planner.new(at, progress, group=self.rng.random() < GROUP_SHARE)

    def _earlier_matter(self) -> Matter:
        """Mostly a recent matter: people come back while a matter is fresh."""
        recent = self.pool[-300:] if self.rng.random() < 0.7 else self.pool
        return self.rng.choice(recent)

    def _remember(self, plans: list[Plan], results: list[RegisteredVisit]) -> None:
        for plan, result in zip(plans, results, strict=True):
            with_id = tuple(p for p in plan.persons if p.id_number)
            if plan.remember and with_id:
                self.pool.append(plan.matter(result.matter_no, with_id))
        if len(self.pool) > 2 * POOL_KEEP:
            del self.pool[:-POOL_KEEP]
