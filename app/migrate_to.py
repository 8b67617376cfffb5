"""Move a hall from its SQLite file to PostgreSQL: `python -m app migrate-to postgresql+psycopg://…`.

The target must be empty (no rows in any of the program's tables); it is brought to this program's schema
first, then every table is copied in one transaction, the id sequences are set past the copied rows, and
each table's row count and checksum are compared on both sides before that transaction commits — so the
target ends either a verified copy or as empty as it was. The SQLite file is only read (after being
brought to this program's schema, with the usual backup, if it was older).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, inspect

from app.backup import startup_check
from app.errors import StorageError, ValidationError
from app.storage import Storage, translated
from db import migrate, transfer
from db.engine import database_url, sqlite_path

EXAMPLE = "postgresql+psycopg://用户名:密码@服务器/数据库"


@dataclass(frozen=True)
class CopiedTable:
    name: str
    rows: int
    sha256: str


@dataclass(frozen=True)
class MigrationReport:
    source: Path
    target: str  # without the password
    revision: str
    tables: list[CopiedTable]
    seconds: float


def migrate_to(source: str, target: str) -> MigrationReport:
    started = time.perf_counter()
    path = _source_file(source)
    if not target.startswith("postgresql"):
        raise ValidationError.single("URL", f"目标须为 PostgreSQL 数据库地址，例如 {EXAMPLE}")
    src, dst = Storage.open_target(database_url(path)), Storage.open_target(target)
    try:
        with translated():
            problems = startup_check(src)
            if problems:
                raise StorageError("源数据库文件已损坏，请先恢复备份再迁移：" + "；".join(problems[:3]))
            migrate.upgrade(src.engine, backup_dir=path.parent / "backups")
            _refuse_non_empty(dst)
            revision = migrate.upgrade(dst.engine).after
            tables = _copy_verified(src, dst)
        shown = dst.engine.url.render_as_string(hide_password=True)
        return MigrationReport(path, shown, revision, tables, time.perf_counter() - started)
    finally:
        src.dispose()
        dst.dispose()


# Tables whose rows the migrations themselves write: not data, so the target still counts as empty.
SCHEMA_ROWS = frozenset({"audit_head"})


def _source_file(source: str) -> Path:
    path = sqlite_path(database_url(source))
    if path is None:
        raise ValidationError.single("--db", "迁移的来源须为 SQLite 数据库文件（用 --db 指定）")
    if not path.exists():
        raise ValidationError.single("--db", f"数据库文件 {path} 不存在")
    return path


def _refuse_non_empty(dst: Storage) -> None:
    existing = set(inspect(dst.engine).get_table_names())
    with dst.engine.connect() as conn:
        filled = [
            t.name
            for t in transfer.tables()
            if t.name in existing and t.name not in SCHEMA_ROWS and _has_rows(conn, t.name)
        ]
    if filled:
        tables = "、".join(filled[:5])
        raise ValidationError.single(
            "URL",
            f"目标数据库不是空的（{tables} 等表已有数据），拒绝迁移，以免混入或覆盖数据。"
            "请新建空数据库再迁移。",
        )


def _has_rows(conn: Connection, table: str) -> bool:
    return bool(conn.exec_driver_sql(f'SELECT 1 FROM "{table}" LIMIT 1').first())


def _copy_verified(src: Storage, dst: Storage) -> list[CopiedTable]:
    """Copy and compare inside one target transaction: a mismatch rolls the whole copy back."""
    with src.engine.connect() as reader, reader.begin(), dst.engine.connect() as writer, writer.begin():
        for table in reversed(transfer.tables()):  # the rows the migrations wrote (the audit chain's head)
            writer.execute(table.delete())
        for table in transfer.tables():
            transfer.copy_table(reader, writer, table)
        transfer.reset_sequences(writer)
        copied = []
        for table in transfer.tables():
            mine, theirs = transfer.fingerprint(reader, table), transfer.fingerprint(writer, table)
            if mine != theirs:
                raise StorageError(
                    f"迁移后核对不一致：表 {table.name} 源 {mine.rows} 行、目标 {theirs.rows} 行，"
                    "校验和不同。已全部撤销，目标数据库保持为空。"
                )
            copied.append(CopiedTable(table.name, mine.rows, mine.sha256))
        return copied
