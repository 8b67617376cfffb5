"""A small county's weeks, built through the real services on chosen dates, with what the test knows of it.

The weeks: 2025-W47 (同比 of 2026-W47), 2026-W46 (环比) and 2026-W47 (the tally under test), plus matters
from earlier that are still running. Every visit and step is recorded here as plain facts, so the tests can
count what the tally should show without reading the database back.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from app.desk import Desk
from app.records import PersonInput
from tests.conftest import FixedClock
from tests.factories import id_number, person, visit

CLERK = "李娜"
DEPARTMENT = "县住房和城乡建设局"
COUNTY = "县直部门"


@dataclass(frozen=True)
class MatterFacts:
    township: str
    top_category: str  # the top-level category the matter's category sits under


@dataclass(frozen=True)
class VisitFacts:
    visit_id: int
    at: datetime
    matter: str  # the scenario's name of the matter the visit belongs to
    headcount: int
    repeat: bool
    skip_level: bool
    channel: str


@dataclass
class Scenario:
    matters: dict[str, MatterFacts] = field(default_factory=dict)
    numbers: dict[str, str] = field(default_factory=dict)  # scenario name → matter number
    visits: list[VisitFacts] = field(default_factory=list)
    accepted_at: dict[str, datetime] = field(default_factory=dict)  # first acceptance decision
    closed: dict[str, tuple[datetime, bool]] = field(default_factory=dict)  # (when, on time)
    ratings: list[tuple[str, datetime, str]] = field(default_factory=list)  # (matter, when, result)


class Builder:
    def __init__(self, desk: Desk, clock: FixedClock) -> None:
        self.desk, self.clock, self.s = desk, clock, Scenario()
        self.ids: dict[str, str] = {}  # scenario matter → the ID number of its visitor

    def at(self, when: datetime) -> None:
        self.clock.now = when

    def new(
        self,
        name: str,
        when: datetime,
        township: str,
        category: str,
        top: str,
        headcount: int = 1,
        channel: str = "来访",
        flags: tuple[str, ...] = (),
    ) -> None:
        """A first visit that opens the matter ``name``."""
        self.ids[name] = id_number(seq=101 + len(self.ids))
        who = person("张伟", self.ids[name], rep=headcount >= 5)
        self.s.matters[name] = MatterFacts(township, top)
        self._register(name, when, township, category, headcount, channel, flags, who, None)

    def again(
        self,
        name: str,
        on: str,
        when: datetime,
        township: str,
        headcount: int = 1,
        channel: str = "来访",
        facts: MatterFacts | None = None,
    ) -> None:
        """A repeat visit by the person of ``on``; ``facts`` when it opens a new matter (``on`` closed)."""
        who = person("张伟", self.ids[on], rep=headcount >= 5)
        if facts is not None:
            self.s.matters[name] = facts
            self.ids[name] = self.ids[on]
        category = "其他" if facts is None else facts.top_category
        self._register(name, when, township, category, headcount, channel, (), who, self.s.numbers[on])

    def _register(
        self,
        name: str,
        when: datetime,
        township: str,
        category: str,
        headcount: int,
        channel: str,
        flags: tuple[str, ...],
        who: PersonInput,
        matter_no: str | None,
    ) -> None:
        self.at(when + timedelta(minutes=1))
        done = self.desk.intake.register_visit(
            visit(
                visited_at=when,
                township=township,
                category=category,
                headcount=headcount,
                channel=channel,
                flags=list(flags),
                persons=[who],
                matter_no=matter_no,
            )
        )
        self.s.numbers.setdefault(name, done.matter_no)
        skip = any(f in ("越级访", "赴省访", "进京访") for f in flags)
        repeat = matter_no is not None
        self.s.visits.append(VisitFacts(done.visit_id, when, name, headcount, repeat, skip, channel))

    # the steps, each on its own date
    def accept(self, name: str, when: datetime) -> None:
        self.at(when)
        self.desk.cases.accept(self.s.numbers[name], CLERK)
        self.s.accepted_at.setdefault(name, when)

    def forward(self, name: str, when: datetime) -> None:
        self.at(when)
        self.desk.cases.forward(self.s.numbers[name], [DEPARTMENT], CLERK)
        self.s.accepted_at.setdefault(name, when)

    def answer_on_spot(self, name: str, when: datetime) -> None:
        self.at(when)
        self.desk.cases.answer_on_spot(self.s.numbers[name], ["教育到位"], "当场解释政策", CLERK)
        self.s.accepted_at.setdefault(name, when)
        self.s.closed[name] = (when, True)

    def reply_and_close(self, name: str, when: datetime, on_time: bool) -> None:
        self.at(when)
        self.desk.cases.reply(self.s.numbers[name], ["解决到位"], "已按政策解决", CLERK)
        self.at(when + timedelta(minutes=5))
        self.desk.cases.close(self.s.numbers[name], ["解决到位"], CLERK)
        self.s.closed[name] = (when + timedelta(minutes=5), on_time)

    def rate(self, name: str, when: datetime, result: str, department: str | None = None) -> None:
        self.at(when)
        self.desk.cases.rate(self.s.numbers[name], result, CLERK, department=department)
        self.s.ratings.append((name, when, result))


def build(desk: Desk, clock: FixedClock) -> Scenario:
    b = Builder(desk, clock)
    d = datetime
    # --- long before: matters still running at the end of 2026-W47 -------------------------------------
    # y1: accepted in 2025-W47 and never closed: its handling period (60 days) ran out in January 2026
    b.new("y1", d(2025, 11, 18, 10, 0), "城关镇", "物业管理", "城乡建设")
    b.accept("y1", d(2025, 11, 20, 9, 0))
    # y2: a group of 6, online, on the last second of 2025-W47, answered on the spot at once
    b.new("y2", d(2025, 11, 23, 23, 59, 0), "东城街道", "工资拖欠", "劳动和社会保障", 6, "网上信访")
    b.answer_on_spot("y2", d(2025, 11, 23, 23, 59, 30))
    # y3: the first second of 2025-W48, refused: nothing runs afterwards
    b.new("y3", d(2025, 11, 24, 0, 0), "城关镇", "政法", "政法")
    b.at(d(2025, 11, 25, 9, 0))
    desk.cases.refuse(b.s.numbers["y3"], "不属于本机关职权范围", CLERK)
    # late: accepted in August, replied and closed in 2026-W47, long after its handling period
    b.new("late", d(2026, 8, 3, 9, 0), "城关镇", "城乡建设", "城乡建设")
    b.accept("late", d(2026, 8, 4, 9, 0))
    # old: registered in September, never decided until after 2026-W47 (accepted 11-24): overdue then
    b.new("old", d(2026, 9, 1, 9, 0), COUNTY, "社会保险", "劳动和社会保障")
    # merged: registered in September, merged into y1 after 2026-W47 (its notice period ran out before)
    b.new("merged", d(2026, 9, 10, 9, 0), "东城街道", "政法", "政法")
    # --- 2026-W46 (11-09 Mon … 11-15 Sun) ----------------------------------------------------------------
    b.new("a", d(2026, 11, 9, 0, 0), "城关镇", "城乡规划", "城乡建设")
    b.accept("a", d(2026, 11, 13, 9, 0))
    b.new("b", d(2026, 11, 15, 23, 59, 59), "城关镇", "政法", "政法", 8, flags=("越级访",))
    # --- 2026-W47 (11-16 Mon … 11-22 Sun) ----------------------------------------------------------------
    b.new("m1", d(2026, 11, 16, 0, 0), "城关镇", "物业管理", "城乡建设")
    b.again("a", "a", d(2026, 11, 16, 9, 0), "城关镇")  # a repeat on an open matter: the same matter
    b.new("m2", d(2026, 11, 17, 10, 0), "东城街道", "工资拖欠", "劳动和社会保障", 5, "网上信访")
    b.new("m3", d(2026, 11, 18, 11, 0), COUNTY, "政法", "政法", 2, "领导信箱", ("赴省访",))
    # a repeat of group b, registered as 东城街道 on the form: it counts where its matter is (城关镇)
    b.again("b", "b", d(2026, 11, 19, 15, 0), "东城街道", 10)
    # a repeat on y2, which is closed: a new matter, still a repeat visit (重复信访)
    b.again("m6", "y2", d(2026, 11, 20, 8, 30), "东城街道", facts=MatterFacts("东城街道", "其他"))
    b.new("m4", d(2026, 11, 22, 23, 59, 59), COUNTY, "劳动关系", "劳动和社会保障", 1, "来信")
    b.new("m5", d(2026, 11, 23, 0, 0), "城关镇", "物业管理", "城乡建设")  # 2026-W48
    # the steps of 2026-W47
    b.accept("m1", d(2026, 11, 16, 10, 0))
    b.reply_and_close("m1", d(2026, 11, 19, 9, 0), on_time=True)
    b.rate("m1", d(2026, 11, 19, 9, 30), "满意")
    b.forward("m2", d(2026, 11, 17, 11, 0))
    b.at(d(2026, 11, 18, 9, 0))
    desk.cases.sign_for(b.s.numbers["m2"], DEPARTMENT, CLERK)
    b.reply_and_close("m2", d(2026, 11, 20, 9, 0), on_time=True)
    b.rate("m2", d(2026, 11, 20, 10, 0), "不满意", DEPARTMENT)
    b.rate("m2", d(2026, 11, 20, 10, 5), "基本满意")
    b.answer_on_spot("m3", d(2026, 11, 18, 11, 30))
    b.rate("m3", d(2026, 11, 18, 11, 40), "未评价")
    b.reply_and_close("a", d(2026, 11, 21, 9, 0), on_time=True)
    b.reply_and_close("late", d(2026, 11, 20, 14, 0), on_time=False)
    b.rate("late", d(2026, 11, 20, 14, 30), "满意")
    # after 2026-W47: these must not change its figures
    b.accept("old", d(2026, 11, 24, 9, 0))
    b.at(d(2026, 11, 25, 9, 0))
    desk.cases.merge(b.s.numbers["merged"], b.s.numbers["y1"], CLERK)
    # its visits move to y1 (and so to y1's township and category)
    b.s.visits = [replace(v, matter="y1") if v.matter == "merged" else v for v in b.s.visits]
    b.rate("m1", d(2026, 11, 25, 9, 30), "满意")  # re-rated after the week: the rating moves out of it
    b.s.ratings = [r for r in b.s.ratings if not (r[0] == "m1" and r[1] < d(2026, 11, 25))]
    b.at(d(2026, 11, 26, 10, 0))
    return b.s
