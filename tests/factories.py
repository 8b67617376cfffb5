"""Builders for valid inputs, so each test states only what it is about."""

from __future__ import annotations

from datetime import datetime

from app.records import MaterialInput, PersonInput, VisitInput
from app.rules.idnumber import check_character

WANG_JI_ID = "11010519491231002X"  # RULES.md §4 example, a woman born 1949-12-31


def id_number(region: str = "130102", birth: str = "19800101", seq: int = 123) -> str:
    first17 = f"{region}{birth}{seq:03d}"
    return first17 + check_character(first17)


def person(
    name: str = "张伟", id_no: str | None = None, phone: str | None = "13800138000", rep: bool = False
) -> PersonInput:
    return PersonInput(name=name, id_number=id_no, phone=phone, representative=rep)


def visit(**changes: object) -> VisitInput:
    """A valid single visit on 2026-11-25; keyword arguments replace fields."""
    values: dict[str, object] = {
        "visited_at": datetime(2026, 11, 25, 9, 30),
        "channel": "来访",
        "headcount": 1,
        "persons": [person("王𠮷", WANG_JI_ID, "13800138000", rep=True)],
        "township": "城关镇",
        "category": "城乡建设",
        "summary": "锦绣花园小区开发商逾期交房",
        "appeal": "开发商合同约定2025年6月交房，至今未交，要求按合同交房并支付违约金。",
        "clerk": "李娜",
        "materials": [MaterialInput("购房合同", 12), MaterialInput("身份证复印件", 1)],
    }
    values.update(changes)
    return VisitInput(**values)  # type: ignore[arg-type]
