"""python -m bench --db-1m /tmp/bench-1m.sqlite --db-10k /tmp/bench-10k.sqlite --out bench/results.json"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

GROWTH_TARGET = 1.5
BENCHMARKS = (
    "startup",
    "recognition",
    "search_name_2",
    "search_phrase_4",
    "register_slip",
    "tally",
    "matters_list",
    "memory",
)


def build(path: Path, visits: int) -> None:
    print(f"building {path} ({visits} visits)…", file=sys.stderr)
    subprocess.run(
        [sys.executable, "-m", "app", "--db", str(path), "demo", "--visits", str(visits), "--seed", "1"],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def run_one(path: Path, runs: int, window_runs: int, work: Path, only_window: bool = False) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    from app.desk import open_desk
    from bench import services, window

    QApplication.instance() or QApplication([])
    results: dict[str, Any] = {}
    if only_window:
        return _window(path, window_runs, work)
    desk = open_desk(str(path))
    desk.sign_in_console("bench")  # the services need a signed-in user; the console operator is one
    try:
        results["recognition"] = services.recognition(desk, str(path), runs)
        results.update(services.search(desk, str(path), runs))
        results["tally"] = _tally(desk, str(path), runs)
        results["matters_list"] = window.matters_list(desk, str(path), runs)
    finally:
        desk.close()
    copy = work / f"copy-{path.name}"  # benchmarks that write use a copy
    shutil.copyfile(path, copy)
    desk = open_desk(str(copy))
    desk.sign_in_console("bench")
    try:
        results["register_slip"] = services.register_and_slip(desk, str(copy), runs, [0])
    finally:
        desk.close()
        copy.unlink()
    results.update(_window(path, window_runs, work))
    return results


def _window(path: Path, window_runs: int, work: Path) -> dict[str, Any]:
    """Start-up and memory: each a new window process, ours against the floor."""
    from app.desk import open_desk
    from bench import window

    empty = work / "empty.sqlite"
    if not empty.exists():
        open_desk(str(empty)).close()
    return window.startup_and_memory(str(path), str(empty), window_runs)


def _tally(desk: Any, path: str, runs: int) -> dict[str, Any]:
    try:
        from bench import services

        return services.tally(desk, path, runs)
    except ImportError as error:  # app/tally not there yet
        return {"pending": str(error)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--db-1m", type=Path, default=Path("/tmp/bench-1m.sqlite"))
    parser.add_argument("--db-10k", type=Path, default=Path("/tmp/bench-10k.sqlite"))
    parser.add_argument("--build", action="store_true", help="build the 1M database if it is missing")
    parser.add_argument("--large-visits", type=int, default=1_000_000)
    parser.add_argument("--small-visits", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7, help="timed runs per benchmark (median)")
    parser.add_argument("--window-runs", type=int, default=5, help="start-up runs (each a new process)")
    parser.add_argument("--out", type=Path, default=Path("bench/results.json"))
    parser.add_argument("--only-window", action="store_true", help="only the start-up and memory benchmarks")
    args = parser.parse_args(argv)
    if not args.db_10k.exists():
        build(args.db_10k, args.small_visits)
    if not args.db_1m.exists():
        if not args.build:
            parser.error(f"{args.db_1m} is missing: build it with --build (a few minutes)")
        build(args.db_1m, args.large_visits)
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    sizes = {"1m": args.db_1m, "10k": args.db_10k}
    results = {
        size: run_one(path, args.runs, args.window_runs, work, args.only_window)
        for size, path in sizes.items()
    }
    report = {
        "runs": args.runs,
        "databases": {k: str(v) for k, v in sizes.items()},
        **results,
        "growth": growth(results["1m"], results["10k"]),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    print_table(report)
    shutil.rmtree(work, ignore_errors=True)
    return 0


def growth(large: dict[str, Any], small: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for name in BENCHMARKS:
        a, b = large.get(name, {}), small.get(name, {})
        if "ours" in a and "ours" in b and b["ours"] > 0:
            ratio = round(a["ours"] / b["ours"], 2)
            out[name] = {"1m": a["ours"], "10k": b["ours"], "ratio": ratio, "pass": ratio <= GROWTH_TARGET}
    return out


def print_table(report: dict[str, Any]) -> None:
    print(f"{'benchmark':18} {'size':4} {'ours':>10} {'floor':>10} {'ratio':>7} {'target':>6}  ok")
    for size in ("1m", "10k"):
        for name in BENCHMARKS:
            r = report[size].get(name, {})
            if "ours" not in r:
                print(f"{name:18} {size:4} pending")
                continue
            print(
                f"{name:18} {size:4} {r['ours']:10.1f} {r['floor']:10.1f} {r['ratio']:7.2f}"
                f" {r['target']:6} {'pass' if r['pass'] else 'MISS'}"
            )
    for name, g in report["growth"].items():
        print(f"growth {name:11} 1m/10k {g['ratio']:7.2f} {'pass' if g['pass'] else 'MISS'}")


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    # the results are written: skip the interpreter's finalisation, where PySide6 once aborted the run
    # ("bool_dealloc" while collecting the QApplication) after the table was printed
    os._exit(code)
