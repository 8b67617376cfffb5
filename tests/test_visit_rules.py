"""Checking a visit as the form gives it (RULES.md §2)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.errors import FieldError, ValidationError
from app.records import MaterialInput, PersonInput, VisitInput
from app.rules.idnumber import check_character
from app.rules.visit_rules import CleanVisit, validate_visit

NOW = datetime(2026, 5, 6, 9, 30)
TOWNSHIPS = ["城关镇", "东关街道"]
CATEGORIES = ["城乡建设", "土地征收", "劳动和社会保障", "工资拖欠"]
DEPARTMENTS = ["县住建局", "县人社局"]
ID_A = "11010519491231002X"
ID_B = "440524188001010014"


def person(name: str = "王𠮷", **kw: object) -> PersonInput:
    kw.setdefault("id_number", ID_A)
    return PersonInput(name, **kw)  # type: ignore[arg-type]


def visit(**kw: object) -> VisitInput:
    base = VisitInput(
        visited_at=datetime(2026, 5, 6, 9, 0),
        channel="来访",
        headcount=1,
        persons=[person()],
        township="城关镇",
        category="土地征收",
        summary="反映征地补偿款未发放",
        appeal="请求尽快发放2025年征地补偿款。\n附：村委会证明。",
        clerk="李明",
    )
    return replace(base, **kw)  # type: ignore[arg-type]


def check(v: VisitInput, now: datetime = NOW) -> CleanVisit:
    return validate_visit(v, now=now, townships=TOWNSHIPS, categories=CATEGORIES, departments=DEPARTMENTS)


def errors_of(v: VisitInput, now: datetime = NOW) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        check(v, now)
    return {e.field: e.message for e in caught.value.errors}


# ---- a good visit ----


def test_clean_visit_is_returned_with_derived_values() -> None:
    clean = check(visit(summary="  反映征地补偿款未发放 ", clerk=" 李明\u3000", purpose="求决"))
    assert clean.summary == "反映征地补偿款未发放"
    assert clean.clerk == "李明"
    assert clean.purpose == "求决"
    assert clean.is_group is False
    assert clean.is_skip_level is False
    [p] = clean.persons
    assert p.name == "王𠮷"
    assert p.id_info is not None
    assert p.id_info.id_number == ID_A
    assert p.id_info.region_name == "北京市朝阳区"
    assert p.phone is None
    assert clean.matter_no is None


def test_name_with_extension_b_character_passes() -> None:
    assert check(visit(persons=[person("𠮷")])).persons[0].name == "𠮷"


@pytest.mark.parametrize(
    "name",
    ["张三", "买买提·吐尔逊", "阿依古丽·买买提明", "John Smith", "Zoë O'Neil", "Jean-Luc", "𪚥𰻞", "ئەخمەت"],
)
def test_names_of_any_script(name: str) -> None:
    assert check(visit(persons=[person(name)])).persons[0].name == name


def test_other_middle_dots_become_the_standard_one() -> None:
    assert check(visit(persons=[person("买买提•吐尔逊")])).persons[0].name == "买买提·吐尔逊"


def test_person_recognised_by_phone_alone() -> None:
    clean = check(visit(persons=[person(id_number=None, phone="138 0013 8000")]))
    assert clean.persons[0].phone == "13800138000"
    assert clean.persons[0].id_info is None


def test_group_visit_with_representative_and_skip_level_flag() -> None:
    persons = [person(id_number=ID_A, representative=True), person("李四", id_number=ID_B)]
    clean = check(visit(headcount=30, persons=persons, flags=["进京访", "涉众型", "进京访"]))
    assert clean.is_group is True
    assert clean.is_skip_level is True
    assert clean.flags == ["进京访", "涉众型"]


def test_departments_materials_and_legacy_id() -> None:
    clean = check(
        visit(
            persons=[person(id_number="110105491231002")],
            departments=["县住建局", " 县人社局 "],
            materials=[MaterialInput(" 征地协议 ", 3)],
            matter_no=" X信访〔2026〕12号 ",
        )
    )
    assert clean.persons[0].id_info is not None
    assert clean.persons[0].id_info.id_number == ID_A
    assert clean.departments == ["县住建局", "县人社局"]
    assert clean.materials == [MaterialInput("征地协议", 3)]
    assert clean.matter_no == "X信访〔2026〕12号"


def test_visit_a_few_minutes_in_the_future_is_allowed() -> None:
    check(visit(visited_at=NOW + timedelta(minutes=10)))


def test_aware_datetimes() -> None:
    now = NOW.replace(tzinfo=UTC)
    check(visit(visited_at=now - timedelta(hours=1)), now=now)
    assert "visited_at" in errors_of(visit(), now=now)


# ---- everything wrong at once ----


def test_all_violations_are_collected() -> None:
    bad = visit(
        visited_at=NOW + timedelta(hours=1),
        channel="上访",
        purpose="闹访",
        headcount=0,
        persons=[person("", id_number="110105194912310021", phone="123")],
        township="火星镇",
        category="不存在",
        summary="",
        appeal="",
        clerk="",
        departments=["县公安局"],
        materials=[MaterialInput("", 0)],
        flags=["重复访"],
    )
    assert set(errors_of(bad)) == {
        "visited_at", "channel", "purpose", "headcount", "persons[0].name", "persons[0].id_number",
        "persons[0].phone", "township", "category", "summary", "appeal", "clerk", "departments[0]",
        "materials[0].name", "materials[0].pages", "flags[0]",
    }  # fmt: skip


def test_errors_come_in_form_order() -> None:
    with pytest.raises(ValidationError) as caught:
        check(visit(channel="", clerk="", persons=[person("1")]))
    assert [e.field for e in caught.value.errors] == ["channel", "persons[0].name", "clerk"]


# ---- one rule at a time ----


def test_too_far_in_the_future() -> None:
    assert errors_of(visit(visited_at=NOW + timedelta(minutes=11))) == {"visited_at": "来访时间不能晚于现在"}


def test_before_2000() -> None:
    assert "2000" in errors_of(visit(visited_at=datetime(1999, 12, 31, 23, 59)))["visited_at"]


def test_wrong_check_digit_message() -> None:
    errors = errors_of(visit(persons=[person(id_number="110105194912310021")]))
    assert errors == {"persons[0].id_number": "身份证号校验位不正确，请核对"}


def test_id_born_after_today_is_refused() -> None:
    first17 = "11010520260507002"
    errors = errors_of(visit(persons=[person(id_number=first17 + check_character(first17))]))
    assert "晚于今天" in errors["persons[0].id_number"]


def test_person_without_id_or_phone() -> None:
    errors = errors_of(visit(persons=[person(id_number=" ", phone="")]))
    assert errors == {"persons[0].id_number": "身份证号和联系电话至少填一项，以便再次来访时识别"}


def test_at_least_one_person() -> None:
    assert errors_of(visit(persons=[])) == {"persons": "请至少登记1名来访人"}


def test_more_persons_than_headcount() -> None:
    errors = errors_of(visit(headcount=1, persons=[person(), person("李四", id_number=ID_B)]))
    assert list(errors) == ["headcount"]


def test_same_id_twice() -> None:
    errors = errors_of(visit(headcount=2, persons=[person(), person("李四", id_number="11010519491231002x")]))
    assert errors == {"persons[1].id_number": "与第1位来访人的身份证号相同"}


def test_group_visit_needs_a_representative() -> None:
    errors = errors_of(visit(headcount=5, persons=[person()]))
    assert errors == {"persons[0].representative": "集体访（5人及以上）须至少登记1名代表"}
    assert check(visit(headcount=4, persons=[person()])).is_group is False


def test_at_most_five_representatives() -> None:
    persons = [
        person(f"代表{n}", id_number=None, phone=f"1380013800{i}", representative=True)
        for i, n in enumerate("甲乙丙丁戊己")
    ]
    errors = errors_of(visit(headcount=50, persons=persons))
    assert list(errors) == ["persons[5].representative"]
    assert errors["persons[5].representative"].startswith("代表最多5人")
    assert check(visit(headcount=50, persons=persons[:5])).is_group


@pytest.mark.parametrize(
    "name",
    ["张三1", "王😀", "李\x00四", "李\n四", "\u200b", "·", "A" * 65, "王\u200d明"],
)
def test_bad_names(name: str) -> None:
    assert "persons[0].name" in errors_of(visit(persons=[person(name)]))


def test_name_at_the_length_limit() -> None:
    check(visit(persons=[person("𠮷" * 64)]))


def test_category_may_be_top_or_second_level() -> None:
    assert check(visit(category="城乡建设")).category == "城乡建设"
    assert check(visit(category=" 工资拖欠 ")).category == "工资拖欠"


def test_purpose_may_be_empty() -> None:
    assert check(visit(purpose="")).purpose == ""


@pytest.mark.parametrize("channel", ["来访", "来信", "网上信访", "电话", "领导信箱", "领导接访日"])
def test_every_channel(channel: str) -> None:
    assert check(visit(channel=channel)).channel == channel


def test_summary_is_one_line_of_200() -> None:
    check(visit(summary="字" * 200))
    assert "200" in errors_of(visit(summary="字" * 201))["summary"]
    assert "summary" in errors_of(visit(summary="第一行\n第二行"))
    assert "summary" in errors_of(visit(summary="制表\t符"))


def test_appeal_allows_line_breaks_but_no_other_controls() -> None:
    assert check(visit(appeal="第一行\r\n第二行")).appeal == "第一行\n第二行"
    check(visit(appeal="字" * 20000))
    assert "appeal" in errors_of(visit(appeal="字" * 20001))
    assert "appeal" in errors_of(visit(appeal="响铃\x07"))
    assert "appeal" in errors_of(visit(appeal="删除\x7f"))


def test_clerk_at_most_32() -> None:
    assert "clerk" in errors_of(visit(clerk="名" * 33))


@pytest.mark.parametrize(("pages", "ok"), [(1, True), (9999, True), (0, False), (10000, False), (-1, False)])
def test_material_pages(pages: int, ok: bool) -> None:
    v = visit(materials=[MaterialInput("身份证复印件", pages)])
    if ok:
        check(v)
    else:
        assert list(errors_of(v)) == ["materials[0].pages"]


def test_material_name_at_most_100() -> None:
    assert list(errors_of(visit(materials=[MaterialInput("材" * 101, 1)]))) == ["materials[0].name"]


def test_headcount_bounds() -> None:
    assert check(visit(headcount=10000, persons=[person(representative=True)])).headcount == 10000
    assert "headcount" in errors_of(visit(headcount=10001, persons=[person(representative=True)]))


def test_error_paths_point_at_the_right_person() -> None:
    persons = [person(), person("李四", id_number=None, phone="999")]
    assert errors_of(visit(headcount=2, persons=persons)) == {
        "persons[1].phone": "联系电话不正确：手机应为以1开头的11位数字，固定电话应带区号"
    }


def test_validation_error_message_joins_all() -> None:
    with pytest.raises(ValidationError) as caught:
        check(visit(summary="", clerk=""))
    assert caught.value.errors == [FieldError("summary", "请填写概况"), FieldError("clerk", "请填写接待人")]
    assert caught.value.message == "请填写概况；请填写接待人"


# ---- properties ----

cjk = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF) | st.characters(
    min_codepoint=0x20000, max_codepoint=0x2A6DF, categories=["Lo"]
)


@settings(database=None)
@given(st.text(cjk, min_size=1, max_size=64))
def test_any_cjk_name_up_to_64_passes(name: str) -> None:
    assert check(visit(persons=[person(name)])).persons[0].name == name


@settings(database=None)
@given(st.text(min_size=1, max_size=20), st.sampled_from(["summary", "clerk", "place"]))
def test_control_characters_never_pass_in_one_line_fields(text: str, field: str) -> None:
    bad = text[: len(text) // 2] + "\x1b" + text[len(text) // 2 :]
    assert field in errors_of(visit(**{field: bad}))


@settings(database=None)
@given(st.integers(1, 10000), st.integers(1, 6))
def test_group_follows_headcount(headcount: int, registered: int) -> None:
    ids = ["11010519491231002X", "440524188001010014", "110105194912310011", "110105194912310038"]
    persons = [
        person(f"来访人{'甲乙丙丁戊己'[i]}", id_number=None, phone=f"1390000000{i}")
        for i in range(registered)
    ]
    persons[0] = replace(persons[0], id_number=ids[0], representative=True)
    v = visit(headcount=headcount, persons=persons)
    if registered > headcount:
        assert "headcount" in errors_of(v)
    else:
        assert check(v).is_group == (headcount >= 5)


def test_text_direction_overrides_and_lone_surrogates_are_refused() -> None:
    """U+202E would make a summary read differently on screen from what is stored."""
    assert "summary" in errors_of(visit(summary="退款\u202e元0005"))
    assert "appeal" in errors_of(visit(appeal="楼道漏水\ud800"))
