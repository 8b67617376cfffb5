"""One deadline explained, and overridden by hand with a reason written on the matter's timeline."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from app.desk import Desk
from app.errors import NotFoundError, ValidationError
from tests.conftest import FixedClock
from tests.deadline_helpers import (
    Services,
    add_row,
    matter_of,
    notice_row,
    register,
    rows_of,
    services,
    set_status,
    update_row,
)

NOTICE_DUE = date(2026, 12, 10)  # 15 days from the factory's visit on 2026-11-25


@pytest.fixture
def s(desk: Desk, clock: FixedClock) -> Services:
    return services(desk, clock)


def test_explains_how_the_rule_counted(desk: Desk, s: Services) -> None:
    row = notice_row(desk, register(desk))
    assert s.views.explain(row.id) == (
        "自2026年11月25日起算（起算日不计入），按15日（自然日）计，第15日为2026年12月10日，"
        "期限届满日：2026年12月10日。依据：《信访工作条例》第二十二条、第二十三条"
    )


def test_explains_the_roll_forward_over_national_day(desk: Desk, s: Services) -> None:
    matter_no = register(desk, visited_at=datetime(2026, 9, 20, 9, 0))
    text = s.views.explain(notice_row(desk, matter_no).id)
    assert "第15日为2026年10月5日（国庆节）" in text
    assert text.endswith("顺延至下一个工作日：2026年10月8日。依据：《信访工作条例》第二十二条、第二十三条")


def test_override_is_on_the_timeline_and_in_the_explanation(desk: Desk, s: Services) -> None:
    matter_no = register(desk)
    row = notice_row(desk, matter_no)
    info = s.views.override(row.id, date(2026, 12, 20), "  需等待鉴定结果  ", "王强")
    assert (info.due, info.override_due, info.effective_due) == (
        date(2026, 12, 10),
        date(2026, 12, 20),
        date(2026, 12, 20),
    )
    assert info.override_reason == "需等待鉴定结果"
    assert (info.days_left, info.state, info.label) == (24, "正常", "转送、交办或告知受理与否")
    assert matter_of(desk, matter_no).notice_deadline == date(2026, 12, 20)
    event = desk.matters.detail(matter_no).events[-1]
    assert (event.kind, event.clerk) == ("期限调整", "王强")
    assert event.note == (
        "转送、交办或告知受理与否期限由2026年12月10日调整为2026年12月20日，理由：需等待鉴定结果"
    )
    assert s.views.explain(row.id).endswith("。已人工调整为2026年12月20日，理由：需等待鉴定结果（王强）")


def test_an_override_may_also_shorten(desk: Desk, s: Services) -> None:
    row = notice_row(desk, register(desk))
    assert s.views.override(row.id, date(2026, 11, 29), "上级要求提前", "李娜").state == "临期"


@pytest.mark.parametrize(
    ("new_due", "reason", "clerk", "message"),
    [
        (date(2026, 12, 20), " ", "李娜", "请填写调整理由"),
        (date(2026, 11, 24), "提前", "李娜", "不能早于起算日2026年11月25日"),
        (date(2026, 12, 10), "不变", "李娜", "与当前期限相同"),
        (date(2026, 12, 20), "延后", "无名氏", "不在接待人名单中"),
    ],
)
def test_invalid_overrides_are_refused(
    desk: Desk, s: Services, new_due: date, reason: str, clerk: str, message: str
) -> None:
    matter_no = register(desk)
    row = notice_row(desk, matter_no)
    with pytest.raises(ValidationError, match=message):
        s.views.override(row.id, new_due, reason, clerk)
    assert notice_row(desk, matter_no).override_due is None
    assert [e.kind for e in desk.matters.detail(matter_no).events] == ["登记"]


def test_a_met_deadline_or_a_closed_matter_cannot_be_overridden(desk: Desk, s: Services) -> None:
    met, closed = register(desk), register(desk)
    update_row(desk, notice_row(desk, met).id, met_at=datetime(2026, 11, 26, 9, 0))
    set_status(desk, closed, "办结")
    with pytest.raises(ValidationError, match="已完成"):
        s.views.override(notice_row(desk, met).id, date(2026, 12, 20), "延后", "李娜")
    with pytest.raises(ValidationError, match="事项已办结"):
        s.views.override(notice_row(desk, closed).id, date(2026, 12, 20), "延后", "李娜")
    assert s.views.explain(notice_row(desk, met).id).endswith("该环节已于2026年11月26日完成")


def test_unknown_deadline(s: Services) -> None:
    with pytest.raises(NotFoundError):
        s.views.explain(999_999)


def test_a_date_given_from_outside_explains_itself_and_is_never_recomputed(desk: Desk, s: Services) -> None:
    matter_no = register(desk)
    upper = add_row(desk, matter_no, date(2026, 11, 25), NOTICE_DUE, rule_key="upper_assignment")
    assert s.views.explain(upper) == "期限由上级或外部给定：2026年12月10日"
    assert s.holidays.set_day(NOTICE_DUE, "县庆", workday=False, clerk="李娜") == 1  # the notice row only
    assert [r.due for r in rows_of(desk, matter_no)] == [date(2026, 12, 11), NOTICE_DUE]
