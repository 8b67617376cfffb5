"""The `intake --json` file format: a JSON list of visits, read into VisitInput records.

Shape errors (a missing key, a number where text belongs) are reported with the same field paths as
the form's validation errors, so a script author sees `[2].persons[0].name: …`.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from app.errors import FieldError, ValidationError
from app.records import MaterialInput, PersonInput, VisitInput

REQUIRED = (
    "visited_at",
    "channel",
    "headcount",
    "persons",
    "township",
    "category",
    "summary",
    "appeal",
    "clerk",
)
OPTIONAL_TEXT = ("purpose", "place")
KNOWN = {
    *REQUIRED, *OPTIONAL_TEXT, "matter_no", "departments", "materials", "flags", "reception_day_id",
    "entities", "group",
}  # fmt: skip
PERSON_KEYS = {"name", "id_number", "phone", "representative", "address", "known_person_id"}
MATERIAL_KEYS = {"name", "pages"}


def read_visits(path: Path) -> list[VisitInput]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as error:
        raise ValidationError.single("file", f"无法读取文件 {path}（文件不存在或没有权限）") from error
    except ValueError as error:
        raise ValidationError.single("file", f"文件不是有效的 JSON：{error}") from error
    if not isinstance(data, list):
        raise ValidationError.single("file", "文件内容应为来访记录的列表（JSON 数组）")
    visits, errors = [], []
    for index, item in enumerate(data):
        try:
            visits.append(visit_from_json(item))
        except ValidationError as error:
            errors.extend(error.prefixed(f"[{index}].").errors)
    if errors:
        raise ValidationError(errors)
    return visits


def visit_from_json(item: Any) -> VisitInput:
    if not isinstance(item, dict):
        raise ValidationError.single("", "每条来访记录应为一个 JSON 对象")
    errors = [FieldError(key, "缺少此项") for key in REQUIRED if key not in item]
    errors += [FieldError(key, "应为文字") for key in (*REQUIRED, *OPTIONAL_TEXT) if _bad_text(item, key)]
    errors += _unknown_keys(item, KNOWN, "")
    if errors:
        raise ValidationError(errors)
    return VisitInput(
        visited_at=_datetime(item["visited_at"]),
        channel=item["channel"],
        headcount=_int(item["headcount"], "headcount"),
        persons=_persons(item["persons"]),
        township=item["township"],
        category=item["category"],
        summary=item["summary"],
        appeal=item["appeal"],
        clerk=item["clerk"],
        matter_no=_optional_text(item.get("matter_no"), "matter_no"),
        purpose=item.get("purpose", ""),
        place=item.get("place", ""),
        departments=_text_list(item.get("departments", []), "departments"),
        materials=_materials(item.get("materials", [])),
        flags=_text_list(item.get("flags", []), "flags"),
        reception_day_id=_optional_int(item.get("reception_day_id"), "reception_day_id"),
        **_entities(item.get("entities", [])),
        group_id=_optional_int(item.get("group"), "group"),
    )


def _entities(value: Any) -> dict[str, Any]:
    """被反映对象: an id (picked), a name (found, else created as 其他), or {"name", "kind"}."""
    if not isinstance(value, list):
        raise ValidationError.single("entities", '应为列表：编号、名称或 {"name": …, "kind": …}')
    ids: list[int] = []
    named: list[tuple[str, str]] = []
    for i, item in enumerate(value):
        if isinstance(item, int) and not isinstance(item, bool):
            ids.append(item)
        elif isinstance(item, str):
            named.append((item, "其他"))
        elif isinstance(item, dict) and set(item) <= {"name", "kind"} and isinstance(item.get("name"), str):
            named.append((item["name"], str(item.get("kind", "其他"))))
        else:
            raise ValidationError.single(f"entities[{i}]", '应为编号、名称或 {"name": …, "kind": …}')
    return {"entity_ids": tuple(ids), "new_entities": tuple(named)}


def _bad_text(item: dict[str, Any], key: str) -> bool:
    typed = {"headcount", "persons", "visited_at"}
    return key in item and key not in typed and not isinstance(item[key], str)


def _unknown_keys(item: dict[str, Any], known: set[str], prefix: str) -> list[FieldError]:
    """A misspelt key must not be ignored: "matterno" would silently open a new matter."""
    return [FieldError(prefix + key, "未知的项（拼写是否有误？）") for key in item if key not in known]


def _bool(value: Any, field: str) -> bool:
    if isinstance(value, bool):
        return value
    raise ValidationError.single(field, "应为 true 或 false")


def _optional_int(value: Any, field: str) -> int | None:
    return None if value is None else _int(value, field)


def _datetime(value: Any) -> datetime:
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            pass
    raise ValidationError.single("visited_at", "来访时间格式应为 2026-09-20T09:30")


def _int(value: Any, field: str) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise ValidationError.single(field, "应为整数")


def _optional_text(value: Any, field: str) -> str | None:
    if value is None or isinstance(value, str):
        return value or None
    raise ValidationError.single(field, "应为文字或 null")


def _text_list(value: Any, field: str) -> list[str]:
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise ValidationError.single(field, "应为文字列表")


def _persons(value: Any) -> list[PersonInput]:
    if not isinstance(value, list):
        raise ValidationError.single("persons", "应为来访人列表")
    return [_person(index, item) for index, item in enumerate(value)]


def _person(index: int, item: Any) -> PersonInput:
    path = f"persons[{index}]."
    if not isinstance(item, dict) or not isinstance(item.get("name"), str):
        raise ValidationError.single(path + "name", "每位来访人须有姓名")
    unknown = _unknown_keys(item, PERSON_KEYS, path)
    if unknown:
        raise ValidationError(unknown)
    return PersonInput(
        name=item["name"],
        id_number=_optional_text(item.get("id_number"), path + "id_number"),
        phone=_optional_text(item.get("phone"), path + "phone"),
        representative=_bool(item.get("representative", False), path + "representative"),
        address=_optional_text(item.get("address"), path + "address") or "",
        known_person_id=_optional_int(item.get("known_person_id"), path + "known_person_id"),
    )


def _materials(value: Any) -> list[MaterialInput]:
    if not isinstance(value, list):
        raise ValidationError.single("materials", "应为材料列表")
    return [_material(index, item) for index, item in enumerate(value)]


def _material(index: int, item: Any) -> MaterialInput:
    path = f"materials[{index}]."
    if not isinstance(item, dict) or not isinstance(item.get("name"), str):
        raise ValidationError.single(path + "name", "每份材料须有名称")
    unknown = _unknown_keys(item, MATERIAL_KEYS, path)
    if unknown:
        raise ValidationError(unknown)
    return MaterialInput(name=item["name"], pages=_int(item.get("pages", 1), path + "pages"))
