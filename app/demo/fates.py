"""What becomes of a demo matter after registration: its steps through the workflow, dated, up to `today`.

A matter's fate is planned once, when it is planned, from its own `random.Random` stream (one per run),
so both paths write the same story for the same seed. Matters received more than about three months ago
are nearly all closed (办结, a few 不予受理 or 当场答复); younger ones are spread over the open statuses,
and a few run late, so the supervision board shows every level. Dates fall on working days in office hours.

Steps are workflow action keys (app/workflow.py) with what the case service needs to run them; the service
path runs them through `CaseService`, the bulk path writes the rows the service would have written.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from app import workflow
from app.demo.mix import departments_by_top
from app.demo.weighted import Choice
from app.reference import ReferenceNames
from app.workdays import WorkCalendar

OUTCOME_WEIGHTS = (("解决到位", 45.0), ("教育到位", 35.0), ("帮扶到位", 10.0), ("依法处理", 10.0))
RATING_WEIGHTS = (("满意", 62.0), ("基本满意", 28.0), ("不满意", 10.0))
REFUSALS = tuple(r for r in workflow.REFUSAL_REASONS if r != workflow.REFUSE_AGAIN_REASON)
ON_THE_SPOT = 0.03  # 当场答复
REFUSED = 0.05  # 不予受理
LATE_NOTICE = 0.03  # still at the window after the 15-day notice deadline
EXTENDED = 0.08  # 延期 once, replied within the extension
LATE_REPLY = 0.05  # replied after the 60-day handling deadline
STUCK = 0.004  # never replied: long overdue (红牌 on the board)
RATED = 0.75
REVIEWED = 0.03  # 复查申请 after the reply (more often when 不满意)
APPROVER = "分管副局长"
REPLY_TEXTS = (
    "经调查核实，已依法依规作出处理，现予书面答复。",
    "经相关部门实地调查，所反映问题已协调解决。",
    "经核查，相关政策已向信访人解释说明。",
    "已责成相关单位限期整改，并将持续跟踪落实。",
)
FEEDBACK_TEXTS = ("已调查核实并提出处理意见。", "已约谈相关方并协调处理。", "已现场核查，处理意见已报送。")
REVIEW_TEXTS = (
    "经复查，原处理意见事实清楚、适用依据正确，予以维持。",
    "经复查，部分诉求予以支持，已责成重新办理。",
)
EXTENSION_REASONS = ("情况复杂，需进一步调查核实", "涉及多个部门，需协调处理", "需等待相关鉴定结论")


@dataclass(frozen=True)
class Step:
    """One action on the matter: the workflow key, when, and what the service call needs."""

    key: str
    at: datetime
    departments: tuple[str, ...] = ()
    outcomes: tuple[str, ...] = ()
    text: str = ""  # reply, review decision or feedback text; refusal reason; rating result; extension reason
    days: int = 0  # 延期 days


@dataclass(frozen=True)
class Fate:
    steps: tuple[Step, ...]
    ends_at: datetime | None  # when the matter closed (办结, 不予受理); None while it is still open


class FatePlanner:
    """Plans each new matter's fate from its own rng, relative to the demo's `today`."""

    def __init__(
        self, rng: random.Random, names: ReferenceNames, calendar: WorkCalendar, today: date
    ) -> None:
        self.rng, self.calendar = rng, calendar
        self.cutoff = datetime.combine(today, time(0))  # steps happen before today, as visits do
        self.by_top = departments_by_top(names)
        self.all_departments = list(names.departments)
        self.parents = {c.name: c.parent or c.name for c in names.categories}
        self.outcomes, self.ratings = Choice(OUTCOME_WEIGHTS), Choice(RATING_WEIGHTS)
        self._workdays: dict[date, date] = {}

    def plan(self, received: datetime, category: str, named: list[str]) -> Fate:
        steps = list(self._story(received, category, named))
        kept = tuple(s for s in steps if s.at < self.cutoff)
        ended = kept[-1].at if kept and kept[-1].key in ("close", "refuse", "answer_on_spot") else None
        return Fate(kept, ended)

    def _story(self, received: datetime, category: str, named: list[str]) -> list[Step]:
        rng = self.rng
        roll = rng.random()
        if roll < ON_THE_SPOT:
            at = received + timedelta(minutes=rng.randint(5, 40))
            return [Step("answer_on_spot", at, outcomes=self._outcomes(), text=rng.choice(REPLY_TEXTS))]
        clock = _Clock(self, received)
        if roll < ON_THE_SPOT + REFUSED:
            return [Step("refuse", clock.after(rng.randint(1, 12)), text=rng.choice(REFUSALS))]
        window = rng.randint(16, 24) if rng.random() < LATE_NOTICE else rng.randint(1, 12)
        steps: list[Step] = []
        route = rng.random()
        departments = self._departments(category, named)
        if route < 0.35 or not departments:
            steps.append(Step("accept", clock.after(window)))
            start = clock.now
            steps.append(Step("start_handling", clock.after(rng.randint(0, 2))))
            signers: tuple[str, ...] = ()
        else:
            if route < 0.7:
                steps.append(Step("forward", clock.after(window), departments=departments))
            else:
                steps.append(Step("accept", clock.after(window)))
                steps.append(Step("assign", clock.after(rng.randint(0, 1)), departments=departments))
            start = clock.now
            signers = departments
            for name in departments:
                steps.append(Step("sign_for", clock.after(rng.randint(1, 4)), departments=(name,)))
        steps += self._handling(clock, start, signers)
        return steps

    def _handling(self, clock: _Clock, start: datetime, signers: tuple[str, ...]) -> list[Step]:
        rng, steps = self.rng, []
        roll = rng.random()
        if roll < STUCK:
            return []
        if roll < STUCK + EXTENDED:
            days = rng.randint(15, 30)
            steps.append(
                Step(
                    "extend",
                    clock.on(start, rng.randint(45, 57)),
                    text=rng.choice(EXTENSION_REASONS),
                    days=days,
                )
            )
            reply_day = rng.randint(61, 58 + days)
        elif roll < STUCK + EXTENDED + LATE_REPLY:
            reply_day = rng.randint(63, 95)
        else:
            reply_day = rng.randint(12, 56)
        # Each department reports back on the day of the reply: after 反馈 the department's handling row is
        # met, and nothing would run for the matter until the bureau replies.
        for name in signers:
            steps.append(
                Step(
                    "feedback",
                    clock.on(start, reply_day),
                    departments=(name,),
                    text=rng.choice(FEEDBACK_TEXTS),
                )
            )
        outcomes = self._outcomes()
        steps.append(
            Step("reply", clock.on(start, reply_day), outcomes=outcomes, text=rng.choice(REPLY_TEXTS))
        )
        replied = clock.now
        rating = self.ratings.pick(rng) if rng.random() < RATED else ""
        if rating:
            steps.append(Step("rate", clock.after(rng.randint(1, 8)), text=rating))
        if rng.random() < (0.4 if rating == "不满意" else REVIEWED):
            # inside the visitor's 30-day window, even when a long holiday moves the day on
            steps.append(Step("request_review", clock.on(replied, rng.randint(10, 18))))
            steps.append(Step("start_review_case", clock.after(rng.randint(0, 2))))
            steps.append(
                Step("review_decision", clock.after(rng.randint(10, 22)), text=rng.choice(REVIEW_TEXTS))
            )
        steps.append(Step("close", clock.after(rng.randint(3, 25)), outcomes=outcomes))
        return steps

    def _departments(self, category: str, named: list[str]) -> tuple[str, ...]:
        rng = self.rng
        matching = self.by_top.get(self.parents.get(category, category)) or named or self.all_departments
        if not matching:
            return ()
        first = rng.choice(named or matching)
        if rng.random() < 0.1 and len(self.all_departments) > 1:
            second = rng.choice(self.all_departments)
            return (first, second) if second != first else (first,)
        return (first,)

    def _outcomes(self) -> tuple[str, ...]:
        first = self.outcomes.pick(self.rng)
        chosen = {first, self.outcomes.pick(self.rng)} if self.rng.random() < 0.1 else {first}
        return tuple(o for o in workflow.OUTCOMES if o in chosen)

    def workday(self, day: date) -> date:
        """The day itself or the next working day."""
        found = self._workdays.get(day)
        if found is None:
            found = day
            for _ in range(20):
                if self.calendar.is_workday(found):
                    break
                found += timedelta(days=1)
            self._workdays[day] = found
        return found

    def office_time(self, day: date) -> datetime:
        minute = self.rng.randrange(8 * 60 + 40, 17 * 60 + 20)
        return datetime.combine(day, time(minute // 60, minute % 60))


class _Clock:
    """The moments of one matter's story, always moving forward."""

    def __init__(self, planner: FatePlanner, start: datetime) -> None:
        self.planner, self.now = planner, start

    def after(self, days: int) -> datetime:
        return self.on(self.now, days)

    def on(self, base: datetime, days: int) -> datetime:
        day = self.planner.workday(base.date() + timedelta(days=days))
        at = self.planner.office_time(day)
        if at <= self.now:
            at = self.now + timedelta(minutes=self.planner.rng.randint(5, 90))
        self.now = at
        return at
