"""The deadline rule table: seeded from the Regulation's defaults, edited, open deadlines recomputed."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import delete

from app.deadline_rules import DeadlineRuleService, load_rules
from app.deadlines import DEFAULT_RULES
from app.desk import Desk
from app.errors import NotFoundError, ValidationError
from db.models import DeadlineRuleRow
from tests.conftest import FixedClock
from tests.deadline_helpers import Services, matter_of, notice_row, register, services, update_row


@pytest.fixture
def s(desk: Desk, clock: FixedClock) -> Services:
    return services(desk, clock)


def test_seeded_from_the_defaults_once(s: Services) -> None:
    assert s.rules.rules() == DEFAULT_RULES
    assert s.rules.seed_if_empty() is False


def test_a_rule_missing_from_the_table_falls_back_to_its_default(desk: Desk, s: Services) -> None:
    with desk.db.writing() as session:
        session.execute(delete(DeadlineRuleRow).where(DeadlineRuleRow.key == "extension"))
        assert load_rules(session)["extension"] == DEFAULT_RULES["extension"]


def test_the_cache_is_a_copy(s: Services) -> None:
    s.rules.rules().pop("notice")
    assert "notice" in s.rules.rules()


def test_longer_notice_period_moves_open_notice_deadlines(desk: Desk, s: Services) -> None:
    # Given two matters received on 2026-11-25, one of them already told (its notice step met)
    running, met = register(desk), register(desk)
    update_row(desk, notice_row(desk, met).id, met_at=datetime(2026, 11, 26, 9, 0))
    # When the province sets 20 days instead of 15
    moved = s.rules.update("notice", 20, "calendar", True, "李娜")
    # Then the running one is due 20 days on (2026-12-15, a Tuesday), and the matter's column follows
    assert moved == 1
    assert notice_row(desk, running).due == date(2026, 12, 15)
    assert matter_of(desk, running).notice_deadline == date(2026, 12, 15)
    assert notice_row(desk, met).due == date(2026, 12, 10)
    assert s.rules.rules()["notice"].days == 20  # the cache was dropped


def test_working_days_and_no_roll_forward(desk: Desk, s: Services) -> None:
    matter_no = register(desk)
    s.rules.update("notice", 10, "working", True, "李娜")
    assert notice_row(desk, matter_no).due == date(2026, 12, 9)  # 10 working days after Wed 11-25
    # Without roll-forward, a period ending on a Sunday stays on it
    s.rules.update("notice", 18, "calendar", False, "李娜")
    assert notice_row(desk, matter_no).due == date(2026, 12, 13)  # a Sunday, kept as it is
    assert s.rules.rules()["notice"].roll_forward is False


@pytest.mark.parametrize(
    ("days", "unit", "message"),
    [
        (0, "calendar", "1至365之间"),
        (366, "calendar", "1至365之间"),
        (15, "week", "自然日或工作日"),
    ],
)
def test_invalid_rules_are_refused(s: Services, days: int, unit: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        s.rules.update("notice", days, unit, True, "李娜")
    assert s.rules.rules()["notice"] == DEFAULT_RULES["notice"]


def test_unknown_rule_and_unknown_clerk(s: Services) -> None:
    with pytest.raises(NotFoundError, match="期限规则"):
        s.rules.update("nonsense", 15, "calendar", True, "李娜")
    with pytest.raises(ValidationError, match="操作人"):
        s.rules.update("notice", 15, "calendar", True, "")


def test_a_fresh_service_reads_what_another_wrote(desk: Desk, s: Services) -> None:
    s.rules.update("handling", 45, "calendar", True, "王强")
    assert DeadlineRuleService(desk.db).rules()["handling"].days == 45
