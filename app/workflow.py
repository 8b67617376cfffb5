"""The state machine of a matter (RULES.md §2) as data: which action may run from which status, and where
it leads. Pure: no database, no clock. The case service asks ``check`` before every step.

Glossary: 登记 registered; 受理审查中 being examined; 受理 accepted; 不予受理 not accepted; 转送 forwarded to
the competent body; 交办 assigned to a body; 办理中 being handled; 延期 extended; 已答复 replied; 复查 review;
复核 re-review; 办结 closed; 不再受理 not accepted again; 合并 merged into another matter.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.errors import ValidationError
from app.rules.vocabulary import OPEN_STATUSES, STATUSES


@dataclass(frozen=True)
class Action:
    key: str
    label: str  # the event kind on the timeline and the button's text
    sources: frozenset[str]  # the statuses it may run from
    target: str | None  # None: the status stays as it is
    condition: str = ""  # when set, the target applies only when this holds (else the status stays)


def _action(
    key: str, label: str, sources: tuple[str, ...], target: str | None, condition: str = ""
) -> Action:
    unknown = [s for s in (*sources, target) if s is not None and s not in STATUSES]
    if unknown:
        raise ValueError(f"未知的状态：{unknown}")
    return Action(key, label, frozenset(sources), target, condition)


_AT_WINDOW = ("登记", "受理审查中")
_ASSIGNED = ("转送", "交办")
_HANDLING = ("办理中", "延期")
_DECIDED = ("已答复", "复查意见", "复核意见")

ACTIONS: dict[str, Action] = {
    a.key: a
    for a in (
        _action("answer_on_spot", "当场答复", ("登记",), "办结"),
        _action("start_review", "受理审查", ("登记",), "受理审查中"),
        _action("accept", "受理", _AT_WINDOW, "受理"),
        _action("refuse", "不予受理", _AT_WINDOW, "不予受理"),
        _action("refuse_again", "不再受理", _AT_WINDOW, "不再受理"),
        _action("forward", "转送", _AT_WINDOW, "转送"),
        _action("assign", "交办", (*_AT_WINDOW, "受理"), "交办"),
        _action("sign_for", "签收", (*_ASSIGNED, *_HANDLING), "办理中", "首个部门签收时（转送、交办状态下）"),
        _action("return_assignment", "退回", (*_ASSIGNED, *_HANDLING), "受理审查中", "全部部门均已退回时"),
        _action("feedback", "反馈", _HANDLING, None),
        _action("start_handling", "办理", ("受理",), "办理中"),
        _action("extend", "延期", ("受理", "办理中"), "延期"),
        _action("reply", "答复", ("受理", *_HANDLING), "已答复"),
        _action("rate", "评价", (*_DECIDED, "办结"), None),
        _action("request_review", "复查申请", ("已答复",), "复查申请"),
        _action("start_review_case", "复查", ("复查申请",), "复查中"),
        _action("review_decision", "复查意见", ("复查中",), "复查意见"),
        _action("request_rereview", "复核申请", ("复查意见",), "复核申请"),
        _action("start_rereview", "复核", ("复核申请",), "复核中"),
        _action("rereview_decision", "复核意见", ("复核中",), "复核意见"),
        _action("close", "办结", _DECIDED, "办结"),
        _action("merge", "合并", OPEN_STATUSES, "合并"),
    )
}

# Steps on a matter that are not transitions: the status stays, and they are not buttons of the table.
STEPS: dict[str, Action] = {
    a.key: a
    for a in (
        _action("set_leaders", "包案", OPEN_STATUSES, None),
        _action("record_upper_assignment", "上级交办", OPEN_STATUSES, None),
        _action("report_upper_assignment", "上报", STATUSES, None),
    )
}

# 不予受理: the fixed reasons, each with the body the visitor is sent to (诉访分离 for the first).
REFUSAL_REASONS: dict[str, str] = {
    "属于诉讼/仲裁/行政复议途径": "政法机关/人民法院等（诉访分离）",
    "不属于本机关职权范围": "有权处理的机关",
    "应向人大/法院/检察院提出": "相应机关",
    "已经复核，同一事实和理由": "（不再受理）",
    "超过复查/复核申请期限": "—",
}
REFUSE_AGAIN_REASON = "已经复核，同一事实和理由"

OUTCOMES: tuple[str, ...] = (
    "解决到位",  # a reasonable demand solved
    "教育到位",  # an unreasonable demand explained
    "帮扶到位",  # hardship helped
    "依法处理",  # unlawful conduct dealt with by law
)

RATING_RESULTS: tuple[str, ...] = ("满意", "基本满意", "不满意", "未评价")


def action(key: str) -> Action:
    found = ACTIONS.get(key) or STEPS.get(key)
    if found is None:
        raise ValueError(f"未知的操作：{key}")
    return found


def allowed_actions(status: str) -> list[Action]:
    """The actions that may run from ``status``, in the table's order."""
    return [a for a in ACTIONS.values() if status in a.sources]


def check(action_key: str, status: str) -> Action:
    """The action, if it may run from ``status``; else a ValidationError the clerk can read."""
    found = action(action_key)
    if status not in found.sources:
        allowed = "、".join(s for s in STATUSES if s in found.sources)
        raise ValidationError.single(
            "status", f"当前状态为{status}，不能{found.label}（仅在{allowed}状态下可以{found.label}）"
        )
    return found


def next_status(action_key: str, status: str, condition_met: bool = True) -> str:
    """Where ``action_key`` leads from ``status`` (a conditional target only when its condition holds)."""
    found = check(action_key, status)
    if found.target is None or (found.condition and not condition_met):
        return status
    return found.target
