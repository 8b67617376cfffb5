"""The weekly tally against counts made here, in Python, from the facts of the scenario (tally_scenario.py):
every figure of every row of three weeks, week and year boundaries, 环比 and 同比, drill-down, the trend.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from app.desk import Desk
from app.errors import ValidationError
from app.resources import resource_path
from app.tally import Period, Rate, Tally, TallyService
from db.models import Matter
from tests.accounts_helpers import open_signed_in
from tests.conftest import FixedClock
from tests.factories import id_number, person, visit
from tests.tally_scenario import Scenario, VisitFacts, build

COUNTY_TOWNSHIPS = json.loads(resource_path("tables", "county_example.json").read_text("utf-8"))["townships"]
TOP_CATEGORIES = [
    (c["code"], c["name"])
    for c in json.loads(resource_path("tables", "categories.json").read_text("utf-8"))["categories"]
]
ONLINE = ("网上信访", "领导信箱")

# 超期 at the end of each week, by design of the scenario (see tally_scenario.build):
OVERDUE = {
    # y1: accepted 2025-11-20, never replied: its 60-day handling period ended in January 2026.
    # old: registered 2026-09-01, not decided until 11-24 (after the week): its 15-day notice period ran out.
    # merged: registered 2026-09-10, merged away on 11-25 (after the week): overdue until then.
    "2026-W47": {"y1", "old", "merged"},
    # and late: accepted 2026-08-04, its handling period ended in October, replied only on 11-20 (W47)
    "2026-W46": {"y1", "old", "merged", "late"},
    "2025-W47": set(),  # y1 had just been accepted; nothing else had started
}

Check = Callable[[VisitFacts], bool]
PAIRS: dict[str, Check] = {
    "all": lambda v: True,
    "group": lambda v: v.headcount >= 5,
    "single": lambda v: v.headcount < 5,
    "first": lambda v: not v.repeat,
    "first_group": lambda v: not v.repeat and v.headcount >= 5,
    "first_single": lambda v: not v.repeat and v.headcount < 5,
    "repeat": lambda v: v.repeat,
    "repeat_group": lambda v: v.repeat and v.headcount >= 5,
    "repeat_single": lambda v: v.repeat and v.headcount < 5,
    "skip": lambda v: v.skip_level,
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, template_db: Path) -> Iterator[tuple[Desk, Scenario]]:
    path = tmp_path_factory.mktemp("tally") / "desk.sqlite"
    shutil.copyfile(template_db, path)
    clock = FixedClock()
    desk = open_signed_in(str(path), clock=clock)
    scenario = build(desk, clock)
    yield desk, scenario
    desk.close()


@pytest.fixture(scope="module")
def service(built: tuple[Desk, Scenario]) -> TallyService:
    desk, _ = built
    return TallyService(desk.db, desk.clock)


def _inside(when: datetime, period: Period) -> bool:
    return period.first <= when.date() <= period.last


def expected(s: Scenario, period: Period, township: str | None, overdue: set[str]) -> dict[str, int | Rate]:
    """Every column of one row (``township`` None: 合计), counted from the scenario's facts."""

    def here(matter: str) -> bool:
        return township is None or s.matters[matter].township == township

    visits = [v for v in s.visits if _inside(v.at, period) and here(v.matter)]
    values: dict[str, int | Rate] = {}
    checks = dict(PAIRS)
    for code, name in TOP_CATEGORIES:
        checks[f"category:{code}"] = lambda v, name=name: s.matters[v.matter].top_category == name  # type: ignore[misc]
    for key, check in checks.items():
        chosen = [v for v in visits if check(v)]
        values[f"{key}.批次"] = len(chosen)
        values[f"{key}.人次"] = sum(v.headcount for v in chosen)
    accepted = [m for m, at in s.accepted_at.items() if _inside(at, period) and here(m)]
    closed = [m for m, (at, _) in s.closed.items() if _inside(at, period) and here(m)]
    on_time = [m for m in closed if s.closed[m][1]]
    rated = [r for m, at, r in s.ratings if _inside(at, period) and here(m) and r != "未评价"]
    values.update(
        accepted=len(accepted),
        closed=len(closed),
        overdue=len([m for m in overdue if here(m)]),
        closure_rate=Rate(len(closed), len(accepted)),
        on_time_rate=Rate(len(on_time), len(closed)),
        satisfaction_rate=Rate(len([r for r in rated if r in ("满意", "基本满意")]), len(rated)),
        online_share=Rate(len([v for v in visits if v.channel in ONLINE]), len(visits)),
    )
    return values


def _expected_names() -> list[str]:
    return [t for t in COUNTY_TOWNSHIPS if t != "县直部门"] + ["县直部门", "合计"]


