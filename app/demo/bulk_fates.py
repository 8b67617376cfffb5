"""The bulk path of a demo matter's fate: the rows the case service would write, queued in the same batch.

Each step does what its `CaseService` method does (app/cases/*.py, app/deadline_book.py): the same status
move (app/workflow.py), the same deadlines opened, met, extended or cancelled, the same assignment, rating
and event rows, the matter's outcomes and dates, and one version per step.
"""

from __future__ import annotations

from datetime import date, datetime

from app import workflow
from app.case_records import BUREAU, format_date
from app.deadline_book import extension_rule
from app.demo.bulk_rows import BatchRows, Row
from app.demo.fates import APPROVER, Fate, Step
from db.models import Assignment, Clerk, Department, Matter, MatterDepartment, Rating


def write_fate(
    rows: BatchRows, matter_id: int, notice: Row, clerk: str, linked: list[str], fate: Fate
) -> None:
    if fate.steps:
        _Story(rows, matter_id, notice, clerk, linked).run(fate)


class _Story:
    def __init__(self, rows: BatchRows, matter_id: int, notice: Row, clerk: str, linked: list[str]) -> None:
        self.rows, self.refs, self.matter_id = rows, rows.refs, matter_id
        self.matter: Row = rows.last(Matter)
        self.deadlines: list[Row] = [notice]
        self.assignments: dict[int, Row] = {}
        self.linked = {self.refs.id_of(Department, n) for n in linked}
        self.clerk_id = self.refs.id_of(Clerk, clerk)
        self.status = "登记"

    def run(self, fate: Fate) -> None:
        for step in fate.steps:
            note, department_id, condition = self._do(step)
            self.status = workflow.next_status(step.key, self.status, condition)
            label = workflow.ACTIONS[step.key].label
            self.rows.event(self.matter_id, label, step.at, self.clerk_id, note, department_id)
        self.matter["status"] = self.status
        self.matter["version"] = 1 + len(fate.steps)

    def _do(self, step: Step) -> tuple[str, int | None, bool]:  # noqa: C901 - one branch per action
        key, at, today, m = step.key, step.at, step.at.date(), self.matter
        outcomes = "、".join(step.outcomes)
        if key == "answer_on_spot":
            self._meet(at, "notice")
            m["outcomes"], m["replied_at"], m["closed_at"] = ",".join(step.outcomes), at, at
            return f"当场答复：{step.text}（{outcomes}）", None, True
        if key == "refuse":
            self._meet(at, "notice")
            route = workflow.REFUSAL_REASONS[step.text]
            m["refusal_reason"], m["refusal_route"] = step.text, route
            return f"不予受理：{step.text}；请向{route}提出", None, True
        if key == "accept":
            self._meet(at, "notice")
            row = self._open("handling", today)
            return f"受理，限{format_date(row['due'])}前办结并书面答复", None, True
        if key == "start_handling":
            return "开始办理", None, True
        if key in ("forward", "assign"):
            self._meet(at, "notice")
            label = workflow.ACTIONS[key].label
            parts = [self._assign_one(label, name, at) for name in step.departments]
            return f"{label}至{'、'.join(parts)}", None, True
        if key == "sign_for":
            dept = self._department(step)
            self.assignments[dept]["signed_at"] = at
            self._meet(at, "misroute_objection", department_id=dept)
            return f"{step.departments[0]}签收", dept, self.status in ("转送", "交办")
        if key == "feedback":
            dept = self._department(step)
            self.assignments[dept]["feedback_at"], self.assignments[dept]["feedback"] = at, step.text
            self._meet(at, "handling", department_id=dept)
            return f"{step.departments[0]}反馈：{step.text}", dept, True
        if key == "extend":
            reason = f"延期{step.days}日：{step.text}（批准人：{APPROVER}）"
            rule = extension_rule(self.refs.rules["extension"], step.days)
            due = None
            for row in self._running(["handling"]):
                row["override_due"] = self.refs.due(rule, row["override_due"] or row["due"])
                row["override_reason"], row["override_by_id"] = reason, self.clerk_id
                due = max(due or row["override_due"], row["override_due"])
            assert due is not None
            return (
                f"延期{step.days}日，延至{format_date(due)}；理由：{step.text}；批准人：{APPROVER}",
                None,
                True,
            )
        if key == "reply":
            self._meet(at, "handling", "misroute_objection")
            window = self._open("review_request", today)
            m["outcomes"], m["replied_at"] = ",".join(step.outcomes), at
            return (
                f"书面答复（{outcomes}）：{step.text}；可于{format_date(window['due'])}前申请复查",
                None,
                True,
            )
        if key == "rate":
            self.rows.add(
                Rating,
                matter_id=self.matter_id,
                department_id=None,
                result=step.text,
                rated_at=at,
                clerk_id=self.clerk_id,
            )
            return f"{BUREAU}：{step.text}", None, True
        if key == "request_review":
            window = self._running(["review_request"])[-1]
            self._meet(at, "review_request")
            return f"申请复查（申请期限至{format_date(window['due'])}）", None, True
        if key == "start_review_case":
            requested = self._requested
            row = self._open("review_decision", requested)
            return f"复查，限{format_date(row['due'])}前作出复查意见", None, True
        if key == "review_decision":
            self._meet(at, "review_decision")
            window = self._open("rereview_request", today)
            return f"复查意见：{step.text}；可于{format_date(window['due'])}前申请复核", None, True
        if key == "close":
            for row in self._running(None):
                row["cancelled"], row["cancelled_at"] = True, at
            m["outcomes"], m["closed_at"] = ",".join(step.outcomes), at
            return f"办结：{outcomes}", None, True
        raise ValueError(f"unknown demo step {key}")

    @property
    def _requested(self) -> date:
        rows = [r for r in self.deadlines if r["rule_key"] == "review_request" and r["met_at"] is not None]
        met: datetime = rows[-1]["met_at"]
        return met.date()

    def _department(self, step: Step) -> int:
        dept = self.refs.id_of(Department, step.departments[0])
        assert dept is not None
        return dept

    def _assign_one(self, label: str, name: str, at: datetime) -> str:
        dept = self.refs.id_of(Department, name)
        handling = self._open("handling", at.date(), dept)
        objection = self._open("misroute_objection", at.date(), dept)
        self.rows.add(
            Assignment,
            matter_id=self.matter_id,
            department_id=dept,
            kind=label,
            assigned_at=at,
            assigned_by_id=self.clerk_id,
            deadline_id=handling["id"],
            signed_at=None,
            returned_at=None,
            return_reason="",
            feedback_at=None,
            feedback="",
        )
        assert dept is not None
        self.assignments[dept] = self.rows.last(Assignment)
        if dept not in self.linked:
            self.linked.add(dept)
            self.rows.add(MatterDepartment, matter_id=self.matter_id, department_id=dept)
        limit, objection_due = format_date(handling["due"]), format_date(objection["due"])
        return f"{name}，限{limit}前办结（如有异议，应于{objection_due}前退回）"

    def _open(self, rule_key: str, start: date, department_id: int | None = None) -> Row:
        due = self.refs.due(self.refs.rules[rule_key], start)
        row = self.rows.deadline(self.matter_id, rule_key, start, due, department_id)
        self.deadlines.append(row)
        return row

    def _running(self, keys: list[str] | None) -> list[Row]:
        return [
            r
            for r in self.deadlines
            if r["met_at"] is None and not r["cancelled"] and (keys is None or r["rule_key"] in keys)
        ]

    def _meet(self, at: datetime, *keys: str, department_id: int | None = None) -> None:
        for row in self._running(list(keys)):
            if department_id is None or row["department_id"] == department_id:
                row["met_at"] = at
