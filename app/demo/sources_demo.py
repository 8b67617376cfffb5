"""The demo's part of the source view: entities created up front, noise links, planted cluster visits, and
afterwards a joint-handling group, a chief's account and two campaigns. Its own random stream
(``sources-<seed>``) so the rest of the demo draws exactly as before for the same seed.
"""

from __future__ import annotations

import heapq
import random
import secrets
import string
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta

from app.accounts import Role, password_problems
from app.demo.sources_plan import (
    CLUSTERS,
    PlantedVisit,
    create_entities,
    noise_entities,
    noise_pool_size,
    noise_share,
    planted_visits,
)
from app.demo.visits import Plan, VisitPlanner
from app.desk import Desk
from app.records import VisitInput
from app.rules.vocabulary import OPEN_STATUSES

DEMO_CHIEF = "kezhang"  # the demo's 科长 signs in with this username and the password in the report
PLANT_FROM = 1000  # smaller runs (tests) get no clusters: their weeks hold too few visits to show a trend


class DemoSources:
    def __init__(self, desk: Desk, seed: int, today: date, total: int) -> None:
        self.desk, self.today = desk, today
        self.rng = random.Random(f"sources-{seed}")
        townships = list(desk.reference.names().townships)
        noise = noise_entities(self.rng, townships, noise_pool_size(total))
        with desk.db.writing() as session:
            self.ids = create_entities(session, [c.entity for c in CLUSTERS] + noise, desk.clock())
        self.noise_ids = [self.ids[name] for name, _, _ in noise]
        self.share = noise_share(total, len(self.noise_ids))
        self.plants = planted_visits(self.rng, today, townships) if total >= PLANT_FROM else []

    @property
    def planted(self) -> int:
        return len(self.plants)

    def merged(self, times: Iterator[datetime]) -> Iterator[tuple[datetime, PlantedVisit | None]]:
        """The generator's moments with the planted visits slotted in, in time order."""
        plain = ((at, None) for at in times)
        planted = ((p.at, p) for p in self.plants)
        return heapq.merge(plain, planted, key=lambda pair: pair[0])

    def with_entity(self, plan: Plan) -> Plan:
        """Now and then a new matter names one of the noise entities."""
        if not plan.remember or not self.noise_ids or self.rng.random() >= self.share:
            return plan
        plan.visit = replace(plan.visit, entity_ids=(self.rng.choice(self.noise_ids),))
        return plan

    def planted_plan(self, planner: VisitPlanner, planted: PlantedVisit) -> Plan:
        """One visitor of a cluster: a new person with a new matter against the cluster's entity."""
        person = planner.population.fresh()
        summary, appeal = planted.text
        visit = VisitInput(
            visited_at=planted.at,
            channel="来访",
            headcount=1,
            persons=[person.visiting()],
            township=planted.township,
            category=planted.cluster.category,
            summary=summary,
            appeal=appeal,
            clerk=self.rng.choice(planner.clerks),
            purpose="求决",
            place=planted.township,
            entity_ids=(self.ids[planted.cluster.entity[0]],),
        )
        return Plan(visit, remember=True, persons=(person,))

    def finish(self) -> str:
        """What a bureau would have done by now: a chief's account, a group formed, campaigns under way.

        Returns the new chief account's password ("" when a chief account already exists).
        """
        sources, clerks = self.desk.sources, self.desk.reference.names().clerks
        password = self._chief(clerks[0]) if clerks else ""
        estate = self.ids[CLUSTERS[0].entity[0]]
        open_nos = [m.matter_no for m in sources.entities.matters_of(estate) if m.status in OPEN_STATUSES]
        if len(open_nos) >= 2:
            sources.groups.create(
                "锦绣华庭逾期交房一揽子调处", open_nos[:6], created_by=clerks[0] if clerks else ""
            )
        self._campaigns(estate)
        return password

    def _chief(self, name: str) -> str:
        """An account with role chief for the first clerk unless one exists; its password is reported once."""
        if any(a.role is Role.CHIEF for a in self.desk.accounts.list()):
            return ""
        password = _new_password()
        self.desk.accounts.create(DEMO_CHIEF, name, Role.CHIEF, password)
        return password

    def _campaigns(self, estate: int) -> None:
        campaigns, year = self.desk.sources.campaigns, self.today.year
        start, end = self.today - timedelta(days=60), self.today + timedelta(days=120)
        if any(c.code.startswith("DEMO-") for c in campaigns.campaigns()):
            return
        focus = campaigns.create(
            f"DEMO-{year}-ZDQT", f"{year}年四重攻坚·重点群体（购房户）", "重点群体", start, end
        )
        campaigns.add_targets(focus, "entity", [estate])
        backlog = self.desk.sources.backlog.backlog(self.today - timedelta(days=1))
        if backlog.rows:
            drive = campaigns.create(
                f"DEMO-{year}-JAHJ", f"{year}年信访积案化解专项活动", "积案化解", start, end
            )
            campaigns.tag(drive, [r.matter_no for r in backlog.rows[:30]])


def _new_password() -> str:
    """Random, not from the seed (a demo database may be left on a PC), and acceptable to the rules."""
    alphabet = string.ascii_letters + string.digits
    while True:
        password = "".join(secrets.choice(alphabet) for _ in range(14))
        if not password_problems(password, DEMO_CHIEF):
            return password
