"""Two windows on one SQLite file register at once: every number distinct, no gap in the sequence."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from sqlalchemy import select

from db.models import Matter
from tests.accounts_helpers import open_signed_in
from tests.conftest import FixedClock
from tests.factories import id_number, person, visit

PER_WINDOW = 40


def _window(db_path: str, window: int) -> list[str]:
    desk = open_signed_in(db_path, clock=FixedClock())
    try:
        numbers = []
        for i in range(PER_WINDOW):
            someone = person("张伟", id_number(seq=window * 100 + i), None)
            numbers.append(desk.intake.register_visit(visit(persons=[someone])).matter_no)
        return numbers
    finally:
        desk.close()


def test_two_processes_get_distinct_gapless_numbers(db_path: Path) -> None:
    context = multiprocessing.get_context("spawn")
    with context.Pool(2) as pool:
        results = pool.starmap(_window, [(str(db_path), 1), (str(db_path), 2)])

    issued = [n for numbers in results for n in numbers]
    assert len(set(issued)) == 2 * PER_WINDOW
    desk = open_signed_in(str(db_path), clock=FixedClock())
    with desk.db.reading() as session:
        seqs = sorted(session.scalars(select(Matter.seq)))
    desk.close()
    assert seqs == list(range(1, 2 * PER_WINDOW + 1))
