"""The demo's bulk path: the rows the intake service would write, in large batches, deterministic per seed,
readable through the services and found by the search."""

from __future__ import annotations

import random
import shutil
from collections import Counter as Tally
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from app.deadlines import DEFAULT_RULES, compute_deadline
from app.demo import DemoReport, generate_demo
from app.desk import Desk
from db import search_index
from db.models import Counter, Deadline, Matter, MatterEvent, MatterPerson, Person, Visit, VisitPerson
from tests.accounts_helpers import open_signed_in
from tests.conftest import NOW, FixedClock
from tests.factories import visit

TODAY = NOW.date()
VISITS = 20_000


@pytest.fixture(scope="module")
def bulk(tmp_path_factory: pytest.TempPathFactory, template_db: Path) -> Iterator[tuple[Desk, DemoReport]]:
    """One 20,000-visit database built by the bulk path (a few seconds), shared by the read-only checks."""
    desk = _fresh_desk(tmp_path_factory.mktemp("bulk"), template_db, "bulk.sqlite")
    report = generate_demo(desk, VISITS, seed=11, today=TODAY)
    yield desk, report
    desk.close()


def _fresh_desk(folder: Path, template_db: Path, name: str) -> Desk:
    path = folder / name
    shutil.copyfile(template_db, path)
    return open_signed_in(str(path), clock=FixedClock())


def _count(desk: Desk, model: type) -> int:
    with desk.db.reading() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def _snapshot(desk: Desk) -> list[tuple[object, ...]]:
    with desk.db.reading() as session:
        matters = session.execute(
            select(Matter.matter_no, Matter.query_code, Matter.received_at, Matter.summary)
        )
        persons = session.execute(select(Person.name, Person.id_number, Person.phone).order_by(Person.id))
        return [tuple(row) for row in matters] + [tuple(row) for row in persons]


def test_counts_add_up(bulk: tuple[Desk, DemoReport]) -> None:
    desk, report = bulk
    assert report.visits == VISITS == _count(desk, Visit)
    assert report.matters + report.repeat_visits == VISITS
    assert _count(desk, Matter) == report.matters
    assert _count(desk, Person) == report.persons
    with desk.db.reading() as session:
        registrations = select(func.count()).where(MatterEvent.kind.in_(("登记", "重访")))
        assert session.scalar(registrations) == VISITS  # one per visit; the case steps come on top
    assert 0.15 * VISITS <= report.repeat_visits <= 0.3 * VISITS
    assert 0.02 * VISITS <= report.group_visits <= 0.08 * VISITS
    with desk.db.reading() as session:
        assert session.get(Counter, ("matter", NOW.year)).value == report.matters  # type: ignore[union-attr]
        every_visit_has_a_person = select(func.count(func.distinct(VisitPerson.visit_id)))
        assert session.scalar(every_visit_has_a_person) == VISITS


def test_every_matter_has_its_notice_deadline(bulk: tuple[Desk, DemoReport]) -> None:
    desk, report = bulk
    with desk.db.reading() as session:
        rows = session.execute(
            select(Matter.received_at, Matter.notice_deadline, Deadline.start, Deadline.due)
            .join(Deadline, Deadline.matter_id == Matter.id)
            .where(Deadline.rule_key == "notice")
        ).all()
    assert len(rows) == report.matters
    for received, notice, start, due in random.Random(1).sample(rows, 300):
        assert start == received.date() and due == notice
        assert notice == compute_deadline(received.date(), DEFAULT_RULES["notice"], desk.calendar).due


def test_matters_read_back_through_the_services(bulk: tuple[Desk, DemoReport]) -> None:
    desk, _ = bulk
    with desk.db.reading() as session:
        numbers = list(session.scalars(select(Matter.matter_no).order_by(Matter.id)))
        repeats = list(session.scalars(select(Matter.matter_no).join(Visit).where(Visit.is_repeat).limit(50)))
    for matter_no in random.Random(2).sample(numbers, 40) + repeats:
        detail = desk.matters.detail(matter_no)
        assert detail.persons and detail.visits and detail.notice_deadline
        assert not min(detail.visits, key=lambda v: v.visited_at).is_repeat
        assert all(v.handler == detail.first_clerk for v in detail.visits)  # 首接首办
        assert [e.kind for e in detail.events].count("登记") == 1
        assert sum(e.kind in ("登记", "重访") for e in detail.events) == len(detail.visits)


