"""The state machine as data (app/workflow.py): every action from every status, allowed or refused.

The parametrised tests are generated from the table, so a row added there is tested here at once; the
hand-written table below is the issue's list, so that a silent change of the table fails a test.
"""

from __future__ import annotations

import pytest

from app import workflow
from app.errors import ValidationError
from app.rules.vocabulary import CLOSED_STATUSES, OPEN_STATUSES, STATUSES

AT_WINDOW = {"登记", "受理审查中"}

# key: (label, sources, target) — as the issue and RULES.md §2 list them
EXPECTED: dict[str, tuple[str, set[str], str | None]] = {
    "answer_on_spot": ("当场答复", {"登记"}, "办结"),
    "start_review": ("受理审查", {"登记"}, "受理审查中"),
    "accept": ("受理", AT_WINDOW, "受理"),
    "refuse": ("不予受理", AT_WINDOW, "不予受理"),
    "refuse_again": ("不再受理", AT_WINDOW, "不再受理"),
    "forward": ("转送", AT_WINDOW, "转送"),
    "assign": ("交办", AT_WINDOW | {"受理"}, "交办"),
    "sign_for": ("签收", {"转送", "交办", "办理中", "延期"}, "办理中"),
    "return_assignment": ("退回", {"转送", "交办", "办理中", "延期"}, "受理审查中"),
    "feedback": ("反馈", {"办理中", "延期"}, None),
    "start_handling": ("办理", {"受理"}, "办理中"),
    "extend": ("延期", {"受理", "办理中"}, "延期"),
    "reply": ("答复", {"受理", "办理中", "延期"}, "已答复"),
    "rate": ("评价", {"已答复", "复查意见", "复核意见", "办结"}, None),
    "request_review": ("复查申请", {"已答复"}, "复查申请"),
    "start_review_case": ("复查", {"复查申请"}, "复查中"),
    "review_decision": ("复查意见", {"复查中"}, "复查意见"),
    "request_rereview": ("复核申请", {"复查意见"}, "复核申请"),
    "start_rereview": ("复核", {"复核申请"}, "复核中"),
    "rereview_decision": ("复核意见", {"复核中"}, "复核意见"),
    "close": ("办结", {"已答复", "复查意见", "复核意见"}, "办结"),
    "merge": ("合并", set(OPEN_STATUSES), "合并"),
}

PAIRS = [(key, status) for key in workflow.ACTIONS for status in STATUSES]
ALLOWED = [(k, s) for k, s in PAIRS if s in workflow.ACTIONS[k].sources]
REFUSED = [(k, s) for k, s in PAIRS if s not in workflow.ACTIONS[k].sources]


def test_the_table_is_the_one_the_issue_lists() -> None:
    built = {a.key: (a.label, set(a.sources), a.target) for a in workflow.ACTIONS.values()}
    assert built == EXPECTED


@pytest.mark.parametrize(("key", "status"), ALLOWED, ids=[f"{k}-{s}" for k, s in ALLOWED])
def test_allowed_from_its_sources(key: str, status: str) -> None:
    action = workflow.check(key, status)
    assert action in workflow.allowed_actions(status)
    assert workflow.next_status(key, status) == (action.target or status)
    assert workflow.next_status(key, status, condition_met=False) == (
        status if action.condition or action.target is None else action.target
    )


@pytest.mark.parametrize(("key", "status"), REFUSED, ids=[f"{k}-{s}" for k, s in REFUSED])
def test_refused_from_every_other_status(key: str, status: str) -> None:
    label = workflow.ACTIONS[key].label
    with pytest.raises(ValidationError) as refused:
        workflow.check(key, status)
    assert refused.value.errors[0].field == "status"
    assert refused.value.message.startswith(f"当前状态为{status}，不能{label}")
    assert workflow.ACTIONS[key] not in workflow.allowed_actions(status)


def test_the_main_path_by_hand() -> None:
    path = [
        ("accept", "受理"),
        ("start_handling", "办理中"),
        ("extend", "延期"),
        ("reply", "已答复"),
        ("request_review", "复查申请"),
        ("start_review_case", "复查中"),
        ("review_decision", "复查意见"),
        ("request_rereview", "复核申请"),
        ("start_rereview", "复核中"),
        ("rereview_decision", "复核意见"),
        ("close", "办结"),
    ]
    status = "登记"
    for key, expected in path:
        status = workflow.next_status(key, status)
        assert status == expected, key


def test_forwarded_matter_moves_on_first_signature_only() -> None:
    assert workflow.next_status("forward", "受理审查中") == "转送"
    assert workflow.next_status("sign_for", "转送", condition_met=True) == "办理中"
    # a second department signing for a matter already in handling (or extended) leaves the status alone
    assert workflow.next_status("sign_for", "办理中", condition_met=False) == "办理中"
    assert workflow.next_status("sign_for", "延期", condition_met=False) == "延期"
    assert workflow.next_status("return_assignment", "交办", condition_met=False) == "交办"
    assert workflow.next_status("return_assignment", "交办", condition_met=True) == "受理审查中"


def test_refusal_message_names_where_it_is_allowed() -> None:
    with pytest.raises(
        ValidationError, match="当前状态为办结，不能受理（仅在登记、受理审查中状态下可以受理）"
    ):
        workflow.check("accept", "办结")


def test_closed_statuses_offer_nothing_but_a_rating_after_closure() -> None:
    assert [a.key for a in workflow.allowed_actions("办结")] == ["rate"]
    for status in set(CLOSED_STATUSES) - {"办结"}:
        assert workflow.allowed_actions(status) == []


def test_every_open_status_can_go_somewhere_and_every_status_is_reachable() -> None:
    for status in OPEN_STATUSES:
        assert any(a.target not in (None, status) for a in workflow.allowed_actions(status)), status
    reached, frontier = {"登记"}, ["登记"]
    while frontier:
        status = frontier.pop()
        for action in workflow.allowed_actions(status):
            if action.target is not None and action.target not in reached:
                reached.add(action.target)
                frontier.append(action.target)
    assert reached == set(STATUSES)


def test_refusal_reasons_and_their_routes() -> None:
    assert workflow.REFUSAL_REASONS["属于诉讼/仲裁/行政复议途径"] == "政法机关/人民法院等（诉访分离）"
    assert workflow.REFUSAL_REASONS["不属于本机关职权范围"] == "有权处理的机关"
    assert len(workflow.REFUSAL_REASONS) == 5
    assert workflow.REFUSE_AGAIN_REASON in workflow.REFUSAL_REASONS
    assert workflow.OUTCOMES == ("解决到位", "教育到位", "帮扶到位", "依法处理")


def test_steps_outside_the_table_keep_the_status() -> None:
    assert workflow.next_status("set_leaders", "办理中") == "办理中"
    with pytest.raises(ValidationError, match="当前状态为办结，不能包案"):
        workflow.check("set_leaders", "办结")
    assert all(a.key not in workflow.ACTIONS for a in workflow.STEPS.values())


def test_an_unknown_action_is_a_bug_not_a_message() -> None:
    with pytest.raises(ValueError, match="未知的操作"):
        workflow.check("approve", "登记")
    with pytest.raises(ValueError, match="未知的状态"):
        workflow._action("x", "x", ("登记",), "已归档")
