"""The hotspot board on generated weeks: the planted rising entities and the group-visit risk are found,
steady volume and random noise are not; thresholds are the administrator's; backlog buckets and campaign
progress agree with counts made here."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, datetime, timedelta

import pytest

from app.desk import Desk
from app.errors import ValidationError
from app.sources.backlog import bucket_of
from tests.factories import id_number, person, visit

W46, W47 = date(2026, 11, 9), date(2026, 11, 16)  # Mondays of the weeks compared
TOWNSHIPS = ["城关镇", "东城街道", "西城街道", "柳林镇", "石桥镇", "北山镇"]
CATEGORIES = ["工资拖欠", "土地征收", "物业管理", "医患纠纷", "社会救助", "环境污染"]


class Week:
    """Visits to register, each its own person unless told, with matter numbers kept per entity."""

    def __init__(self, desk: Desk) -> None:
        self.desk, self.visits, self.keys, self.seq = desk, [], [], 0

    def add(self, monday: date, entity: int, key: str, who: int | None = None, **changes: object) -> None:
        self.seq += 1
        seq = who if who is not None else self.seq
        at = datetime.combine(monday + timedelta(days=self.seq % 5), datetime.min.time()) + timedelta(hours=9)
        when = at + timedelta(minutes=self.seq % 400)
        who_input = [person("张伟", id_number(birth=f"1970{1 + seq // 900:02d}01", seq=seq % 900), None)]
        self.visits.append(
            visit(visited_at=when, persons=who_input, entity_ids=(entity,), materials=[], **changes)
        )
        self.keys.append(key)

    def register(self) -> dict[str, list[str]]:
        order = sorted(range(len(self.visits)), key=lambda i: self.visits[i].visited_at)
        done = self.desk.intake.register_many([self.visits[i] for i in order])
        by_key: dict[str, list[str]] = {}
        for i, result in zip(order, done, strict=True):
            by_key.setdefault(self.keys[i], []).append(result.matter_no)
        return by_key


def _entities(desk: Desk, count: int) -> list[int]:
    made = len(desk.sources.entities.all())
    return [desk.sources.entities.create(f"测试对象{made + i}号有限公司", "企业") for i in range(count)]


def _expected_crossed(counts: dict[str, tuple[int, int]], min_count: int, growth: int) -> set[str]:
    """The rule, written again here: enough matters, grown by the percentage, and beyond chance."""
    return {
        k
        for k, (now, before) in counts.items()
        if now >= min_count
        and now > before
        and now * 100 >= before * (100 + growth)
        and (now - before) ** 2 >= 4 * (before + 1)
    }


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_planted_hotspots_are_found_and_noise_is_not(desk: Desk, seed: int) -> None:
    rng = random.Random(seed)
    rising, new, steady, noise = (
        _entities(desk, 1)[0],
        _entities(desk, 1)[0],
        _entities(desk, 1)[0],
        _entities(desk, 24),
    )
    names = {rising: "测试对象0号有限公司"}
    week = Week(desk)
    for _ in range(2):
        week.add(W46, rising, "rising")
    for _ in range(9):  # 2 → 9, nine different visitors from three townships, all this week
        week.add(W47, rising, "rising", township=rng.choice(TOWNSHIPS[:3]), category="物业管理")
    for _ in range(6):
        week.add(W47, new, "new", township="北山镇")
    for monday in (W46, W47):  # eight matters a week from the same two persons: volume, no growth, no crowd
        for i in range(8):
            week.add(monday, steady, "steady", who=800 + i % 2)
    counts: Counter[tuple[int, date]] = Counter()
    for monday in (W46, W47):
        for _ in range(8):
            entity = rng.choice(noise)
            counts[(entity, monday)] += 1
            week.add(
                monday,
                entity,
                f"noise{entity}",
                township=rng.choice(TOWNSHIPS),
                category=rng.choice(CATEGORIES),
            )
    made = week.register()

    board = desk.sources.hotspots.board("2026-W47")
    crossed = {r.key for r in board.entities if r.crossed}
    noise_counts = {str(e): (counts[(e, W47)], counts[(e, W46)]) for e in noise}
    flagged_noise = {int(k) for k in _expected_crossed(noise_counts, 5, 50)}
    assert crossed == {rising, new} | flagged_noise  # the rule, as written here, on every row
    assert flagged_noise == set(), (
        noise_counts
    )  # and random noise (a third of a matter a week each) is not a hotspot
    row = next(r for r in board.entities if r.key == rising)
    assert (row.label, row.this_week, row.last_week, row.growth) == (names[rising], 9, 2, 3.5)
    assert set(row.matter_nos) == set(made["rising"][2:])
    assert next(r for r in board.entities if r.key == new).growth is None
    assert steady not in {r.key for r in board.entities}  # not rising at all

    warned = {w.entity_id: w for w in board.warnings}
    noise_crowds = {e for e in noise if counts[(e, W46)] + counts[(e, W47)] >= 5}  # 5 persons in 14 days
    assert set(warned) == {rising, new} | noise_crowds  # the steady two-person complaints are no crowd
    assert noise_crowds == set()
    assert warned[rising].matters == 11 and warned[rising].persons == 11
    assert set(warned[rising].matter_nos) == set(made["rising"])
    assert set(warned[rising].townships) <= set(TOWNSHIPS[:3])
    assert "有集访风险" in warned[rising].message
    topic = next(r for r in board.topics if r.label == "物业管理")
    assert topic.this_week >= 9 and topic.crossed


def test_thresholds_are_set_checked_and_applied(desk: Desk) -> None:
    entity = _entities(desk, 1)[0]
    week = Week(desk)
    for _ in range(4):
        week.add(W47, entity, "e")
    week.register()
    service = desk.sources.hotspots
    assert not any(r.crossed for r in service.board("2026-W47").entities)
    assert service.set_thresholds({"min_count": 4, "warning_persons": 4}).min_count == 4
    board = service.board("2026-W47")
    assert [r.key for r in board.entities if r.crossed] == [entity]
    assert [w.entity_id for w in board.warnings] == [entity]
    with pytest.raises(ValidationError) as refused:
        service.set_thresholds({"min_count": 0, "growth_percent": -5, "nonsense": 3})
    assert {e.field for e in refused.value.errors} == {"min_count", "growth_percent", "nonsense"}
    assert service.thresholds().min_count == 4  # all or nothing
    with pytest.raises(ValidationError, match="周次"):
        service.board("2026-47")


def _repeat(desk: Desk, matter_no: str, seq: int, when: datetime) -> None:
    who = [person("张伟", id_number(seq=seq), None)]
    desk.intake.register_visit(visit(visited_at=when, persons=who, matter_no=matter_no, materials=[]))


def test_backlog_buckets_agree_with_counts_made_here(desk: Desk) -> None:
    start = datetime(2026, 11, 2, 9)
    plan = {
        "old": (datetime(2026, 6, 1, 9), 1),
        "twice": (start, 4),
        "seven": (start, 7),
        "many": (start, 12),
        "fresh": (start, 2),
    }
    visits: dict[str, int] = {}
    numbers: dict[str, str] = {}
    for seq, (key, (first, times)) in enumerate(plan.items(), start=1):
        who = [person("张伟", id_number(seq=seq), None)]
        numbers[key] = desk.intake.register_visit(
            visit(visited_at=first, persons=who, materials=[])
        ).matter_no
        for n in range(1, times):
            _repeat(desk, numbers[key], seq, start + timedelta(days=n % 20, hours=n % 7))
        visits[key] = times
    closed_old = desk.intake.register_visit(
        visit(
            visited_at=datetime(2026, 5, 1, 9),
            persons=[person("李四", id_number(seq=99), None)],
            materials=[],
        )
    ).matter_no
    desk.cases.answer_on_spot(closed_old, ["教育到位"], "当场解释", "李娜")

    limits = desk.sources.hotspots.thresholds()  # 90 days, more than 3 visits
    backlog = desk.sources.backlog.backlog(date(2026, 11, 25))
    expected = {
        numbers[k]
        for k, (first, times) in plan.items()
        if (date(2026, 11, 25) - first.date()).days > limits.backlog_days or times > limits.backlog_visits
    }
    assert (
        {r.matter_no for r in backlog.rows}
        == expected
        == {numbers[k] for k in ("old", "twice", "seven", "many")}
    )
    assert [r.visits for r in backlog.rows] == sorted(
        (visits[k] for k in ("old", "twice", "seven", "many")), reverse=True
    )
    wanted = Counter(bucket_of(visits[k]) for k in ("old", "twice", "seven", "many"))
    assert backlog.buckets == {
        "1次": wanted["1次"],
        "2–5次": wanted["2–5次"],
        "6–10次": wanted["6–10次"],
        "11–30次": wanted["11–30次"],
        "31次以上": 0,
    }
    assert backlog.buckets == {"1次": 1, "2–5次": 1, "6–10次": 1, "11–30次": 1, "31次以上": 0}
    assert [bucket_of(n) for n in (1, 2, 5, 6, 10, 11, 30, 31, 400)] == [
        "1次",
        "2–5次",
        "2–5次",
        "6–10次",
        "6–10次",
        "11–30次",
        "11–30次",
        "31次以上",
        "31次以上",
    ]


def test_campaign_targets_and_resolution_rate(desk: Desk) -> None:
    entity = _entities(desk, 1)[0]
    week = Week(desk)
    for _ in range(3):
        week.add(W47, entity, "e")
    week.add(W47, _entities(desk, 1)[0], "other")
    made = week.register()
    campaigns = desk.sources.campaigns
    drive = campaigns.create(
        "2026-JAHJ", "2026年信访积案化解", "积案化解", date(2026, 11, 1), date(2026, 12, 31)
    )
    assert campaigns.add_targets(drive, "entity", [entity]) == 1
    assert campaigns.tag(drive, made["other"]) == 1
    assert campaigns.tag(drive, made["other"]) == 0  # tagging twice adds nothing
    desk.cases.answer_on_spot(made["e"][0], ["解决到位"], "当场解决", "李娜")
    progress = campaigns.progress(drive)
    assert (progress.matters, progress.resolved, progress.open) == (4, 1, 3)
    assert progress.rate == pytest.approx(0.25)
    assert made["e"][0] not in progress.open_matter_nos
    assert progress.campaign.targets == 2
    with pytest.raises(ValidationError, match="已被使用"):
        campaigns.create("2026-JAHJ", "重复", "积案化解", date(2026, 11, 1), date(2026, 12, 31))
    with pytest.raises(ValidationError, match="结束日期"):
        campaigns.create("X", "倒序", "积案化解", date(2026, 12, 1), date(2026, 11, 1))
