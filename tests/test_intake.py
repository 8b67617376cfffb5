"""Registering visits on a real SQLite file: numbers, query codes, deadlines, repeats, all-or-nothing."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.desk import Desk
from app.errors import ValidationError
from app.intake import QUERY_ALPHABET, format_matter_no
from db.models import Clerk, Counter, Department, Matter, Person, Township, Visit
from tests.conftest import FixedClock
from tests.factories import WANG_JI_ID, id_number, person, visit


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def count(desk: Desk, model: type) -> int:
    with desk.db.reading() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_first_visit_opens_a_numbered_matter(desk: Desk) -> None:
    registered = desk.intake.register_visit(visit())

    assert registered.matter_no == "X信访〔2026〕1号"
    assert re.fullmatch(f"[{QUERY_ALPHABET}]{{8}}", registered.query_code)
    assert not registered.repeat
    assert registered.handler == "李娜"
    detail = desk.matters.detail(registered.matter_no)
    assert detail.status == "登记"
    assert detail.persons[0].name == "王𠮷"
    assert detail.persons[0].id_number_masked == "110105********002X"
    assert [e.kind for e in detail.events] == ["登记"]
    assert [(m.name, m.pages) for m in detail.visits[0].materials] == [("购房合同", 12), ("身份证复印件", 1)]


def test_matter_numbers_follow_the_yearly_counter(desk: Desk, clock: FixedClock) -> None:
    numbers = [
        desk.intake.register_visit(visit(persons=[person(f"张{c}", phone=f"1390000000{i}")])).matter_no
        for i, c in enumerate("一二三")
    ]
    clock.now = datetime(2027, 1, 4, 9, 0)  # a letter dated in December, registered in January
    next_year = desk.intake.register_visit(visit(visited_at=datetime(2026, 12, 31, 16, 0)))

    assert numbers == ["X信访〔2026〕1号", "X信访〔2026〕2号", "X信访〔2026〕3号"]
    assert next_year.matter_no == "X信访〔2027〕1号"  # numbered in the year of registration, restarting
    with desk.db.reading() as session:
        assert session.get(Counter, ("matter", 2026)).value == 3  # type: ignore[union-attr]


def test_the_agency_code_comes_from_settings(desk: Desk) -> None:
    from dataclasses import replace

    desk.settings.save(replace(desk.settings.get(), agency_code="城信访"))
    assert desk.intake.register_visit(visit()).matter_no == "城信访〔2026〕1号"
    assert format_matter_no("X信访", 2026, 123) == "X信访〔2026〕123号"


def test_notice_deadline_follows_the_working_day_calendar(desk: Desk) -> None:
    # RULES.md §1: received Sunday 2026-09-20, day 15 is inside the National Day holiday.
    registered = desk.intake.register_visit(visit(visited_at=datetime(2026, 9, 20, 9, 30)))
    assert registered.notice_deadline == date(2026, 10, 8)


def test_repeat_visit_goes_back_to_the_first_clerk(desk: Desk) -> None:
    first = desk.intake.register_visit(visit())
    again = desk.intake.register_visit(
        visit(visited_at=datetime(2026, 11, 26, 9, 0), clerk="王强", matter_no=first.matter_no)
    )

    assert again.repeat and again.matter_no == first.matter_no
    assert again.handler == "李娜"  # 首接首办, 重访必交
    detail = desk.matters.detail(first.matter_no)
    assert [v.is_repeat for v in detail.visits] == [False, True]
    assert detail.visits[1].clerk == "王强" and detail.visits[1].handler == "李娜"
    assert [e.kind for e in detail.events] == ["登记", "重访"]
    assert count(desk, Person) == 1  # the same ID number is the same person


def test_repeat_on_unknown_matter_is_refused(desk: Desk) -> None:
    with pytest.raises(ValidationError) as caught:
        desk.intake.register_visit(visit(matter_no="X信访〔2026〕99号"))
    assert caught.value.errors[0].field == "matter_no"
    assert count(desk, Visit) == 0


def test_group_visit_keeps_headcount_and_representatives(desk: Desk) -> None:
    members = [person(f"李{c}", id_number(seq=i), None, rep=i < 2) for i, c in enumerate("一二三四五六")]
    registered = desk.intake.register_visit(visit(headcount=30, persons=members, flags=["涉众型"]))

    record = desk.matters.detail(registered.matter_no).visits[0]
    assert record.headcount == 30 and record.is_group
    assert [p.representative for p in record.persons].count(True) == 2
    assert record.flags == ["涉众型"]


def test_invalid_batch_registers_nothing(desk: Desk) -> None:
    good, bad = visit(), visit(persons=[person("赵六", "110105194912310021", None)])
    with pytest.raises(ValidationError) as caught:
        desk.intake.register_many([good, bad])

    assert caught.value.errors[0].field == "[1].persons[0].id_number"
    assert count(desk, Matter) == 0 and count(desk, Visit) == 0


def test_failure_inside_the_transaction_rolls_back_everything(desk: Desk) -> None:
    # A confirmed suggestion naming a person who does not exist fails after persons were written.
    from app.records import PersonInput

    ghost = PersonInput(name="钱七", phone="13900000009", known_person_id=999)
    with pytest.raises(ValidationError):
        desk.intake.register_many([visit(), visit(persons=[ghost])])
    assert count(desk, Matter) == 0 and count(desk, Person) == 0
    with desk.db.reading() as session:
        assert session.get(Counter, ("matter", 2026)) is None  # the number was not consumed


def test_confirmed_suggestion_reuses_the_person(desk: Desk) -> None:
    desk.intake.register_visit(visit(persons=[person("孙八", None, "13911112222")]))
    suggestions = desk.recognition.suggest("孙八", "139-1111-2222")
    assert len(suggestions) == 1

    from app.records import PersonInput

    confirmed = PersonInput(name="孙八", phone="13911112222", known_person_id=suggestions[0].person_id)
    desk.intake.register_visit(visit(persons=[confirmed]))
    assert count(desk, Person) == 1


def test_history_shows_earlier_visits_and_open_matters(desk: Desk) -> None:
    first = desk.intake.register_visit(visit())
    desk.intake.register_visit(visit(visited_at=datetime(2026, 11, 26, 8, 45), matter_no=first.matter_no))

    history = desk.recognition.history_for_id(WANG_JI_ID.lower())  # a lower-case x is the same number
    assert history is not None
    assert history.name == "王𠮷" and history.sex == "女" and history.birth_date == date(1949, 12, 31)
    assert history.region.startswith("北京市")
    assert [v.is_repeat for v in history.visits] == [True, False]  # newest first
    assert [m.matter_no for m in history.open_matters] == [first.matter_no]
    assert history.open_matters[0].visit_count == 2 and history.first_clerks == ["李娜"]
    assert desk.recognition.history_for_id(id_number()) is None  # a first-time visitor


def test_search_finds_by_number_name_id_phone_and_words(desk: Desk) -> None:
    registered = desk.intake.register_visit(visit())
    desk.intake.register_visit(
        visit(persons=[person("张伟", id_number(), "13700001111")], summary="工资拖欠")
    )

    for text in (registered.matter_no, registered.query_code, "王𠮷", "002X", "13800138000", "逾期交房"):
        assert [m.matter_no for m in desk.matters.search(text)][:1] == [registered.matter_no], text
    assert desk.matters.search("100%") == []  # LIKE wildcards are taken literally


def test_today_lists_todays_visits(desk: Desk) -> None:
    desk.intake.register_visit(visit(visited_at=datetime(2026, 11, 26, 9, 0)))
    desk.intake.register_visit(visit(visited_at=datetime(2026, 11, 25, 9, 0), persons=[person("周九")]))
    today = desk.matters.visits_on(date(2026, 11, 26))
    assert [v.persons for v in today] == ["王𠮷"]


def test_slip_prints_are_archived_and_reprints_marked(desk: Desk, tmp_path: Path) -> None:
    registered = desk.intake.register_visit(visit())

    preview = desk.slips.prepare_slip(registered.matter_no)
    desk.slips.discard(preview)  # a preview closed without printing is no print
    assert desk.slips.print_count(registered.matter_no) == 0 and not preview.pdf.exists()

    first = desk.slips.write_slip(registered.matter_no, out=tmp_path / "first.pdf")
    second = desk.slips.record_print(desk.slips.prepare_slip(registered.matter_no, "thermal"))
    assert not first.reprint and second.reprint
    assert first.archived.exists() and second.archived.exists() and (tmp_path / "first.pdf").exists()
    assert desk.slips.print_count(registered.matter_no) == 2
    assert "补打" in pdf_text(second.archived) and "补打" not in pdf_text(first.archived)


def test_a_stranger_cannot_be_a_repeat_on_someone_elses_matter(desk: Desk) -> None:
    first = desk.intake.register_visit(visit())
    with pytest.raises(ValidationError) as caught:
        desk.intake.register_visit(
            visit(persons=[person("陌生人", None, "13712345678")], matter_no=first.matter_no)
        )
    assert caught.value.errors[0].field == "matter_no" and "不是" in caught.value.message
    assert count(desk, Visit) == 1


def test_a_known_id_number_under_another_name_is_refused(desk: Desk) -> None:
    desk.intake.register_visit(visit())
    with pytest.raises(ValidationError) as caught:
        desk.intake.register_visit(visit(persons=[person("钱六", WANG_JI_ID, None)]))
    assert "王𠮷" in caught.value.message and "110105********002X" in caught.value.message
    assert WANG_JI_ID not in caught.value.message


def test_the_name_and_phone_given_at_each_visit_are_kept(desk: Desk) -> None:
    first = desk.intake.register_visit(visit())
    desk.intake.register_visit(
        visit(persons=[person("王𠮷", WANG_JI_ID, "13955556666")], matter_no=first.matter_no)
    )
    visits = desk.matters.detail(first.matter_no).visits
    assert [v.persons[0].phone_masked for v in visits] == ["138****8000", "139****6666"]


def test_an_unknown_clerk_is_refused(desk: Desk) -> None:
    with pytest.raises(ValidationError) as caught:
        desk.intake.register_visit(visit(clerk="李那"))
    assert [e.field for e in caught.value.errors] == ["clerk"]


def test_registration_checks_the_code_tables_as_the_form_does(desk: Desk) -> None:
    # Given a township, a department and a clerk taken out of use, and names with stray spaces
    with desk.db.writing() as session:
        retired = session.scalars(select(Township).where(Township.name != "城关镇")).first()
        departments = list(session.scalars(select(Department).limit(2)))
        assert retired is not None and len(departments) == 2
        retired.active = departments[1].active = False
        session.add(Clerk(name="张退休", active=False))
    live, gone = departments[0].name, departments[1].name
    cases = [
        visit(
            township=retired.name, category="没有这类", departments=[live, gone, "无此部门"], clerk="张退休"
        ),
        visit(township=" 城关镇 ", category=" 城乡建设", departments=[f" {live} "], clerk="李娜 "),
    ]

    for case in cases:
        form = _errors(lambda case=case: desk.intake.validate(case))  # reads all of the code tables
        registered = _errors(lambda case=case: desk.intake.register_visit(case))  # only the names given

        assert registered == form
    assert [field for field, _ in _errors(lambda: desk.intake.register_visit(cases[0]))] == [
        "township", "category", "departments[1]", "departments[2]", "clerk"
    ]  # fmt: skip
    assert count(desk, Matter) == 1  # the second case registered


def _errors(step: Callable[[], object]) -> list[tuple[str, str]]:
    try:
        step()
    except ValidationError as error:
        return [(e.field, e.message) for e in error.errors]
    return []


def test_errors_found_while_writing_name_the_visit_in_a_batch(desk: Desk) -> None:
    with pytest.raises(ValidationError) as caught:
        desk.intake.register_many([visit(), visit(matter_no="X信访〔2026〕99号")])
    assert caught.value.errors[0].field == "[1].matter_no"
    assert count(desk, Matter) == 0


def test_back_on_a_closed_matter_opens_a_linked_matter_for_the_first_clerk(desk: Desk) -> None:
    first = desk.intake.register_visit(visit())
    with desk.db.writing() as session:  # closing arrives with the workflow; set the status directly
        matter = session.scalar(select(Matter).where(Matter.matter_no == first.matter_no))
        assert matter is not None
        matter.status = "办结"

    again = desk.intake.register_visit(visit(clerk="王强", matter_no=first.matter_no))
    assert again.repeat and again.matter_no != first.matter_no and again.handler == "李娜"
    with desk.db.reading() as session:
        new = session.scalar(select(Matter).where(Matter.matter_no == again.matter_no))
        assert new is not None and new.previous_matter is not None
        assert new.previous_matter.matter_no == first.matter_no


def test_window_settings_stay_on_this_pc_while_agency_settings_are_shared(desk: Desk, tmp_path: Path) -> None:
    from dataclasses import replace

    from app.settings import SettingsService

    saved = desk.settings.save(
        replace(desk.settings.get(), agency_name="城关县信访局", clerk_name="赵新", printer="P1")
    )
    other_window = SettingsService(
        desk.db, tmp_path / "other-window.json"
    )  # a second PC on the same database

    assert other_window.get().agency_name == "城关县信访局"
    assert other_window.get().printer == "" and other_window.get().clerk_name == "李娜"  # the hall's default
    assert saved.clerk_name in desk.reference.names().clerks  # the new clerk can register at once


def test_search_reads_legacy_and_masked_id_numbers(desk: Desk) -> None:
    registered = desk.intake.register_visit(visit())
    for text in (
        "110105491231002",
        "110105********002X",
    ):  # a 15-digit legacy number; a masked one from a slip
        assert [m.matter_no for m in desk.matters.search(text)] == [registered.matter_no], text


def test_a_phone_given_at_an_earlier_visit_still_suggests_the_person(desk: Desk) -> None:
    first = desk.intake.register_visit(visit(persons=[person("孙八", None, "13911112222")]))
    [suggested] = desk.recognition.suggest("孙八", "13911112222")
    from app.records import PersonInput

    moved = PersonInput(name="孙八", phone="13733334444", known_person_id=suggested.person_id)
    desk.intake.register_visit(visit(persons=[moved], matter_no=first.matter_no))
    assert [p.person_id for p in desk.recognition.suggest("孙八", "13911112222")] == [suggested.person_id]
