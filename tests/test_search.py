"""Search answered from the index: ranking, short Chinese queries, digits, literal wildcards, and an index
that is in step with every committed registration and with nothing of a rolled-back one."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import ColumnElement, func, or_, select, text, update

from app.desk import Desk
from app.errors import ValidationError
from app.search import DIGITS, SearchService
from db import search_index
from db.models import Matter, MatterPerson, Person
from tests.factories import WANG_JI_ID, id_number, person, visit

WAGES = "要求公司支付拖欠的三个月工资共计两万元。"


def numbers(desk: Desk, key: str) -> list[str]:
    return [m.matter_no for m in desk.matters.search(key)]


def index_state(desk: Desk) -> list[object]:
    """Every stored page of the three FTS5 indexes: equal lists, the same index. (PostgreSQL keeps its
    indexes itself, inside the same transaction: nothing of ours to compare.)"""
    if not desk.db.is_sqlite:
        return []
    with desk.db.reading() as session:
        tables = ("search_matter_text", "search_matter_bigram", "search_person_digits")
        return [list(session.execute(text(f"SELECT * FROM {t}_data ORDER BY id"))) for t in tables]


@pytest.fixture
def three(desk: Desk) -> list[str]:
    """王𠮷 (逾期交房), 张伟 (wages, a phone), and a matter whose appeal names 张伟 without him on it."""
    first = desk.intake.register_visit(visit())
    wages = desk.intake.register_visit(
        visit(
            visited_at=datetime(2026, 11, 25, 10, 0),
            persons=[person("张伟", id_number(seq=457), "13700001111")],
            summary="某建筑公司拖欠农民工工资",
            appeal=WAGES,
            category="劳动和社会保障",
        )
    )
    mention = desk.intake.register_visit(
        visit(
            visited_at=datetime(2026, 11, 25, 11, 0),
            persons=[person("李强", None, "13911112222")],
            summary="邻里纠纷",
            appeal="邻居张伟家占用公共通道，要求恢复通行。",
        )
    )
    return [first.matter_no, wages.matter_no, mention.matter_no]


def test_ranked_number_then_names_then_words(desk: Desk, three: list[str]) -> None:
    first, wages, mention = three
    assert numbers(desk, first)[0] == first
    assert numbers(desk, "张伟") == [wages, mention]  # the person first, then the appeal that names him
    assert numbers(desk, "张") == [wages]  # one character: a surname, never words of the text


def test_two_character_word_and_four_character_phrase(desk: Desk, three: list[str]) -> None:
    _, wages, _ = three
    assert numbers(desk, "拖欠") == [wages]  # inside the summary and the appeal, found once
    assert numbers(desk, "建筑公司") == [wages]  # in the summary only
    assert numbers(desk, "拖欠工资") == []  # both words are there, but not together
    assert numbers(desk, "三个月工资") == [wages]  # in the appeal only
    assert numbers(desk, "欠三") == []  # two characters that are not neighbours anywhere
    assert numbers(desk, "占用公共通道") == [three[2]]


def test_digits_find_id_numbers_and_phones(desk: Desk, three: list[str]) -> None:
    first, wages, mention = three
    assert numbers(desk, "002X") == [first]  # the last four characters of the ID number
    assert numbers(desk, "002x") == [first]
    assert numbers(desk, id_number(seq=457)[-6:]) == [wages]
    assert numbers(desk, "0000111") == [wages]  # any part of a phone number
    assert numbers(desk, "1391111") == [mention]
    assert numbers(desk, WANG_JI_ID) == [first]


def test_matter_number_fragments(desk: Desk, three: list[str]) -> None:
    first, wages, mention = three
    assert numbers(desk, "〕2号") == [wages]
    assert numbers(desk, "2号") == [wages]  # two characters
    assert numbers(desk, "〔2026〕") == [mention, wages, first]  # newest first within a rank
    assert numbers(desk, "〔2") == [mention, wages, first]  # a bigram with punctuation in it


def test_wildcards_and_quotes_are_literal(desk: Desk) -> None:
    refund = desk.intake.register_visit(visit(summary="要求退还押金", appeal='押金应100%退还，"立即"办理。'))
    assert numbers(desk, "100%") == [refund.matter_no]
    assert numbers(desk, "10_%") == []
    assert numbers(desk, "%") == []
    assert numbers(desk, "_") == []
    assert numbers(desk, '"立即"') == [refund.matter_no]
    assert numbers(desk, '"') == []
    assert numbers(desk, "立即 OR 押金") == []  # no query syntax gets through
    assert numbers(desk, "*") == []


def test_empty_and_one_character_queries(desk: Desk, three: list[str]) -> None:
    assert desk.matters.search("") == [] and desk.matters.search("   ") == []
    assert numbers(desk, "拖") == []  # a character of the text alone is not a search
    assert numbers(desk, "王") == [three[0]]
    assert desk.matters.search("张伟", limit=1)[0].matter_no == three[1]
    assert desk.matters.search("张伟", limit=0) == []


def test_a_registration_is_searchable_at_once(desk: Desk) -> None:
    assert numbers(desk, "逾期交房") == []
    registered = desk.intake.register_visit(visit())
    assert numbers(desk, "逾期交房") == [registered.matter_no]
    assert numbers(desk, "交房") == [registered.matter_no]
    with desk.db.reading() as session:
        search_index.check(session)


def test_a_rolled_back_registration_leaves_nothing_in_the_index(desk: Desk) -> None:
    before = index_state(desk)
    unknown_matter = visit(persons=[person("赵六", None, "13955556666")], matter_no="X信访〔2026〕99号")
    with pytest.raises(ValidationError):  # the first visit was written, then the second one failed
        desk.intake.register_many([visit(summary="独一无二的反映内容"), unknown_matter])

    assert index_state(desk) == before
    assert numbers(desk, "独一无二") == [] and numbers(desk, "一无") == []
    assert numbers(desk, "13955556666") == []


def test_the_index_follows_edited_text_and_persons(desk: Desk) -> None:
    registered = desk.intake.register_visit(visit())
    with desk.db.writing() as session:
        session.execute(update(Matter).values(summary="道路积水影响出行", version=Matter.version + 1))
        session.execute(update(Person).values(phone="13612345678"))

    assert numbers(desk, "逾期交房") == [] and numbers(desk, "积水") == [registered.matter_no]
    assert numbers(desk, "13800138000") == [] and numbers(desk, "12345678") == [registered.matter_no]
    with desk.db.reading() as session:
        search_index.check(session)


def test_same_ranking_as_the_old_like_search(desk: Desk, three: list[str]) -> None:
    """The LIKE search this replaced, written out again: for these keys both give the same list."""
    for key in (
        "张伟",
        "张",
        "拖欠",
        "工资",
        "002X",
        "13700001111",
        "〔2026〕",
        "2号",
        "X信访",  # a number's part of letters: its bigrams
        "信访〔2026",  # punctuation inside: the trigrams
        "信访拖欠",  # every bigram in some text, but not together in any number
        "王𠮷",
        "锦绣",
        "通道",
    ):
        assert numbers(desk, key) == like_search(desk, key), key


def like_search(desk: Desk, key: str, limit: int = 100) -> list[str]:
    like = f"%{search_index.escape_like(key)}%"
    conditions: list[ColumnElement[bool]] = [
        Matter.matter_no == key,
        Matter.matter_no.like(like, escape="\\"),
    ]
    if DIGITS.match(key):
        digits = key.upper()
        conditions += [Person.id_number == digits, Person.id_number.like(f"%{digits}")]
        conditions.append(Person.phone.like(f"%{digits}%"))
    else:
        conditions += [Person.name == key, Person.name.like(f"{search_index.escape_like(key)}%", escape="\\")]
    if len(key) > 1:
        conditions.append(or_(Matter.summary.like(like, escape="\\"), Matter.appeal.like(like, escape="\\")))
    found: list[str] = []
    with desk.db.reading() as session:
        for condition in conditions:
            stmt = (
                select(Matter.matter_no, Matter.received_at, Matter.id)
                .outerjoin(MatterPerson, MatterPerson.matter_id == Matter.id)
                .outerjoin(Person, Person.id == MatterPerson.person_id)
                .where(condition)
                .distinct()
                .order_by(Matter.received_at.desc(), Matter.id.desc())
                .limit(limit)
            )
            found += [no for no, _, _ in session.execute(stmt) if no not in found]
    return found[:limit]


def test_service_can_be_built_on_its_own(desk: Desk, three: list[str]) -> None:
    service = SearchService(desk.db)
    assert [m.matter_no for m in service.search("拖欠")] == [three[1]]
    assert service.search("拖欠")[0].persons == "张伟"
    with desk.db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Matter)) == 3


def test_a_number_part_of_letters_folds_ascii_case_as_like(desk: Desk, three: list[str]) -> None:
    """SQLite's LIKE folds ASCII case, PostgreSQL's ILIKE too: 'x信访' is found as 'X信访' on both."""
    assert numbers(desk, "x信访") == numbers(desk, "X信访") == list(reversed(three))
