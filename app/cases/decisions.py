"""The bureau's own decisions: at the window (当场答复, 受理, 不予受理, 不再受理), while handling (办理, 延期,
答复) and at the end (办结). Each public method is one transaction through ``CaseBase._step``.
"""

from __future__ import annotations

from app import deadline_book, workflow
from app.case_records import CaseResult, format_date
from app.cases.step import CaseBase, Step, clean_outcomes, has_event, joined, required
from app.errors import ValidationError

_NOTICE = "notice"


class Decisions(CaseBase):
    def answer_on_spot(
        self, matter_no: str, outcomes: list[str], reply: str, clerk: str, expected_version: int | None = None
    ) -> CaseResult:
        """当场答复: answered at the window and closed at once, with its outcome."""
        chosen, text = clean_outcomes(outcomes), required(reply, "reply", "答复内容")
        with self._step(matter_no, "answer_on_spot", clerk, expected_version) as step:
            step.meet(_NOTICE)
            step.matter.outcomes = ",".join(chosen)
            step.matter.replied_at = step.matter.closed_at = step.now
            step.move()
            return step.finish(f"当场答复：{text}（{'、'.join(chosen)}）")

    def start_review(
        self, matter_no: str, clerk: str, note: str = "", expected_version: int | None = None
    ) -> CaseResult:
        """受理审查: the bureau examines whether to accept; the 15-day notice deadline keeps running."""
        with self._step(matter_no, "start_review", clerk, expected_version) as step:
            step.move()
            due = deadline_book.open_rows(step.session, step.matter, [_NOTICE])
            limit = f"，应于{format_date(due[0].effective_due)}前告知是否受理" if due else ""
            return step.finish(joined(f"进入受理审查{limit}", note))

    def accept(
        self, matter_no: str, clerk: str, note: str = "", expected_version: int | None = None
    ) -> CaseResult:
        """受理: the handling period (60 days from acceptance) starts."""
        with self._step(matter_no, "accept", clerk, expected_version) as step:
            step.meet(_NOTICE)
            row = step.open("handling", step.today)
            step.move()
            return step.finish(joined(f"受理，限{format_date(row.due)}前办结并书面答复", note))

    def refuse(
        self, matter_no: str, reason: str, clerk: str, note: str = "", expected_version: int | None = None
    ) -> CaseResult:
        """不予受理, with a reason from the fixed list and the body the visitor should go to."""
        route = _refusal_route(reason)
        with self._step(matter_no, "refuse", clerk, expected_version) as step:
            step.meet(_NOTICE)
            step.matter.refusal_reason, step.matter.refusal_route = reason, route
            step.move()
            return step.finish(joined(f"不予受理：{reason}；请向{route}提出", note))

    def refuse_again(
        self, matter_no: str, clerk: str, note: str = "", expected_version: int | None = None
    ) -> CaseResult:
        """不再受理: already re-reviewed, the same facts and reasons (Art 36)."""
        with self._step(matter_no, "refuse_again", clerk, expected_version) as step:
            step.meet(_NOTICE)
            step.matter.refusal_reason = workflow.REFUSE_AGAIN_REASON
            step.matter.refusal_route = ""
            step.move()
            return step.finish(joined(f"不再受理：{workflow.REFUSE_AGAIN_REASON}", note))

    def start_handling(
        self, matter_no: str, clerk: str, note: str = "", expected_version: int | None = None
    ) -> CaseResult:
        """办理: the bureau handles an accepted matter itself."""
        with self._step(matter_no, "start_handling", clerk, expected_version) as step:
            step.move()
            return step.finish(joined("开始办理", note))

    def extend(
        self,
        matter_no: str,
        days: int,
        reason: str,
        approver: str,
        clerk: str,
        expected_version: int | None = None,
    ) -> CaseResult:
        """延期: once per matter, at most the rule's days, with reason and the approving head (Art 34)."""
        why, head = required(reason, "reason", "延期理由"), required(approver, "approver", "批准人")
        with self._step(matter_no, "extend", clerk, expected_version) as step:
            if has_event(step.session, step.matter, "extend"):
                raise ValidationError.single("days", "该事项已延期一次，依法不能再次延期")
            rule = deadline_book.extension_rule(step.rules["extension"], _extension_days(step, days))
            moved = deadline_book.extend_handling(
                step.session,
                step.matter,
                rule,
                step.calendar,
                f"延期{days}日：{why}（批准人：{head}）",
                step.clerk.id,
            )
            if not moved:
                raise ValidationError.single("days", "该事项没有正在计算的办理期限，无法延期")
            step.move()
            due = max(r.effective_due for r in moved)
            return step.finish(f"延期{days}日，延至{format_date(due)}；理由：{why}；批准人：{head}")

    def reply(
        self, matter_no: str, outcomes: list[str], text: str, clerk: str, expected_version: int | None = None
    ) -> CaseResult:
        """答复意见书 served: the handling periods are met and the visitor's 30-day review window opens."""
        chosen, body = clean_outcomes(outcomes), required(text, "text", "答复内容")
        with self._step(matter_no, "reply", clerk, expected_version) as step:
            step.meet("handling", "misroute_objection")
            window = step.open("review_request", step.today)
            step.matter.outcomes, step.matter.replied_at = ",".join(chosen), step.now
            step.move()
            note = f"书面答复（{'、'.join(chosen)}）：{body}；可于{format_date(window.due)}前申请复查"
            return step.finish(note)

    def close(
        self,
        matter_no: str,
        outcomes: list[str],
        clerk: str,
        note: str = "",
        expected_version: int | None = None,
    ) -> CaseResult:
        """办结, with its outcome (三到位一处理); whatever still runs is cancelled."""
        chosen = clean_outcomes(outcomes)
        with self._step(matter_no, "close", clerk, expected_version) as step:
            deadline_book.cancel(step.session, step.matter, step.now)
            step.matter.outcomes, step.matter.closed_at = ",".join(chosen), step.now
            step.move()
            return step.finish(joined(f"办结：{'、'.join(chosen)}", note))


def _refusal_route(reason: str) -> str:
    if reason == workflow.REFUSE_AGAIN_REASON:
        raise ValidationError.single("reason", f"理由为“{reason}”的，请选择“不再受理”")
    route = workflow.REFUSAL_REASONS.get(reason)
    if route is None:
        raise ValidationError.single("reason", "请从列表中选择不予受理的理由")
    return route


def _extension_days(step: Step, days: int) -> int:
    most = step.rules["extension"].days
    if not 1 <= days <= most:
        raise ValidationError.single("days", f"延期天数应为1至{most}日，现为{days}日")
    return days
