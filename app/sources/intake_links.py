"""What registration adds for the source view, inside the registering transaction: the matter's entities
(picked, or typed and created — or found, when the name is already known), its group for joint handling,
and its terms in the similarity index.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import FieldError, ValidationError
from app.records import VisitInput
from app.sources.entities import MAX_NAME, create_entity, find_by_name, resolve_id
from app.sources.groups import join_group
from app.sources.records import ENTITY_KINDS
from app.sources.term_index import index_matter
from app.sources.text import normalize_name
from db.models import Entity, Matter, MatterEntity

MAX_ENTITIES = 20


def check_links(visit: VisitInput) -> list[FieldError]:
    """The form's check of the entity fields, before any database work."""
    errors = []
    if len(visit.entity_ids) + len(visit.new_entities) > MAX_ENTITIES:
        errors.append(FieldError("entity_ids", f"被反映对象最多{MAX_ENTITIES}个"))
    if any(isinstance(i, bool) or not isinstance(i, int) or not 0 < i < 2**63 for i in visit.entity_ids):
        errors.append(FieldError("entity_ids", "所选的被反映对象编号无效，请重新选择"))
    for i, item in enumerate(visit.new_entities):
        name, kind = (item + ("", ""))[:2] if isinstance(item, tuple) else ("", "")
        if not isinstance(name, str) or not normalize_name(name):
            errors.append(FieldError(f"new_entities[{i}]", "请填写被反映对象的名称"))
        elif len(name.strip()) > MAX_NAME:
            errors.append(FieldError(f"new_entities[{i}]", f"被反映对象的名称不能超过{MAX_NAME}个字"))
        if kind not in ENTITY_KINDS:
            errors.append(
                FieldError(f"new_entities[{i}]", f"被反映对象类型应为{'、'.join(ENTITY_KINDS)}之一")
            )
    if visit.group_id is not None and (isinstance(visit.group_id, bool) or not 0 < visit.group_id < 2**63):
        errors.append(FieldError("group_id", "所选的调处组编号无效，请重新选择"))
    return errors


def link_sources(session: Session, matter: Matter, visit: VisitInput, is_new: bool, now: datetime) -> None:
    """Link the visit's entities and group to its matter; index a new matter's words."""
    session.flush()
    wanted = [_existing(session, i) for i in visit.entity_ids]
    wanted += [_named(session, name, kind, now) for name, kind in visit.new_entities]
    linked: set[int] = set()
    if wanted and not is_new:
        linked = set(
            session.scalars(select(MatterEntity.entity_id).where(MatterEntity.matter_id == matter.id))
        )
    for entity_id in dict.fromkeys(wanted):
        if entity_id not in linked:
            session.add(MatterEntity(matter_id=matter.id, entity_id=entity_id))
    if visit.group_id is not None:
        join_group(session, visit.group_id, matter.id)
    if is_new:
        index_matter(session, matter.id, matter.summary, matter.appeal, fresh=True)


def _existing(session: Session, entity_id: int) -> int:
    if session.get(Entity, entity_id) is None:
        raise ValidationError.single("entity_ids", "所选的被反映对象已不存在，请重新选择")
    return resolve_id(session, entity_id)


def _named(session: Session, name: str, kind: str, now: datetime) -> int:
    known = find_by_name(session, name)
    return known if known is not None else create_entity(session, name, kind, None, (), now).id
