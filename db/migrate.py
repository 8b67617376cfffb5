"""Bring a database to this program's schema: check first, back up, then upgrade.

A database written by a newer program is refused before anything is touched.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
import subprocess
import warnings
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.engine import make_url

from db.engine import sqlite_path
from db.errors import DatabaseTooNewError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "alembic_version"  # Alembic's default; env.py names no other
log = logging.getLogger("xinfang")
_LABELS = re.compile(r"^(?:branch_labels|depends_on)\s*(?::[^=]+)?=\s*(?!None\s*$)\S", re.MULTILINE)
# A revision file's own two lines, as Alembic's template writes them: `revision = "0006_perf"` and
# `down_revision = "0005"` (or None). Read without importing Alembic (~0.15 s at every start otherwise).
_REVISION = re.compile(r'^revision\s*(?::\s*str\s*)?=\s*["\']([^"\']+)["\']\s*$', re.MULTILINE)
_DOWN = re.compile(r'^down_revision\s*(?::[^=]+)?=\s*(?:None|["\']([^"\']+)["\'])\s*$', re.MULTILINE)


@dataclass(frozen=True)
class UpgradeReport:
    before: str | None  # None: an empty database
    after: str
    backup: Path | None


def _config() -> Config:
    from alembic.config import Config  # only when migrating or checking the chain: not at every start

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


@lru_cache(maxsize=1)
def shipped_revisions() -> dict[str, str | None]:
    """Each shipped revision and the one it revises, read from the files' `revision =` and
    `down_revision =` lines. A file this reading does not understand (a merge of two heads, a branch
    label) returns {} and the caller asks Alembic instead."""
    found: dict[str, str | None] = {}
    for file in sorted((MIGRATIONS / "versions").glob("*.py")):
        source = file.read_text(encoding="utf-8")
        revision, down = _REVISION.findall(source), _DOWN.search(source)
        if len(revision) != 1 or down is None or _LABELS.search(source):
            return {}
        found[revision[0]] = down.group(1)
    return found


def head_revision() -> str:
    """The newest shipped revision: the one no other revises (Alembic's own answer when the files are
    not a plain chain)."""
    revisions = shipped_revisions()
    heads = set(revisions) - set(revisions.values())
    if len(heads) == 1:
        return heads.pop()
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None, "no migrations shipped"
    return head


def current_revision(engine: Engine) -> str | None:
    """The database's revision (None: never migrated), read from Alembic's version table."""
    with engine.connect() as conn:
        if not inspect(conn).has_table(VERSION_TABLE):
            return None
        rows = [r[0] for r in conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}"))]
    if len(rows) <= 1:
        return rows[0] if rows else None
    from alembic.runtime.migration import MigrationContext  # several heads: Alembic says what it means

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def known_revisions() -> set[str]:
    revisions = shipped_revisions()
    if revisions:
        return set(revisions)
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(_config()).walk_revisions()}


def check_not_newer(engine: Engine) -> str | None:
    """The current revision, or DatabaseTooNewError when this program does not know it."""
    current = current_revision(engine)
    if current is None:
        return None
    if current not in known_revisions():
        raise DatabaseTooNewError(current, head_revision())
    return current


def upgrade(engine: Engine, backup_dir: Path | None = None) -> UpgradeReport:
    """Apply every pending revision; a database with data is copied aside first (SQLite: an online copy of
    the file; PostgreSQL: pg_dump when it is installed, otherwise the server's own backups are relied on)."""
    before = check_not_newer(engine)
    head = head_revision()
    backup = None
    if before != head:
        if _has_tables(engine):
            label = f"pre-upgrade-{before or 'none'}"
            if engine.dialect.name == "sqlite":
                backup = backup_sqlite(engine, backup_dir, label)
            else:
                backup = dump_server(engine, backup_dir, label)
        _apply(engine)
    return UpgradeReport(before=before, after=head, backup=backup)


def _apply(engine: Engine) -> None:
    """Run the pending revisions in one transaction.

    SQLite alters a table by copying it; with foreign keys enforced, dropping the old copy of a table
    others point to would fail. So they are switched off around the migration (it can only be done
    outside a transaction) and every reference is checked before the migration commits.
    """
    from alembic import command  # only here, when a revision is pending

    cfg = _config()
    with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:
            conn.connection.dbapi_connection.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
                if sqlite and conn.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
                    raise RuntimeError("migration left a broken reference; rolled back")
        finally:
            if sqlite:
                conn.connection.dbapi_connection.execute("PRAGMA foreign_keys=ON")  # type: ignore[union-attr]


def _has_tables(engine: Engine) -> bool:
    return bool(inspect(engine).get_table_names())


def dump_server(engine: Engine, backup_dir: Path | None, label: str) -> Path | None:
    """A pg_dump custom-format archive of a PostgreSQL database before it is upgraded, when pg_dump is
    installed; otherwise None (logged): the upgrade then relies on the server's own backups. A dump that
    fails stops the upgrade, as a failed SQLite copy would."""
    pg_dump = shutil.which("pg_dump")
    if engine.dialect.name != "postgresql" or pg_dump is None or backup_dir is None:
        log.warning("upgrading %s without a copy: relying on the server's own backups", engine.url)
        return None
    url = make_url(engine.url.render_as_string(hide_password=False))
    libpq = url.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
    backup_dir.mkdir(parents=True, exist_ok=True)
    target = backup_dir / f"{url.database}-{label}-{datetime.now():%Y%m%d-%H%M%S-%f}.dump"
    environment = {**os.environ, **({"PGPASSWORD": url.password} if url.password else {})}
    subprocess.run(
        [pg_dump, "--format=custom", f"--file={target}", f"--dbname={libpq}"],
        env=environment,
        check=True,
        capture_output=True,
        timeout=3600,
    )
    return target


def backup_sqlite(engine: Engine, backup_dir: Path | None, label: str) -> Path | None:
    """An online copy of a SQLite file (consistent even with WAL); None for other backends."""
    source = sqlite_path(engine.url.render_as_string(hide_password=False))
    if source is None or not source.exists():
        return None
    folder = backup_dir or source.parent / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{source.stem}-{label}-{stamp}.sqlite"
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()
    return target


def check_migration_chain() -> int:
    """Every revision from the head down to the first is shipped (the self-test); returns how many.

    Raises FileNotFoundError (or Alembic's CommandError) when the folder, env.py or a revision is missing.
    """
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_config())
    if not (MIGRATIONS / "env.py").is_file():
        raise FileNotFoundError(f"migration environment missing: {MIGRATIONS / 'env.py'}")
    try:
        with warnings.catch_warnings():  # Alembic warns, then fails with a bare KeyError, on a missing link
            warnings.simplefilter("ignore", UserWarning)
            heads = script.get_heads()
    except KeyError as error:
        raise FileNotFoundError(f"revision {error} is referenced but not shipped") from error
    if len(heads) != 1:
        raise AssertionError(f"expected one head revision, found {len(heads)}: {', '.join(heads)}")
    chain = list(script.walk_revisions("base", heads[0]))
    if chain[-1].down_revision is not None:
        raise AssertionError(f"revision {chain[-1].down_revision} missing from the chain")
    return len(chain)
