"""The case service on a real database: every transition allowed and refused, the deadlines each step
opens and meets (2026 calendar), departments, extension, review windows, merging, two windows, clerks.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import pytest
from sqlalchemy import text

from app import workflow
from app.cases import CaseService
from app.deadlines import DEFAULT_RULES, compute_deadline
from app.desk import Desk
from app.errors import NotFoundError, ValidationError
from app.rules.vocabulary import STATUSES
from tests.case_helpers import CLERK, D1, D2, at, due_of, register, state
from tests.conftest import FixedClock
from tests.factories import id_number, person, visit

# -- one valid call per action, and a way to bring a matter to any status

Call = Callable[[CaseService, str, str], Any]

DO: dict[str, Call] = {
    "answer_on_spot": lambda c, no, other: c.answer_on_spot(no, ["教育到位"], "已当面解释政策", CLERK),
    "start_review": lambda c, no, other: c.start_review(no, CLERK),
    "accept": lambda c, no, other: c.accept(no, CLERK),
    "refuse": lambda c, no, other: c.refuse(no, "不属于本机关职权范围", CLERK),
    "refuse_again": lambda c, no, other: c.refuse_again(no, CLERK),
    "forward": lambda c, no, other: c.forward(no, [D1, D2], CLERK),
    "assign": lambda c, no, other: c.assign(no, [D1, D2], CLERK),
    "sign_for": lambda c, no, other: c.sign_for(no, D1, CLERK),
    "return_assignment": lambda c, no, other: c.return_assignment(no, D1, "不属于本部门职责", CLERK),
    "feedback": lambda c, no, other: c.feedback(no, D2, "已约谈开发商，承诺月底交房", CLERK),
    "start_handling": lambda c, no, other: c.start_handling(no, CLERK),
    "extend": lambda c, no, other: c.extend(no, 30, "需现场勘验", "赵局长", CLERK),
    "reply": lambda c, no, other: c.reply(no, ["解决到位"], "开发商已承诺交房", CLERK),
    "rate": lambda c, no, other: c.rate(no, "满意", CLERK),
    "request_review": lambda c, no, other: c.request_review(no, CLERK),
    "start_review_case": lambda c, no, other: c.start_review_case(no, CLERK),
    "review_decision": lambda c, no, other: c.review_decision(no, "维持原答复意见", CLERK),
    "request_rereview": lambda c, no, other: c.request_rereview(no, CLERK),
    "start_rereview": lambda c, no, other: c.start_rereview(no, CLERK),
    "rereview_decision": lambda c, no, other: c.rereview_decision(no, "维持复查意见", CLERK),
    "close": lambda c, no, other: c.close(no, ["解决到位"], CLERK),
    "merge": lambda c, no, other: c.merge(no, other, CLERK),
}
assert set(DO) == set(workflow.ACTIONS)

# In 办理中 and 延期, D1 has not signed yet (it can sign or return) and D2 has (it can report back).
_HANDLING = ["forward", "sign_for_d2"]
PATHS: dict[str, list[str]] = {
    "登记": [],
    "受理审查中": ["start_review"],
    "受理": ["accept"],
    "不予受理": ["refuse"],
    "不再受理": ["refuse_again"],
    "转送": ["forward"],
    "交办": ["assign"],
    "办理中": _HANDLING,
    "延期": [*_HANDLING, "extend"],
    "已答复": [*_HANDLING, "reply"],
    "复查申请": [*_HANDLING, "reply", "request_review"],
    "复查中": [*_HANDLING, "reply", "request_review", "start_review_case"],
    "复查意见": [*_HANDLING, "reply", "request_review", "start_review_case", "review_decision"],
    "复核申请": [
        *_HANDLING,
        "reply",
        "request_review",
        "start_review_case",
        "review_decision",
        "request_rereview",
    ],
    "复核中": [
        *_HANDLING,
        *(
            "reply",
            "request_review",
            "start_review_case",
            "review_decision",
            "request_rereview",
            "start_rereview",
        ),
    ],
    "复核意见": [
        *_HANDLING,
        *("reply", "request_review", "start_review_case", "review_decision", "request_rereview"),
        *("start_rereview", "rereview_decision"),
    ],
    "办结": [*_HANDLING, "reply", "close"],
    "合并": ["merge"],
}
assert set(PATHS) == set(STATUSES)


def bring_to(cases: CaseService, status: str, matter_no: str, other: str) -> None:
    for key in PATHS[status]:
        if key == "sign_for_d2":
            cases.sign_for(matter_no, D2, CLERK)
        else:
            DO[key](cases, matter_no, other)
    assert cases.case_file(matter_no).status == status


def expected_after(key: str, status: str) -> str:
    if key == "sign_for":  # the first signature moves 转送/交办 on; a later one leaves the status
        return workflow.next_status(key, status, condition_met=status in ("转送", "交办"))
    if key == "return_assignment":  # D2 is still on the matter
        return workflow.next_status(key, status, condition_met=False)
    return workflow.next_status(key, status)


ALLOWED = [(k, s) for k in workflow.ACTIONS for s in STATUSES if s in workflow.ACTIONS[k].sources]


@pytest.mark.parametrize(("key", "status"), ALLOWED, ids=[f"{k}-{s}" for k, s in ALLOWED])
def test_every_allowed_transition(
    desk: Desk, clock: FixedClock, cases: CaseService, key: str, status: str
) -> None:
    other = register(desk, clock, seq=124)
    matter_no = register(desk, clock)
    bring_to(cases, status, matter_no, other)
    before = state(desk, matter_no)
    assert key in {a.key for a in cases.allowed_actions(matter_no)}  # the window shows the button

    result = DO[key](cases, matter_no, other)

    assert result.status == expected_after(key, status)
    assert result.version == before[1] + 1  # every step moves the version by exactly one
    assert result.events == before[2] + 1
    last = desk.matters.detail(matter_no).events[-1]
    assert (last.kind, last.clerk, last.note) == (workflow.ACTIONS[key].label, CLERK, result.note)


@pytest.mark.parametrize("status", STATUSES)
def test_every_refused_transition_says_why_and_writes_nothing(
    desk: Desk, clock: FixedClock, cases: CaseService, status: str
) -> None:
    other = register(desk, clock, seq=124)
    matter_no = register(desk, clock)
    bring_to(cases, status, matter_no, other)
    before = state(desk, matter_no)
    refused = [k for k, a in workflow.ACTIONS.items() if status not in a.sources]
    for key in refused:
        with pytest.raises(ValidationError) as error:
            DO[key](cases, matter_no, other)
        assert error.value.message.startswith(f"当前状态为{status}，不能{workflow.ACTIONS[key].label}")
        assert state(desk, matter_no) == before, key
    shown = {a.key for a in cases.allowed_actions(matter_no)}
    assert not shown & set(refused)


# -- the full path with its deadlines on the 2026 calendar


def test_full_path_with_deadlines(desk: Desk, clock: FixedClock, cases: CaseService) -> None:
    cal = desk.calendar
    # Given a visit on Sunday 2026-09-20 (a make-up workday): the notice deadline rolls past National Day
    matter_no = register(desk, clock, datetime(2026, 9, 20, 9, 30))
    assert (
        due_of(cases, matter_no, "notice")
        == date(2026, 10, 8)
        == desk.matters.detail(matter_no).notice_deadline
    )

    at(clock, 2026, 9, 20)
    accepted = cases.accept(matter_no, CLERK)
    assert due_of(cases, matter_no, "handling") == date(2026, 11, 19)  # 60 days, a Thursday
    assert "限2026年11月19日前办结" in accepted.note
    notice = next(d for d in cases.case_file(matter_no).deadlines if d.rule_key == "notice")
    assert notice.met_at == datetime(2026, 9, 20, 10, 0)

    at(clock, 2026, 9, 21)
    cases.start_handling(matter_no, CLERK)
    at(clock, 2026, 11, 10)
    extended = cases.extend(matter_no, 30, "需现场勘验", "赵局长", CLERK)
    # 2026-11-19 + 30 days = Saturday 2026-12-19 → next working day, Monday 2026-12-21
    assert due_of(cases, matter_no, "handling") == date(2026, 12, 21)
    assert extended.status == "延期" and "延至2026年12月21日" in extended.note and "赵局长" in extended.note

    at(clock, 2026, 12, 1)
    cases.reply(matter_no, ["解决到位", "帮扶到位"], "开发商已承诺交房，并协调过渡安置", CLERK)
    window = due_of(cases, matter_no, "review_request")
    assert (
        window
        == date(2026, 12, 31)
        == compute_deadline(date(2026, 12, 1), DEFAULT_RULES["review_request"], cal).due
    )
    assert cases.case_file(matter_no).next_deadline is None  # the visitor's window is not the bureau's duty

    at(clock, 2026, 12, 15)
    cases.request_review(matter_no, CLERK)
    at(clock, 2026, 12, 16)
    cases.start_review_case(matter_no, CLERK)
    # the review period runs from receipt of the request (12-15), not from the day the review started
    assert due_of(cases, matter_no, "review_decision") == date(2027, 1, 14)
    assert cases.case_file(matter_no).next_deadline is not None

    at(clock, 2027, 1, 7)
    cases.review_decision(matter_no, "维持原答复意见", CLERK)
    rereview_window = due_of(cases, matter_no, "rereview_request")
    # 2027-02-06 falls in the Spring Festival (computed, the make-up days not yet announced)
    assert rereview_window == compute_deadline(date(2027, 1, 7), DEFAULT_RULES["rereview_request"], cal).due
    assert rereview_window == date(2027, 2, 9)

    at(clock, 2027, 1, 8)
    cases.request_rereview(matter_no, CLERK)
    at(clock, 2027, 1, 11)
    cases.start_rereview(matter_no, CLERK)
    assert (
        due_of(cases, matter_no, "rereview_decision")
        == compute_deadline(date(2027, 1, 8), DEFAULT_RULES["rereview_decision"], cal).due
    )
    at(clock, 2027, 2, 1)
    cases.rereview_decision(matter_no, "维持复查意见", CLERK)
    at(clock, 2027, 2, 2)
    closed = cases.close(matter_no, ["解决到位"], CLERK)

    case = cases.case_file(matter_no)
    assert (closed.status, case.status, case.closed_at) == ("办结", "办结", datetime(2027, 2, 2, 10, 0))
    assert case.outcomes == ["解决到位"] and case.extended and case.next_deadline is None
    assert all(d.met_at is not None or d.cancelled for d in case.deadlines)
    kinds = [e.kind for e in desk.matters.detail(matter_no).events]
    assert kinds == [
        *("登记", "受理", "办理", "延期", "答复", "复查申请", "复查"),
        *("复查意见", "复核申请", "复核", "复核意见", "办结"),
    ]
    assert [a.key for a in case.allowed] == ["rate"]


def test_registration_opens_the_notice_row(desk: Desk, clock: FixedClock, cases: CaseService) -> None:
    matter_no = register(desk, clock)
    case = cases.case_file(matter_no)
    assert [d.rule_key for d in case.deadlines] == ["notice"]
    assert case.next_deadline is not None
    assert (
        case.next_deadline.effective_due
        == desk.matters.detail(matter_no).notice_deadline
        == date(2026, 12, 10)
    )
    assert case.version == 1


# -- forwarding to departments


def test_forward_to_two_departments_sign_and_return(
    desk: Desk, clock: FixedClock, cases: CaseService
) -> None:
    matter_no = register(desk, clock, datetime(2026, 9, 28, 9, 0))
    at(clock, 2026, 9, 30)
    forwarded = cases.forward(matter_no, [D1, D2], CLERK, note="请依法处理")
    assert forwarded.status == "转送"
    assert f"转送至{D1}，限2026年11月30日前办结（如有异议，应于2026年10月13日前退回）" in forwarded.note
    assert due_of(cases, matter_no, "misroute_objection", D2) == date(2026, 10, 13)  # RULES.md example
    assert due_of(cases, matter_no, "handling", D1) == date(2026, 11, 30)
    assert desk.matters.detail(matter_no).departments == [D1, D2]

    at(clock, 2026, 10, 9)
    assert cases.sign_for(matter_no, D1, CLERK).status == "办理中"
    with pytest.raises(ValidationError, match="已于2026年10月9日 10:00签收"):
        cases.sign_for(matter_no, D1, CLERK)
    with pytest.raises(ValidationError, match="已签收，不能再退回"):
        cases.return_assignment(matter_no, D1, "不属于本部门", CLERK)

    at(clock, 2026, 10, 13)  # the last day of the objection period is still in time
    returned = cases.return_assignment(matter_no, D2, "该地块不属于本部门管辖", CLERK)
    assert returned.status == "办理中"
    case = cases.case_file(matter_no)
    by_department = {a.department: a for a in case.assignments}
    assert by_department[D2].returned_at == datetime(2026, 10, 13, 10, 0)
    assert by_department[D1].signed_at == datetime(2026, 10, 9, 10, 0)
    d2_rows = [d for d in case.deadlines if d.department == D2]
    assert {(d.rule_key, d.cancelled, d.met_at is not None) for d in d2_rows} == {
        ("handling", True, False),
        ("misroute_objection", False, True),
    }
    assert case.next_deadline is not None and case.next_deadline.department == D1


def test_return_refused_after_five_working_days(desk: Desk, clock: FixedClock, cases: CaseService) -> None:
    matter_no = register(desk, clock, datetime(2026, 9, 28, 9, 0))
    at(clock, 2026, 9, 30)
    cases.assign(matter_no, [D1], CLERK)
    at(clock, 2026, 10, 14)
    before = state(desk, matter_no)
    with pytest.raises(ValidationError) as late:
        cases.return_assignment(matter_no, D1, "不属于本部门", CLERK)
    assert "退回期限已过" in late.value.message and "2026年10月13日" in late.value.message
    assert "交办后5个工作日内" in late.value.message
    assert state(desk, matter_no) == before


def test_all_departments_returning_sends_the_matter_back(
    desk: Desk, clock: FixedClock, cases: CaseService
) -> None:
    matter_no = register(desk, clock)
    cases.forward(matter_no, [D1, D2], CLERK)
    cases.return_assignment(matter_no, D1, "不属于本部门", CLERK)
    assert cases.return_assignment(matter_no, D2, "不属于本部门", CLERK).status == "受理审查中"
    assert {a.key for a in cases.allowed_actions(matter_no)} >= {"forward", "assign", "accept"}
    # forwarded again, to the one a department named: the earlier returns stay on the record
    assert cases.forward(matter_no, ["县市场监督管理局"], CLERK).status == "转送"
    assert len(cases.case_file(matter_no).assignments) == 3


def test_department_inputs_are_checked(desk: Desk, clock: FixedClock, cases: CaseService) -> None:
    matter_no = register(desk, clock)
    with pytest.raises(ValidationError, match="请至少选择一个部门"):
        cases.forward(matter_no, [" "], CLERK)
    with pytest.raises(ValidationError, match="同一部门选择了两次"):
        cases.forward(matter_no, [D1, D1], CLERK)
    with pytest.raises(ValidationError, match="没有名为“县宇航局”的部门"):
        cases.assign(matter_no, ["县宇航局"], CLERK)
    cases.assign(matter_no, [D1], CLERK)
    with pytest.raises(ValidationError, match=f"未转送或交办至{D2}"):
        cases.sign_for(matter_no, D2, CLERK)
    cases.sign_for(matter_no, D1, CLERK)
    with pytest.raises(ValidationError, match="请填写反馈内容"):
        cases.feedback(matter_no, D1, "  ", CLERK)
    done = cases.feedback(matter_no, D1, "已督促开发商整改", CLERK)
    assert done.status == "办理中" and done.note == f"{D1}反馈：已督促开发商整改"
    handling = next(d for d in cases.case_file(matter_no).deadlines if d.rule_key == "handling")
    assert handling.met_at is not None  # the department reported back in time


def test_a_matter_with_an_unsigned_department_cannot_take_feedback(
    desk: Desk, clock: FixedClock, cases: CaseService
) -> None:
    matter_no = register(desk, clock)
    cases.forward(matter_no, [D1, D2], CLERK)
    cases.sign_for(matter_no, D1, CLERK)
    with pytest.raises(ValidationError, match=f"{D2}尚未签收，不能反馈"):
        cases.feedback(matter_no, D2, "已处理", CLERK)


# -- extension


def test_extension_once_only_and_at_most_thirty_days(
    desk: Desk, clock: FixedClock, cases: CaseService
) -> None:
    matter_no = register(desk, clock)
    cases.accept(matter_no, CLERK)
    handling = due_of(cases, matter_no, "handling")
    for days, message in ((31, "延期天数应为1至30日，现为31日"), (0, "延期天数应为1至30日")):
        with pytest.raises(ValidationError, match=message):
            cases.extend(matter_no, days, "需现场勘验", "赵局长", CLERK)
    with pytest.raises(ValidationError, match="请填写批准人"):
        cases.extend(matter_no, 10, "需现场勘验", " ", CLERK)
    with pytest.raises(ValidationError, match="请填写延期理由"):
        cases.extend(matter_no, 10, "", "赵局长", CLERK)
    assert due_of(cases, matter_no, "handling") == handling

    cases.extend(matter_no, 10, "需现场勘验", "赵局长", CLERK)
    row = next(d for d in cases.case_file(matter_no).deadlines if d.rule_key == "handling")
    assert row.due == handling and row.overridden and "赵局长" in row.override_reason
    assert row.effective_due == compute_deadline(handling, _extension(10), desk.calendar).due
    with pytest.raises(ValidationError, match="当前状态为延期，不能延期"):
        cases.extend(matter_no, 5, "再次延期", "赵局长", CLERK)
    assert "extend" not in {a.key for a in cases.allowed_actions(matter_no)}


def test_a_second_extension_is_refused_even_if_the_status_allowed_it(
    desk: Desk, clock: FixedClock, cases: CaseService
) -> None:
    matter_no = register(desk, clock)
    cases.accept(matter_no, CLERK)
    cases.extend(matter_no, 10, "需现场勘验", "赵局长", CLERK)
    with desk.db.writing() as session:  # data from an older program: status set back by hand
        session.execute(text("UPDATE matters SET status = '办理中' WHERE matter_no = :no"), {"no": matter_no})
    with pytest.raises(ValidationError, match="该事项已延期一次，依法不能再次延期"):
        cases.extend(matter_no, 5, "再次延期", "赵局长", CLERK)


def _extension(days: int) -> Any:
    from app.deadline_book import extension_rule

    return extension_rule(DEFAULT_RULES["extension"], days)


# -- review windows


def _replied(desk: Desk, clock: FixedClock, cases: CaseService) -> str:
    matter_no = register(desk, clock)
    cases.accept(matter_no, CLERK)
    at(clock, 2026, 12, 1)
    cases.reply(matter_no, ["教育到位"], "诉求缺乏政策依据，已释法明理", CLERK)
    return matter_no


def test_review_request_refused_after_thirty_days(desk: Desk, clock: FixedClock, cases: CaseService) -> None:
    matter_no = _replied(desk, clock, cases)
    at(clock, 2027, 1, 1)
    before = state(desk, matter_no)
    with pytest.raises(ValidationError) as late:
        cases.request_review(matter_no, CLERK)
    assert late.value.message == (
        "复查申请期限已过：答复意见书于2026年12月1日送达，应于2026年12月31日前申请复查（30日），"
        "现已超过，不予受理复查申请"
    )
    assert state(desk, matter_no) == before


def test_review_request_on_the_last_day_is_in_time(desk: Desk, clock: FixedClock, cases: CaseService) -> None:
    matter_no = _replied(desk, clock, cases)
    at(clock, 2026, 12, 31, 17)
    assert cases.request_review(matter_no, CLERK).status == "复查申请"


def test_rereview_request_refused_after_its_window(desk: Desk, clock: FixedClock, cases: CaseService) -> None:
    matter_no = _replied(desk, clock, cases)
    cases.request_review(matter_no, CLERK)
    cases.start_review_case(matter_no, CLERK)
    at(clock, 2026, 12, 20)
    cases.review_decision(matter_no, "维持原答复意见", CLERK)
    at(clock, 2027, 1, 20)  # 2026-12-20 + 30 = 2027-01-19
    with pytest.raises(
        ValidationError, match="复核申请期限已过：复查意见于2026年12月20日送达，应于2027年1月19日前"
    ):
        cases.request_rereview(matter_no, CLERK)


# -- decisions at the window


def test_refusal_keeps_its_reason_and_route(desk: Desk, clock: FixedClock, cases: CaseService) -> None:
    matter_no = register(desk, clock)
    with pytest.raises(ValidationError, match="请从列表中选择不予受理的理由"):
        cases.refuse(matter_no, "不想受理", CLERK)
    with pytest.raises(ValidationError, match="请选择“不再受理”"):
        cases.refuse(matter_no, workflow.REFUSE_AGAIN_REASON, CLERK)
    result = cases.refuse(matter_no, "属于诉讼/仲裁/行政复议途径", CLERK)
    assert result.note == "不予受理：属于诉讼/仲裁/行政复议途径；请向政法机关/人民法院等（诉访分离）提出"
    case = cases.case_file(matter_no)
    assert (case.status, case.refusal_route) == ("不予受理", "政法机关/人民法院等（诉访分离）")
    assert case.next_deadline is None and case.allowed == []


def test_answer_on_spot_closes_with_outcomes(desk: Desk, clock: FixedClock, cases: CaseService) -> None:
    matter_no = register(desk, clock)
    with pytest.raises(ValidationError, match="请至少选择一项办理结果"):
        cases.answer_on_spot(matter_no, [], "已解释", CLERK)
    with pytest.raises(ValidationError, match="不在三到位一处理之列"):
        cases.answer_on_spot(matter_no, ["办得很好"], "已解释", CLERK)
    result = cases.answer_on_spot(matter_no, ["依法处理", "教育到位"], "已当面解释", CLERK)
    case = cases.case_file(matter_no)
    assert (result.status, case.outcomes) == ("办结", ["教育到位", "依法处理"])
    assert case.replied_at == case.closed_at == clock.now


def test_close_needs_an_outcome(desk: Desk, clock: FixedClock, cases: CaseService) -> None:
    matter_no = _replied(desk, clock, cases)
    with pytest.raises(ValidationError) as error:
        cases.close(matter_no, [], CLERK)
    assert error.value.errors[0].field == "outcomes"


def test_ratings_per_body(desk: Desk, clock: FixedClock, cases: CaseService) -> None:
    matter_no = register(desk, clock)
    cases.assign(matter_no, [D1], CLERK)
    cases.sign_for(matter_no, D1, CLERK)
    cases.reply(matter_no, ["解决到位"], "已交房", CLERK)
    cases.rate(matter_no, "基本满意", CLERK)
    cases.rate(matter_no, "不满意", CLERK, department=D1)
    cases.rate(matter_no, "满意", CLERK, department=D1)  # a change of mind replaces the rating
    with pytest.raises(ValidationError, match="评价结果只能是"):
        cases.rate(matter_no, "很好", CLERK)
    with pytest.raises(ValidationError, match=f"{D2}未参与办理该事项"):
        cases.rate(matter_no, "满意", CLERK, department=D2)
    ratings = {(r.body, r.result) for r in cases.case_file(matter_no).ratings}
    assert ratings == {("本机关", "基本满意"), (D1, "满意")}


# -- merging


def test_merge_moves_visits_and_keeps_the_number(desk: Desk, clock: FixedClock, cases: CaseService) -> None:
    target = register(desk, clock, seq=124)
    duplicate = register(desk, clock)
    cases.accept(duplicate, CLERK)

    result = cases.merge(duplicate, target, CLERK, note="同一开发商逾期交房")

    assert result.status == "合并"
    old = desk.matters.detail(duplicate)
    assert (old.status, old.visits, old.persons) == ("合并", [], [])
    new = desk.matters.detail(target)
    assert len(new.visits) == 2 and {p.name for p in new.persons} == {"张伟"} and len(new.persons) == 2
    assert new.events[-1].kind == "合并" and duplicate in new.events[-1].note
    assert cases.case_file(duplicate).merged_into == target
    assert cases.case_file(target).merged_from == [duplicate]
    assert all(d.cancelled or d.met_at for d in cases.case_file(duplicate).deadlines)
    assert cases.case_file(target).version == 2  # a window showing the target must refresh
    # the old number is still found, and a repeat visit on it is sent to the new one
    assert [m.matter_no for m in desk.matters.search(duplicate)][0] == duplicate
    with pytest.raises(ValidationError, match="已合并到其他事项"):
        desk.intake.register_visit(visit(matter_no=duplicate, persons=[person("张伟", id_number(seq=123))]))


def test_merge_targets_are_checked(desk: Desk, clock: FixedClock, cases: CaseService) -> None:
    closed = register(desk, clock, seq=124)
    cases.refuse(closed, "不属于本机关职权范围", CLERK)
    matter_no = register(desk, clock)
    with pytest.raises(ValidationError, match="不能把事项合并到它自身"):
        cases.merge(matter_no, matter_no, CLERK)
    with pytest.raises(ValidationError, match="当前状态为不予受理，只能合并到尚未办结的事项"):
        cases.merge(matter_no, closed, CLERK)
    with pytest.raises(NotFoundError):
        cases.merge(matter_no, "X信访〔2026〕999号", CLERK)
