"""The thresholds of the hotspot board and the backlog: defaults here, an administrator's values stored."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, fields

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import FieldError, ValidationError
from app.sources.records import Thresholds
from db.engine import Database
from db.models import SourceThreshold

DEFAULTS = Thresholds(
    min_count=5,
    growth_percent=50,
    warning_persons=5,
    warning_days=14,
    backlog_days=90,
    backlog_visits=3,
)
LABELS = {
    "min_count": ("本周事项数下限", 1, 10_000),
    "growth_percent": ("环比增长百分比下限", 0, 10_000),
    "warning_persons": ("集访风险人数", 2, 1_000),
    "warning_days": ("集访风险天数", 1, 90),
    "backlog_days": ("积案办理天数", 1, 3_650),
    "backlog_visits": ("积案来访次数", 1, 1_000),
}


def read(session: Session) -> Thresholds:
    stored = dict(session.execute(select(SourceThreshold.key, SourceThreshold.value)).all())
    values = {f.name: stored.get(f.name, getattr(DEFAULTS, f.name)) for f in fields(Thresholds)}
    return Thresholds(**values)


class ThresholdStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def thresholds(self) -> Thresholds:
        with self._db.reading() as session:
            return read(session)

    def set_thresholds(self, values: Mapping[str, int]) -> Thresholds:
        """Set some thresholds by name (管理员); every value checked against its range, all or none.

        A mapping, not keywords: the guard's signature check refuses a stray argument before anything runs.
        """
        errors = [FieldError(k, f"没有名为“{k}”的阈值") for k in values if k not in LABELS]
        for key, value in values.items():
            if key in LABELS:
                label, low, high = LABELS[key]
                if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                    errors.append(FieldError(key, f"{label}应为{low}到{high}之间的整数"))
        if errors:
            raise ValidationError(errors)
        with self._db.writing() as session:
            for key, value in values.items():
                session.merge(SourceThreshold(key=key, value=value))
            session.flush()
            return read(session)

    def reset(self) -> Thresholds:
        return self.set_thresholds(asdict(DEFAULTS))
