"""来访人 for the demo: names, ID numbers, phones and addresses; known persons come back."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from app.demo.tables import DemoTables, demo_tables
from app.demo.weighted import Choice
from app.records import PersonInput
from app.rules.idnumber import check_character


@dataclass(frozen=True)
class Person:
    name: str
    id_number: str | None
    phone: str | None
    address: str

    def visiting(self, representative: bool = False) -> PersonInput:
        return PersonInput(self.name, self.id_number, self.phone, representative, self.address)


class Population:
    """Visitors: new ones made as needed, known ones (with an ID number) coming back with other matters."""

    def __init__(self, rng: random.Random, townships: Choice, target: int) -> None:
        self.rng = rng
        self.townships = townships
        self.target = target
        self.known: list[Person] = []  # only these can be recognised again (by ID number)
        self.made = 0
        self._numbers: set[str] = set()  # two persons must never share a number (it would merge them)
        self._tables = demo_tables()
        self._surnames = Choice(self._tables.surnames)

    def someone(self, progress: float, avoid: set[str] | None = None) -> Person:
        """A new person while the population lags behind its share of the run, else a known one."""
        behind = self.made < self.target * progress or self.rng.random() < 0.1
        if behind or len(self.known) < 20:
            return self.fresh()
        for _ in range(5):  # a group must not list the same person twice
            person = self.rng.choice(self.known)
            if avoid is None or person.id_number not in avoid:
                return person
        return self.fresh()

    def fresh(self) -> Person:
        rng, villages = self.rng, self._tables.villages
        number, male = self._id_number() if rng.random() < 0.96 else (None, rng.random() < 0.55)
        phone = _phone(rng, self._tables) if number is None or rng.random() < 0.9 else None
        address = f"{self.townships.pick(rng)}{rng.choice(villages)}村" if rng.random() < 0.7 else ""
        person = Person(self._name(male), number, phone, address)
        self.made += 1
        if number is not None:
            self.known.append(person)
        return person

    def _id_number(self) -> tuple[str, bool]:
        """A valid 18-digit number and the sex its sequence digit gives (odd = male)."""
        while True:
            born = _birth_date(self.rng)
            sequence = self.rng.randrange(1, 1000)
            first17 = f"{_region(self.rng, self._tables, born)}{born:%Y%m%d}{sequence:03d}"
            number = first17 + check_character(first17)
            if number not in self._numbers:
                self._numbers.add(number)
                return number, sequence % 2 == 1

    def _name(self, male: bool) -> str:
        chars = self._tables.male_chars if male else self._tables.female_chars
        given = "".join(self.rng.choice(chars) for _ in range(1 if self.rng.random() < 0.3 else 2))
        if self.rng.random() < 0.006:
            given = given[:-1] + self.rng.choice(self._tables.rare_chars)
        return self._surnames.pick(self.rng) + given


def _birth_date(rng: random.Random) -> date:
    year = min(2004, int(rng.triangular(1940, 2005, 1966)))  # petitioners are mostly middle-aged or older
    return date(year, 1, 1) + timedelta(days=rng.randrange(365))


def _region(rng: random.Random, tables: DemoTables, born: date) -> str:
    """Mostly the home county (its pre-1994 code for some older people), else the province or elsewhere."""
    roll = rng.random()
    if roll < 0.72:
        return tables.home_region_old if born.year < 1975 and rng.random() < 0.3 else tables.home_region
    return rng.choice(tables.province_regions if roll < 0.92 else tables.other_regions)


def _phone(rng: random.Random, tables: DemoTables) -> str:
    return "1" + rng.choice(tables.phone_prefixes) + f"{rng.randrange(10**8):08d}"
