"""Matters assigned or supervised from above (上级交办件/督办件): the upper body's reference number and due
date, and the report of the result (上报) — on time or not, for 按时上报率.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from app.case_records import CaseResult, format_date
from app.cases.step import CaseBase, Step, joined, required
from app.errors import ValidationError
from db.models import UpperAssignment


class UpperAssignments(CaseBase):
    def record_upper_assignment(
        self,
        matter_no: str,
        body: str,
        ref_no: str,
        received: date,
        due: date,
        clerk: str,
        note: str = "",
        expected_version: int | None = None,
    ) -> CaseResult:
        """Record that ``body`` assigned this matter under ``ref_no``, to be reported by ``due``."""
        upper, ref = required(body, "body", "交办机关"), required(ref_no, "ref_no", "交办文号")
        if due < received:
            raise ValidationError.single("due", "上级要求的办结期限不能早于收到日期")
        with self._step(matter_no, "record_upper_assignment", clerk, expected_version) as step:
            if _upper(step) is not None:
                raise ValidationError.single("ref_no", "该事项已登记上级交办，不能重复登记")
            step.session.add(
                UpperAssignment(
                    matter_id=step.matter.id,
                    body=upper,
                    ref_no=ref,
                    received_at=received,
                    due=due,
                    note=note.strip(),
                )
            )
            text = f"{upper}交办（{ref}），{format_date(received)}收到，限{format_date(due)}前上报"
            return step.finish(joined(text, note))

    def report_upper_assignment(
        self,
        matter_no: str,
        clerk: str,
        reported: date | None = None,
        note: str = "",
        expected_version: int | None = None,
    ) -> CaseResult:
        """上报 of the result to the upper body (today unless ``reported`` is given)."""
        with self._step(matter_no, "report_upper_assignment", clerk, expected_version) as step:
            upper = _upper(step)
            if upper is None:
                raise ValidationError.single("ref_no", "该事项不是上级交办件")
            day = reported or step.today
            if day > step.today or day < upper.received_at:
                raise ValidationError.single("reported", "上报日期应在收到交办之后、且不晚于今天")
            upper.reported_at = day
            late = "（逾期上报）" if day > upper.due else ""
            return step.finish(joined(f"向{upper.body}上报办理结果（{upper.ref_no}）{late}", note))


def _upper(step: Step) -> UpperAssignment | None:
    return step.session.scalar(select(UpperAssignment).where(UpperAssignment.matter_id == step.matter.id))
