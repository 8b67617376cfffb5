"""Seed a new database with the example county from resources/ (the administrator edits it later)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.resources import resource_path
from db.engine import Database
from db.models import Category, Clerk, Department, Setting, Township


def pinyin_initials(text: str) -> str:
    """城乡建设 → cxjs, for type-ahead by initials."""
    # imported here: pypinyin loads its phrase dictionary on import (~0.3 s), which only seeding needs,
    # not the start-up of the window
    from pypinyin import Style, lazy_pinyin

    return "".join(lazy_pinyin(text, style=Style.FIRST_LETTER, errors="ignore")).lower()


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resource_path("tables", name).read_text(encoding="utf-8"))
    return data


def seed_if_empty(db: Database) -> bool:
    """Fill an empty database with the example county; True when it did."""
    with db.writing() as session:
        if session.scalar(select(func.count()).select_from(Township)):
            return False
        county = _load("county_example.json")
        _seed_settings(session, county["settings"])
        _seed_named(session, Township, county["townships"], prefix="T")
        _seed_named(session, Department, county["departments"], prefix="D")
        session.add_all(Clerk(name=name) for name in county["clerks"])
        _seed_categories(session, _load("categories.json")["categories"])
    return True


def _seed_settings(session: Session, values: dict[str, str]) -> None:
    session.add_all(Setting(key=k, value=v) for k, v in values.items())


def _seed_named(
    session: Session, model: type[Township] | type[Department], names: list[str], prefix: str
) -> None:
    for order, name in enumerate(names, start=1):
        session.add(model(code=f"{prefix}{order:03d}", name=name, sort_order=order))


def _seed_categories(session: Session, tree: list[dict[str, Any]]) -> None:
    for order, top in enumerate(tree, start=1):
        parent = Category(
            code=top["code"], name=top["name"], initials=pinyin_initials(top["name"]), sort_order=order
        )
        session.add(parent)
        session.flush()
        for sub_order, child in enumerate(top["children"], start=1):
            session.add(
                Category(
                    code=f"{top['code']}{sub_order:02d}",
                    name=child,
                    parent_id=parent.id,
                    initials=pinyin_initials(child),
                    sort_order=sub_order,
                )
            )
