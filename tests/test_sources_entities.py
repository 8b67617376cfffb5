"""被反映对象: names normalised, type-ahead by any alias or pinyin initials, merging by a chief, and intake
linking entities and joint-handling groups in the registering transaction."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.access import PermissionDeniedError
from app.accounts import Role
from app.desk import Desk
from app.errors import ValidationError
from app.intake_json import read_visits
from app.sources.text import normalize_name
from db.models import Entity, EntityAlias, MatterEntity, MatterTerm
from tests.accounts_helpers import sign_in_as
from tests.factories import id_number, person, visit

CHIEF = "李娜"


def _chief(desk: Desk) -> None:
    sign_in_as(desk, Role.CHIEF)


def _register(desk: Desk, seq: int, **changes: object) -> str:
    who = [person("张伟", id_number(seq=seq), f"138{seq:08d}")]
    return desk.intake.register_visit(visit(persons=who, **changes)).matter_no


@given(st.text(alphabet="鑫盛置业锦绣华庭花园 ·-（）", min_size=1, max_size=12))
def test_normalising_twice_changes_nothing(name: str) -> None:
    once = normalize_name(name)
    assert normalize_name(once) == once


@pytest.mark.parametrize(
    "variant", ["鑫盛置业有限公司", "鑫盛置业公司", "鑫 盛 置 业", "鑫盛置业（集团）有限责任公司"]
)
def test_legal_form_and_punctuation_do_not_make_another_name(variant: str) -> None:
    assert normalize_name(variant) == "鑫盛置业"


def test_suggest_by_prefix_contained_alias_and_initials(desk: Desk) -> None:
    estate = desk.sources.entities.create("锦绣华庭项目", "项目或小区", "城关镇", ["鑫盛置业锦绣华庭开发商"])
    other = desk.sources.entities.create("华庭物业服务有限公司", "企业")
    assert [h.entity_id for h in desk.sources.entities.suggest("锦绣")] == [estate]
    by_alias = desk.sources.entities.suggest("鑫盛置业")
    assert by_alias[0].entity_id == estate and by_alias[0].matched == "鑫盛置业锦绣华庭开发商"
    assert by_alias[0].township == "城关镇"
    assert {h.entity_id for h in desk.sources.entities.suggest("华庭")} == {estate, other}
    assert desk.sources.entities.suggest("jxht")[0].entity_id == estate  # pinyin initials
    assert desk.sources.entities.suggest("不存在的名字") == []


def test_a_name_taken_by_another_entity_is_refused(desk: Desk) -> None:
    desk.sources.entities.create("鑫盛置业有限公司", "企业")
    with pytest.raises(ValidationError, match="已是被反映对象"):
        desk.sources.entities.create("鑫盛置业公司", "企业")
    with pytest.raises(ValidationError, match="类型"):
        desk.sources.entities.create("顺达出租", "出租车")


def test_merge_moves_aliases_and_matters_and_suggest_finds_the_kept_one_by_any_alias(desk: Desk) -> None:
    service = desk.sources.entities
    keep = service.create("鑫盛置业有限公司", "企业", aliases=["鑫盛地产"])
    gone = service.create("锦绣华庭小区开发商", "企业", aliases=["锦绣开发"])
    both = _register(desk, 1, entity_ids=(keep, gone))
    only_gone = _register(desk, 2, entity_ids=(gone,))
    _chief(desk)  # the matters were registered by the administrator; the chief merges
    service.merge(keep, gone)
    assert desk.audit.entries(action="update", record_type="entities")[0].actor == "chief"
    for alias in ("鑫盛置业", "鑫盛地产", "锦绣华庭小区开发商", "锦绣开发"):
        assert [h.entity_id for h in service.suggest(alias)] == [keep], alias
    assert {m.matter_no for m in service.matters_of(keep)} == {both, only_gone}
    assert service.entity(gone).entity_id == keep  # the merged id answers with the one it became
    assert set(service.entity(keep).aliases) >= {"锦绣华庭小区开发商", "锦绣开发", "鑫盛地产"}
    with desk.db.reading() as session:
        assert session.scalar(select(func.count()).select_from(MatterEntity)) == 2  # one link each
        assert session.get(Entity, gone).merged_into_id == keep  # type: ignore[union-attr]
    # a new visit naming the old id is linked to the kept entity
    sign_in_as(desk, Role.ADMIN)
    later = _register(desk, 3, entity_ids=(gone,))
    assert later in {m.matter_no for m in service.matters_of(keep)}


def test_only_a_chief_or_the_administrator_may_merge(desk: Desk) -> None:
    a = desk.sources.entities.create("甲公司", "企业")
    b = desk.sources.entities.create("乙公司", "企业")
    sign_in_as(desk, Role.CLERK)
    with pytest.raises(PermissionDeniedError, match="合并被反映对象"):
        desk.sources.entities.merge(a, b)
    assert desk.sources.entities.entity(b).merged_into_id is None
    sign_in_as(desk, Role.ADMIN)
    desk.sources.entities.merge(a, b)
    assert desk.sources.entities.entity(b).entity_id == a


def test_intake_links_picked_and_typed_entities_and_a_group_in_one_transaction(desk: Desk) -> None:
    known = desk.sources.entities.create("顺达出租汽车有限公司", "企业")
    first = _register(desk, 1, entity_ids=(known,), new_entities=(("城东农贸市场", "企业"),))
    group = desk.sources.groups.create("出租车驾驶员联合调处", [first], created_by=CHIEF)
    # a typed name that is already known is linked, not created again
    second = _register(desk, 2, new_entities=(("顺达出租汽车公司", "企业"),), group_id=group)
    assert [m.matter_no for m in desk.sources.entities.matters_of(known)] == [second, first]
    assert desk.sources.groups.group_of(second) == desk.sources.groups.members(group)
    assert desk.sources.groups.members(group).matter_nos == [first, second]
    with desk.db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Entity)) == 2
        assert session.scalar(select(func.count()).select_from(MatterTerm)) > 0  # words indexed at once


def test_a_bad_link_registers_nothing(desk: Desk) -> None:
    before = desk.matters.count()
    with pytest.raises(ValidationError, match="调处组不存在"):
        _register(desk, 1, new_entities=(("新公司", "企业"),), group_id=999)
    with pytest.raises(ValidationError, match="类型"):
        _register(desk, 1, new_entities=(("新公司", "工厂"),))
    with pytest.raises(ValidationError, match="已不存在"):
        _register(desk, 1, entity_ids=(12345,))
    assert desk.matters.count() == before
    with desk.db.reading() as session:
        assert session.scalar(select(func.count()).select_from(EntityAlias)) == 0


def test_intake_json_takes_entities_and_group(desk: Desk, tmp_path: Path) -> None:
    known = desk.sources.entities.create("锦绣华庭项目", "项目或小区")
    base = visit(persons=[person("张伟", id_number(seq=5))])
    item = {
        "visited_at": "2026-11-25T09:30", "channel": "来访", "headcount": 1,
        "persons": [{"name": "张伟", "id_number": id_number(seq=5)}], "township": base.township,
        "category": base.category, "summary": base.summary, "appeal": base.appeal, "clerk": base.clerk,
        "entities": [known, "东关菜市场", {"name": "顺达出租", "kind": "企业"}],
    }  # fmt: skip
    path = tmp_path / "in.json"
    path.write_text(json.dumps([item], ensure_ascii=False), encoding="utf-8")
    parsed = read_visits(path)[0]
    assert parsed.entity_ids == (known,)
    assert parsed.new_entities == (("东关菜市场", "其他"), ("顺达出租", "企业"))
    matter_no = desk.intake.register_visit(replace(parsed)).matter_no
    linked = {
        h.name
        for h in desk.sources.entities.all()
        if matter_no in {m.matter_no for m in desk.sources.entities.matters_of(h.entity_id)}
    }
    assert linked == {"锦绣华庭项目", "东关菜市场", "顺达出租"}
    path.write_text(json.dumps([{**item, "entities": [[1]]}]), encoding="utf-8")
    with pytest.raises(ValidationError) as refused:
        read_visits(path)
    assert refused.value.errors[0].field.endswith("entities[0]")


def test_merging_a_matter_carries_its_entities_to_the_matter_it_joins(desk: Desk) -> None:
    estate = desk.sources.entities.create("锦绣华庭项目", "项目或小区")
    developer = desk.sources.entities.create("鑫盛置业有限公司", "企业")
    kept = _register(desk, 1, entity_ids=(estate,))
    merged = _register(desk, 2, entity_ids=(estate, developer))
    desk.cases.merge(merged, kept, CHIEF)
    assert kept in {m.matter_no for m in desk.sources.entities.matters_of(developer)}
    assert [m.matter_no for m in desk.sources.entities.matters_of(estate)].count(kept) == 1
