"""`python -m app audit | user | permissions`: the audit log, accounts and the permission table.

On a SQLite file the command line runs as the console operator (an administrator, audited as
"命令行:<os user>"); `--user NAME` signs in an account instead (required on a database server), with the
password from $XINFANG_DESK_PASSWORD or a prompt. New passwords come from $XINFANG_DESK_NEW_PASSWORD or a
prompt asked twice.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any

from app.accounts import ROLE_LABELS, Role
from app.desk import Desk
from app.errors import ValidationError
from app.permissions import table_text

ENV_PASSWORD = "XINFANG_DESK_PASSWORD"
ENV_NEW_PASSWORD = "XINFANG_DESK_NEW_PASSWORD"
EXIT_OK, EXIT_BROKEN = 0, 1


def add_commands(commands: Any) -> None:
    audit = commands.add_parser("audit", help="verify or list the tamper-evident audit log")
    audit_commands = audit.add_subparsers(dest="audit_command", required=True)
    audit_commands.add_parser("verify", help="check the hash chain; exit 1 at the first broken link")
    listed = audit_commands.add_parser("list", help="the latest entries, newest first")
    listed.add_argument("--actor")
    listed.add_argument("--record", help="a record id (e.g. a person's or a matter's id)")
    listed.add_argument("--type", dest="record_type", help="a table, e.g. matters, persons, accounts")
    listed.add_argument("--action", help="insert, update, delete, reveal, print, export, import, sign_in…")
    listed.add_argument("--from", dest="first", type=date.fromisoformat, metavar="YYYY-MM-DD")
    listed.add_argument("--to", dest="last", type=date.fromisoformat, metavar="YYYY-MM-DD")
    listed.add_argument("--limit", type=int, default=50)
    user = commands.add_parser("user", help="manage accounts (administrators)")
    user_commands = user.add_subparsers(dest="user_command", required=True)
    add = user_commands.add_parser("add", help="add an account (password from a prompt or the environment)")
    add.add_argument("username")
    add.add_argument("--name", required=True, help="the display name that signs events")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    user_commands.add_parser("list", help="list the accounts")
    for name, what in (
        ("passwd", "set a new password"),
        ("lock", "disable"),
        ("unlock", "re-enable, clear lockout"),
    ):
        user_commands.add_parser(name, help=what).add_argument("username")
    commands.add_parser("permissions", help="print the permission table")


def sign_in(desk: Desk, user: str | None) -> None:
    """The account named by --user, or the console operator on a SQLite file."""
    if user is None:
        desk.sign_in_console()
        return
    password = os.environ.get(ENV_PASSWORD) or getpass.getpass(f"{user} 的密码：")
    desk.sign_in(user, password)


def audit(desk: Desk, args: argparse.Namespace) -> int:
    if args.audit_command == "verify":
        verdict = desk.audit.verify()
        if verdict.ok:
            print(f"ok, {verdict.checked} entries")
            return EXIT_OK
        print(f"审计日志在第 {verdict.first_broken_id} 条处断链：{verdict.reason}", file=sys.stderr)
        print(f"（此前 {verdict.checked} 条完好）", file=sys.stderr)
        return EXIT_BROKEN
    since = datetime.combine(args.first, time()) if args.first else None
    until = datetime.combine(args.last, time.max) if args.last else None
    rows = desk.audit.entries(
        actor=args.actor,
        record_type=args.record_type,
        record_id=args.record,
        action=args.action,
        since=since,
        until=until,
        limit=args.limit,
    )
    for row in rows:
        where = f"{row.record_type}#{row.record_id}" if row.record_id else row.record_type
        print(f"{row.id}\t{row.at:%Y-%m-%d %H:%M:%S}\t{row.actor}\t{row.action}\t{where}\t{row.detail}")
    return EXIT_OK


def user(desk: Desk, args: argparse.Namespace) -> int:
    command = args.user_command
    if command == "list":
        for account in desk.accounts.list():
            state = "启用" if account.active else "停用"
            locked = f"，锁定至 {account.locked_until:%Y-%m-%d %H:%M}" if account.locked_until else ""
            print(f"{account.username}\t{account.display_name}\t{ROLE_LABELS[account.role]}\t{state}{locked}")
        return EXIT_OK
    if command == "add":
        account = desk.accounts.create(args.username, args.name, args.role, _new_password())
        print(f"已添加账号 {account.username}（{account.display_name}，{account.role.label}）")
    elif command == "passwd":
        desk.accounts.set_password(args.username, _new_password())
        print(f"已为 {args.username} 设置新密码")
    elif command == "lock":
        desk.accounts.set_active(args.username, False)
        print(f"已停用账号 {args.username}")
    else:
        desk.accounts.unlock(args.username)
        desk.accounts.set_active(args.username, True)
        print(f"已解锁并启用账号 {args.username}")
    return EXIT_OK


def permissions(_desk: Desk | None, _args: argparse.Namespace) -> int:
    print(table_text())
    return EXIT_OK


def _new_password() -> str:
    given = os.environ.get(ENV_NEW_PASSWORD)
    if given:
        return given
    first = getpass.getpass("新密码：")
    if getpass.getpass("再输入一次：") != first:
        raise ValidationError.single("password", "两次输入的密码不一致")
    return first


COMMANDS: dict[str, Callable[[Desk, argparse.Namespace], int]] = {"audit": audit, "user": user}
