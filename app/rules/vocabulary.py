"""The fixed word lists of the window (RULES.md §2), with a short English glossary per item."""

from __future__ import annotations

CHANNELS: tuple[str, ...] = (
    "来访",  # walk-in visit
    "来信",  # letter
    "网上信访",  # online petition
    "电话",  # telephone
    "领导信箱",  # leader's mailbox (online)
    "领导接访日",  # received by a leader on a reception day
)

ONLINE_CHANNELS: tuple[str, ...] = (
    "网上信访",  # online petition
    "领导信箱",  # leader's mailbox
)

PURPOSES: tuple[str, ...] = (
    "求决",  # asks for a problem to be solved
    "申诉",  # appeal against a decision
    "意见建议",  # opinion or suggestion
    "检举控告",  # report or accusation of wrongdoing
    "咨询",  # enquiry
    "其他",  # other
)

FLAGS: tuple[str, ...] = (
    "越级访",  # skipped a level
    "赴省访",  # went to the province
    "进京访",  # went to Beijing
    "涉众型",  # concerns many people
    "疫情相关",  # related to an epidemic
    "扬言",  # made threats
    "重点人员",  # person under special attention
)

SKIP_LEVEL_FLAGS: tuple[str, ...] = (
    "越级访",  # skipped a level
    "赴省访",  # went to the province
    "进京访",  # went to Beijing
)

STATUSES: tuple[str, ...] = (
    "登记",  # registered
    "受理审查中",  # being examined for acceptance
    "受理",  # accepted
    "不予受理",  # not accepted
    "转送",  # forwarded to the competent body
    "交办",  # assigned to a body to handle
    "办理中",  # being handled
    "延期",  # handling period extended
    "已答复",  # written reply given
    "复查申请",  # review requested
    "复查中",  # under review
    "复查意见",  # review decided
    "复核申请",  # re-review requested
    "复核中",  # under re-review
    "复核意见",  # re-review decided
    "办结",  # closed
    "不再受理",  # will not be accepted again
    "合并",  # merged into another matter
)

CLOSED_STATUSES: tuple[str, ...] = (
    "办结",  # closed
    "不予受理",  # not accepted
    "不再受理",  # will not be accepted again
    "合并",  # merged into another matter
)

OPEN_STATUSES: tuple[str, ...] = tuple(s for s in STATUSES if s not in CLOSED_STATUSES)

GROUP_MIN = 5  # 集体访: this many persons or more on one matter
MAX_REPRESENTATIVES = 5  # a group chooses at most this many representatives (Art 20)
