"""Backups of the SQLite file: made online, checked, kept grandfather-father-son; restored only after checks.

- ``backup(out)``: SQLite's online backup API into a temporary file beside ``out`` (a consistent snapshot
  even while the window writes, WAL included), ``PRAGMA integrity_check`` on the copy, fsync, atomic rename.
  A small manifest ``out.json`` beside it: program version, schema revision, counts, sha256.
- ``restore(source)``: the file is copied in, opened and checked (integrity, references, a schema this
  program knows) BEFORE anything is touched; then the current database is copied aside to
  ``backups/before-restore-<stamp>.sqlite`` and replaced in one SQLite transaction. The caller must close
  the Desk and open it again (``open_desk``): services may hold data read before, and an older file is
  upgraded on opening.
- ``run_scheduled()``: the daily backup into the administrator's folder (``data_dir/backup.json``), then
  retention by the dates in the file names.

Every public operation first calls ``authorize(action)``: today it allows everything; the accounts work
passes its permission check there (a clerk may not restore). PostgreSQL is backed up with pg_dump, which
this program does not run yet: it says so instead of pretending.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine

from app import __version__
from app.errors import DeskError, FieldError, StorageError, ValidationError
from app.json_store import JsonFile
from app.storage import storage_message
from db import errors as db_errors
from db import migrate
from db.engine import Database, sqlite_path

SETTINGS_FILE = "backup.json"
COUNTED = ("matters", "visits", "persons")
SCHEDULED = re.compile(r"^xinfang-(\d{4}-\d{2}-\d{2})-(\d{6})\.sqlite$")
POSTGRES_MESSAGE = (
    "当前使用 PostgreSQL 数据库：备份与恢复须由管理员在服务器上用 pg_dump / pg_restore 进行，"
    "本程序尚未实现此功能。"
)


class Action:
    """What `authorize` is asked about; the permission table names these."""

    BACKUP = "backup"
    RESTORE = "restore"
    CHECK = "check"
    CONFIGURE = "configure_backups"


def allow_all(action: str) -> None:
    """The default permission check, until accounts exist."""


@dataclass(frozen=True)
class BackupConfig:
    """This PC's backup settings: where scheduled backups go and how many are kept."""

    folder: str = ""  # empty: data_dir/backups
    keep_daily: int = 7
    keep_weekly: int = 4
    keep_monthly: int = 12
    last_backup: str = ""  # ISO time of the last scheduled backup


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    manifest: Path
    created_at: datetime
    program_version: str
    schema_revision: str | None
    counts: dict[str, int]
    sha256: str
    size: int


@dataclass(frozen=True)
class RestoreInfo:
    """What was restored. The Desk must be closed and opened again before any further use."""

    source: Path
    database: Path
    kept_aside: Path  # the database as it was before the restore
    schema_revision: str
    counts: dict[str, int]
    needs_upgrade: bool  # an older schema: open_desk upgrades it (with its own backup first)


@dataclass(frozen=True)
class CheckReport:
    kind: str  # integrity_check or quick_check
    problems: list[str]
    seconds: float

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class ScheduledRun:
    due: list[str]  # daily / weekly / monthly: the periods that had no backup yet
    backup: BackupInfo | None  # None: nothing was due
    deleted: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)


class BackupSettings:
    """``data_dir/backup.json``, written atomically."""

    def __init__(self, file: JsonFile) -> None:
        self._file = file

    def get(self) -> BackupConfig:
        data = self._file.load() or {}
        known = {k: v for k, v in data.items() if k in BackupConfig.__dataclass_fields__}
        try:
            return validate_config(BackupConfig(**known))
        except ValidationError:
            return BackupConfig()  # a hand-edited, broken file: the defaults, not a crash at start

    def save(self, config: BackupConfig) -> None:
        self._file.save(asdict(validate_config(config)))


