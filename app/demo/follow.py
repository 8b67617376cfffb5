"""The service path of a demo matter's fate: each step through `CaseService`, on the step's own date.

The demo's case service runs on a clock this module moves to each step's moment. Steps wait in a queue
in time order and run once the registration has reached their moment, so a repeat visit always finds its
matter as it then stood (open), exactly as at a real window.
"""

from __future__ import annotations

import heapq
from datetime import datetime

from app.cases import CaseService
from app.demo.fates import APPROVER, Fate, Step
from app.desk import Desk


class MovableClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


class ServiceFollower:
    """Queues the fates of registered matters and runs their steps through the case service in time order."""

    def __init__(self, desk: Desk) -> None:
        self.clock = MovableClock(desk.clock())
        self.cases = CaseService(desk.db, desk.holidays.calendar, desk.deadline_rules.rules, self.clock)
        self._queue: list[tuple[datetime, int, str, str, Step]] = []
        self._order = 0

    def schedule(self, matter_no: str, clerk: str, fate: Fate) -> None:
        for step in fate.steps:
            self._order += 1
            heapq.heappush(self._queue, (step.at, self._order, matter_no, clerk, step))

    def run_until(self, moment: datetime | None = None) -> None:
        """Every queued step before `moment` (all of them when None)."""
        while self._queue and (moment is None or self._queue[0][0] < moment):
            at, _, matter_no, clerk, step = heapq.heappop(self._queue)
            self.clock.now = at
            run_step(self.cases, matter_no, clerk, step)


def run_step(cases: CaseService, no: str, clerk: str, step: Step) -> None:
    key, outcomes = step.key, list(step.outcomes)
    if key == "answer_on_spot":
        cases.answer_on_spot(no, outcomes, step.text, clerk)
    elif key == "refuse":
        cases.refuse(no, step.text, clerk)
    elif key == "accept":
        cases.accept(no, clerk)
    elif key == "start_handling":
        cases.start_handling(no, clerk)
    elif key == "forward":
        cases.forward(no, list(step.departments), clerk)
    elif key == "assign":
        cases.assign(no, list(step.departments), clerk)
    elif key == "sign_for":
        cases.sign_for(no, step.departments[0], clerk)
    elif key == "feedback":
        cases.feedback(no, step.departments[0], step.text, clerk)
    elif key == "extend":
        cases.extend(no, step.days, step.text, APPROVER, clerk)
    elif key == "reply":
        cases.reply(no, outcomes, step.text, clerk)
    elif key == "rate":
        cases.rate(no, step.text, clerk)
    elif key == "request_review":
        cases.request_review(no, clerk)
    elif key == "start_review_case":
        cases.start_review_case(no, clerk)
    elif key == "review_decision":
        cases.review_decision(no, step.text, clerk)
    elif key == "close":
        cases.close(no, outcomes, clerk)
    else:  # pragma: no cover - the planner makes only the steps above
        raise ValueError(f"unknown demo step {key}")
