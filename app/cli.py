"""`python -m app …`: everything the window does, a script can do.

Exit codes: 0 success, 2 invalid input (messages in Chinese on stderr), 1 anything else.
Only this module (and __main__) may start the GUI.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path

from app import (
    cli_case,
    cli_ledger,
    cli_safekeeping,
    cli_selftest,
    cli_sources,
    cli_tally,
    cli_trust,
)
from app.desk import ENV_DB, Desk, default_data_dir, open_desk
from app.errors import DeskError, NotFoundError, ValidationError
from app.intake_json import read_visits
from app.logs import configure_logging, log
from app.version import build_info

EXIT_OK, EXIT_ERROR, EXIT_INVALID = 0, 1, 2
STARTED = time.perf_counter()  # --startup-timing counts from here (the interpreter's own start is earlier)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m app", description="信访接待台 Xinfang Desk")
    parser.add_argument("--version", action="version", version=build_info().line)
    parser.add_argument(
        "--db", help=f"SQLite file or SQLAlchemy URL (default: ${ENV_DB} or the user data folder)"
    )
    parser.add_argument(
        "--user",
        help="sign in as this account (password: $XINFANG_DESK_PASSWORD or a prompt); "
        "without it, the console operator on a SQLite file",
    )
    parser.add_argument(
        "--startup-timing",
        action="store_true",
        help="open the window, print the ms until its first paint, then quit (benchmarks)",
    )
    parser.add_argument(
        "--with-lists",
        action="store_true",
        help="with --startup-timing: show the matters list and the board, wait for their rows, then quit",
    )
    cli_selftest.add_options(parser)
    commands = parser.add_subparsers(dest="command")
    demo = commands.add_parser("demo", help="fill the database with realistic synthetic data")
    demo.add_argument("--visits", type=int, required=True)
    demo.add_argument("--seed", type=int, default=1)
    intake = commands.add_parser("intake", help="register the visits in a JSON file (all or none)")
    intake.add_argument("--json", type=Path, required=True, dest="json_file")
    show = commands.add_parser("show", help="print a matter as JSON (ID numbers masked)")
    show.add_argument("matter_no")
    slip = commands.add_parser("slip", help="write the acknowledgement slip (登记回执) PDF")
    slip.add_argument("matter_no")
    slip.add_argument("--out", type=Path, required=True)
    slip.add_argument("--layout", choices=["a4", "thermal"])
    cli_case.add_commands(commands)
    cli_ledger.add_commands(commands)
    cli_tally.add_commands(commands)
    cli_sources.add_commands(commands)
    cli_safekeeping.add_commands(commands)
    cli_trust.add_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    log_file = configure_logging(default_data_dir() / "logs")
    try:
        if args.self_test:
            return cli_selftest.run(args)
        if args.command is None:
            return _run_gui(args.db, args.startup_timing, args.with_lists)
        if args.command in cli_safekeeping.COMMANDS:  # these must work on a damaged or newer database too
            return cli_safekeeping.COMMANDS[args.command](args.db, args)
        if args.command == "permissions":  # the table is data: no database needed
            return cli_trust.permissions(None, args)
        desk = open_desk(args.db)
        try:
            cli_trust.sign_in(desk, args.user)
            return COMMANDS[args.command](desk, args)
        finally:
            desk.close()
    except ValidationError as error:
        for problem in error.errors:
            print(
                f"{problem.field}: {problem.message}" if problem.field else problem.message, file=sys.stderr
            )
        return EXIT_INVALID
    except NotFoundError as error:
        print(error.message, file=sys.stderr)
        return EXIT_INVALID
    except DeskError as error:
        print(error.message, file=sys.stderr)
        return EXIT_ERROR
    except Exception as error:  # a bug: say so plainly and keep the traceback for the report
        log.exception("unexpected error in command %s", args.command)
        where = f"，详情已记入日志 {log_file}" if log_file else ""
        print(f"程序内部错误（{type(error).__name__}）{where}", file=sys.stderr)
        return EXIT_ERROR


def _run_gui(db: str | None, startup_timing: bool = False, with_lists: bool = False) -> int:
    from ui.app import has_display, run_gui, show_start_failure  # loaded only when a window is wanted

    if not has_display():
        print(
            "没有可用的图形显示（未设置 DISPLAY），无法打开窗口；命令行用法见 python -m app --help",
            file=sys.stderr,
        )
        return EXIT_ERROR
    try:
        desk = open_desk(db, window=True)
    except DeskError as error:
        show_start_failure(error.message)  # and printed by main(), for a console or a log
        raise
    try:
        return run_gui(desk, sys.argv[:1], started=STARTED if startup_timing else None, with_lists=with_lists)
    finally:
        desk.close()


def _demo(desk: Desk, args: argparse.Namespace) -> int:
    from app.demo import generate_demo

    if args.visits < 1:
        raise ValidationError.single("--visits", "来访数应为正整数")

    def progress(done: int, total: int) -> None:
        print(f"\r已生成 {done}/{total} 次来访", end="", file=sys.stderr, flush=True)

    report = generate_demo(desk, args.visits, seed=args.seed, progress=progress)
    print(file=sys.stderr)
    print(json.dumps(asdict(report), ensure_ascii=False, default=str))
    return EXIT_OK


def _intake(desk: Desk, args: argparse.Namespace) -> int:
    registered = desk.intake.register_many(read_visits(args.json_file))
    rows = [{"matter_no": r.matter_no, "query_code": r.query_code, "repeat": r.repeat} for r in registered]
    print(json.dumps(rows, ensure_ascii=False, indent=2))
    return EXIT_OK


def _show(desk: Desk, args: argparse.Namespace) -> int:
    detail = desk.matters.detail(args.matter_no)
    print(json.dumps(asdict(detail), ensure_ascii=False, indent=2, default=cli_case.json_default))
    return EXIT_OK


def _slip(desk: Desk, args: argparse.Namespace) -> int:
    printed = desk.slips.write_slip(args.matter_no, layout=args.layout, out=args.out)
    print(f"{printed.path}{'（补打）' if printed.reprint else ''}")
    return EXIT_OK


COMMANDS: dict[str, Callable[[Desk, argparse.Namespace], int]] = {
    "demo": _demo,
    "intake": _intake,
    "show": _show,
    "slip": _slip,
    **cli_case.COMMANDS,
    **cli_ledger.COMMANDS,
    "tally": cli_tally.tally,
    **cli_trust.COMMANDS,
    **cli_sources.COMMANDS,
}
