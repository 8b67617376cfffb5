"""Windows registering at once on one database: every number distinct, no gap, no race left unhandled.

SQLite: two processes on one file. PostgreSQL: four processes registering 500 visits each (2,000 matters).
Two clerks taking a step on the same matter at once: one succeeds, the other is told of the conflict.
"""

from __future__ import annotations

import multiprocessing
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.desk import Desk
from app.errors import ConflictError
from db.models import Matter, MatterEvent
from tests import pg_support
from tests.accounts_helpers import open_signed_in
from tests.conftest import FixedClock
from tests.factories import id_number, person, visit


def _window(target: str, window: int, count: int, data_dir: str) -> tuple[list[str], int]:
    """One window's clerk registering `count` new visitors; the numbers issued and the races retried."""
    desk = open_signed_in(target, clock=FixedClock(), data_dir=Path(data_dir))
    try:
        numbers = []
        for i in range(count):
            someone = person("张伟", id_number(birth=f"19{50 + window}0101", seq=i % 1000), None)
            numbers.append(desk.intake.register_visit(visit(persons=[someone])).matter_no)
        return numbers, desk.db.retries
    finally:
        desk.close()


def _registered_at_once(target: str, windows: int, per_window: int, tmp_path: Path) -> tuple[list[str], int]:
    context = multiprocessing.get_context("spawn")
    jobs = [(target, w, per_window, str(tmp_path / f"w{w}")) for w in range(1, windows + 1)]
    with context.Pool(windows) as pool:
        results = pool.starmap(_window, jobs)
    return [n for numbers, _ in results for n in numbers], sum(retries for _, retries in results)


def _sequence(target: str, tmp_path: Path) -> list[int]:
    desk = open_signed_in(target, clock=FixedClock(), data_dir=tmp_path / "check")
    try:
        with desk.db.reading() as session:
            return sorted(session.scalars(select(Matter.seq)))
    finally:
        desk.close()


def test_two_processes_on_one_sqlite_file_get_distinct_gapless_numbers(db_path: Path, tmp_path: Path) -> None:
    issued, _ = _registered_at_once(str(db_path), 2, 40, tmp_path)
    assert len(set(issued)) == 80
    assert _sequence(str(db_path), tmp_path) == list(range(1, 81))


@pytest.fixture
def server_db(request: pytest.FixtureRequest) -> Iterator[str]:
    pg_support.skip_or_fail_without_server()
    name = pg_support.create_database(request.getfixturevalue("pg_template"))
    yield pg_support.database_url(name)
    pg_support.drop_database(name)


def test_four_windows_register_2000_visits_on_postgresql(server_db: str, tmp_path: Path) -> None:
    started = time.perf_counter()  # the figures are printed for the record (pytest -s)
    issued, retries = _registered_at_once(server_db, 4, 500, tmp_path)
    seconds = time.perf_counter() - started

    assert len(issued) == len(set(issued)) == 2000
    assert _sequence(server_db, tmp_path) == list(range(1, 2001))
    print(f"\n4 windows × 500 visits on PostgreSQL: {seconds:.1f} s, {retries} retries")


def test_two_clerks_stepping_on_one_matter_at_once_one_is_told_of_the_conflict(
    desk: Desk, db_target: str, tmp_path: Path
) -> None:
    matter_no = desk.intake.register_visit(visit()).matter_no
    version = desk.cases.case_file(matter_no).version
    other = open_signed_in(db_target, clock=desk.clock, data_dir=tmp_path / "other")
    start, outcomes = threading.Barrier(2), {}

    def clerk(name: str, window: Desk, step: str) -> None:
        start.wait()
        try:
            getattr(window.cases, step)(matter_no, clerk=name, expected_version=version)
            outcomes[name] = "saved"
        except ConflictError as error:
            outcomes[name] = error.message

    try:
        threads = [
            threading.Thread(target=clerk, args=("李娜", desk, "accept")),
            threading.Thread(target=clerk, args=("王强", other, "start_review")),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        other.close()
    assert sorted(outcomes.values()).count("saved") == 1, outcomes
    told = next(m for m in outcomes.values() if m != "saved")
    assert told.startswith("该事项已被其他窗口修改")  # the conflict message, not a traceback
    case = desk.cases.case_file(matter_no)
    assert case.version == version + 1  # exactly one step saved: no lost update, no double step
    with desk.db.reading() as session:
        matter_id = session.scalar(select(Matter.id).where(Matter.matter_no == matter_no))
        events = session.scalar(select(func.count()).where(MatterEvent.matter_id == matter_id))
    assert events == 2  # the registration and the one step that won
