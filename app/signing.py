"""Who signs an edit: every change to the calendar, the rules, a deadline or a 督办 names its clerk."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import ValidationError
from db.models import Clerk


def signing_clerk(session: Session, name: str) -> Clerk:
    """The active clerk called ``name``; a clear message when there is none."""
    clean = name.strip()
    if not clean:
        raise ValidationError.single("clerk", "请填写操作人")
    clerk = session.scalar(select(Clerk).where(Clerk.name == clean, Clerk.active))
    if clerk is None:
        raise ValidationError.single("clerk", f"操作人“{clean}”不在接待人名单中，请在设置中添加")
    return clerk