def validate_config(config: BackupConfig) -> BackupConfig:
    errors = [
        FieldError(name, f"{label}应为0到{limit}之间的整数")
        for name, label, limit in (
            ("keep_daily", "保留每日备份数", 366),
            ("keep_weekly", "保留每周备份数", 260),
            ("keep_monthly", "保留每月备份数", 600),
        )
        if not isinstance(getattr(config, name), int) or not 0 <= getattr(config, name) <= limit
    ]
    if not isinstance(config.folder, str) or not isinstance(config.last_backup, str):
        errors.append(FieldError("folder", "备份文件夹应为文字"))
    elif config.keep_daily == 0 and config.keep_weekly == 0 and config.keep_monthly == 0:
        errors.append(FieldError("keep_daily", "至少要保留一份备份"))
    if errors:
        raise ValidationError(errors)
    return replace(config, folder=config.folder.strip())


class BackupService:
    def __init__(
        self,
        db: Database,
        data_dir: Path,
        clock: Callable[[], datetime] = datetime.now,
        settings: BackupSettings | None = None,
        authorize: Callable[[str], None] = allow_all,
    ) -> None:
        self._db = db
        self._data_dir = data_dir
        self._clock = clock
        self.settings = settings or BackupSettings(JsonFile(data_dir / SETTINGS_FILE))
        self._authorize = authorize  # raises when the user may not: the accounts work plugs in here

    # ---- one backup ----

    def backup(self, out: Path) -> BackupInfo:
        """An online, checked copy at ``out`` (and its manifest ``out`` with suffix .json)."""
        self._authorize(Action.BACKUP)
        return self._backup(out)

    def _backup(self, out: Path) -> BackupInfo:
        live = self._live_path()
        out = out.expanduser().resolve()
        if out == live or out.suffix.lower() == ".json":
            raise ValidationError.single("out", "备份文件不能是当前数据库本身，也不能以 .json 结尾")
        tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
        try:
            with _file_errors():
                out.parent.mkdir(parents=True, exist_ok=True)
                _online_copy(live, tmp)
                report = check_file(tmp)
                if not report.ok:
                    raise StorageError("备份副本未通过完整性检查，未保存：" + "；".join(report.problems[:3]))
                revision, counts = _contents(tmp)
                _fsync(tmp)
                os.replace(tmp, out)
                _fsync_dir(out.parent)
                info = BackupInfo(
                    out, out.with_suffix(".json"), self._clock(), __version__, revision, counts,
                    _sha256(out), out.stat().st_size,
                )  # fmt: skip
                JsonFile(info.manifest).save(_manifest(info))
        finally:
            tmp.unlink(missing_ok=True)
        return info

    # ---- restore ----

    def restore(self, source: Path) -> RestoreInfo:
        """Replace the database with a checked backup, keeping the current one aside.

        Nothing is replaced unless the file opens, passes the integrity and reference checks and has a
        schema this program knows. Afterwards the caller must close the Desk and call open_desk again.
        """
        self._authorize(Action.RESTORE)
        live = self._live_path()
        source = source.expanduser().resolve()
        if not source.is_file():
            raise ValidationError.single("file", f"找不到备份文件 {source}")
        if source == live:
            raise ValidationError.single("file", "不能用当前数据库自身来恢复")
        staged = live.with_name(f".{live.name}.restore-{os.getpid()}.tmp")
        try:
            revision, counts = self._verified_copy(source, staged)
            aside = self._copy_aside(live)
            self._db.dispose()  # no pooled connection of ours keeps reading the old pages
            with _file_errors(), closing(sqlite3.connect(staged)) as src, closing(_connect(live)) as dst:
                src.backup(dst)  # one write transaction: the old database or the new one, never half
            self._db.dispose()
        finally:
            staged.unlink(missing_ok=True)
        return RestoreInfo(source, live, aside, revision, counts, revision != migrate.head_revision())

    def _verified_copy(self, source: Path, staged: Path) -> tuple[str, dict[str, int]]:
        """Copy the file in (a USB stick may go away) and check the copy; refusals say why, in Chinese."""
        _check_manifest(source)
        try:
            _online_copy(source, staged, read_only=True)
        except sqlite3.DatabaseError as error:
            raise ValidationError.single("file", f"该文件不是有效的数据库备份，无法打开（{error}）") from None
        report = check_file(staged)
        if not report.ok:
            raise ValidationError.single("file", "备份文件已损坏，未恢复：" + "；".join(report.problems[:3]))
        revision, counts = _contents(staged)
        if revision is None:
            raise ValidationError.single("file", "该文件不是信访接待台的数据库（没有版本信息），未恢复")
        _check_known(staged)
        return revision, counts

    def _copy_aside(self, live: Path) -> Path:
        stamp = self._clock().strftime("%Y%m%d-%H%M%S")
        aside = self._data_dir / "backups" / f"before-restore-{stamp}.sqlite"
        counter = 1
        while aside.exists():
            aside = aside.with_name(f"before-restore-{stamp}-{counter}.sqlite")
            counter += 1
        with _file_errors():
            aside.parent.mkdir(parents=True, exist_ok=True)
            _online_copy(live, aside)
            _fsync(aside)
        return aside

    # ---- checks ----

    def check(self) -> CheckReport:
        """``PRAGMA integrity_check`` and ``foreign_key_check`` of the database (seconds on a big file)."""
        self._authorize(Action.CHECK)
        return check_file(self._live_path())

    # ---- scheduled backups ----

    def config(self) -> BackupConfig:
        """Where scheduled backups go and how many are kept (this PC's settings)."""
        return self.settings.get()

    def configure(self, config: BackupConfig) -> BackupConfig:
        self._authorize(Action.CONFIGURE)
        self.settings.save(config)
        return self.settings.get()

    def folder(self) -> Path:
        chosen = self.settings.get().folder
        return Path(chosen).expanduser() if chosen else self._data_dir / "backups"

    def due_backups(self, now: datetime | None = None, folder: Path | None = None) -> list[str]:
        """The periods (daily, weekly, monthly) with no scheduled backup in the folder yet."""
        now = now or self._clock()
        days = {stamp.date() for stamp in _scheduled_files(folder or self.folder())}
        config = self.settings.get()
        due = []
        if config.keep_daily and now.date() not in days:
            due.append("daily")
        if config.keep_weekly and now.isocalendar()[:2] not in {d.isocalendar()[:2] for d in days}:
            due.append("weekly")
        if config.keep_monthly and (now.year, now.month) not in {(d.year, d.month) for d in days}:
            due.append("monthly")
        return due

    def run_scheduled(self, folder: Path | None = None, *, force: bool = False) -> ScheduledRun:
        """The backup due now (at start and once a day), then retention; nothing when none is due."""
        self._authorize(Action.BACKUP)
        now = self._clock()
        folder = folder or self.folder()
        due = self.due_backups(now, folder)
        if not due and not force:
            return ScheduledRun(due, None)
        info = self._backup(folder / scheduled_name(now))
        config = self.settings.get()
        files = _scheduled_files(folder)
        keep = retained(files, config.keep_daily, config.keep_weekly, config.keep_monthly)
        deleted = [path for stamp, path in files.items() if stamp not in keep]
        for path in deleted:
            with _file_errors():
                path.unlink(missing_ok=True)
                path.with_suffix(".json").unlink(missing_ok=True)
        self.settings.save(replace(config, last_backup=now.isoformat(timespec="seconds")))
        return ScheduledRun(due, info, sorted(deleted), sorted(files[s] for s in keep))

    def _live_path(self) -> Path:
        path = sqlite_path(self._db.url)
        if path is None:
            raise DeskError(POSTGRES_MESSAGE)
        return path.resolve()


