"""Settings: the agency's (in the database, shared by the hall) and this window's own (printer, clerk)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from pathlib import Path

from sqlalchemy import select

from app.errors import FieldError, ValidationError
from app.json_store import JsonFile
from app.storage import translated
from db.engine import Database
from db.models import Clerk, Setting

LAYOUTS = ("a4", "thermal")


@dataclass(frozen=True)
class AgencySettings:
    agency_name: str = "示例县信访局"
    agency_code: str = "X信访"  # matter numbers read X信访〔2026〕123号
    window_phone: str = ""
    slip_layout: str = "a4"
    printer: str = ""  # empty: the system default printer
    clerk_name: str = ""  # who sits at this window (events are signed by the signed-in account)
    idle_lock_minutes: int = 10  # the window locks after this long without input (0: never)
    lockout_failures: int = 5  # wrong passwords in a row before an account locks
    lockout_minutes: int = 15


NUMBERS = {"idle_lock_minutes": (0, 240), "lockout_failures": (3, 20), "lockout_minutes": (1, 1440)}
NUMBER_MESSAGES = {
    "idle_lock_minutes": "空闲锁定时间应为0至240分钟（0为不锁定）",
    "lockout_failures": "锁定前允许输错密码的次数应为3至20次",
    "lockout_minutes": "账号锁定时间应为1至1440分钟",
}


def validate_settings(values: AgencySettings) -> AgencySettings:
    """Strip and check every field; raise one ValidationError listing all problems."""
    errors: list[FieldError] = []
    clean = AgencySettings(**{k: _clean(k, v, errors) for k, v in asdict(values).items()})  # type: ignore[arg-type]
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


def _clean(key: str, value: object, errors: list[FieldError]) -> object:
    if key not in NUMBERS:
        return str(value).strip()
    low, high = NUMBERS[key]
    try:
        number = int(str(value).strip())
    except ValueError:
        number = low - 1
    if not low <= number <= high:
        errors.append(FieldError(key, NUMBER_MESSAGES[key]))
    return number


def _typed(key: str, value: object) -> object:
    """A stored value as its field's type (numbers are stored as text)."""
    if key in NUMBERS:
        try:
            return int(str(value))
        except ValueError:
            return getattr(AgencySettings, key)
    return str(value)


# This PC's own settings: with several windows on one PostgreSQL server, each keeps its clerk and printer.
WINDOW_FIELDS = ("slip_layout", "printer", "clerk_name")


class SettingsService:
    """Agency settings live in the database (shared by the hall); window settings in a file on this PC."""

    def __init__(self, db: Database, window_file: Path) -> None:
        self._db = db
        self._window_file = window_file

    def get(self) -> AgencySettings:
        with self._db.reading() as session:
            stored = dict(session.execute(select(Setting.key, Setting.value)).all())
        stored.update(self._window_values())  # this PC's choice overrides the hall's default
        known = {f.name for f in fields(AgencySettings)}
        return AgencySettings(**{k: _typed(k, v) for k, v in stored.items() if k in known})  # type: ignore[arg-type]

    def save(self, values: AgencySettings) -> AgencySettings:
        """Validate, keep the agency part in the database and the window part on this PC, in one go."""
        clean = validate_settings(values)
        with self._db.writing() as session:
            for key, value in asdict(clean).items():
                if key not in WINDOW_FIELDS:
                    session.merge(Setting(key=key, value=str(value)))
            known = session.scalar(select(Clerk.id).where(Clerk.name == clean.clerk_name))
            if clean.clerk_name and known is None:
                session.add(Clerk(name=clean.clerk_name))  # the window's clerk can register from now on
            with translated():
                JsonFile(self._window_file).save({k: getattr(clean, k) for k in WINDOW_FIELDS})
        return clean

    def _window_values(self) -> dict[str, str]:
        stored = JsonFile(self._window_file).load() or {}
        return {k: str(v) for k, v in stored.items() if k in WINDOW_FIELDS}
