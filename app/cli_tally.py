"""`python -m app tally`: the weekly tally (周报表) of an ISO week or a date range, to .xlsx/.csv/.pdf.

The lead hooks it into app/cli.py: ``cli_tally.add_commands(commands)`` and ``"tally": cli_tally.tally``.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from app.desk import Desk
from app.errors import ValidationError


def add_commands(commands: Any) -> None:
    tally = commands.add_parser("tally", help="write the weekly tally (周报表) as .xlsx, .csv or .pdf")
    when = tally.add_mutually_exclusive_group(required=True)
    when.add_argument("--week", help="an ISO week, e.g. 2026-W47 (Monday to Sunday)")
    when.add_argument("--from", dest="first", help="first day of a range, e.g. 2026-11-01 (needs --to)")
    tally.add_argument("--to", dest="last", help="last day of the range, included")
    tally.add_argument("--out", type=Path, required=True, help="FILE.xlsx, FILE.csv or FILE.pdf")


def tally(desk: Desk, args: argparse.Namespace) -> int:
    service = desk.tally
    if args.week is not None:
        if args.last is not None:
            raise ValidationError.single("--to", "--to 只能与 --from 一起使用，不能与 --week 同用")
        result = service.week(args.week)
    else:
        if args.last is None:
            raise ValidationError.single("--to", "请同时给出 --from 和 --to")
        result = service.range(_day(args.first, "--from"), _day(args.last, "--to"))
    written = service.export(result, args.out)
    print(f"{written}（{result.title}）")
    return 0


def _day(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError.single(option, f"日期“{text}”格式不对，应写作如 2026-11-01") from None
