"""Check a visit as the form gives it and return it cleaned (RULES.md §2, §4).

Every violation is collected, so the clerk sees them all at once; each is tied to the form field by the
``VisitInput`` attribute path (``persons[0].id_number``). Glossary: 来访人 person; 代表 representative;
集体访 group visit; 越级访 level-skipping visit; 概况 summary; 诉求 appeal; 材料 materials.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from app.errors import FieldError, ValidationError
from app.records import IdInfo, MaterialInput, PersonInput, VisitInput
from app.rules.idnumber import parse_id_number
from app.rules.phone import normalise_phone
from app.rules.vocabulary import (
    CHANNELS,
    FLAGS,
    GROUP_MIN,
    MAX_REPRESENTATIVES,
    PURPOSES,
    SKIP_LEVEL_FLAGS,
)

EARLIEST_VISIT = datetime(2000, 1, 1)
FUTURE_SLACK = timedelta(minutes=10)  # a clerk's clock may be a little ahead of the server's
MAX_HEADCOUNT = 10000
MAX_PAGES = 9999
NAME_MAX, SUMMARY_MAX, APPEAL_MAX, CLERK_MAX = 64, 200, 20000, 32
MATERIAL_MAX, PLACE_MAX, ADDRESS_MAX, MATTER_NO_MAX = 100, 200, 200, 64

# Middle dots typed in place of "·" (U+00B7) in minority and foreign names.
_DOTS = str.maketrans(dict.fromkeys("•‧∙⋅・･", "·"))
_NAME_MARKS = frozenset("· -'")
# CJK Extensions H and I, newer than the Unicode tables of some Pythons we run on.
_NEW_CJK = ((0x31350, 0x323AF), (0x2EBF0, 0x2EE5F))
_LINE_BREAKS = frozenset("\n\u2028\u2029")


@dataclass(frozen=True)
class CleanPerson:
    name: str
    id_info: IdInfo | None
    phone: str | None  # normalised (normalise_phone)
    representative: bool
    address: str


@dataclass(frozen=True)
class CleanVisit:
    """A checked visit: the VisitInput with strings stripped, ID numbers read and phones normalised."""

    visited_at: datetime
    channel: str
    headcount: int
    persons: list[CleanPerson]
    township: str
    category: str
    summary: str
    appeal: str
    clerk: str
    matter_no: str | None = None
    purpose: str = ""
    place: str = ""
    departments: list[str] = field(default_factory=list)
    materials: list[MaterialInput] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    is_group: bool = field(init=False)  # 集体访: headcount >= GROUP_MIN
    is_skip_level: bool = field(init=False)  # any of 越级访 / 赴省访 / 进京访

    def __post_init__(self) -> None:
        object.__setattr__(self, "is_group", self.headcount >= GROUP_MIN)
        object.__setattr__(self, "is_skip_level", any(f in SKIP_LEVEL_FLAGS for f in self.flags))


class _Errors:
    """Collects FieldErrors while the checks go on."""

    def __init__(self) -> None:
        self.items: list[FieldError] = []

    def add(self, path: str, message: str) -> None:
        self.items.append(FieldError(path, message))

    def text(self, path: str, value: str | None, label: str, limit: int, *, required: bool = True) -> str:
        """The stripped single-line text, after checking presence, length and control characters."""
        return self._checked(path, value, label, limit, required=required, multiline=False)

    def long_text(self, path: str, value: str | None, label: str, limit: int) -> str:
        """As `text`, but line breaks are allowed (and stored as \\n)."""
        return self._checked(path, value, label, limit, required=True, multiline=True)

    def _checked(
        self, path: str, value: str | None, label: str, limit: int, *, required: bool, multiline: bool
    ) -> str:
        text = (value or "").strip()
        if multiline:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        if required and not text:
            self.add(path, f"请填写{label}")
        elif len(text) > limit:
            self.add(path, f"{label}最多{limit}个字，现在有{len(text)}个字")
        elif _has_control(text, allow_newlines=multiline):
            self.add(path, f"{label}含有不可见的控制字符" + ("" if multiline else "或换行") + "，请删除")
        return text


# Text-direction overrides disguise what a record says on screen; a lone surrogate cannot be stored at all.
_HIDDEN = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _has_control(text: str, *, allow_newlines: bool) -> bool:
    for ch in text:
        if allow_newlines and ch in _LINE_BREAKS:
            continue
        if ch in _LINE_BREAKS or ch in _HIDDEN or unicodedata.category(ch) in ("Cc", "Cs"):
            return True
    return False


def validate_visit(
    visit: VisitInput,
    *,
    now: datetime,
    townships: Collection[str],
    categories: Collection[str],
    departments: Collection[str],
) -> CleanVisit:
    """The visit cleaned, or one ValidationError listing every violation."""
    errors = _Errors()
    clean = _clean(errors, visit, now, _Known(townships, categories, departments))
    if errors.items:
        raise ValidationError(errors.items)
    return clean


@dataclass(frozen=True)
class _Known:
    """Names from the code tables the visit must use."""

    townships: Collection[str]
    categories: Collection[str]
    departments: Collection[str]


def _clean(errors: _Errors, visit: VisitInput, now: datetime, known: _Known) -> CleanVisit:
    """Every field checked in form order; the errors are collected, not raised."""
    headcount = _headcount(errors, visit.headcount)  # before persons, which are counted against it
    return CleanVisit(
        visited_at=_visited_at(errors, visit.visited_at, now),
        channel=_choice(errors, "channel", visit.channel, CHANNELS, "信访形式"),
        purpose=_purpose(errors, visit.purpose),
        headcount=headcount,
        persons=_persons(errors, visit.persons, headcount, now.date()),
        township=_known(errors, "township", visit.township, known.townships, "乡镇（街道）"),
        category=_known(errors, "category", visit.category, known.categories, "内容分类"),
        place=errors.text("place", visit.place, "问题发生地", PLACE_MAX, required=False),
        summary=errors.text("summary", visit.summary, "概况", SUMMARY_MAX),
        appeal=errors.long_text("appeal", visit.appeal, "诉求", APPEAL_MAX),
        clerk=errors.text("clerk", visit.clerk, "接待人", CLERK_MAX),
        matter_no=errors.text("matter_no", visit.matter_no, "事项编号", MATTER_NO_MAX, required=False)
        or None,
        departments=_each(
            "departments", visit.departments, lambda p, v: _known(errors, p, v, known.departments, "部门")
        ),
        materials=_materials(errors, visit.materials),
        flags=_each("flags", visit.flags, lambda p, v: _choice(errors, p, v, FLAGS, "标记")),
    )


def _each(name: str, values: list[str], check: Callable[[str, str], str]) -> list[str]:
    """Each value checked under ``name[i]``; repeats dropped, order kept."""
    return list(dict.fromkeys(check(f"{name}[{i}]", v) for i, v in enumerate(values)))


def _visited_at(errors: _Errors, visited_at: datetime, now: datetime) -> datetime:
    if not isinstance(visited_at, datetime):
        errors.add("visited_at", "请填写来访时间")
    elif (visited_at.tzinfo is None) != (now.tzinfo is None):
        errors.add("visited_at", "来访时间请按本地时间填写，不要带时区（如 2026-09-20T09:30）")
    elif visited_at > now + FUTURE_SLACK:
        errors.add("visited_at", "来访时间不能晚于现在")
    elif visited_at < EARLIEST_VISIT.replace(tzinfo=visited_at.tzinfo):
        errors.add("visited_at", "来访时间不能早于2000年1月1日")
    return visited_at


def _choice(errors: _Errors, path: str, value: str | None, allowed: Collection[str], label: str) -> str:
    text = (value or "").strip()
    if not text:
        errors.add(path, f"请选择{label}")
    elif text not in allowed:
        errors.add(path, f"{label}“{text}”不在可选范围内：" + "、".join(allowed))
    return text


def _known(errors: _Errors, path: str, value: str | None, known: Collection[str], label: str) -> str:
    text = (value or "").strip()
    if not text:
        errors.add(path, f"请选择{label}")
    elif text not in known:
        errors.add(path, f"{label}“{text}”不在代码表中，请从列表中选择")
    return text


def _purpose(errors: _Errors, value: str | None) -> str:
    text = (value or "").strip()
    if text and text not in PURPOSES:
        errors.add("purpose", f"信访目的“{text}”不在可选范围内：" + "、".join(PURPOSES))
    return text


def _headcount(errors: _Errors, value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        errors.add("headcount", "来访人数应为整数")
        return 0
    if not 1 <= value <= MAX_HEADCOUNT:
        errors.add("headcount", f"来访人数应在1到{MAX_HEADCOUNT}之间")
    return value


def _materials(errors: _Errors, materials: list[MaterialInput]) -> list[MaterialInput]:
    cleaned = []
    for i, item in enumerate(materials):
        name = errors.text(f"materials[{i}].name", item.name, "材料名称", MATERIAL_MAX)
        pages = item.pages
        if isinstance(pages, bool) or not isinstance(pages, int) or not 1 <= pages <= MAX_PAGES:
            errors.add(f"materials[{i}].pages", f"材料页数应为1到{MAX_PAGES}之间的整数")
        cleaned.append(MaterialInput(name=name, pages=pages))
    return cleaned


# ---- persons ----


def _persons(errors: _Errors, persons: list[PersonInput], headcount: int, today: date) -> list[CleanPerson]:
    if not persons:
        errors.add("persons", "请至少登记1名来访人")
        return []
    if headcount >= 1 and len(persons) > headcount:
        errors.add("headcount", f"来访人数（{headcount}人）少于已登记的来访人（{len(persons)}人）")
    cleaned = [_person(errors, f"persons[{i}]", p, today) for i, p in enumerate(persons)]
    _check_same_id(errors, cleaned)
    _check_representatives(errors, cleaned, headcount)
    return cleaned


def _person(errors: _Errors, path: str, person: PersonInput, today: date) -> CleanPerson:
    raw_id, raw_phone = (person.id_number or "").strip(), (person.phone or "").strip()
    if not raw_id and not raw_phone:
        errors.add(f"{path}.id_number", "身份证号和联系电话至少填一项，以便再次来访时识别")
    return CleanPerson(
        name=_name(errors, f"{path}.name", person.name),
        id_info=_id_info(errors, f"{path}.id_number", raw_id, today) if raw_id else None,
        phone=_phone(errors, f"{path}.phone", raw_phone) if raw_phone else None,
        representative=bool(person.representative),
        address=errors.text(f"{path}.address", person.address, "住址", ADDRESS_MAX, required=False),
    )


def _id_info(errors: _Errors, path: str, raw: str, today: date) -> IdInfo | None:
    try:
        return parse_id_number(raw, today)
    except ValidationError as exc:
        for e in exc.errors:
            errors.add(path, e.message)
        return None


def _phone(errors: _Errors, path: str, raw: str) -> str | None:
    try:
        return normalise_phone(raw)
    except ValidationError as exc:
        for e in exc.errors:
            errors.add(path, e.message)
        return None


def _name(errors: _Errors, path: str, value: str | None) -> str:
    text = (value or "").strip().translate(_DOTS)
    bad = next((ch for ch in text if not _name_char(ch)), None)
    if not text:
        errors.add(path, "请填写姓名")
    elif len(text) > NAME_MAX:
        errors.add(path, f"姓名最多{NAME_MAX}个字，现在有{len(text)}个字")
    elif bad is not None:
        shown = f"“{bad}”" if bad.isprintable() else "不可见的控制字符"
        errors.add(path, f"姓名中不能有{shown}：只能用文字、“·”和空格")
    elif not any(_letter(ch) for ch in text):
        errors.add(path, "姓名须包含文字")
    return text


def _name_char(ch: str) -> bool:
    return _letter(ch) or ch in _NAME_MARKS or unicodedata.category(ch) in ("Mn", "Mc")


def _letter(ch: str) -> bool:
    """A letter of any script, CJK Extensions B–I included."""
    if unicodedata.category(ch).startswith("L"):
        return True
    return any(low <= ord(ch) <= high for low, high in _NEW_CJK)


def _check_same_id(errors: _Errors, persons: list[CleanPerson]) -> None:
    seen: dict[str, int] = {}
    for i, person in enumerate(persons):
        if person.id_info is None:
            continue
        number = person.id_info.id_number
        if number in seen:
            errors.add(f"persons[{i}].id_number", f"与第{seen[number] + 1}位来访人的身份证号相同")
        seen.setdefault(number, i)


def _check_representatives(errors: _Errors, persons: list[CleanPerson], headcount: int) -> None:
    chosen = [i for i, p in enumerate(persons) if p.representative]
    if len(chosen) > MAX_REPRESENTATIVES:
        path = f"persons[{chosen[MAX_REPRESENTATIVES]}].representative"
        errors.add(path, f"代表最多{MAX_REPRESENTATIVES}人，现在勾选了{len(chosen)}人")
    if headcount >= GROUP_MIN and not chosen:
        errors.add("persons[0].representative", f"集体访（{GROUP_MIN}人及以上）须至少登记1名代表")
