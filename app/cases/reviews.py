"""After the reply: satisfaction rating (满意度评价) per rated body, review (复查, Art 35) and re-review
(复核, Art 36) — each requested within the visitor's window and decided within its own period.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from app import deadline_book, workflow
from app.case_records import BUREAU, CaseResult, format_date
from app.cases.step import CaseBase, Step, department_named, joined, required
from app.deadlines import compute_deadline
from app.errors import ValidationError
from db.models import Assignment, Department, MatterEvent, Rating


class Reviews(CaseBase):
    def rate(
        self,
        matter_no: str,
        result: str,
        clerk: str,
        department: str | None = None,
        expected_version: int | None = None,
    ) -> CaseResult:
        """满意度评价 of the bureau (department None) or of a department that handled the matter."""
        if result not in workflow.RATING_RESULTS:
            raise ValidationError.single("result", f"评价结果只能是{'、'.join(workflow.RATING_RESULTS)}")
        with self._step(matter_no, "rate", clerk, expected_version) as step:
            body = _rated_department(step, department) if department else None
            rating = step.session.scalar(
                select(Rating).where(
                    Rating.matter_id == step.matter.id,
                    Rating.department_id == body.id if body else Rating.department_id.is_(None),
                )
            )
            if rating is None:
                rating = Rating(matter_id=step.matter.id, department_id=body.id if body else None)
                step.session.add(rating)
            rating.result, rating.rated_at, rating.clerk_id = result, step.now, step.clerk.id
            return step.finish(f"{body.name if body else BUREAU}：{result}", body)

    def request_review(
        self, matter_no: str, clerk: str, note: str = "", expected_version: int | None = None
    ) -> CaseResult:
        """复查申请, only within the review window from the reply."""
        with self._step(matter_no, "request_review", clerk, expected_version) as step:
            due = _inside_window(step, "review_request", "答复意见书", "复查")
            step.move()
            return step.finish(joined(f"申请复查（申请期限至{format_date(due)}）", note))

    def start_review_case(
        self, matter_no: str, clerk: str, note: str = "", expected_version: int | None = None
    ) -> CaseResult:
        """复查: the review period runs from the day the request was received."""
        with self._step(matter_no, "start_review_case", clerk, expected_version) as step:
            row = step.open("review_decision", _requested_on(step, "request_review"))
            step.move()
            return step.finish(joined(f"复查，限{format_date(row.due)}前作出复查意见", note))

    def review_decision(
        self, matter_no: str, text: str, clerk: str, expected_version: int | None = None
    ) -> CaseResult:
        """复查意见 served: the visitor's re-review window opens."""
        body = required(text, "text", "复查意见")
        with self._step(matter_no, "review_decision", clerk, expected_version) as step:
            step.meet("review_decision")
            window = step.open("rereview_request", step.today)
            step.move()
            return step.finish(f"复查意见：{body}；可于{format_date(window.due)}前申请复核")

    def request_rereview(
        self, matter_no: str, clerk: str, note: str = "", expected_version: int | None = None
    ) -> CaseResult:
        """复核申请, only within the re-review window from the review decision."""
        with self._step(matter_no, "request_rereview", clerk, expected_version) as step:
            due = _inside_window(step, "rereview_request", "复查意见", "复核")
            step.move()
            return step.finish(joined(f"申请复核（申请期限至{format_date(due)}）", note))

    def start_rereview(
        self, matter_no: str, clerk: str, note: str = "", expected_version: int | None = None
    ) -> CaseResult:
        """复核: the re-review period runs from the day the request was received."""
        with self._step(matter_no, "start_rereview", clerk, expected_version) as step:
            row = step.open("rereview_decision", _requested_on(step, "request_rereview"))
            step.move()
            return step.finish(joined(f"复核，限{format_date(row.due)}前作出复核意见", note))

    def rereview_decision(
        self, matter_no: str, text: str, clerk: str, expected_version: int | None = None
    ) -> CaseResult:
        """复核意见: final; the same facts and reasons are not accepted again (不再受理)."""
        body = required(text, "text", "复核意见")
        with self._step(matter_no, "rereview_decision", clerk, expected_version) as step:
            step.meet("rereview_decision")
            step.move()
            return step.finish(f"复核意见：{body}")


def _inside_window(step: Step, window_key: str, served: str, what: str) -> date:
    """The window's last day, after checking today is inside it; the window is then met."""
    rows = deadline_book.open_rows(step.session, step.matter, [window_key])
    rule = step.rules[window_key]
    if rows:
        start, due = rows[-1].start, rows[-1].effective_due
    else:  # no row (kept from before deadlines were recorded): count from the reply
        start = (step.matter.replied_at or step.now).date()
        due = compute_deadline(start, rule, step.calendar).due
    if step.today > due:
        raise ValidationError.single(
            "status",
            f"{what}申请期限已过：{served}于{format_date(start)}送达，应于{format_date(due)}前申请{what}"
            f"（{rule.days}日），现已超过，不予受理{what}申请",
        )
    step.meet(window_key)
    return due


def _requested_on(step: Step, request_key: str) -> date:
    """The day the latest request was recorded (a decision period runs from receipt of the request)."""
    label = workflow.ACTIONS[request_key].label
    query = select(MatterEvent.at).where(MatterEvent.matter_id == step.matter.id, MatterEvent.kind == label)
    at = step.session.scalar(query.order_by(MatterEvent.id.desc()).limit(1))
    return at.date() if at is not None else step.today


def _rated_department(step: Step, name: str) -> Department:
    department = department_named(step.session, name)
    on_matter = {md.department_id for md in step.matter.departments}
    assigned = step.session.scalars(
        select(Assignment.department_id).where(Assignment.matter_id == step.matter.id)
    )
    if department.id not in on_matter | set(assigned):
        raise ValidationError.single("department", f"{department.name}未参与办理该事项，不能对其评价")
    return department