# --- every figure ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("week", sorted(OVERDUE))
def test_every_figure_of_every_row_matches_the_inputs(
    built: tuple[Desk, Scenario], service: TallyService, week: str
) -> None:
    _, s = built
    tally = service.week(week)
    assert [r.name for r in tally.rows] == _expected_names()
    for row in tally.rows:
        township = None if row.kind == "total" else row.name
        assert row.values == expected(s, tally.period, township, OVERDUE[week]), row.name


def test_the_scenario_is_not_trivial(built: tuple[Desk, Scenario], service: TallyService) -> None:
    """Guard against a scenario in which every figure is zero (and any query would pass)."""
    total = service.week("2026-W47").total
    figures = {"all.批次": 7, "all.人次": 21, "group.人次": 15, "repeat.批次": 3, "skip.批次": 1}
    assert {k: total.values[k] for k in figures} == figures
    assert (total.count("accepted"), total.count("closed"), total.count("overdue")) == (3, 5, 3)
    assert total.rate("on_time_rate") == Rate(4, 5)
    assert total.rate("satisfaction_rate") == Rate(2, 3)
    assert total.rate("satisfaction_rate").percent() == "66.7%"
    assert total.rate("closure_rate").percent() == "166.7%"


def test_a_visit_counts_under_its_matters_township_and_top_level_category(service: TallyService) -> None:
    tally = service.week("2026-W47")
    chengguan = next(r for r in tally.rows if r.name == "城关镇")
    # b's repeat was registered with 东城街道 on the form: it counts where b is, 城关镇
    assert chengguan.values["repeat_group.批次"] == 1
    assert chengguan.values["repeat_group.人次"] == 10
    # m1 (物业管理) and a (城乡规划) are second-level names under 城乡建设 (code 08)
    assert chengguan.values["category:08.批次"] == 2


# --- comparisons -----------------------------------------------------------------------------------------


def test_huanbi_and_tongbi_are_the_previous_week_and_the_same_week_a_year_before(
    built: tuple[Desk, Scenario], service: TallyService
) -> None:
    _, s = built
    tally = service.week("2026-W47")
    huanbi, tongbi = tally.comparison("环比"), tally.comparison("同比")
    assert (huanbi.period.first, huanbi.period.last) == (date(2026, 11, 9), date(2026, 11, 15))
    assert (tongbi.period.first, tongbi.period.last) == (date(2025, 11, 17), date(2025, 11, 23))
    assert huanbi.totals == expected(s, huanbi.period, None, OVERDUE["2026-W46"])
    assert tongbi.totals == expected(s, tongbi.period, None, OVERDUE["2025-W47"])
    totals = tally.total.values
    assert huanbi.change(totals, "all.批次").text() == "+250.0%"  # 7 against 2
    assert huanbi.change(totals, "overdue").text() == "-25.0%"  # 3 against 4
    assert tongbi.change(totals, "all.人次").text() == "+200.0%"  # 21 against 7
    assert tongbi.change(totals, "closed").text() == "+400.0%"  # 5 against 1
    # rates: percentage points; 2/7 online against 1/2 a year before
    assert tongbi.change(totals, "online_share").text() == "-21.4个百分点"
    assert huanbi.change(totals, "on_time_rate").text() == "—"  # nothing closed in W46


def test_a_range_counts_whole_days_and_compares_with_ranges_of_the_same_length(
    built: tuple[Desk, Scenario], service: TallyService
) -> None:
    _, s = built
    tally = service.range(date(2026, 11, 9), date(2026, 11, 22))
    two_weeks = Period(date(2026, 11, 9), date(2026, 11, 22))
    assert tally.total.values == expected(s, two_weeks, None, OVERDUE["2026-W47"])
    week46, week47 = service.week("2026-W46").total, service.week("2026-W47").total
    for key in ("all.批次", "all.人次", "group.批次", "repeat.人次", "skip.批次", "accepted", "closed"):
        assert tally.total.values[key] == week46.count(key) + week47.count(key)
    assert tally.comparison("环比").period == Period(date(2026, 10, 26), date(2026, 11, 8))
    assert tally.comparison("同比").period == Period(date(2025, 11, 9), date(2025, 11, 22))
    assert tally.period.label == "2026年11月9日—11月22日"


# --- boundaries ------------------------------------------------------------------------------------------


def _ids(s: Scenario, *at: datetime) -> set[int]:
    return {v.visit_id for v in s.visits if v.at in at}


