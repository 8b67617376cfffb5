"""Recognition reads through prepared statements (db/prepared.py): the same history a Session reads."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select, update

from app import recognition
from app.desk import Desk
from app.errors import StorageError
from app.matters import matter_summaries, visit_summaries
from app.recognition import RecognitionService
from app.records import MatterSummary, VisitSummary
from app.rules.vocabulary import OPEN_STATUSES
from app.storage import Storage
from db import queries
from db.models import Matter, Person
from db.prepared import Prepared
from tests.factories import WANG_JI_ID, id_number, person, visit

WANG = person("王𠮷", WANG_JI_ID, "13800138000", rep=True)
LI = person("李四", id_number(seq=456), "13900139000")


def _visits_of_wang(desk: Desk) -> list[str]:
    """Three matters of 王𠮷: one with a repeat visit, one a group with 李四, one closed afterwards."""
    first = desk.intake.register_visit(visit())
    desk.intake.register_visit(visit(visited_at=datetime(2026, 11, 25, 15, 0), matter_no=first.matter_no))
    group = desk.intake.register_visit(
        visit(
            visited_at=datetime(2026, 11, 24, 9, 0), headcount=2, persons=[LI, WANG], summary="村道损毁无人修"
        )
    )
    closed = desk.intake.register_visit(
        visit(visited_at=datetime(2026, 11, 20, 9, 0), summary="低保资格被取消")
    )
    with desk.db.writing() as session:
        session.execute(update(Matter).where(Matter.matter_no == closed.matter_no).values(status="办结"))
    return [first.matter_no, group.matter_no, closed.matter_no]


def _as_a_session_reads_it(desk: Desk, person_id: int) -> tuple[list[VisitSummary], list[MatterSummary]]:
    """The history the Session helpers read (the way the service read it before prepared statements)."""
    with desk.db.reading() as session:
        visits = visit_summaries(
            session, queries.visits_of_person(session, person_id, recognition.HISTORY_VISITS)
        )
        ids = session.scalars(
            select(Matter.id)
            .where(Matter.id.in_(queries._MATTERS_OF_PERSON.params(person_id=person_id)))
            .order_by(Matter.received_at.desc(), Matter.id.desc())
        ).all()
        return visits, matter_summaries(session, queries.matter_summary_rows(session, ids))


def test_history_is_what_a_session_reads(desk: Desk) -> None:
    numbers = _visits_of_wang(desk)

    history = desk.recognition.history_for_id(WANG_JI_ID)

    assert history is not None
    visits, matters = _as_a_session_reads_it(desk, history.person_id)
    assert history.visits == visits  # every field: types (datetime, bool) converted as SQLAlchemy does
    assert history.open_matters + history.closed_matters == sorted(
        matters, key=lambda m: m.status not in OPEN_STATUSES
    )
    assert [m.matter_no for m in history.open_matters] == numbers[:2]  # newest first
    assert [m.matter_no for m in history.closed_matters] == numbers[2:]
    assert history.open_matters[1].persons == "王𠮷、李四"  # by person id: 王𠮷 was registered first
    assert [v.persons for v in history.visits][2] == "王𠮷、李四"  # the representative first
    assert [v.visited_at for v in history.visits] == sorted((v.visited_at for v in visits), reverse=True)


def test_history_masks_the_numbers(desk: Desk) -> None:
    _visits_of_wang(desk)

    history = desk.recognition.history_for_id(WANG_JI_ID)

    assert history is not None
    assert history.id_number_masked == "110105********002X" and history.phone_masked == "138****8000"
    assert WANG_JI_ID not in repr(history) and "13800138000" not in repr(history)


def test_history_keeps_the_newest_visits_only(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    _visits_of_wang(desk)
    monkeypatch.setattr(recognition, "HISTORY_VISITS", 2)

    history = desk.recognition.history_for_id(WANG_JI_ID)

    assert history is not None
    assert [v.visited_at for v in history.visits] == [
        datetime(2026, 11, 25, 15, 0),
        datetime(2026, 11, 25, 9, 30),
    ]
    assert len(history.open_matters + history.closed_matters) == 3  # the matters are not limited


def test_history_by_person_id_and_suggestion_agree(desk: Desk) -> None:
    _visits_of_wang(desk)
    with desk.db.reading() as session:
        li_id = session.scalar(select(Person.id).where(Person.name == "李四"))
    assert li_id is not None

    by_id = desk.recognition.history(li_id)
    [suggested] = desk.recognition.suggest("李四", "139 0013 9000")

    assert by_id == suggested and by_id.name == "李四"
    assert [v.persons for v in by_id.visits] == ["王𠮷、李四"]
    assert desk.recognition.history(li_id + 1000) is None


def test_row_orders_match_the_records() -> None:
    """summaries_from_rows and visit_summaries_from_rows build the records from the rows by position."""
    visit_fields = [f.name for f in dataclasses.fields(VisitSummary)]
    matter_fields = [f.name for f in dataclasses.fields(MatterSummary)]
    assert ["visit_id", *queries.visits_select().selected_columns.keys()[1:], "persons"] == visit_fields
    assert [*queries.matter_summary_select().selected_columns.keys()[1:], "persons"] == matter_fields


@pytest.mark.parametrize("count", [1, 3, 4, 5, 17])
def test_a_list_parameter_of_any_length_reads_each_item_once(desk: Desk, count: int) -> None:
    for i in range(count):
        desk.intake.register_visit(
            visit(
                persons=[
                    person(
                        "张" + "一二三四五六七八九十甲乙丙丁戊己庚"[i], id_number(seq=i), f"1380000{i:04d}"
                    )
                ]
            )
        )
    names = Prepared(
        select(Person.id, Person.name)
        .where(Person.id.in_(select(Person.id).where(Person.name.like("张%"))))
        .where(Person.id.in_(queries.bindparam("ids", expanding=True)))
        .order_by(Person.id),
        expanding="ids",
    )
    with desk.db.reader() as reader:
        every = reader.column(names, ids=list(range(1, 100)))
        assert len(every) == count
        assert reader.column(names, ids=every[::-1]) == every  # padded with a repeat, still each once
        assert reader.column(names, ids=every[:1]) == every[:1]
        assert reader.rows(names, ids=[]) == []


def test_a_failing_read_is_told_in_chinese(tmp_path: Path) -> None:
    """The driver's own error, raised on its cursor, still reaches the clerk as a StorageError."""
    path = tmp_path / "garbage.sqlite"
    path.write_bytes(b"this is no database" * 512)
    service = RecognitionService(Storage.open_target(f"sqlite:///{path}"))

    with pytest.raises(StorageError, match="不是有效的数据库文件"):
        service.history_for_id(WANG_JI_ID)
