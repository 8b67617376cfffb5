"""Citizen ID numbers (GB 11643-1999, RULES.md §4)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from app.errors import ValidationError
from app.rules.idnumber import check_character, mask_id_number, normalise_id_number, parse_id_number

TODAY = date(2026, 5, 1)
PROVINCES = [
    *range(11, 16), *range(21, 24), *range(31, 38), *range(41, 47),
    *range(50, 55), *range(61, 66), 71, 81, 82,
]  # fmt: skip
ID_CHARS = "0123456789X"


def message_of(raw: str, today: date = TODAY) -> str:
    with pytest.raises(ValidationError) as caught:
        parse_id_number(raw, today)
    [error] = caught.value.errors
    assert error.field == "id_number"
    return error.message


def with_check(first17: str) -> str:
    return first17 + check_character(first17)


@st.composite
def valid_ids(
    draw: st.DrawFn, earliest: date = date(1900, 1, 1), latest: date = TODAY
) -> tuple[str, date, int]:
    """A valid 18-character number, its birth date and its sequence."""
    province = draw(st.sampled_from(PROVINCES))
    region = draw(st.integers(0, 9999))
    born = draw(st.dates(earliest, latest))
    sequence = draw(st.integers(0, 999))
    first17 = f"{province:02d}{region:04d}{born:%Y%m%d}{sequence:03d}"
    return with_check(first17), born, sequence


# ---- the examples of RULES.md ----


def test_rules_example_beijing() -> None:
    info = parse_id_number("11010519491231002X", TODAY)
    assert info.id_number == "11010519491231002X"
    assert info.birth_date == date(1949, 12, 31)
    assert info.sex == "女"
    assert info.region_code == "110105"
    assert info.region_name == "北京市朝阳区"
    assert info.province == "北京市"
    assert info.document == "居民身份证"
    assert info.age_on(date(2026, 5, 1)) == 76


def test_rules_example_born_1880_in_an_abolished_county() -> None:
    info = parse_id_number("440524188001010014", TODAY)
    assert info.birth_date == date(1880, 1, 1)
    assert info.sex == "男"
    assert info.region_name == "广东省汕头市潮阳县"
    assert info.province == "广东省"


def test_lower_case_x_and_spaces_are_accepted_and_normalised() -> None:
    assert parse_id_number(" 110105 19491231 002x ", TODAY).id_number == "11010519491231002X"
    assert parse_id_number("１１０１０５１９４９１２３１００２ｘ", TODAY).id_number == "11010519491231002X"


def test_legacy_15_digit_number_is_converted() -> None:
    assert normalise_id_number("110105491231002") == "11010519491231002X"
    info = parse_id_number("110105491231002", TODAY)
    assert info.id_number == "11010519491231002X"
    assert info.birth_date == date(1949, 12, 31)


def test_check_character() -> None:
    assert check_character("11010519491231002") == "X"
    assert check_character("44052418800101001") == "4"
    with pytest.raises(ValueError):
        check_character("1101051949123100")


# ---- what is refused ----


@pytest.mark.parametrize(
    "raw", ["1101051949123100", "11010519491231002X1", "11010519491231002Y", "ABC", "一二三"]
)
def test_wrong_length_or_characters(raw: str) -> None:
    assert "18位" in message_of(raw)


def test_empty() -> None:
    assert message_of("  ") == "请填写身份证号"


def test_wrong_check_character() -> None:
    assert message_of("110105194912310021") == "身份证号校验位不正确，请核对"


NOT_PROVINCES = [
    "00",
    "10",
    "16",
    "20",
    "24",
    "30",
    "38",
    "40",
    "47",
    "49",
    "55",
    "60",
    "66",
    "70",
    "72",
    "80",
    "83",
]


@pytest.mark.parametrize("prefix", NOT_PROVINCES)
def test_unknown_province_prefix(prefix: str) -> None:
    assert "省级" in message_of(with_check(prefix + "010519491231002"))


@pytest.mark.parametrize("birth", ["19490230", "19491301", "19490001", "20230229", "19491200"])
def test_impossible_birth_date(birth: str) -> None:
    assert "不存在" in message_of(with_check("110105" + birth + "002"))


def test_leap_day_is_a_real_date() -> None:
    assert parse_id_number(with_check("11010520000229002"), TODAY).birth_date == date(2000, 2, 29)


def test_birth_date_in_the_future() -> None:
    tomorrow = TODAY + timedelta(days=1)
    assert "晚于今天" in message_of(with_check(f"110105{tomorrow:%Y%m%d}002"))
    assert parse_id_number(with_check(f"110105{TODAY:%Y%m%d}002"), TODAY).birth_date == TODAY


def test_birth_year_too_early() -> None:
    assert "1850" in message_of(with_check("11010518491231002"))
    assert parse_id_number(with_check("11010518500101002"), TODAY).birth_date == date(1850, 1, 1)


# ---- regions and other documents ----


def test_unknown_but_plausible_region_is_valid() -> None:
    info = parse_id_number(with_check("11019919800101002"), TODAY)
    assert info.region_code == "110199"
    assert info.region_name == ""
    assert info.province == "北京市"


@pytest.mark.parametrize(
    ("region", "document", "province"),
    [
        ("810000", "港澳居民居住证", "香港特别行政区"),
        ("820000", "港澳居民居住证", "澳门特别行政区"),
        ("830000", "台湾居民居住证", "台湾省"),
        ("710100", "居民身份证", "台湾省"),
    ],
)
def test_residence_permits(region: str, document: str, province: str) -> None:
    info = parse_id_number(with_check(region + "19900101001"), TODAY)
    assert info.document == document
    assert info.province == province


def test_foreigners_permanent_residence_id() -> None:
    info = parse_id_number(with_check("93115619800101002"), TODAY)  # issued in Shanghai, no province check
    assert info.document == "外国人永久居留身份证"
    assert info.province == "上海市"
    assert info.region_code == "310000"
    assert info.sex == "女"
    wrong = "1" if check_character("93115619800101002") != "1" else "2"
    assert message_of("93115619800101002" + wrong) == "身份证号校验位不正确，请核对"


# ---- masking ----


def test_mask() -> None:
    assert mask_id_number("11010519491231002X") == "110105********002X"
    assert mask_id_number("11010519491231002x") == "110105********002X"
    assert mask_id_number("110105491231002") == "110105*****1002"
    assert mask_id_number("") == ""
    assert mask_id_number("12345678") == "12****78"
    assert mask_id_number("12345") == "1***5"


# ---- properties ----


@settings(database=None)
@given(valid_ids())
def test_every_valid_number_passes_and_reads_right(case: tuple[str, date, int]) -> None:
    number, born, sequence = case
    info = parse_id_number(number, TODAY)
    assert info.id_number == number
    assert info.birth_date == born
    assert info.sex == ("男" if sequence % 2 else "女")
    assert info.region_code == number[:6]
    assert info.province  # every valid prefix is a province the table knows


@settings(database=None)
@given(valid_ids(), st.integers(0, 17), st.sampled_from(ID_CHARS + "AZ*-一"))
def test_every_single_character_substitution_fails(case: tuple[str, date, int], at: int, char: str) -> None:
    number = case[0]
    assume(number[at] != char)  # a substitution, not the same character
    changed = number[:at] + char + number[at + 1 :]
    with pytest.raises(ValidationError):
        parse_id_number(changed, TODAY)


@settings(database=None)
@given(valid_ids())
def test_lower_case_x_is_the_same_number(case: tuple[str, date, int]) -> None:
    number = case[0]
    assert parse_id_number(number.lower(), TODAY).id_number == number


@settings(database=None)
@given(valid_ids(latest=date(1999, 12, 31)))
def test_legacy_conversion_round_trip(case: tuple[str, date, int]) -> None:
    number = case[0]
    legacy = number[:6] + number[8:17]
    assert normalise_id_number(legacy) == number


@settings(database=None)
@given(valid_ids())
def test_mask_shows_only_the_ends(case: tuple[str, date, int]) -> None:
    number = case[0]
    masked = mask_id_number(number)
    assert len(masked) == 18
    assert masked == number[:6] + "*" * 8 + number[-4:]