def test_weeks_run_from_monday_0_00_to_sunday_24_00(
    built: tuple[Desk, Scenario], service: TallyService
) -> None:
    _, s = built
    d = datetime
    w47, w46, w48 = service.week("2026-W47"), service.week("2026-W46"), service.week("2026-W48")
    in47 = set(service.cell_visits(w47, "total", "all.批次"))
    assert _ids(s, d(2026, 11, 16, 0, 0), d(2026, 11, 22, 23, 59, 59)) <= in47
    assert not _ids(s, d(2026, 11, 15, 23, 59, 59), d(2026, 11, 23, 0, 0)) & in47
    assert _ids(s, d(2026, 11, 15, 23, 59, 59)) <= set(service.cell_visits(w46, "total", "all.批次"))
    assert _ids(s, d(2026, 11, 23, 0, 0)) == set(service.cell_visits(w48, "total", "all.批次"))
    y47, y48 = service.week("2025-W47"), service.week("2025-W48")
    assert _ids(s, d(2025, 11, 23, 23, 59)) <= set(service.cell_visits(y47, "total", "all.批次"))
    assert _ids(s, d(2025, 11, 24, 0, 0)) == set(service.cell_visits(y48, "total", "all.批次"))


def test_iso_weeks_and_the_year_boundary() -> None:
    assert date.fromisocalendar(2026, 53, 1) == date(2026, 12, 28)  # 2026 has 53 ISO weeks
    w53 = Period.week("2026-W53")
    assert (w53.first, w53.last) == (date(2026, 12, 28), date(2027, 1, 3))
    assert w53.label == "2026年第53周 12月28日—2027年1月3日"
    assert Period.week("2026-W01").label == "2026年第1周 2025年12月29日—2026年1月4日"
    assert w53.year_before() == Period.week("2025-W52")  # 2025 has no week 53
    assert Period.week("2027-W01").previous() == w53
    assert Period.week("2027-W01").year_before() == Period.week("2026-W01")
    assert Period.week("2026-W47").start == datetime(2026, 11, 16, 0, 0)
    assert Period.week("2026-W47").end == datetime(2026, 11, 23, 0, 0)
    assert Period.between(date(2028, 2, 29), date(2028, 3, 1)).year_before() == Period(
        date(2027, 2, 28), date(2027, 3, 1)
    )


@pytest.mark.parametrize("text", ["2025-W53", "2026-W00", "2026-W54", "2026-47", "W47", "", "2026-W4x"])
def test_a_week_that_does_not_exist_is_refused(desk: Desk, text: str) -> None:
    with pytest.raises(ValidationError) as raised:
        TallyService(desk.db, desk.clock).week(text)
    assert raised.value.errors[0].field == "week"


def test_a_range_ending_before_it_starts_is_refused(desk: Desk) -> None:
    with pytest.raises(ValidationError):
        TallyService(desk.db, desk.clock).range(date(2026, 11, 22), date(2026, 11, 16))


def test_week_53_and_tongbi_across_the_year_boundary(desk: Desk, clock: FixedClock) -> None:
    d = datetime
    times = [
        d(2025, 12, 28, 10, 0),  # 2025-W52: 同比 of 2026-W53
        d(2025, 12, 29, 10, 0),  # 2026-W01: 同比 of 2027-W01
        d(2026, 12, 27, 23, 59),  # 2026-W52
        d(2026, 12, 28, 0, 0),  # 2026-W53, first minute
        d(2027, 1, 3, 23, 59, 59),  # 2026-W53, last second
        d(2027, 1, 4, 0, 0),  # 2027-W01
    ]
    for seq, when in enumerate(times, start=300):
        clock.now = when + timedelta(minutes=1)
        desk.intake.register_visit(visit(visited_at=when, persons=[person("李明", id_number(seq=seq))]))
    clock.now = d(2027, 1, 5, 10, 0)
    service = TallyService(desk.db, desk.clock)
    w53 = service.week("2026-W53")
    assert w53.title == "示例县信访局信访情况周报表（2026年第53周 12月28日—2027年1月3日）"
    assert w53.total.values["all.批次"] == 2
    assert w53.comparison("环比").totals["all.批次"] == 1
    assert w53.comparison("同比").totals["all.批次"] == 1  # 2025-W52
    w01 = service.week("2027-W01")
    assert w01.total.values["all.批次"] == 1
    assert w01.comparison("环比").totals["all.批次"] == 2  # 2026-W53
    assert w01.comparison("同比").totals["all.批次"] == 1  # 2026-W01, which began on 2025-12-29


# --- drill-down and trend --------------------------------------------------------------------------------


def _matter_ids(desk: Desk, s: Scenario, *names: str) -> list[int]:
    with desk.db.reading() as session:
        numbers = [s.numbers[n] for n in names]
        return sorted(session.scalars(select(Matter.id).where(Matter.matter_no.in_(numbers))))


