"""The demo's bulk path: the rows the intake service would write, in large batches, deterministic per seed,
readable through the services and found by the search."""

from __future__ import annotations

import random
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from app.deadlines import DEFAULT_RULES, compute_deadline
from app.demo import DemoReport, generate_demo
from app.desk import Desk, open_desk
from db import search_index
from db.models import Counter, Deadline, Matter, MatterEvent, MatterPerson, Person, Visit, VisitPerson
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
    return open_desk(str(path), clock=FixedClock())


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
    assert _count(desk, MatterEvent) == VISITS  # 登记 or 重访, one per visit
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
        assert len(detail.events) == len(detail.visits)


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
        assert matter_no in [m.matter_no for m in history.open_matters]
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
