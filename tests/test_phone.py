"""Phone numbers: mainland mobiles and landlines with area code."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.errors import ValidationError
from app.rules.phone import mask_phone, normalise_phone


def message_of(raw: str) -> str:
    with pytest.raises(ValidationError) as caught:
        normalise_phone(raw)
    [error] = caught.value.errors
    assert error.field == "phone"
    return error.message


@pytest.mark.parametrize(
    "raw",
    [
        "13800138000",
        " 138 0013 8000 ",
        "138-0013-8000",
        "+86 138 0013 8000",
        "+8613800138000",
        "8613800138000",
        "0086 13800138000",
        "１３８００１３８０００",  # typed with a full-width input method
    ],
)
def test_mobile(raw: str) -> None:
    assert normalise_phone(raw) == "13800138000"


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("0755-12345678", "0755-12345678"),
        ("075512345678", "0755-12345678"),
        ("0755 8888 8888", "0755-88888888"),
        ("(0755)12345678", "0755-12345678"),
        ("（0755）12345678", "0755-12345678"),
        ("010-12345678", "010-12345678"),
        ("01012345678", "010-12345678"),
        ("010-1234-5678", "010-12345678"),
        ("021-6123456", "021-6123456"),
        ("0375-2345678", "0375-2345678"),
        ("+86 755 12345678", "0755-12345678"),
        ("0755-12345678-123", "0755-12345678-123"),
        ("0755-12345678转123", "0755-12345678-123"),
        ("0755-12345678 ext. 8", "0755-12345678-8"),
    ],
)
def test_landline(raw: str, stored: str) -> None:
    assert normalise_phone(raw) == stored


def test_empty() -> None:
    assert message_of("  ") == "请填写联系电话"


def test_landline_without_area_code() -> None:
    assert "区号" in message_of("12345678")


@pytest.mark.parametrize("raw", ["abc", "138001380OO", "+0755-1234567", "138.0013.8000", "电话13800138000"])
def test_not_digits(raw: str) -> None:
    assert "只能包含数字" in message_of(raw)


@pytest.mark.parametrize(
    "raw",
    [
        "1380013800",  # 10 digits
        "138001380000",  # 12 digits
        "12800138000",  # 12x is no mobile prefix
        "0755-123456",  # 6-digit local number
        "0755-123456789",  # 9-digit local number
        "0755-01234567",  # local number starting with 0
        "13800138000-12",  # a mobile has no extension
    ],
)
def test_wrong_numbers(raw: str) -> None:
    assert "不正确" in message_of(raw)


def test_mask() -> None:
    assert mask_phone("13800138000") == "138****8000"
    assert mask_phone("0755-12345678") == "0755-****5678"
    assert mask_phone("021-6123456") == "021-***3456"
    assert mask_phone("0755-12345678-123") == "0755-****5678-123"
    assert mask_phone("") == ""
    assert mask_phone("123") == "***"
    assert mask_phone("123456") == "**3456"


mobiles = st.builds(
    lambda second, rest: f"1{second}{rest:09d}", st.sampled_from("3456789"), st.integers(0, 10**9 - 1)
)


@settings(database=None)
@given(mobiles, st.sampled_from(["", "+86", "86", "+86 ", "0086"]), st.sampled_from(["", " ", "-"]))
def test_every_mobile_however_typed(mobile: str, prefix: str, sep: str) -> None:
    typed = prefix + sep.join([mobile[:3], mobile[3:7], mobile[7:]])
    assert normalise_phone(typed) == mobile
    assert mask_phone(mobile) == mobile[:3] + "****" + mobile[-4:]


@settings(database=None)
@given(
    st.one_of(
        st.builds(lambda d: f"0{d}", st.sampled_from(["10", "20", "21", "29"])),
        st.from_regex(r"0[3-9][0-9]{2}", fullmatch=True),
    ),
    st.from_regex(r"[1-9][0-9]{6,7}", fullmatch=True),
)
def test_every_landline_with_or_without_dash(area: str, number: str) -> None:
    assert normalise_phone(f"{area}-{number}") == f"{area}-{number}"
    assert normalise_phone(f"{area}{number}") == f"{area}-{number}"
    assert mask_phone(f"{area}-{number}").endswith(number[-4:])