def test_every_cell_drills_down_to_the_records_it_counts(
    built: tuple[Desk, Scenario], service: TallyService
) -> None:
    desk, s = built
    tally = service.week("2026-W47")
    row = {r.name: r.key for r in tally.rows}
    week = [v for v in s.visits if _inside(v.at, tally.period)]

    def visits_of(*names: str) -> list[int]:
        return sorted(v.visit_id for v in week if v.matter in names)

    assert sorted(service.cell_visits(tally, "total", "all.人次")) == sorted(v.visit_id for v in week)
    assert service.cell_visits(tally, row["城关镇"], "repeat_group.批次") == visits_of("b")
    assert service.cell_visits(tally, row["县直部门"], "skip.人次") == visits_of("m3")
    assert sorted(service.cell_visits(tally, "total", "category:07.批次")) == visits_of("m2", "m4")
    assert sorted(service.cell_visits(tally, row["东城街道"], "online_share")) == visits_of("m2", "m6")
    assert service.cell_visits(tally, "total", "accepted") == _matter_ids(desk, s, "m1", "m2", "m3")
    assert service.cell_visits(tally, row["城关镇"], "closed") == _matter_ids(desk, s, "m1", "a", "late")
    assert service.cell_visits(tally, "total", "overdue") == _matter_ids(desk, s, "y1", "old", "merged")
    assert service.cell_visits(tally, row["城关镇"], "closure_rate") == _matter_ids(
        desk, s, "m1", "a", "late"
    )
    assert service.cell_visits(tally, row["东城街道"], "satisfaction_rate") == _matter_ids(desk, s, "m2")
    # every cell of every row answers, and a count cell lists as many records as it counts (批次)
    for r in tally.rows:
        for key in tally.column_keys():
            ids = service.cell_visits(tally, r.key, key)
            if key.endswith(".批次") or key in ("accepted", "closed", "overdue"):
                assert len(ids) == r.values[key], (r.name, key)
    with pytest.raises(KeyError):
        service.cell_visits(tally, "nowhere", "all.批次")


def test_the_trend_is_the_twelve_weeks_up_to_this_one(
    built: tuple[Desk, Scenario], service: TallyService
) -> None:
    _, s = built
    tally = service.week("2026-W47")
    assert [p.period.key for p in tally.trend] == [f"2026-W{w}" for w in range(36, 48)]
    for point in tally.trend:
        inside = [v for v in s.visits if _inside(v.at, point.period)]
        assert (point.batches, point.persons) == (len(inside), sum(v.headcount for v in inside))
    assert tally.trend[-1].batches == tally.total.values["all.批次"]


def test_overdue_is_read_as_of_now_for_a_week_not_over_yet(
    built: tuple[Desk, Scenario], service: TallyService
) -> None:
    # the clock stands at Thursday 2026-11-26 10:00: old was accepted on 11-24, merged merged away on 11-25
    tally = service.week("2026-W48")
    assert tally.as_of == datetime(2026, 11, 26, 10, 0)
    assert tally.total.values["overdue"] == 1  # y1 only


# --- rows ------------------------------------------------------------------------------------------------


def test_an_empty_week_has_every_row_and_no_rates(desk: Desk) -> None:
    tally = TallyService(desk.db, desk.clock).week("2026-W40")
    assert [r.name for r in tally.rows] == _expected_names()
    assert all(v == 0 or v == Rate(0, 0) for r in tally.rows for v in r.values.values())
    assert tally.total.rate("closure_rate").percent() == "—"
    assert all(c.totals["all.批次"] == 0 for c in tally.comparisons)


def test_a_matter_without_a_township_gets_its_own_row_before_the_total(desk: Desk, clock: FixedClock) -> None:
    registered = desk.intake.register_visit(visit(headcount=3))
    desk.intake.register_visit(visit(township="南湖镇", persons=[person("李明", id_number(seq=7))]))
    with desk.db.writing() as session:  # an old ledger's row, imported without a township
        session.execute(
            update(Matter).where(Matter.matter_no == registered.matter_no).values(township_id=None)
        )
    tally = TallyService(desk.db, desk.clock).week("2026-W48")
    assert [r.name for r in tally.rows][-3:] == ["县直部门", "属地不明", "合计"]
    unknown = tally.row("unknown")
    assert (unknown.values["all.批次"], unknown.values["all.人次"]) == (1, 3)
    assert tally.total.values["all.人次"] == 4
    assert service_ids(desk, tally) == [registered.visit_id]


def service_ids(desk: Desk, tally: Tally) -> list[int]:
    return TallyService(desk.db, desk.clock).cell_visits(tally, "unknown", "all.批次")
