"""The deadline rules (期限规则) as an administrator keeps them: seeded from the Regulation's defaults.

Provinces differ, so every period of RULES.md §1 is a row that can be edited; an edit recomputes the open
deadlines in the same transaction.
"""

from __future__ import annotations

import logging
from typing import cast

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.deadlines import DEFAULT_RULES, DeadlineRule, Unit
from app.errors import FieldError, NotFoundError, ValidationError
from app.holiday_table import load_calendar
from app.recompute import recompute_open_deadlines
from app.signing import signing_clerk
from db.engine import Database
from db.models import DeadlineRuleRow

MAX_DAYS = 365
UNITS: dict[str, str] = {"calendar": "自然日", "working": "工作日"}
log = logging.getLogger(__name__)


def load_rules(session: Session) -> dict[str, DeadlineRule]:
    """The rules as the table holds them; a rule the table lacks (added in a later version) by default."""
    rows = session.scalars(select(DeadlineRuleRow)).all()
    return {**DEFAULT_RULES, **{row.key: _rule(row) for row in rows}}


def _rule(row: DeadlineRuleRow) -> DeadlineRule:
    return DeadlineRule(row.key, row.label, row.days, cast(Unit, row.unit), row.roll_forward, row.basis)


def validate_rule_edit(days: int, unit: str) -> None:
    errors = []
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_DAYS:
        errors.append(FieldError("days", f"期限天数须为1至{MAX_DAYS}之间的整数"))
    if unit not in UNITS:
        errors.append(FieldError("unit", "期限单位只能是自然日或工作日"))
    if errors:
        raise ValidationError(errors)


class DeadlineRuleService:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._cache: dict[str, DeadlineRule] | None = None

    def seed_if_empty(self) -> bool:
        """Fill an empty rule table with the Regulation's defaults; True when it did."""
        with self._db.writing() as session:
            if session.scalar(select(func.count()).select_from(DeadlineRuleRow)):
                return False
            session.add_all(
                DeadlineRuleRow(
                    key=r.key,
                    label=r.label,
                    days=r.days,
                    unit=r.unit,
                    roll_forward=r.roll_forward,
                    basis=r.basis,
                )
                for r in DEFAULT_RULES.values()
            )
        self._cache = None
        return True

    def rules(self) -> dict[str, DeadlineRule]:
        """Every rule by key (a copy: the caller cannot change the cache)."""
        if self._cache is None:
            with self._db.reading() as session:
                self._cache = load_rules(session)
        return dict(self._cache)

    def update(self, key: str, days: int, unit: str, roll_forward: bool, clerk: str) -> int:
        """Change one rule and recompute every running deadline; how many deadlines moved."""
        validate_rule_edit(days, unit)
        with self._db.writing() as session:
            signer = signing_clerk(session, clerk)
            row = session.get(DeadlineRuleRow, key)
            if row is None:
                raise NotFoundError(f"没有名为“{key}”的期限规则")
            row.days, row.unit, row.roll_forward = days, unit, roll_forward
            session.flush()
            moved = recompute_open_deadlines(session, load_calendar(session), load_rules(session))
            self._cache = None
        log.info(
            "期限规则 %s 改为 %d%s（顺延：%s），操作人 %s", key, days, UNITS[unit], roll_forward, signer.name
        )
        return moved
