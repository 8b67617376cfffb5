"""EntityService: what matters are raised against (被反映对象), their aliases, type-ahead and merging.

Every name of an entity — its own name too — is an alias row whose normalised form is unique, so
"鑫盛置业", "鑫盛置业有限公司" and "鑫盛置业公司" can never become three entities by accident. Merging moves
the aliases and the matters to the entity kept; the merged one stays as a row pointing to it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import datetime

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.orm import Session

from app.errors import NotFoundError, ValidationError
from app.sources.records import ENTITY_KINDS, EntityHit, EntityMatter, EntityRecord
from app.sources.text import name_initials, normalize_name
from db.engine import Database
from db.models import Category, Entity, EntityAlias, Matter, MatterEntity, Township

log = logging.getLogger(__name__)
MAX_NAME = 100


class EntityService:
    def __init__(self, db: Database, clock: Callable[[], datetime] = datetime.now) -> None:
        self._db = db
        self._clock = clock

    def suggest(self, text: str, limit: int = 10) -> list[EntityHit]:
        """Type-ahead over names and aliases: exact, then prefix, then contained; pinyin initials too."""
        key = normalize_name(text)
        if not key:
            return []
        with self._db.reading() as session:
            return _suggest(session, key, limit)

    def create(self, name: str, kind: str, township: str | None = None, aliases: Iterable[str] = ()) -> int:
        """A new entity with its aliases; a ValidationError when any of the names is already taken."""
        with self._db.writing() as session:
            return create_entity(session, name, kind, township, aliases, self._clock()).id

    def add_alias(self, entity_id: int, alias: str) -> None:
        with self._db.writing() as session:
            entity = _live(session, entity_id)
            _add_alias(session, entity, _clean_name(alias, "alias", "别名"))

    def merge(self, keep_id: int, merge_id: int) -> None:
        """Merge ``merge_id`` into ``keep_id``: aliases and matters move; it points to the kept one.

        Who may is the permission table's business (sources_decide); the audit log says who did.
        """
        if keep_id == merge_id:
            raise ValidationError.single("merge_id", "不能把被反映对象与自身合并")
        with self._db.writing() as session:
            keep, gone = _live(session, keep_id), _live(session, merge_id)
            _move_matters(session, gone.id, keep.id)
            session.execute(
                update(EntityAlias).where(EntityAlias.entity_id == gone.id).values(entity_id=keep.id)
            )
            session.execute(
                update(Entity).where(Entity.merged_into_id == gone.id).values(merged_into_id=keep.id)
            )
            gone.merged_into_id = keep.id
            log.info("被反映对象 %s 合并到 %s", gone.name, keep.name)

    def entity(self, entity_id: int) -> EntityRecord:
        """The entity (a merged id answers with the entity it became)."""
        with self._db.reading() as session:
            entity = session.get(Entity, resolve_id(session, entity_id))
            if entity is None:
                raise NotFoundError(f"没有编号为 {entity_id} 的被反映对象")
            count = _matter_counts(session, [entity.id]).get(entity.id, 0)
            return _record(entity, count)

    def matters_of(self, entity_id: int) -> list[EntityMatter]:
        """The entity's matters, newest first."""
        with self._db.reading() as session:
            live = resolve_id(session, entity_id)
            rows = session.execute(
                select(
                    Matter.matter_no,
                    Matter.received_at,
                    Matter.status,
                    Township.name,
                    Category.name,
                    Matter.summary,
                )
                .join(MatterEntity, MatterEntity.matter_id == Matter.id)
                .outerjoin(Township, Township.id == Matter.township_id)
                .outerjoin(Category, Category.id == Matter.category_id)
                .where(MatterEntity.entity_id == live)
                .order_by(Matter.received_at.desc(), Matter.id.desc())
            ).all()
            return [EntityMatter(no, at, st, tw or "", cat or "", summ) for no, at, st, tw, cat, summ in rows]

    def all(self) -> list[EntityRecord]:
        """Every live entity, most matters first (the entity list of the window)."""
        with self._db.reading() as session:
            entities = list(session.scalars(select(Entity).where(Entity.merged_into_id.is_(None))))
            counts = _matter_counts(session, [e.id for e in entities])
            records = [_record(e, counts.get(e.id, 0)) for e in entities]
            return sorted(records, key=lambda r: (-r.matter_count, r.name))


def create_entity(
    session: Session, name: str, kind: str, township: str | None, aliases: Iterable[str], now: datetime
) -> Entity:
    """Create an entity inside the caller's transaction (intake uses this for a name typed at the desk)."""
    clean = _clean_name(name, "name", "名称")
    if kind not in ENTITY_KINDS:
        raise ValidationError.single("kind", f"类型“{kind}”不对，应为{'、'.join(ENTITY_KINDS)}之一")
    entity = Entity(name=clean, kind=kind, township_id=_township_id(session, township), created_at=now)
    session.add(entity)
    session.flush()
    for alias in dict.fromkeys([clean, *(_clean_name(a, "aliases", "别名") for a in aliases)]):
        _add_alias(session, entity, alias)
    return entity