def test_persons_are_recognised_and_found(bulk: tuple[Desk, DemoReport]) -> None:
    desk, _ = bulk
    with desk.db.reading() as session:
        people = session.execute(
            select(Person.id_number, Person.name, func.min(Matter.matter_no))
            .join(MatterPerson, MatterPerson.person_id == Person.id)
            .join(Matter, Matter.id == MatterPerson.matter_id)
            .where(Person.id_number.is_not(None))
            .group_by(Person.id)
        ).all()
    for id_number, name, matter_no in random.Random(3).sample(people, 40):
        history = desk.recognition.history_for_id(id_number)
        assert history is not None and history.name == name
        assert matter_no in [m.matter_no for m in history.open_matters + history.closed_matters]
        assert matter_no in [m.matter_no for m in desk.matters.search(id_number)]
        assert name in desk.matters.search(matter_no)[0].persons
        assert matter_no in [m.matter_no for m in desk.matters.search(id_number[-6:])]


def test_the_index_and_the_file_are_sound(bulk: tuple[Desk, DemoReport]) -> None:
    desk, _ = bulk
    with desk.db.reading() as session:
        assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        assert session.execute(text("PRAGMA foreign_key_check")).first() is None
        search_index.check(session)
        triggers = session.scalar(text("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"))
        assert triggers == 6  # back after every batch
        wages = session.scalar(
            text("SELECT count(*) FROM matters WHERE summary LIKE '%拖欠%' OR appeal LIKE '%拖欠%'")
        )
    assert wages and len(desk.matters.search("拖欠", limit=wages + 10)) == wages


def test_the_same_seed_gives_the_same_data_and_another_seed_other_data(
    tmp_path: Path, template_db: Path
) -> None:
    desks = [_fresh_desk(tmp_path, template_db, f"{n}.sqlite") for n in ("a", "b", "c")]
    try:
        for desk, seed in zip(desks, (5, 5, 6), strict=True):
            generate_demo(desk, 2_000, seed=seed, today=TODAY, bulk=True)
        first, same, other = (_snapshot(d) for d in desks)
        assert first == same
        assert first != other
    finally:
        for desk in desks:
            desk.close()


def test_the_service_takes_over_after_a_bulk_run(tmp_path: Path, template_db: Path) -> None:
    desk = _fresh_desk(tmp_path, template_db, "after.sqlite")
    try:
        report = generate_demo(desk, 500, seed=1, today=TODAY, bulk=True)
        registered = desk.intake.register_visit(visit(summary="批量生成之后的登记"))
        assert registered.matter_no == f"X信访〔{NOW.year}〕{report.matters + 1}号"
        assert [m.matter_no for m in desk.matters.search("批量生成")] == [registered.matter_no]
        assert desk.matters.search("生成")[0].matter_no == registered.matter_no
    finally:
        desk.close()


def test_matters_are_followed_through_the_workflow(bulk: tuple[Desk, DemoReport]) -> None:
    desk, report = bulk
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
        running = session.execute(
            select(Deadline.matter_id).where(
                Deadline.met_at.is_(None),
                Deadline.cancelled.is_(False),
                Deadline.rule_key.not_in(("review_request", "rereview_request", "misroute_objection")),
            )
        ).all()
    statuses = Tally(m.status for m in matters)
    for status in ("办结", "不予受理", "登记", "受理", "转送", "交办", "办理中", "延期", "已答复", "复查中"):
        assert statuses[status] > 0, status
    old = [m for m in matters if (NOW - m.received_at).days > 120]
    assert sum(m.status in ("办结", "不予受理") for m in old) > 0.97 * len(old)
    assert statuses["办结"] > 0.7 * report.matters
    for m in matters:
        if m.status == "办结":
            assert m.closed_at is not None and m.outcomes and m.closed_at > m.received_at
    with_duty = {row.matter_id for row in running}
    open_ids = [
        m.id for m in matters if m.status not in ("办结", "不予受理", "复查意见", "已答复", "复查申请")
    ]
    assert [i for i in open_ids if i not in with_duty] == []
    summary = desk.supervision.summary()
    open_count = sum(m.status not in ("办结", "不予受理") for m in matters)
    assert 0 < summary.overdue < 0.1 * open_count
    assert {"普通", "黄牌", "红牌"} <= set(summary.by_level)
    for status in statuses:
        number = next(m.matter_no for m in matters if m.status == status)
        assert desk.cases.case_file(number).matter_no == number
