"""Demo data: registered through the services, realistic in shape, and the same for the same seed."""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from app.demo import DemoReport, generate_demo
from app.desk import Desk
from app.records import MatterDetail
from app.rules.idnumber import parse_id_number
from app.rules.vocabulary import GROUP_MIN, MAX_REPRESENTATIVES
from db.models import Deadline, Matter, MatterEvent, Person, Visit
from tests.accounts_helpers import open_signed_in
from tests.conftest import NOW, FixedClock

TODAY = NOW.date()
VISITS = 300


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, template_db: Path) -> Iterator[tuple[Desk, DemoReport]]:
    """One generated database shared by the read-only checks below (generating takes a second or two)."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    shutil.copyfile(template_db, path)
    desk = open_signed_in(str(path), clock=FixedClock())
    report = generate_demo(desk, VISITS, seed=7, today=TODAY)
    yield desk, report
    desk.close()


def _snapshot(desk: Desk) -> list[tuple[str, datetime, str, int, datetime]]:
    """Matter numbers, dates, names and visit counts in issue order: what must repeat for a seed."""
    rows = desk.matters.page(0, 10_000, sort="matter_no", descending=False)
    return [(m.matter_no, m.received_at, m.persons, m.visit_count, m.last_visit_at) for m in rows]


def _story(desk: Desk) -> list[tuple[object, ...]]:
    """Each matter's status and its dated case steps: what the workflow made of it."""
    with desk.db.reading() as session:
        matters = session.execute(
            select(Matter.matter_no, Matter.status, Matter.closed_at, Matter.outcomes).order_by(Matter.id)
        )
        events = session.execute(
            select(MatterEvent.matter_id, MatterEvent.kind, MatterEvent.at, MatterEvent.note).order_by(
                MatterEvent.id
            )
        )
        return [tuple(r) for r in matters] + [tuple(r) for r in events]


def _details(desk: Desk) -> list[MatterDetail]:
    return [desk.matters.detail(row[0]) for row in _snapshot(desk)]


def _fresh_desk(tmp_path: Path, template_db: Path, name: str) -> Desk:
    path = tmp_path / name
    shutil.copyfile(template_db, path)
    return open_signed_in(str(path), clock=FixedClock())


def test_registers_the_requested_number_of_visits(desk: Desk) -> None:
    calls: list[tuple[int, int]] = []

    report = generate_demo(desk, VISITS, seed=7, today=TODAY, progress=lambda d, t: calls.append((d, t)))

    assert report.visits == VISITS
    assert report.matters + report.repeat_visits == VISITS
    assert desk.matters.count() == report.matters
    assert sum(row[3] for row in _snapshot(desk)) == VISITS
    assert 0.15 * VISITS <= report.repeat_visits <= 0.3 * VISITS
    assert 0.2 * VISITS <= report.persons <= 0.5 * VISITS
    # progress is reported per batch, rising to the total
    assert calls[-1] == (VISITS, VISITS)
    assert [d for d, _ in calls] == sorted({d for d, _ in calls})


def test_the_same_seed_gives_the_same_data_on_another_database(
    desk: Desk, tmp_path: Path, template_db: Path
) -> None:
    generate_demo(desk, VISITS, seed=7, today=TODAY)
    other = _fresh_desk(tmp_path, template_db, "b.sqlite")
    try:
        generate_demo(other, VISITS, seed=7, today=TODAY)
        assert _snapshot(other) == _snapshot(desk)
        assert _story(other) == _story(desk)
    finally:
        other.close()


def test_a_different_seed_gives_different_data(desk: Desk, tmp_path: Path, template_db: Path) -> None:
    generate_demo(desk, 60, seed=7, today=TODAY)
    other = _fresh_desk(tmp_path, template_db, "c.sqlite")
    try:
        generate_demo(other, 60, seed=8, today=TODAY)
        first, second = _snapshot(desk), _snapshot(other)
        assert [row[2] for row in first] != [row[2] for row in second]  # names
        assert [row[1] for row in first] != [row[1] for row in second]  # dates
    finally:
        other.close()


def test_rejects_a_count_below_one(desk: Desk) -> None:
    with pytest.raises(ValueError):
        generate_demo(desk, 0, today=TODAY)


def test_group_visits_have_a_headcount_and_representatives(demo: tuple[Desk, DemoReport]) -> None:
    desk, report = demo
    groups = [v for m in _details(desk) for v in m.visits if v.is_group]

    assert len(groups) == report.group_visits > 0
    for visit in groups:
        representatives = sum(p.representative for p in visit.persons)
        assert visit.headcount >= max(GROUP_MIN, len(visit.persons))
        assert 1 <= representatives <= MAX_REPRESENTATIVES
    assert any(len(v.persons) >= 3 and "涉众型" in v.flags for v in groups)


