"""The window's configuration (agency, numbering, printer, slip layout), kept in the database."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from sqlalchemy import select

from app.errors import FieldError, ValidationError
from db.engine import Database
from db.models import Setting

LAYOUTS = ("a4", "thermal")


@dataclass(frozen=True)
class AgencySettings:
    agency_name: str = "示例县信访局"
    agency_code: str = "X信访"  # matter numbers read X信访〔2026〕123号
    window_phone: str = ""
    slip_layout: str = "a4"
    printer: str = ""  # empty: the system default printer
    clerk_name: str = ""  # who sits at this window (accounts come later)


def validate_settings(values: AgencySettings) -> AgencySettings:
    """Strip and check every field; raise one ValidationError listing all problems."""
    clean = AgencySettings(**{k: str(v).strip() for k, v in asdict(values).items()})
    errors = []
    if not clean.agency_name or len(clean.agency_name) > 64:
        errors.append(FieldError("agency_name", "单位名称不能为空，且不超过64个字"))
    if not clean.agency_code or len(clean.agency_code) > 16 or any(c in clean.agency_code for c in "〔〕号 "):
        errors.append(FieldError("agency_code", "机关代字不能为空，不超过16个字，且不含〔〕、号或空格"))
    if len(clean.window_phone) > 32:
        errors.append(FieldError("window_phone", "联系电话过长"))
    if clean.slip_layout not in LAYOUTS:
        errors.append(FieldError("slip_layout", "回执版式只能是 A4 或 80毫米热敏"))
    if len(clean.clerk_name) > 32:
        errors.append(FieldError("clerk_name", "接待人姓名不超过32个字"))
    if errors:
        raise ValidationError(errors)
    return clean


class SettingsService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self) -> AgencySettings:
        with self._db.reading() as session:
            stored = dict(session.execute(select(Setting.key, Setting.value)).all())
        known = {f.name for f in fields(AgencySettings)}
        return AgencySettings(**{k: v for k, v in stored.items() if k in known})

    def save(self, values: AgencySettings) -> AgencySettings:
        clean = validate_settings(values)
        with self._db.writing() as session:
            for key, value in asdict(clean).items():
                session.merge(Setting(key=key, value=value))
        return clean
