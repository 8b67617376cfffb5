"""A visit received on a leader's reception day (领导接访日) is linked to it in the same transaction as its
registration: the day must exist, be the visit's date, and the visit must have come by that channel.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from app.desk import Desk
from app.errors import ValidationError
from app.intake_json import read_visits
from db.models import Matter, Visit
from tests.factories import visit

CHANNEL = "领导接访日"
VISIT_DAY = date(2026, 11, 25)  # the factory's visit date


@pytest.fixture
def day_id(desk: Desk) -> int:
    desk.cases.add_leader("周县长", "副县长")
    return desk.cases.schedule_reception_day("周县长", VISIT_DAY, "县信访局接待大厅").id


def linked_day(desk: Desk, visit_id: int) -> int | None:
    with desk.db.reading() as session:
        return session.scalar(select(Visit.reception_day_id).where(Visit.id == visit_id))


def refused(desk: Desk, **changes: object) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        desk.intake.register_visit(visit(**changes))
    return {e.field: e.message for e in caught.value.errors}


def matters(desk: Desk) -> int:
    with desk.db.reading() as session:
        return len(session.scalars(select(Matter.id)).all())


def test_a_visit_on_the_day_is_linked_to_it_and_so_to_its_leader(desk: Desk, day_id: int) -> None:
    registered = desk.intake.register_visit(visit(channel=CHANNEL, reception_day_id=day_id))
    assert linked_day(desk, registered.visit_id) == day_id
    [held] = desk.cases.reception_days(VISIT_DAY, VISIT_DAY)
    assert (held.id, held.leader) == (day_id, "周县长")


def test_without_a_day_the_visit_is_registered_unlinked(desk: Desk, day_id: int) -> None:
    registered = desk.intake.register_visit(visit(channel=CHANNEL))
    assert linked_day(desk, registered.visit_id) is None


def test_a_day_that_does_not_exist_is_refused_and_nothing_is_saved(desk: Desk, day_id: int) -> None:
    errors = refused(desk, channel=CHANNEL, reception_day_id=day_id + 99)
    assert errors == {"reception_day_id": "所选的领导接访日不存在，请刷新后重新选择"}
    assert matters(desk) == 0
    # the yearly counter did not move either: the next matter still gets number 1
    assert desk.intake.register_visit(visit()).matter_no.endswith("〔2026〕1号")


def test_a_day_other_than_the_visits_date_is_refused(desk: Desk, day_id: int) -> None:
    later = desk.cases.schedule_reception_day("周县长", date(2026, 12, 2)).id
    errors = refused(desk, channel=CHANNEL, reception_day_id=later)
    assert errors["reception_day_id"] == "周县长的接访日是2026-12-02，与来访日期2026-11-25不符"
    assert matters(desk) == 0


def test_another_channel_cannot_name_a_reception_day(desk: Desk, day_id: int) -> None:
    errors = refused(desk, channel="来访", reception_day_id=day_id)
    assert errors == {"reception_day_id": "信访形式为“领导接访日”时才能选择领导接访日"}


def test_in_a_batch_the_message_names_the_visit(desk: Desk, day_id: int) -> None:
    batch = [visit(channel=CHANNEL, reception_day_id=day_id), visit(channel="电话", reception_day_id=day_id)]
    with pytest.raises(ValidationError) as caught:
        desk.intake.register_many(batch)
    assert [e.field for e in caught.value.errors] == ["[1].reception_day_id"]
    assert matters(desk) == 0  # all or none


def test_the_json_file_carries_the_day(desk: Desk, day_id: int, tmp_path: Path) -> None:
    item = {
        "visited_at": "2026-11-25T09:30",
        "channel": CHANNEL,
        "headcount": 1,
        "persons": [{"name": "张伟", "phone": "13800138000"}],
        "township": "城关镇",
        "category": "城乡建设",
        "summary": "锦绣花园逾期交房",
        "appeal": "要求开发商按合同交房。",
        "clerk": "李娜",
        "reception_day_id": day_id,
    }
    path = tmp_path / "visits.json"
    path.write_text(json.dumps([item, dict(item, reception_day_id="1")], ensure_ascii=False), "utf-8")
    with pytest.raises(ValidationError) as caught:
        read_visits(path)
    assert [(e.field, e.message) for e in caught.value.errors] == [("[1].reception_day_id", "应为整数")]
    path.write_text(json.dumps([item], ensure_ascii=False), "utf-8")
    [registered] = desk.intake.register_many(read_visits(path))
    assert linked_day(desk, registered.visit_id) == day_id
