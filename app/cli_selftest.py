"""`--self-test [--out SLIP.pdf]`: the installation check, for CI and for the IT officer after a copy."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from app.errors import DeskError
from app.logs import log

EXIT_OK, EXIT_FAILED, EXIT_INVALID = 0, 1, 2


def add_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check the installation headless: migrate a new database (--db or a temporary one), register "
        "a visit, write its slip, check the fonts are embedded; exit 0 or 1 with the reason",
    )
    parser.add_argument(
        "--out", type=Path, dest="self_test_out", help="with --self-test: where to write the slip PDF"
    )


def run(args: argparse.Namespace) -> int:
    if args.command is not None:
        print("--self-test 不能与其他命令同时使用", file=sys.stderr)
        return EXIT_INVALID
    if args.self_test_out is not None:
        return _run(args.db, args.self_test_out, kept=True)
    with tempfile.TemporaryDirectory(prefix="xinfang-slip-") as folder:
        return _run(args.db, Path(folder) / "selftest-slip.pdf", kept=False)


def _run(db: str | None, out: Path, kept: bool) -> int:
    try:
        from app.selftest import run_self_test  # ReportLab, Alembic: only for the self-test

        report = run_self_test(db, out)
    except DeskError as error:
        print(f"自检失败 self-test failed: {error.message}", file=sys.stderr)
        return EXIT_FAILED
    except Exception as error:  # the point of a self-test is to name the cause, whatever it is
        log.exception("self-test failed")
        print(f"自检失败 self-test failed: {type(error).__name__}: {error}", file=sys.stderr)
        return EXIT_FAILED
    print(report.summary(kept))
    return EXIT_OK