def find_by_name(session: Session, name: str) -> int | None:
    """The live entity one of whose names normalises like ``name``."""
    found = session.scalar(
        select(EntityAlias.entity_id).where(EntityAlias.normalized == normalize_name(name))
    )
    return None if found is None else resolve_id(session, found)


def resolve_id(session: Session, entity_id: int) -> int:
    """Follow merges to the live entity (merging repoints the chain, so this is one or two steps)."""
    seen = set()
    current = entity_id
    while current not in seen:
        seen.add(current)
        target = session.scalar(select(Entity.merged_into_id).where(Entity.id == current))
        if target is None:
            return current
        current = target
    return current


def _suggest(session: Session, key: str, limit: int) -> list[EntityHit]:
    pattern = f"%{_escape(key)}%"
    conditions = [EntityAlias.normalized.like(pattern, escape="\\")]
    if key.isascii() and key.isalpha():
        conditions.append(EntityAlias.initials.like(f"{key}%"))
    rows = session.execute(
        select(EntityAlias.entity_id, EntityAlias.alias, EntityAlias.normalized, EntityAlias.initials)
        .where(or_(*conditions))
        .limit(500)
    ).all()
    best: dict[int, tuple[int, str]] = {}
    for entity_id, alias, normalized, initials in rows:
        rank = 0 if normalized == key else 1 if normalized.startswith(key) or initials.startswith(key) else 2
        if entity_id not in best or rank < best[entity_id][0]:
            best[entity_id] = (rank, alias)
    entities = {e.id: e for e in session.scalars(select(Entity).where(Entity.id.in_(best)))}
    counts = _matter_counts(session, list(best))
    hits = [
        EntityHit(
            e.id, e.name, e.kind, e.township.name if e.township else "", best[e.id][1], counts.get(e.id, 0)
        )
        for e in entities.values()
    ]
    hits.sort(key=lambda h: (best[h.entity_id][0], -h.matter_count, h.name))
    return hits[:limit]


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _clean_name(name: str, field: str, label: str) -> str:
    clean = " ".join((name or "").split())
    if not normalize_name(clean):
        raise ValidationError.single(field, f"请填写被反映对象的{label}")
    if len(clean) > MAX_NAME:
        raise ValidationError.single(field, f"被反映对象的{label}不能超过{MAX_NAME}个字")
    return clean


def _add_alias(session: Session, entity: Entity, alias: str) -> None:
    normalized = normalize_name(alias)
    owner = session.scalar(select(EntityAlias.entity_id).where(EntityAlias.normalized == normalized))
    if owner == entity.id:
        return
    if owner is not None:
        other = session.get(Entity, owner)
        raise ValidationError.single(
            "alias", f"“{alias}”已是被反映对象“{other.name if other else owner}”的名称或别名"
        )
    session.add(
        EntityAlias(entity_id=entity.id, alias=alias, normalized=normalized, initials=name_initials(alias))
    )
    session.flush()


def _live(session: Session, entity_id: int) -> Entity:
    entity = session.get(Entity, entity_id)
    if entity is None:
        raise NotFoundError(f"没有编号为 {entity_id} 的被反映对象")
    if entity.merged_into_id is not None:
        raise ValidationError.single("entity", f"“{entity.name}”已合并到其他被反映对象")
    return entity


def _move_matters(session: Session, gone: int, keep: int) -> None:
    """Repoint the merged entity's matters; a matter already linked to both keeps one link."""
    both = select(MatterEntity.matter_id).where(MatterEntity.entity_id == keep)
    session.execute(
        delete(MatterEntity).where(MatterEntity.entity_id == gone, MatterEntity.matter_id.in_(both))
    )
    session.execute(update(MatterEntity).where(MatterEntity.entity_id == gone).values(entity_id=keep))


def _township_id(session: Session, township: str | None) -> int | None:
    if not township:
        return None
    found = session.scalar(
        select(Township.id).where(or_(Township.name == township, Township.code == township))
    )
    if found is None:
        raise ValidationError.single("township", f"没有名为“{township}”的乡镇（街道）")
    return found


def _matter_counts(session: Session, ids: list[int]) -> dict[int, int]:
    if not ids:
        return {}
    rows = session.execute(
        select(MatterEntity.entity_id, func.count())
        .where(MatterEntity.entity_id.in_(ids))
        .group_by(MatterEntity.entity_id)
    )
    return dict(rows.all())


def _record(entity: Entity, matter_count: int) -> EntityRecord:
    aliases = [entity.name, *(a.alias for a in entity.aliases if a.alias != entity.name)]
    township = entity.township.name if entity.township else ""
    return EntityRecord(
        entity.id, entity.name, entity.kind, township, aliases, entity.merged_into_id, matter_count
    )
