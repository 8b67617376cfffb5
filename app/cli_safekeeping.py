"""`python -m app backup | restore | check`: keeping the data safe from the command line.

These commands must work when the Desk cannot be opened (a damaged file, a file written by a newer program
that only a restore can replace), so they open the database without upgrading or seeding it. The lead
hooks them into app/cli.py before ``open_desk``:

    cli_safekeeping.add_commands(commands)                        # in build_parser
    if args.command in cli_safekeeping.COMMANDS:                  # in main, inside the try
        return cli_safekeeping.COMMANDS[args.command](args.db, args)

Exit codes as app/cli.py: 0 fine, 1 problems found (``check``) or failure, 2 invalid input or a refused file.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from app.backup import BackupInfo, BackupService
from app.desk import default_data_dir, default_database
from app.errors import ValidationError
from app.migrate_to import migrate_to as move_to_server
from app.storage import Storage
from db.engine import database_url, sqlite_path


def add_commands(commands: Any) -> None:
    backup = commands.add_parser("backup", help="back up the database (SQLite online backup, checked)")
    what = backup.add_mutually_exclusive_group(required=True)
    what.add_argument("--out", type=Path, help="write one backup to FILE (and FILE's .json manifest)")
    what.add_argument(
        "--scheduled", action="store_true", help="the daily backup into the configured folder, with retention"
    )
    what.add_argument("--set-folder", type=Path, help="remember DIR as the folder for scheduled backups")
    backup.add_argument("--force", action="store_true", help="with --scheduled: back up even if not due")
    for period, default in (("daily", 7), ("weekly", 4), ("monthly", 12)):
        backup.add_argument(f"--keep-{period}", type=int, help=f"with --set-folder (default {default})")
    restore = commands.add_parser("restore", help="replace the database with a checked backup")
    restore.add_argument("file", type=Path)
    commands.add_parser("check", help="SQLite integrity and reference check (exit 1 when damaged)")
    move = commands.add_parser(
        "migrate-to", help="copy the SQLite database (--db) into an EMPTY PostgreSQL database, verified"
    )
    move.add_argument("url", help="postgresql+psycopg://user:password@host/database")


def backup(target: str | None, args: argparse.Namespace) -> int:
    service, db = _service(target)
    try:
        if args.set_folder is not None:
            return _set_folder(service, args)
        if args.scheduled:
            run = service.run_scheduled(force=args.force)
            if run.backup is None:
                print("今日已备份，无需再备份（可加 --force 强制备份）")
                return 0
            _print_backup(run.backup)
            for path in run.deleted:
                print(f"按保留规则删除旧备份：{path.name}")
            return 0
        _print_backup(service.backup(args.out))
        return 0
    finally:
        db.dispose()


def restore(target: str | None, args: argparse.Namespace) -> int:
    service, db = _service(target)
    try:
        info = service.restore(args.file)
    finally:
        db.dispose()
    print(f"已从 {info.source} 恢复数据库 {info.database}")
    print(f"恢复前的数据库已另存为 {info.kept_aside}")
    print(
        "恢复后："
        + _counts(info.counts)
        + ("（将在下次打开时升级到本程序的版本）" if info.needs_upgrade else "")
    )
    print("请重新启动信访接待台。")
    return 0


def check(target: str | None, args: argparse.Namespace) -> int:
    service, db = _service(target)
    try:
        report = service.check()
    finally:
        db.dispose()
    if report.ok:
        print(f"数据库完整性检查通过（用时 {report.seconds:.2f} 秒）")
        return 0
    print(f"数据库检查发现 {len(report.problems)} 个问题：", file=sys.stderr)
    for problem in report.problems:
        print(f"  {problem}", file=sys.stderr)
    print("请从最近的备份恢复（python -m app restore 备份文件），或联系管理员。", file=sys.stderr)
    return 1


def migrate_to(target: str | None, args: argparse.Namespace) -> int:
    report = move_to_server(target or default_database(), args.url)
    for table in report.tables:
        print(f"{table.name:<20} {table.rows:>9} 行  SHA-256 {table.sha256[:16]}…")
    print(
        f"已把 {report.source} 迁移到 {report.target}"
        f"（数据库版本 {report.revision}，用时 {report.seconds:.1f} 秒）；"
        f"{len(report.tables)} 张表的行数与校验和两边一致。"
    )
    print(f"今后各窗口请用 --db {report.target}（密码按实际填写）或设置环境变量 XINFANG_DESK_DB 打开。")
    return 0


COMMANDS: dict[str, Callable[[str | None, argparse.Namespace], int]] = {
    "backup": backup,
    "restore": restore,
    "check": check,
    "migrate-to": migrate_to,
}


def _service(target: str | None) -> tuple[BackupService, Storage]:
    """The database as it is: not upgraded, not seeded (it may be damaged, or newer than the program)."""
    url = database_url(target or default_database())
    path = sqlite_path(url)
    if path is not None and not path.exists():
        raise ValidationError.single("--db", f"数据库文件 {path} 不存在")
    db = Storage.open_target(url)
    return BackupService(db, path.parent if path is not None else default_data_dir()), db


def _set_folder(service: BackupService, args: argparse.Namespace) -> int:
    keep = {
        f"keep_{period}": getattr(args, f"keep_{period}")
        for period in ("daily", "weekly", "monthly")
        if getattr(args, f"keep_{period}") is not None
    }
    folder = args.set_folder.expanduser().resolve()
    config = service.configure(replace(service.settings.get(), folder=str(folder), **keep))
    print(
        f"定时备份文件夹：{config.folder}；保留每日 {config.keep_daily} 份、每周 {config.keep_weekly} 份、"
        f"每月 {config.keep_monthly} 份"
    )
    return 0


def _print_backup(info: BackupInfo) -> None:
    print(f"已备份到 {info.path}（{info.size / 1_048_576:.1f} MB，已通过完整性检查）")
    print(f"清单 {info.manifest}：{_counts(info.counts)}；SHA-256 {info.sha256}")


def _counts(counts: dict[str, int]) -> str:
    return (
        f"信访事项 {counts.get('matters', 0)} 件，来访 {counts.get('visits', 0)} 次，"
        f"来访人 {counts.get('persons', 0)} 人"
    )