def test_repeat_visits_go_back_to_the_first_clerk(demo: tuple[Desk, DemoReport]) -> None:
    desk, report = demo
    repeats = [(m, v) for m in _details(desk) for v in m.visits if v.is_repeat]

    assert len(repeats) == report.repeat_visits > 0
    assert all(v.handler == m.first_clerk for m, v in repeats)
    assert any(v.clerk != m.first_clerk for m, v in repeats)  # received by someone else, handed back
    for matter in _details(desk):
        first = min(matter.visits, key=lambda v: v.visited_at)
        assert not first.is_repeat  # a repeat always comes after the visit that opened the matter


def test_visits_spread_over_two_years_of_office_hours(demo: tuple[Desk, DemoReport]) -> None:
    desk, _ = demo
    with desk.db.reading() as session:
        moments = list(session.scalars(select(Visit.visited_at).order_by(Visit.id)))

    assert moments == sorted(moments)  # registered in time order
    assert TODAY - timedelta(days=731) <= moments[0].date() <= TODAY - timedelta(days=680)
    assert TODAY - timedelta(days=45) <= moments[-1].date() < TODAY
    assert len({(m.year, m.month) for m in moments}) >= 22
    assert all(time(8, 30) <= m.time() <= time(17, 30) for m in moments)
    weekdays = Counter(m.weekday() for m in moments)
    assert weekdays[5] + weekdays[6] < 0.1 * len(moments)
    assert weekdays[0] > max(weekdays[d] for d in range(1, 5))  # Monday is the busiest day


def test_every_id_number_is_valid_and_from_a_real_region(demo: tuple[Desk, DemoReport]) -> None:
    desk, report = demo
    with desk.db.reading() as session:
        persons = session.execute(select(Person.id_number, Person.phone, Person.sex)).all()

    assert len(persons) == report.persons
    assert all(number or phone for number, phone, _ in persons)  # each can be recognised again
    assert any(number is None for number, _, _ in persons)  # a few came with a phone only
    for number, _, sex in (p for p in persons if p[0] is not None):
        info = parse_id_number(number, TODAY)
        assert info.region_name, number  # a real GB/T 2260 code
        assert 1940 <= info.birth_date.year <= 2004
        assert info.sex == sex
    regions = Counter(number[:6] for number, _, _ in persons if number)
    assert regions.most_common(1)[0][0] in ("130626", "132425")  # mostly the county itself
    assert len({code[:2] for code in regions}) >= 2  # and some from other provinces


def test_matters_read_like_real_ones(demo: tuple[Desk, DemoReport]) -> None:
    desk, _ = demo
    details = _details(desk)
    names = desk.reference.names()

    assert all(m.category in names.category_names and m.township in names.townships for m in details)
    assert len({m.category for m in details}) >= 15
    assert len({m.summary for m in details}) > 0.6 * len(details)
    assert all("{" not in m.summary + m.appeal for m in details)  # every placeholder filled
    channels = Counter(v.channel for m in details for v in m.visits)
    assert channels.most_common(1)[0][0] == "来访"
    assert any(m.departments for m in details)
    assert any(v.materials for m in details for v in m.visits)
    assert all(v.clerk in names.clerks for m in details for v in m.visits)


def test_a_clock_today_is_the_default(tmp_path: Path, template_db: Path) -> None:
    """Without `today`, visits end before the real date, so the service's clock never refuses one."""
    path = tmp_path / "now.sqlite"
    shutil.copyfile(template_db, path)
    desk = open_signed_in(str(path))
    try:
        report = generate_demo(desk, 20, seed=3)
        last = desk.matters.page(0, 1)[0].received_at
        assert report.visits == 20
        assert last.date() < date.today()
    finally:
        desk.close()


def test_matters_are_followed_through_the_workflow(demo: tuple[Desk, DemoReport]) -> None:
    desk, report = demo
    with desk.db.reading() as session:
        matters = session.execute(
            select(
                Matter.id,
                Matter.matter_no,
                Matter.status,
                Matter.received_at,
                Matter.closed_at,
                Matter.outcomes,
            )
        ).all()
        duties = session.execute(
            select(Deadline.matter_id).where(
                Deadline.met_at.is_(None),
                Deadline.cancelled.is_(False),
                Deadline.rule_key.not_in(("review_request", "rereview_request", "misroute_objection")),
            )
        ).all()
    statuses = Counter(m.status for m in matters)
    assert statuses["办结"] > 0.7 * report.matters
    assert len(statuses) >= 4  # closed, refused and some still open
    old = [m for m in matters if (NOW - m.received_at).days > 120]
    assert sum(m.status in ("办结", "不予受理") for m in old) > 0.95 * len(old)
    for m in matters:
        if m.status == "办结":
            assert m.closed_at is not None and m.outcomes and m.closed_at > m.received_at
    running = {row.matter_id for row in duties}
    waiting = ("办结", "不予受理", "已答复", "复查意见", "复查申请")  # the visitor's turn, or over
    assert [m.matter_no for m in matters if m.status not in waiting and m.id not in running] == []
    for status in statuses:
        number = next(m.matter_no for m in matters if m.status == status)
        assert desk.cases.case_file(number).status == status
