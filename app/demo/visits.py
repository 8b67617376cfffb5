"""Plans of demo visits: a new matter (one person or a 集体访) or a 重访 on a matter registered earlier."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime

from app.demo.mix import CHANNEL_WEIGHTS, PURPOSE_WEIGHTS, category_choice, departments_by_top
from app.demo.people import Person, Population
from app.demo.tables import demo_tables
from app.demo.texts import wording
from app.demo.times import reception_day
from app.demo.weighted import Choice
from app.records import MaterialInput, PersonInput, VisitInput
from app.reference import CategoryItem, ReferenceNames
from app.rules.visit_rules import SUMMARY_MAX
from app.rules.vocabulary import GROUP_MIN, MAX_REPRESENTATIVES


@dataclass(frozen=True)
class Matter:
    """What a repeat visit needs to know about a matter registered earlier in this run."""

    matter_no: str
    persons: tuple[Person, ...]  # those with an ID number, so the service recognises them
    representatives: int
    township: str
    category: str
    place: str
    summary: str
    appeal: str
    purpose: str
    ends_at: datetime | None = None  # when its fate closes it: no repeat visit after that


@dataclass
class Plan:
    """One visit to register and, for a new matter, what to remember once it has a number."""

    visit: VisitInput
    remember: bool
    persons: tuple[Person, ...] = field(default=())
    ends_at: datetime | None = None

    def matter(self, matter_no: str, persons: tuple[Person, ...]) -> Matter:
        visit = self.visit
        return Matter(
            matter_no=matter_no,
            persons=persons,
            representatives=sum(p.representative for p in visit.persons),
            township=visit.township,
            category=visit.category,
            place=visit.place,
            summary=visit.summary,
            appeal=visit.appeal,
            purpose=visit.purpose,
            ends_at=self.ends_at,
        )


class VisitPlanner:
    """Makes up the contents of each visit from the county's reference names and the shared `rng`."""

    def __init__(
        self, rng: random.Random, names: ReferenceNames, townships: Choice, people: Population
    ) -> None:
        self.rng, self.names, self.townships, self.population = rng, names, townships, people
        self.clerks = names.clerks or ["值班接待员"]  # the service adds an unknown clerk by name
        self.categories = category_choice(names.categories)
        self.category_items = {c.name: c for c in names.categories}
        self.channels, self.purposes = Choice(CHANNEL_WEIGHTS), Choice(PURPOSE_WEIGHTS)
        self.departments = departments_by_top(names)

    def new(self, at: datetime, progress: float, group: bool) -> Plan:
        rng = self.rng
        category = self.category_items[self.categories.pick(rng)]
        township = self.townships.pick(rng)
        summary, appeal, place, purpose = wording(rng, category, township, at.date())
        persons, inputs, headcount = self._group(progress) if group else self._single(progress)
        channel = self._channel(at, group)
        visit = VisitInput(
            visited_at=at,
            channel=channel,
            headcount=headcount,
            persons=inputs,
            township=township,
            category=category.name,
            summary=summary,
            appeal=appeal,
            clerk=rng.choice(self.clerks),
            purpose=purpose or self.purposes.pick(rng),
            place=place,
            departments=self._departments(category),
            materials=self._materials(category, channel, group),
            flags=self._flags(group),
        )
        return Plan(visit, remember=True, persons=persons)

    def repeat(self, at: datetime, matter: Matter) -> Plan:
        """The same person (or the same group) on an open matter: the service marks it 重访."""
        rng = self.rng
        group = len(matter.persons) >= 3 and rng.random() < 0.5
        persons = matter.persons if group else matter.persons[:1]
        reps = max(1, min(matter.representatives, len(persons))) if group else 0
        channel = self._channel(at, group)
        visit = VisitInput(
            visited_at=at,
            channel=channel,
            headcount=rng.randint(max(GROUP_MIN, len(persons)), 60) if group else 1,
            persons=[p.visiting(representative=i < reps) for i, p in enumerate(persons)],
            township=matter.township,
            category=matter.category,
            summary=f"再次反映：{matter.summary}"[:SUMMARY_MAX],
            appeal=rng.choice(demo_tables().repeat_openers) + matter.appeal,
            clerk=rng.choice(self.clerks),  # whoever is on duty; the service hands it to the first clerk
            matter_no=matter.matter_no,
            purpose=matter.purpose,
            place=matter.place,
            materials=[MaterialInput("补充材料", rng.randint(1, 5))] if rng.random() < 0.2 else [],
            flags=self._flags(group),
        )
        return Plan(visit, remember=False)

    def _single(self, progress: float) -> tuple[tuple[Person, ...], list[PersonInput], int]:
        """One registered person; now and then family members come along without being registered."""
        person = self.population.someone(progress)
        headcount = 1 if self.rng.random() < 0.88 else self.rng.randint(2, GROUP_MIN - 1)
        return (person,), [person.visiting()], headcount

    def _group(self, progress: float) -> tuple[tuple[Person, ...], list[PersonInput], int]:
        """3–10 registered persons, the first 1–5 of them representatives, out of 5–60 who came."""
        chosen: list[Person] = []
        numbers: set[str] = set()
        for _ in range(self.rng.randint(3, 10)):
            person = self.population.someone(progress, avoid=numbers)
            chosen.append(person)
            numbers.add(person.id_number or "")
        reps = self.rng.randint(1, min(MAX_REPRESENTATIVES, len(chosen)))
        inputs = [p.visiting(representative=i < reps) for i, p in enumerate(chosen)]
        return tuple(chosen), inputs, self.rng.randint(max(GROUP_MIN, len(chosen)), 60)

    def _channel(self, at: datetime, group: bool) -> str:
        if reception_day(at.date()) and self.rng.random() < 0.3:
            return "领导接访日"
        return "来访" if group else self.channels.pick(self.rng)

    def _departments(self, category: CategoryItem) -> list[str]:
        """About a third of matters name the department involved, usually the one for the category."""
        if self.rng.random() >= 0.35:
            return []
        matching = self.departments.get(category.parent or category.name) or self.names.departments
        return [self.rng.choice(matching)] if matching else []

    def _materials(self, category: CategoryItem, channel: str, group: bool) -> list[MaterialInput]:
        rng, tables = self.rng, demo_tables()
        items = [MaterialInput("来信原件", rng.randint(1, 6))] if channel == "来信" else []
        if rng.random() < 0.45:
            choices = tables.common_materials + tables.materials.get(category.parent or category.name, ())
            for name, fewest, most in rng.sample(choices, rng.randint(1, 3)):
                items.append(MaterialInput(name, rng.randint(fewest, most)))
        if group and rng.random() < 0.5:
            items.append(MaterialInput("联名信", rng.randint(1, 10)))
        return items

    def _flags(self, group: bool) -> list[str]:
        flags = ["涉众型"] if group else []
        roll = self.rng.random()
        if roll < 0.03:
            flags.append("越级访")
        elif roll < 0.036:
            flags.append("赴省访")
        elif roll < 0.038:
            flags.append("进京访")
        if self.rng.random() < 0.004:
            flags.append("扬言")
        return flags