# ---- retention (grandfather-father-son by the dates in the file names) ----


def scheduled_name(at: datetime) -> str:
    return f"xinfang-{at:%Y-%m-%d-%H%M%S}.sqlite"


def _scheduled_files(folder: Path) -> dict[datetime, Path]:
    """The scheduled backups in a folder by their time; other files (pre-upgrade, manual) are not ours."""
    found = {}
    with suppress(OSError):
        for path in folder.iterdir():
            match = SCHEDULED.match(path.name)
            if match:
                with suppress(ValueError):
                    found[datetime.strptime("".join(match.groups()), "%Y-%m-%d%H%M%S")] = path
    return found


def retained(
    stamps: Iterable[datetime], keep_daily: int, keep_weekly: int, keep_monthly: int
) -> set[datetime]:
    """The backups to keep: the newest of each of the last `keep_daily` days that have a backup, of each of
    the last `keep_weekly` ISO weeks, of each of the last `keep_monthly` months. Periods are counted among
    those with backups, so an office closed for a fortnight does not lose its last backups."""
    newest_first = sorted(set(stamps), reverse=True)
    keep: set[datetime] = set()
    for count, period in (
        (keep_daily, lambda s: s.date()),
        (keep_weekly, lambda s: s.isocalendar()[:2]),
        (keep_monthly, lambda s: (s.year, s.month)),
    ):
        newest: dict[Any, datetime] = {}
        for stamp in newest_first:
            if len(newest) >= count:
                break
            newest.setdefault(period(stamp), stamp)
        keep.update(newest.values())
    return keep


