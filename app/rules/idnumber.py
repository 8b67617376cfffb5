"""Citizen ID numbers (GB 11643-1999, RULES.md §4): normalise, check, read, mask.

An 18-character number is region code (6) + birth date YYYYMMDD (8) + sequence (3, odd = male) + check
character (ISO 7064 MOD 11-2). The same layout is used by the residence permits of Hong Kong, Macao and
Taiwan residents (810000 / 820000 / 830000) and by the foreigners' permanent residence ID (first digit 9,
then the issuing province's two digits).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from app.errors import ValidationError
from app.records import IdInfo
from app.rules.regions import province_name, region_name

FIELD = "id_number"
MIN_BIRTH_YEAR = 1850  # RULES.md's own example (440524188001010014) was born in 1880

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
_PROVINCES = frozenset(
    [str(n) for n in (*range(11, 16), *range(21, 24), *range(31, 38), *range(41, 47))]
    + [str(n) for n in (*range(50, 55), *range(61, 66), 71, 81, 82)]
)
_PERMITS = {"810000": "港澳居民居住证", "820000": "港澳居民居住证", "830000": "台湾居民居住证"}
_FOREIGNER = "外国人永久居留身份证"
_RESIDENT = "居民身份证"
SEXES = ("男", "女")  # male (odd 17th digit), female
DOCUMENTS = (_RESIDENT, *dict.fromkeys(_PERMITS.values()), _FOREIGNER)  # what the number is on
_TAIWAN_PERMIT_PROVINCE = "台湾省"  # 830000 is not in GB/T 2260; 71 is Taiwan's province code there
_SHAPE_18 = re.compile(r"[0-9]{17}[0-9X]")
_SHAPE_15 = re.compile(r"[0-9]{15}")


def check_character(first17: str) -> str:
    """The MOD 11-2 check character of the first 17 digits."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError(f"need 17 digits, got {first17!r}")
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def normalise_id_number(raw: str) -> str:
    """Drop spaces, full-width → half-width, x → X; a 15-digit legacy number becomes 18 characters.

    Anything else is returned as it is (after the clean-up), for `parse_id_number` to reject.
    """
    text = "".join(unicodedata.normalize("NFKC", raw or "").split()).upper()
    if _SHAPE_15.fullmatch(text):
        first17 = text[:6] + "19" + text[6:]
        return first17 + check_character(first17)
    return text


def parse_id_number(raw: str, today: date) -> IdInfo:
    """Check an ID number and read what it tells; raises ValidationError on field ``id_number``."""
    number = normalise_id_number(raw)
    if not number:
        raise ValidationError.single(FIELD, "请填写身份证号")
    if not _SHAPE_18.fullmatch(number):
        raise ValidationError.single(FIELD, "身份证号应为18位（最后一位可为X），或15位旧号码")
    if check_character(number[:17]) != number[17]:
        raise ValidationError.single(FIELD, "身份证号校验位不正确，请核对")
    if not number.startswith("9") and number[:2] not in _PROVINCES and number[:6] not in _PERMITS:
        raise ValidationError.single(FIELD, "身份证号前两位不是有效的省级行政区代码，请核对")
    born = _birth_date(number[6:14], today)
    code, name, province = _region(number)
    return IdInfo(
        id_number=number,
        birth_date=born,
        sex=SEXES[0] if int(number[16]) % 2 == 1 else SEXES[1],
        region_code=code,
        region_name=name,
        province=province,
        document=_document(number),
    )


def _birth_date(digits: str, today: date) -> date:
    try:
        born = date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        raise ValidationError.single(FIELD, "身份证号中的出生日期不存在，请核对") from None
    if born > today:
        raise ValidationError.single(FIELD, "身份证号中的出生日期晚于今天，请核对")
    if born.year < MIN_BIRTH_YEAR:
        raise ValidationError.single(FIELD, f"身份证号中的出生年份早于{MIN_BIRTH_YEAR}年，请核对")
    return born


def _document(number: str) -> str:
    if number.startswith("9"):
        return _FOREIGNER
    return _PERMITS.get(number[:6], _RESIDENT)


def _region(number: str) -> tuple[str, str, str]:
    """(region code, full region name, province) — the issuing province for a foreigner's ID."""
    code = number[1:3] + "0000" if number.startswith("9") else number[:6]
    if code == "830000":
        return code, _TAIWAN_PERMIT_PROVINCE, _TAIWAN_PERMIT_PROVINCE
    return code, region_name(code), province_name(code)


def mask_id_number(number: str) -> str:
    """First 6 and last 4 characters shown, the rest as stars: 110105********002X."""
    text = "".join((number or "").split()).upper()
    if len(text) > 10:
        return text[:6] + "*" * (len(text) - 10) + text[-4:]
    keep = len(text) // 4  # a short or broken value: show a quarter at each end at most
    return text[:keep] + "*" * (len(text) - 2 * keep) + text[len(text) - keep :]
