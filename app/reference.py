"""Reference data the form offers: townships, departments, categories (with type-ahead), clerks."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import aliased

from db.engine import Database
from db.models import Category, Clerk, Department, Township


@dataclass(frozen=True)
class CategoryItem:
    code: str
    name: str
    parent: str  # "" for a top-level category
    initials: str

    @property
    def label(self) -> str:
        return f"{self.parent} / {self.name}" if self.parent else self.name


@dataclass(frozen=True)
class ReferenceNames:
    townships: list[str]
    departments: list[str]
    categories: list[CategoryItem]
    clerks: list[str]

    @property
    def category_names(self) -> set[str]:
        return {c.name for c in self.categories}


class ReferenceService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def names(self) -> ReferenceNames:
        with self._db.reading() as session:
            parent = aliased(Category)
            rows = session.execute(
                select(Category.code, Category.name, parent.name, Category.initials)
                .outerjoin(parent, Category.parent_id == parent.id)
                .order_by(Category.code)
            )
            categories = [
                CategoryItem(code, name, pname or "", initials) for code, name, pname, initials in rows
            ]
            return ReferenceNames(
                townships=list(
                    session.scalars(
                        select(Township.name).where(Township.active).order_by(Township.sort_order)
                    )
                ),
                departments=list(
                    session.scalars(
                        select(Department.name).where(Department.active).order_by(Department.sort_order)
                    )
                ),
                categories=categories,
                clerks=list(session.scalars(select(Clerk.name).where(Clerk.active).order_by(Clerk.id))),
            )


def match_categories(categories: list[CategoryItem], typed: str) -> list[CategoryItem]:
    """Type-ahead: by pinyin initials prefix (cxjs → 城乡建设) or by characters contained."""
    key = typed.strip().lower()
    if not key:
        return list(categories)
    by_initials = [c for c in categories if key.isascii() and c.initials.startswith(key)]
    by_text = [c for c in categories if key in c.name and c not in by_initials]
    return by_initials + by_text
