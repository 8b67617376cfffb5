"""Phone numbers: mainland mobiles (138 0013 8000) and landlines with area code (0755-12345678-123).

Stored forms: a mobile as its 11 digits; a landline as ``area-number`` or ``area-number-extension``.
Area codes 010 and 020–029 have three digits, all others four, so a number typed without a dash still splits.
"""

from __future__ import annotations

import re
import unicodedata

from app.errors import ValidationError

FIELD = "phone"

_MOBILE = re.compile(r"1[3-9][0-9]{9}")
_COUNTRY = re.compile(r"(?:\+|00)?86")
_SEPARATORS = re.compile(r"[\s\-()]+")
_EXTENSION = re.compile(r"(?:转|分机|ext\.?|#)\s*([0-9]{1,6})$", re.IGNORECASE)


def normalise_phone(raw: str) -> str:
    """The stored form of a phone number; raises ValidationError on field ``phone``."""
    text = unicodedata.normalize("NFKC", raw or "").strip()
    if not text:
        raise ValidationError.single(FIELD, "请填写联系电话")
    text, extension = _split_extension(text)
    parts = [p for p in _SEPARATORS.split(text) if p]
    digits = "".join(parts)
    if not _only_digits(digits):
        raise ValidationError.single(FIELD, "联系电话只能包含数字、空格和“-”，请核对")
    digits = digits.removeprefix("+")
    mobile = _mobile(digits)
    if mobile and not extension:
        return mobile
    landline = _landline(digits, parts, extension)
    if landline:
        return landline
    if len(digits) in (7, 8) and digits[0] != "0":
        raise ValidationError.single(FIELD, "固定电话请加区号，例如 0755-12345678")
    raise ValidationError.single(FIELD, "联系电话不正确：手机应为以1开头的11位数字，固定电话应带区号")


def _only_digits(text: str) -> bool:
    body = text.removeprefix("+86")
    return body.isascii() and body.isdigit()


def _split_extension(text: str) -> tuple[str, str]:
    match = _EXTENSION.search(text)
    if not match:
        return text, ""
    return text[: match.start()], match.group(1)


def _mobile(digits: str) -> str:
    """The 11 digits of a mainland mobile, with any +86 / 0086 / 86 prefix dropped, or ""."""
    if _MOBILE.fullmatch(digits):
        return digits
    local = _COUNTRY.sub("", digits, count=1) if _COUNTRY.match(digits) else ""
    return local if _MOBILE.fullmatch(local) else ""


def _landline(digits: str, parts: list[str], extension: str) -> str:
    """``area-number[-ext]``, or "" when this is no landline; a trailing dashed group may be the extension."""
    found = _area_and_number(digits)
    if not found and not extension and len(parts) >= 2 and len(parts[-1]) <= 6:
        extension = parts[-1]
        found = _area_and_number(digits[: -len(extension)])
    if not found:
        return ""
    area, number = found
    return f"{area}-{number}-{extension}" if extension else f"{area}-{number}"


def _area_and_number(digits: str) -> tuple[str, str] | None:
    for prefix in ("0086", "86"):  # +86 755 … is 0755 … dialled from abroad
        if digits.startswith(prefix):
            digits = "0" + digits[len(prefix) :]
            break
    if not digits.startswith("0") or len(digits) < 3:
        return None
    size = 3 if digits[1] in "12" else 4
    area, number = digits[:size], digits[size:]
    if len(number) in (7, 8) and number[0] != "0":
        return area, number
    return None


def mask_phone(phone: str) -> str:
    """138****8000 for a mobile; a landline keeps its area code and last 4 digits: 0755-****5678."""
    text = (phone or "").strip()
    if _MOBILE.fullmatch(text):
        return text[:3] + "****" + text[-4:]
    parts = text.split("-")
    if len(parts) in (2, 3) and all(p.isdigit() for p in parts) and len(parts[1]) > 4:
        masked = [parts[0], "*" * (len(parts[1]) - 4) + parts[1][-4:], *parts[2:]]
        return "-".join(masked)
    return "*" * max(len(text) - 4, 0) + text[-4:] if len(text) > 4 else "*" * len(text)
