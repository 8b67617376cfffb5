"""The supervision board: states and levels by rule and by hand, the summary badge, filters and sorting.

The clock stands at Thursday 2026-11-26 10:00. Each planted matter has its notice step done and one
running deadline from ``start`` to ``due``.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.desk import Desk
from app.errors import NotFoundError, ValidationError
from app.supervision_records import ATTENTION, BoardFilter, BoardRow
from tests import factories
from tests.conftest import FixedClock
from tests.deadline_helpers import (
    Services,
    add_row,
    assign,
    plant,
    put_leader,
    rows_of,
    services,
    set_status,
    update_row,
)

OCT_1 = date(2026, 10, 1)


@pytest.fixture
def s(desk: Desk, clock: FixedClock) -> Services:
    return services(desk, clock)


def board_by_no(s: Services, wanted: BoardFilter | None = None) -> dict[str, BoardRow]:
    return {r.matter_no: r for r in s.supervision.board(wanted)}


def judged(row: BoardRow) -> tuple[str, str, tuple[str, ...]]:
    return row.state, row.level, row.reasons


# -- levels by rule --


def test_states_and_levels_by_time(desk: Desk, s: Services) -> None:
    normal = plant(desk, date(2026, 11, 20), date(2027, 1, 19))
    few_days_left = plant(desk, date(2026, 11, 20), date(2026, 11, 29))
    most_time_used = plant(desk, OCT_1, date(2026, 12, 5))
    due_today = plant(desk, OCT_1, date(2026, 11, 26))
    overdue = plant(desk, OCT_1, date(2026, 11, 21))
    ten_days = plant(desk, OCT_1, date(2026, 11, 16))
    eleven_days = plant(desk, OCT_1, date(2026, 11, 15))
    board = board_by_no(s)
    assert judged(board[normal]) == ("正常", "", ())
    assert judged(board[few_days_left]) == ("临期", "普通", ("临期：剩余3天，已用去期限的67%",))
    assert judged(board[most_time_used]) == ("临期", "普通", ("临期：剩余9天，已用去期限的86%",))
    assert judged(board[due_today]) == ("临期", "普通", ("临期：剩余0天，已用去期限的100%",))
    assert judged(board[overdue]) == ("超期", "黄牌", ("超期5天",))
    assert judged(board[ten_days]) == ("超期", "黄牌", ("超期10天",))
    assert judged(board[eleven_days]) == ("超期", "红牌", ("超期11天", "超期超过10天"))
    assert board[overdue].days_left == -5
    assert board[overdue].deadline_label == "办理并书面答复"
    assert board[overdue].first_clerk == "李娜"


def test_a_repeat_visit_while_overdue_is_a_red_card(desk: Desk, s: Services) -> None:
    late, on_the_day = plant(desk, OCT_1, date(2026, 11, 21)), plant(desk, OCT_1, date(2026, 11, 21))
    desk.intake.register_visit(factories.visit(matter_no=late, visited_at=datetime(2026, 11, 24, 10, 0)))
    desk.intake.register_visit(
        factories.visit(matter_no=on_the_day, visited_at=datetime(2026, 11, 21, 16, 0))
    )
    board = board_by_no(s)
    assert judged(board[late]) == ("超期", "红牌", ("超期5天", "超期期间群众重访（2026年11月24日）"))
    assert judged(board[on_the_day]) == ("超期", "黄牌", ("超期5天",))  # the due day itself is in time


def test_a_department_silent_past_its_deadline_is_a_red_card(desk: Desk, s: Services) -> None:
    unsigned = plant(desk, OCT_1, date(2026, 12, 30))
    assign(desk, unsigned, "县公安局", due=date(2026, 11, 24))
    signed = plant(desk, OCT_1, date(2026, 12, 30))
    assign(desk, signed, "县教育局", due=date(2026, 11, 24), signed=True)
    answered = plant(desk, OCT_1, date(2026, 12, 30))
    assign(desk, answered, "县教育局", due=date(2026, 11, 24), signed=True, feedback=True)
    board = board_by_no(s)
    assert judged(board[unsigned]) == (
        "超期",
        "红牌",
        ("超期2天", "部门逾期未反馈：县公安局（期限2026年11月24日，未签收）"),
    )
    assert board[unsigned].deadline_department == "县公安局"
    assert board[unsigned].departments == ("县公安局",)
    assert board[signed].reasons[1] == "部门逾期未反馈：县教育局（期限2026年11月24日）"
    assert judged(board[answered]) == ("超期", "黄牌", ("超期2天",))


# -- levels by hand --


def test_a_red_card_by_hand_until_resolved(desk: Desk, s: Services) -> None:
    matter_no = plant(desk, date(2026, 11, 20), date(2027, 1, 19))
    raised = s.supervision.raise_supervision(matter_no, "红牌", " 县领导批示：限期办结 ", "王强")
    assert (raised.level, raised.reason, raised.raised_by, raised.resolved_at) == (
        "红牌",
        "县领导批示：限期办结",
        "王强",
        None,
    )
    row = board_by_no(s)[matter_no]
    assert judged(row) == (
        "正常",
        "红牌",
        ("人工督办（红牌）：县领导批示：限期办结（王强，2026年11月26日）",),
    )
    assert row.supervision_ids == (raised.id,)
    resolved = s.supervision.resolve(raised.id, "李娜")
    assert resolved.resolved_at == datetime(2026, 11, 26, 10, 0)
    assert judged(board_by_no(s)[matter_no]) == ("正常", "", ())
    events = [(e.kind, e.clerk, e.note) for e in desk.matters.detail(matter_no).events]
    assert events[-2:] == [
        ("督办", "王强", "红牌督办：县领导批示：限期办结"),
        ("督办", "李娜", "解除红牌督办：县领导批示：限期办结"),
    ]
    assert [r.resolved_at is not None for r in s.supervision.supervisions(matter_no)] == [True]
    with pytest.raises(ValidationError, match="已于2026-11-26解除"):
        s.supervision.resolve(raised.id, "李娜")


def test_a_lower_level_by_hand_does_not_lower_the_rule(desk: Desk, s: Services) -> None:
    matter_no = plant(desk, OCT_1, date(2026, 11, 21))
    s.supervision.raise_supervision(matter_no, "普通", "请加快办理", "李娜")
    row = board_by_no(s)[matter_no]
    assert row.level == "黄牌"
    assert row.reasons == ("超期5天", "人工督办（普通）：请加快办理（李娜，2026年11月26日）")


@pytest.mark.parametrize(
    ("level", "reason", "clerk", "error", "message"),
    [
        ("橙牌", "理由", "李娜", ValidationError, "督办等级只能是普通、黄牌或红牌"),
        ("红牌", "  ", "李娜", ValidationError, "请填写督办理由"),
        ("红牌", "理由", "无名氏", ValidationError, "不在接待人名单中"),
    ],
)
def test_invalid_supervision_is_refused(
    desk: Desk, s: Services, level: str, reason: str, clerk: str, error: type[Exception], message: str
) -> None:
    matter_no = plant(desk, OCT_1, date(2026, 11, 21))
    with pytest.raises(error, match=message):
        s.supervision.raise_supervision(matter_no, level, reason, clerk)
    assert s.supervision.supervisions(matter_no) == []


def test_no_supervision_of_a_closed_or_unknown_matter(desk: Desk, s: Services) -> None:
    closed = plant(desk, OCT_1, date(2026, 11, 21))
    set_status(desk, closed, "办结")
    with pytest.raises(ValidationError, match="已办结，不能再督办"):
        s.supervision.raise_supervision(closed, "红牌", "理由", "李娜")
    with pytest.raises(NotFoundError):
        s.supervision.raise_supervision("X信访〔2026〕9999号", "红牌", "理由", "李娜")
    with pytest.raises(NotFoundError):
        s.supervision.resolve(999_999, "李娜")


# -- which deadline, which matters --


def test_the_next_deadline_is_the_earliest_running_one(desk: Desk, s: Services) -> None:
    matter_no = plant(desk, OCT_1, date(2026, 12, 30))
    earlier = add_row(desk, matter_no, OCT_1, date(2026, 11, 20), rule_key="extension")
    update_row(desk, earlier, override_due=date(2026, 12, 20), override_reason="延期")  # moved by hand
    add_row(desk, matter_no, OCT_1, date(2026, 11, 1), rule_key="review_request")  # the visitor's window
    met = add_row(desk, matter_no, OCT_1, date(2026, 11, 2))
    update_row(desk, met, met_at=datetime(2026, 11, 2, 9, 0))
    row = board_by_no(s)[matter_no]
    assert (row.deadline_id, row.due, row.state) == (earlier, date(2026, 12, 20), "正常")
    assert row.deadline_label == "延长办理期限"


def test_closed_matters_are_not_on_the_board_and_no_deadline_sorts_last(desk: Desk, s: Services) -> None:
    closed = plant(desk, OCT_1, date(2026, 11, 21))
    set_status(desk, closed, "办结")
    waiting = plant(desk, OCT_1, date(2026, 11, 30))
    nothing_running = plant(desk, OCT_1, date(2026, 12, 30))
    for row in rows_of(desk, nothing_running):
        update_row(desk, row.id, met_at=datetime(2026, 11, 20, 9, 0))
    board = s.supervision.board(BoardFilter(sort="due"))
    assert [r.matter_no for r in board] == [waiting, nothing_running]
    assert (board[1].due, board[1].days_left, board[1].state, board[1].deadline_label) == (
        None,
        None,
        "正常",
        "",
    )


def test_a_provisional_due_date_is_flagged(desk: Desk, s: Services) -> None:
    next_year = plant(desk, date(2026, 11, 20), date(2027, 1, 19))
    this_year = plant(desk, date(2026, 11, 20), date(2026, 12, 21))
    board = board_by_no(s)
    assert board[next_year].provisional  # 2027's arrangement is not announced
    assert not board[this_year].provisional


# -- filters, sorting, summary, the clerk's list --


@pytest.fixture
def hall(desk: Desk) -> dict[str, str]:
    """A small hall: matters of two clerks, two departments and a leader."""
    matters = {
        "normal": plant(desk, date(2026, 11, 20), date(2027, 1, 19)),
        "near": plant(desk, date(2026, 11, 20), date(2026, 11, 28), clerk="王强", departments=["县教育局"]),
        "yellow": plant(desk, OCT_1, date(2026, 11, 21), departments=["县教育局", "县公安局"]),
        "red": plant(desk, OCT_1, date(2026, 11, 1), clerk="王强"),
    }
    assign(desk, matters["red"], "县公安局", due=date(2026, 12, 31), signed=True)
    put_leader(desk, matters["red"], "张县长")
    put_leader(desk, matters["yellow"], "张县长", role="五包一")
    put_leader(desk, matters["near"], "赵副县长")
    return matters


def test_filters(s: Services, hall: dict[str, str]) -> None:
    def nos(**wanted: object) -> set[str]:
        return {r.matter_no for r in s.supervision.board(BoardFilter(**wanted))}  # type: ignore[arg-type]

    m = hall
    assert nos() == set(m.values())
    assert nos(clerk="王强") == {m["near"], m["red"]}
    assert nos(department="县教育局") == {m["near"], m["yellow"]}
    assert nos(department="县公安局") == {m["yellow"], m["red"]}  # involved, or assigned
    assert nos(leader="张县长") == {m["red"], m["yellow"]}  # in charge, or on the team
    assert nos(states=frozenset({"超期"})) == {m["yellow"], m["red"]}
    assert nos(states=frozenset({"临期"})) == {m["near"]}
    assert nos(states=frozenset({"正常"})) == {m["normal"]}
    assert nos(levels=frozenset({"红牌"})) == {m["red"]}
    assert nos(attention_only=True) == {m["near"], m["yellow"], m["red"]}
    assert nos(clerk="王强", states=ATTENTION, department="县公安局") == {m["red"]}


def test_board_row_shows_leader_and_departments(s: Services, hall: dict[str, str]) -> None:
    board = board_by_no(s)
    assert board[hall["red"]].leader == "张县长"
    assert board[hall["yellow"]].leader == ""  # a team member is not the leader in charge
    assert board[hall["yellow"]].departments == ("县公安局", "县教育局")  # in the table's order


def test_sorting(s: Services, hall: dict[str, str]) -> None:
    def order(sort: str, descending: bool = False) -> list[str]:
        rows = s.supervision.board(BoardFilter(sort=sort, descending=descending))  # type: ignore[arg-type]
        return [next(k for k, v in hall.items() if v == r.matter_no) for r in rows]

    assert order("level") == ["red", "yellow", "near", "normal"]
    assert order("due") == ["red", "yellow", "near", "normal"]
    assert order("days_left", descending=True) == ["normal", "near", "yellow", "red"]


def test_summary_counts_for_the_badge(s: Services, hall: dict[str, str]) -> None:
    s.supervision.raise_supervision(hall["normal"], "黄牌", "群众多次来电", "李娜")
    summary = s.supervision.summary()
    assert (summary.attention, summary.overdue, summary.near_due) == (4, 2, 1)
    assert summary.by_level == {"红牌": 1, "黄牌": 2, "普通": 1}
    assert summary.by_department == {"县教育局": 2, "县公安局": 2}
    assert summary.by_clerk == {"李娜": 2, "王强": 2}


def test_the_clerks_own_list(s: Services, hall: dict[str, str]) -> None:
    assert [r.matter_no for r in s.supervision.mine("王强")] == [hall["red"], hall["near"]]
    assert [r.matter_no for r in s.supervision.mine("李娜")] == [hall["yellow"]]


# -- property: the SQL prefilter never disagrees with the rules --


@pytest.fixture
def five(desk: Desk) -> list[int]:
    matters = [plant(desk, OCT_1, date(2026, 12, 30)) for _ in range(5)]
    return [rows_of(desk, m)[-1].id for m in matters]


PERIODS = st.tuples(st.integers(-120, 60), st.integers(0, 200))  # start offset from today, period length


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(periods=st.lists(PERIODS, min_size=5, max_size=5))
def test_state_filters_in_sql_agree_with_the_rules(
    desk: Desk, s: Services, five: list[int], periods: list[tuple[int, int]]
) -> None:
    today = date(2026, 11, 26)
    for deadline_id, (offset, length) in zip(five, periods, strict=True):
        start = today + timedelta(days=offset)
        update_row(desk, deadline_id, start=start, due=start + timedelta(days=length))
    everything = s.supervision.board()
    for state in ("正常", "临期", "超期"):
        filtered = s.supervision.board(BoardFilter(states=frozenset({state})))  # type: ignore[arg-type]
        assert filtered == [r for r in everything if r.state == state]
