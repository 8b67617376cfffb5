"""The command line of the register and of data in and out: `ledger`, `import`, `export`.

Hooked into app/cli.py by `add_commands(commands)` and the handlers in COMMANDS (name → handler).
Exit codes as everywhere: 0 success, 2 invalid input (rows rejected and nothing imported), 1 anything else.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from app.desk import Desk
from app.errors import ValidationError

EXIT_OK, EXIT_INVALID = 0, 2


def add_commands(commands: Any) -> None:
    ledger = commands.add_parser("ledger", help="write the register (台账) of a period to .xlsx or .csv")
    _period(ledger)
    ledger.add_argument("--out", type=Path, required=True, help="FILE.xlsx or FILE.csv")
    ledger.add_argument("--reveal", action="store_true", help="phone numbers in full (default: masked)")
    imported = commands.add_parser("import", help="import an old ledger (.xlsx or .csv), all or nothing")
    imported.add_argument("file", type=Path)
    imported.add_argument("--dry-run", action="store_true", dest="dry_run", help="check only, write nothing")
    imported.add_argument("--sheet", help="the worksheet to read (default: the first)")
    imported.add_argument("--clerk", help="登记人 of rows that name none (default: this window's clerk)")
    export = commands.add_parser("export", help="write the matters of a period in the exchange format (JSON)")
    _period(export)
    export.add_argument("--out", type=Path, required=True, help="FILE.json")
    export.add_argument(
        "--reveal", action="store_true", help="ID numbers and phones in full (default: masked)"
    )


def _period(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", type=_day, required=True, dest="first", metavar="YYYY-MM-DD")
    parser.add_argument("--to", type=_day, required=True, dest="last", metavar="YYYY-MM-DD")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式应为 2026-11-23，而不是“{text}”") from None


def ledger(desk: Desk, args: argparse.Namespace) -> int:
    count = desk.ledger.write(args.first, args.last, args.out, reveal=args.reveal)
    print(f"{args.out}：{count} 条来访")
    return EXIT_OK


def import_ledger(desk: Desk, args: argparse.Namespace) -> int:
    from app.importing import propose_mapping, read_table  # not at every start of the window

    table = read_table(args.file, sheet=args.sheet)
    mapping = propose_mapping(table.headers)
    clerk = args.clerk or desk.settings.get().clerk_name
    service = desk.importer(default_clerk=clerk)
    print(describe_mapping(table.headers, mapping.columns))
    report = service.dry_run(table, mapping) if args.dry_run else service.run(table, mapping)
    for line in report.lines():
        print(line)
    return EXIT_INVALID if report.rejected and not report.committed else EXIT_OK


def describe_mapping(headers: tuple[str, ...], columns: dict[str, int]) -> str:
    """列对应：姓名←来访人姓名，…；未使用的列：备注"""
    from app.importing import FIELDS

    used = "，".join(f"{FIELDS[key][0]}←{headers[i]}" for key, i in columns.items())
    unused = [h for i, h in enumerate(headers) if h and i not in columns.values()]
    return f"列对应：{used}" + (f"；未使用的列：{'、'.join(unused)}" if unused else "")


def export(desk: Desk, args: argparse.Namespace) -> int:
    if args.out.suffix.lower() != ".json":
        raise ValidationError.single("--out", "交换文件应为 .json 文件")
    count = desk.exchange.export(args.first, args.last, args.out, reveal=args.reveal)
    print(f"{args.out}：{count} 件信访事项", file=sys.stdout)
    return EXIT_OK


COMMANDS: dict[str, Callable[[Desk, argparse.Namespace], int]] = {
    "ledger": ledger,
    "import": import_ledger,
    "export": export,
}
