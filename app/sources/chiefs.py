"""Who is a section chief (科长): merging entities and drafting accountability letters are theirs.

Until accounts and roles arrive (PRODUCT.md §8), the chiefs are a list of clerk names the administrator
keeps in the settings table; the services check it, the window hides what a non-chief may not do.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import ValidationError
from db.engine import Database
from db.models import Clerk, Setting

KEY = "sources.chiefs"


def chiefs_in(session: Session) -> list[str]:
    value = session.scalar(select(Setting.value).where(Setting.key == KEY)) or ""
    return [name for name in value.split(",") if name]


def require_chief(session: Session, name: str, what: str) -> None:
    """A ValidationError unless ``name`` is a chief."""
    if not name.strip() or name.strip() not in chiefs_in(session):
        raise ValidationError.single("chief", f"只有科长才能{what}（当前操作人：{name.strip() or '未填写'}）")


class ChiefRoster:
    def __init__(self, db: Database) -> None:
        self._db = db

    def is_chief(self, name: str) -> bool:
        with self._db.reading() as session:
            return bool(name.strip()) and name.strip() in chiefs_in(session)

    def chiefs(self) -> list[str]:
        with self._db.reading() as session:
            return chiefs_in(session)

    def set_chiefs(self, names: list[str]) -> list[str]:
        """Set the chiefs (管理员); each must be a configured clerk."""
        clean = list(dict.fromkeys(n.strip() for n in names if n.strip()))
        with self._db.writing() as session:
            known = set(session.scalars(select(Clerk.name).where(Clerk.name.in_(clean))))
            if unknown := [n for n in clean if n not in known]:
                raise ValidationError.single("chiefs", f"“{unknown[0]}”不在接待人名单中")
            session.merge(Setting(key=KEY, value=",".join(clean)))
            return clean
