"""Forwarding and assignment (转送/交办) to one or more departments, and what each department does with it:
sign for it (签收), return it as misrouted within 5 working days (退回, Art 23), report back (反馈).
"""

from __future__ import annotations

from sqlalchemy import select

from app import deadline_book
from app.case_records import CaseResult, format_date
from app.cases.step import CaseBase, Step, department_named, joined, required
from app.deadlines import compute_deadline
from app.errors import ValidationError
from db.models import Assignment, Department, MatterDepartment

_ASSIGNED = ("转送", "交办")


class Assignments(CaseBase):
    def forward(
        self,
        matter_no: str,
        departments: list[str],
        clerk: str,
        note: str = "",
        expected_version: int | None = None,
    ) -> CaseResult:
        """转送 to the competent bodies, each with its handling deadline and its 5-day objection period."""
        return self._dispatch(matter_no, "forward", departments, clerk, note, expected_version)

    def assign(
        self,
        matter_no: str,
        departments: list[str],
        clerk: str,
        note: str = "",
        expected_version: int | None = None,
    ) -> CaseResult:
        """交办 to departments to handle and report back."""
        return self._dispatch(matter_no, "assign", departments, clerk, note, expected_version)

    def sign_for(
        self, matter_no: str, department: str, clerk: str, expected_version: int | None = None
    ) -> CaseResult:
        """签收 by one department; the first signature starts the handling (办理中)."""
        with self._step(matter_no, "sign_for", clerk, expected_version) as step:
            assignment = _active(step, department)
            if assignment.signed_at is not None:
                raise ValidationError.single("department", f"{department}已于{_when(assignment)}签收")
            assignment.signed_at = step.now
            step.meet("misroute_objection", department=assignment.department)
            step.move(condition_met=step.matter.status in _ASSIGNED)
            return step.finish(f"{assignment.department.name}签收", assignment.department)

    def return_assignment(
        self, matter_no: str, department: str, reason: str, clerk: str, expected_version: int | None = None
    ) -> CaseResult:
        """退回 as misrouted, within the objection period; when all have returned, back to 受理审查中."""
        why = required(reason, "reason", "退回理由")
        with self._step(matter_no, "return_assignment", clerk, expected_version) as step:
            assignment = _active(step, department)
            if assignment.signed_at is not None:
                raise ValidationError.single("department", f"{department}已签收，不能再退回")
            _check_objection_period(step, assignment)
            assignment.returned_at, assignment.return_reason = step.now, why
            step.meet("misroute_objection", department=assignment.department)
            deadline_book.cancel(step.session, step.matter, step.now, ["handling"], assignment.department)
            step.move(condition_met=not _active_assignments(step))
            return step.finish(f"{assignment.department.name}退回：{why}", assignment.department)

    def feedback(
        self, matter_no: str, department: str, text: str, clerk: str, expected_version: int | None = None
    ) -> CaseResult:
        """反馈 of a department that signed for the matter; its own handling deadline is met."""
        body = required(text, "text", "反馈内容")
        with self._step(matter_no, "feedback", clerk, expected_version) as step:
            assignment = _active(step, department)
            if assignment.signed_at is None:
                raise ValidationError.single("department", f"{department}尚未签收，不能反馈")
            assignment.feedback_at, assignment.feedback = step.now, body
            step.meet("handling", department=assignment.department)
            return step.finish(f"{assignment.department.name}反馈：{body}", assignment.department)

    def _dispatch(
        self, matter_no: str, key: str, names: list[str], clerk: str, note: str, expected_version: int | None
    ) -> CaseResult:
        chosen = _clean_names(names)
        with self._step(matter_no, key, clerk, expected_version) as step:
            departments = [department_named(step.session, n, "departments") for n in chosen]
            step.meet("notice")
            parts = [_assign_one(step, d) for d in departments]
            step.move()
            text = f"{step.action.label}至{'、'.join(parts)}"
            return step.finish(joined(text, note))


def _assign_one(step: Step, department: Department) -> str:
    if any(a.department_id == department.id for a in _active_assignments(step)):
        raise ValidationError.single("departments", f"已{step.action.label}至{department.name}，不能重复")
    handling = step.open("handling", step.today, department)
    objection = step.open("misroute_objection", step.today, department)
    step.session.add(
        Assignment(
            matter_id=step.matter.id,
            department=department,
            kind=step.action.label,
            assigned_at=step.now,
            assigned_by_id=step.clerk.id,
            deadline=handling,
        )
    )
    if all(md.department_id != department.id for md in step.matter.departments):
        step.matter.departments.append(MatterDepartment(department=department))
    return (
        f"{department.name}，限{format_date(handling.due)}前办结"
        f"（如有异议，应于{format_date(objection.due)}前退回）"
    )


def _clean_names(names: list[str]) -> list[str]:
    chosen = [n.strip() for n in names if n.strip()]
    if not chosen:
        raise ValidationError.single("departments", "请至少选择一个部门")
    if len(set(chosen)) < len(chosen):
        raise ValidationError.single("departments", "同一部门选择了两次")
    return chosen


def _active_assignments(step: Step) -> list[Assignment]:
    """The assignments not returned, oldest first."""
    query = select(Assignment).where(Assignment.matter_id == step.matter.id, Assignment.returned_at.is_(None))
    return list(step.session.scalars(query.order_by(Assignment.id)))


def _active(step: Step, name: str) -> Assignment:
    department = department_named(step.session, name)
    for assignment in _active_assignments(step):
        if assignment.department_id == department.id:
            return assignment
    raise ValidationError.single("department", f"该事项未转送或交办至{department.name}（或已退回）")


def _check_objection_period(step: Step, assignment: Assignment) -> None:
    rows = deadline_book.open_rows(step.session, step.matter, ["misroute_objection"])
    row = next((r for r in rows if r.department_id == assignment.department_id), None)
    rule = step.rules["misroute_objection"]
    if row is not None:
        due = row.effective_due
    else:  # no row (kept from before deadlines were recorded): count it now
        due = compute_deadline(assignment.assigned_at.date(), rule, step.calendar).due
    if step.today > due:
        raise ValidationError.single(
            "department",
            f"退回期限已过：{assignment.department.name}应于{format_date(due)}前"
            f"（{assignment.kind}后{rule.days}个工作日内）提出异议，现已不能退回，请按督办程序处理",
        )


def _when(assignment: Assignment) -> str:
    signed = assignment.signed_at
    return f"{format_date(signed.date())} {signed:%H:%M}" if signed is not None else ""