# ---- checks of a file ----


def check_file(path: Path, quick: bool = False) -> CheckReport:
    """Integrity (or the quick check) and, unless quick, every reference; problems in Chinese."""
    kind = "quick_check" if quick else "integrity_check"
    started = time.perf_counter()
    try:
        with closing(_connect(path, read_only=True)) as conn:
            problems = [f"完整性检查：{row[0]}" for row in conn.execute(f"PRAGMA {kind}") if row[0] != "ok"]
            if not quick:
                problems += [_reference_problem(row) for row in conn.execute("PRAGMA foreign_key_check")]
    except sqlite3.DatabaseError as error:  # not a database, malformed beyond reading, unreadable
        problems = [f"数据库文件无法读取或已损坏：{error}"]
    return CheckReport(kind, problems, time.perf_counter() - started)


def startup_check(db: Database) -> list[str]:
    """``PRAGMA quick_check`` at every start (tens of milliseconds); [] when fine or not SQLite."""
    path = sqlite_path(db.url)
    if path is None or not path.exists():
        return []
    return check_file(path, quick=True).problems


def _reference_problem(row: tuple[Any, ...]) -> str:
    table, rowid, parent, _ = row
    return f"引用检查：表 {table} 第 {rowid} 行指向表 {parent} 中不存在的记录"


# ---- files ----


def _connect(path: Path, read_only: bool = False) -> sqlite3.Connection:
    if read_only:  # never creates a file nor writes to it (a backup on a write-protected USB stick)
        return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
    return sqlite3.connect(path, timeout=30)


def _online_copy(source: Path, target: Path, read_only: bool = False) -> None:
    """SQLite's online backup: a consistent snapshot even while another connection writes (WAL)."""
    target.unlink(missing_ok=True)
    with closing(_connect(source, read_only)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it


def _contents(path: Path) -> tuple[str | None, dict[str, int]]:
    """The schema revision (None: not our database) and the counts of the main tables."""
    with closing(_connect(path, read_only=True)) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "alembic_version" not in tables or not set(COUNTED) <= tables:
            return None, {}
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        counts = {name: int(conn.execute(f"SELECT count(*) FROM {name}").fetchone()[0]) for name in COUNTED}
    return (revision[0] if revision else None), counts


def _check_known(path: Path) -> None:
    engine = create_engine(f"sqlite:///{path}")
    try:
        migrate.check_not_newer(engine)
    except db_errors.DatabaseTooNewError as error:
        raise ValidationError.single(
            "file", f"该备份由更新版本的程序创建（版本 {error.found}），本程序无法恢复，请先升级程序"
        ) from None
    finally:
        engine.dispose()


def _check_manifest(source: Path) -> None:
    """A backup with a manifest must still be the file the manifest describes."""
    manifest = JsonFile(source.with_suffix(".json")).load()
    if manifest and isinstance(manifest.get("sha256"), str) and manifest["sha256"] != _sha256(source):
        raise ValidationError.single(
            "file", "备份文件与其清单（.json）中的校验值不符，文件可能已损坏，未恢复"
        )


def _manifest(info: BackupInfo) -> dict[str, Any]:
    return {
        "program": "xinfang-desk",
        "program_version": info.program_version,
        "schema_revision": info.schema_revision,
        "created_at": info.created_at.isoformat(timespec="seconds"),
        "file": info.path.name,
        "size": info.size,
        "sha256": info.sha256,
        "counts": info.counts,
    }


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _fsync(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no directory handles to sync)."""
    if os.name == "posix":
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


@contextmanager
def _file_errors() -> Iterator[None]:
    """A failed file or SQLite operation (a full USB stick, a share gone) as a StorageError in Chinese."""
    try:
        yield
    except (OSError, sqlite3.OperationalError) as error:
        raise StorageError(storage_message(error)) from error
