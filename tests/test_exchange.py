"""The exchange export: the JSON checked against the shape docs/exchange-format.md documents (parsed from its
tables, so the document and the program cannot drift apart), masked by default, revealed on request."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from app.desk import Desk
from app.errors import ValidationError
from app.exchange import FORMAT, FORMAT_VERSION, ExchangeService
from tests.factories import WANG_JI_ID, id_number, person, visit

DOC = Path(__file__).resolve().parent.parent / "docs" / "exchange-format.md"
FIRST, LAST = date(2026, 11, 1), date(2026, 11, 30)
_HEADING = re.compile(r"^###\s+`(\w+)`")
_ROW = re.compile(r"^\|\s*`(\w+)`\s*\|\s*([^|]+?)\s*\|")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$")

Schema = dict[str, dict[str, str]]


def documented_schema() -> Schema:
    """object name → field → type, from the tables of the format document."""
    schema: Schema = {}
    current: str | None = None
    for line in DOC.read_text(encoding="utf-8").splitlines():
        heading, row = _HEADING.match(line), _ROW.match(line)
        if heading:
            current = heading.group(1)
            schema[current] = {}
        elif row and current is not None:
            schema[current][row.group(1)] = row.group(2)
    return schema


def problems(value: Any, kind: str, schema: Schema, where: str) -> list[str]:
    """Where `value` departs from the documented type `kind` (empty: it conforms)."""
    if kind.endswith(" or null"):
        return [] if value is None else problems(value, kind.removesuffix(" or null"), schema, where)
    if kind.endswith("[]"):
        if not isinstance(value, list):
            return [f"{where}: not a list"]
        return [p for i, item in enumerate(value) for p in problems(item, kind[:-2], schema, f"{where}[{i}]")]
    if kind.startswith("`"):
        return object_problems(value, kind.strip("`"), schema, where)
    checks = {
        "string": lambda v: isinstance(v, str),
        "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
        "boolean": lambda v: isinstance(v, bool),
        "date": lambda v: isinstance(v, str) and bool(_DATE.match(v)),
        "datetime": lambda v: isinstance(v, str) and bool(_DATETIME.match(v)),
    }
    return [] if checks[kind](value) else [f"{where}: {value!r} is not {kind}"]


def object_problems(value: Any, name: str, schema: Schema, where: str) -> list[str]:
    if not isinstance(value, dict):
        return [f"{where}: not an object"]
    fields = schema[name]
    found = (
        [f"{where}: keys {sorted(set(value) ^ set(fields))} differ from `{name}`"]
        if set(value) != set(fields)
        else []
    )
    for key, kind in fields.items():
        if key in value:
            found += problems(value[key], kind, schema, f"{where}.{key}")
    return found


@pytest.fixture
def busy(desk: Desk) -> dict[str, str]:
    """Matters with every part filled: a group, a repeat visit, an assignment, a rating, a leader, an
    assignment from above; and one matter outside the period."""
    single = desk.intake.register_visit(
        visit(visited_at=datetime(2026, 11, 2, 9, 30), category="住房保障与房地产")
    )
    desk.intake.register_visit(visit(visited_at=datetime(2026, 11, 20, 9, 0), matter_no=single.matter_no))
    group = desk.intake.register_visit(
        visit(
            visited_at=datetime(2026, 11, 10, 14, 0),
            headcount=6,
            persons=[
                person("钱二", id_number(seq=13), "13900000002", rep=True),
                person("赵一", None, "13900000001"),
            ],
            flags=["越级访"],
            summary="南湖村征地补偿款未发放",
        )
    )
    desk.intake.register_visit(visit(visited_at=datetime(2026, 10, 31, 9, 0), summary="期前来访"))
    no = single.matter_no
    desk.cases.accept(no, "李娜")
    desk.cases.assign(no, ["县住房和城乡建设局"], "李娜")
    desk.cases.sign_for(no, "县住房和城乡建设局", "李娜")
    desk.cases.feedback(no, "县住房和城乡建设局", "已督促开发商交房", "李娜")
    desk.cases.reply(no, ["解决到位"], "已督促开发商于12月底前交房", "李娜")
    desk.cases.rate(no, "满意", "李娜")
    desk.cases.add_leader("周明", "副县长")
    desk.cases.set_leaders(group.matter_no, "周明", [], "李娜")
    desk.cases.record_upper_assignment(
        group.matter_no, "市信访局", "市信交〔2026〕8号", date(2026, 11, 12), date(2026, 12, 12), "李娜"
    )
    return {"single": no, "group": group.matter_no}


def export(desk: Desk, path: Path, reveal: bool = False) -> tuple[int, dict[str, Any]]:
    count = ExchangeService(desk.db, desk.settings, desk.clock).export(FIRST, LAST, path, reveal=reveal)
    return count, json.loads(path.read_text(encoding="utf-8"))


def test_the_document_describes_every_object() -> None:
    schema = documented_schema()
    assert set(schema) == {
        "header", "agency", "period", "matter", "category", "refusal", "person", "visit", "event",
        "deadline", "assignment", "rating", "leader", "upper_assignment",
    }  # fmt: skip
    referenced = {
        t.strip("`[]").removesuffix(" or null").strip("`[]") for o in schema.values() for t in o.values()
    }
    assert {r for r in referenced if r in schema} | {"header"} == set(schema)


def test_export_conforms_to_the_documented_shape(desk: Desk, busy: dict[str, str], tmp_path: Path) -> None:
    count, data = export(desk, tmp_path / "out.json")

    assert object_problems(data, "header", documented_schema(), "$") == []
    assert count == data["matter_count"] == len(data["matters"]) == 2
    assert (data["format"], data["version"]) == (FORMAT, FORMAT_VERSION)
    assert data["agency"] == {"name": "示例县信访局", "code": "X信访"}
    assert data["period"] == {"from": "2026-11-01", "to": "2026-11-30", "by": "received_at"}
    assert [m["matter_no"] for m in data["matters"]] == [busy["single"], busy["group"]]


def test_the_parts_of_a_matter(desk: Desk, busy: dict[str, str], tmp_path: Path) -> None:
    _, data = export(desk, tmp_path / "out.json")
    single, group = data["matters"]

    assert single["category"] == {"top": "城乡建设", "second": "住房保障与房地产"}
    assert [v["repeat"] for v in single["visits"]] == [False, True]
    assert [e["kind"] for e in single["events"]][:2] == ["登记", "重访"]
    assert single["assignments"][0]["department"] == "县住房和城乡建设局"
    assert single["assignments"][0]["feedback"] == "已督促开发商交房"
    assert single["ratings"] == [{"body": "本机关", "result": "满意", "rated_at": "2026-11-26T10:00:00"}]
    notice = next(d for d in single["deadlines"] if d["rule"] == "notice")
    assert notice["met"] is False and notice["met_at"] == "2026-11-26T10:00:00"  # due 11-17, accepted late
    assert notice["window"] is False and single["outcomes"] == ["解决到位"]
    assert group["visits"][0]["group"] and group["visits"][0]["skip_level"]
    assert group["visits"][0]["persons"] == ["钱二", "赵一"]
    assert [p["representative"] for p in group["persons"]] == [True, False]
    assert group["leaders"] == [{"name": "周明", "title": "副县长", "role": "包案"}]
    assert group["upper_assignment"]["ref_no"] == "市信交〔2026〕8号"


def test_masked_by_default_revealed_on_request(desk: Desk, busy: dict[str, str], tmp_path: Path) -> None:
    masked_path, revealed_path = tmp_path / "masked.json", tmp_path / "revealed.json"
    _, masked = export(desk, masked_path)
    _, revealed = export(desk, revealed_path, reveal=True)

    text = masked_path.read_text(encoding="utf-8")
    assert WANG_JI_ID not in text and "13800138000" not in text and "13900000001" not in text
    assert masked["personal_data"] == "masked"
    assert masked["matters"][0]["persons"][0]["id_number"] == "110105********002X"
    assert masked["matters"][0]["persons"][0]["phone"] == "138****8000"
    assert revealed["personal_data"] == "revealed"
    assert revealed["matters"][0]["persons"][0]["id_number"] == WANG_JI_ID
    assert revealed["matters"][0]["persons"][0]["phone"] == "13800138000"


def test_an_empty_period_is_a_valid_document(desk: Desk, tmp_path: Path) -> None:
    count, data = export(desk, tmp_path / "none.json")
    assert (
        count == 0
        and data["matters"] == []
        and object_problems(data, "header", documented_schema(), "$") == []
    )
    assert not (tmp_path / "none.json.part").exists()


def test_many_matters_stream_in_batches(desk: Desk, tmp_path: Path) -> None:
    for day in range(1, 26):
        for hour in (8, 9, 10, 11, 14, 15, 16, 17, 18):
            desk.intake.register_visit(
                visit(visited_at=datetime(2026, 11, day, hour, 0), summary=f"{day}日{hour}时")
            )
    count, data = export(desk, tmp_path / "many.json")
    assert count == 225 == len(data["matters"])  # more than one batch of 200
    assert [m["received_at"] for m in data["matters"]] == sorted(m["received_at"] for m in data["matters"])


def test_a_reversed_period_is_refused(desk: Desk, tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        ExchangeService(desk.db, desk.settings, desk.clock).export(LAST, FIRST, tmp_path / "x.json")
