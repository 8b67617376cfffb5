"""Reference data the form offers: townships, departments, categories (with type-ahead), clerks."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import literal, select, union_all
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


@dataclass(frozen=True)
class KnownNames:
    """Which of some given names the code tables know, as ``ReferenceNames`` would answer for them."""

    townships: frozenset[str]
    category_names: frozenset[str]
    departments: frozenset[str]
    clerks: frozenset[str]


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

    def known(
        self,
        townships: Iterable[str],
        categories: Iterable[str],
        departments: Iterable[str],
        clerks: Iterable[str],
    ) -> KnownNames:
        """Which of these names are in the code tables, on the same terms as ``names`` (active townships,
        departments and clerks; any category): one statement, where ``names`` reads all four tables."""
        statement = union_all(
            select(literal(0), Township.name).where(Township.active, Township.name.in_(set(townships))),
            select(literal(1), Category.name).where(Category.name.in_(set(categories))),
            select(literal(2), Department.name).where(
                Department.active, Department.name.in_(set(departments))
            ),
            select(literal(3), Clerk.name).where(Clerk.active, Clerk.name.in_(set(clerks))),
        )
        found: list[set[str]] = [set(), set(), set(), set()]
        with self._db.reading() as session:
            for table, name in session.execute(statement):
                found[table].add(name)
        return KnownNames(*(frozenset(names) for names in found))


def match_categories(categories: list[CategoryItem], typed: str) -> list[CategoryItem]:
    """Type-ahead: by pinyin initials prefix (cxjs → 城乡建设) or by characters contained."""
    key = typed.strip().lower()
    if not key:
        return list(categories)
    by_initials = [c for c in categories if key.isascii() and c.initials.startswith(key)]
    by_text = [c for c in categories if key in c.name and c not in by_initials]
    return by_initials + by_text
