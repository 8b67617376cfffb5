"""Window benchmarks: the matters list model, start-up to first paint, memory of the open window."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from app.desk import Desk
from bench.search_floor import PERSONS, SUMMARIES
from bench.services import _raw
from bench.timing import median_ms, row

JUMP_ROW = 500_000
FLOOR_WINDOW = """
import sys, time
started = time.perf_counter()
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QLabel("信访接待台"))
window.resize(1280, 800)
class First(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            ms = (time.perf_counter() - started) * 1000
            print(f"startup_ms={ms:.1f} painted_at={time.time():.6f}", flush=True)
            QTimer.singleShot(0, app.quit)
            window.removeEventFilter(self)
        return False
first = First()
window.installEventFilter(first)
window.show()
app.exec()
"""


def matters_list(desk: Desk, path: str, runs: int) -> dict[str, Any]:
    """Open the list, sort it by deadline and jump to the deep row, each time waiting for the page shown;
    the floor reads the same three pages (and the count) by bare SQL. Both must list the same matters."""
    from PySide6.QtCore import Qt

    from ui.matters_model import DEADLINE_COLUMN, PAGE_SIZE, MattersTableModel

    con = _raw(path)
    total = con.execute("SELECT count(*) FROM matters").fetchone()[0]
    target_row = min(JUMP_ROW, total // 2)
    deep = target_row // PAGE_SIZE * PAGE_SIZE

    def ours() -> list[list[str]]:
        model = MattersTableModel(desk.matters)
        assert model.requests.settle(60_000)  # the newest matters shown, however long it took
        shown = [_numbers(model)]
        model.sort(DEADLINE_COLUMN, Qt.SortOrder.DescendingOrder)
        assert model.requests.settle(60_000)  # the sorted first page shown
        shown.append(_numbers(model))
        model.jump_to(target_row)
        assert model.requests.settle(60_000)  # the deep page shown
        assert model.total == total and model.first_row == deep
        return [*shown, _numbers(model)]

    def page(order: str, offset: int) -> list[str]:
        """One page as the list shows it: ids from the sort column's index, then summaries and persons."""
        sql = f"SELECT id FROM matters ORDER BY {order} LIMIT {PAGE_SIZE} OFFSET ?"
        ids = [r[0] for r in con.execute(sql, (offset,))]
        listed = ",".join(map(str, ids)) or "0"
        numbers = {r[0]: r[1] for r in con.execute(SUMMARIES.format(ids=listed))}
        con.execute(PERSONS.format(ids=listed)).fetchall()
        return [numbers[i] for i in ids]

    def floor() -> list[list[str]]:  # open (count, newest first), sort by deadline, jump to the deep page
        assert con.execute("SELECT count(*) FROM matters").fetchone()[0] == total
        return [
            page("received_at DESC, id DESC", 0),
            page("notice_deadline DESC, id DESC", 0),
            page("notice_deadline DESC, id DESC", deep),
        ]

    assert ours() == floor(), "the list and the floor show different matters"
    fetch = median_ms(lambda: desk.matters.page(target_row, PAGE_SIZE, "notice_deadline"), runs)
    return row(median_ms(ours, runs), median_ms(floor, runs), 2.0, row=target_row, fetch_more_ms=fetch)


def _numbers(model: Any) -> list[str]:
    return [model.matter_at(r).matter_no for r in range(model.rowCount())]


def _launch(args: list[str]) -> tuple[float, float, int, float]:
    """(ms from launch to first paint, self-reported ms to first paint, peak RSS KB, ms to exit) of one
    window process. Launch to paint counts the interpreter and every import, and not what runs after the
    paint (workers finishing before the process may exit)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    launched, started = time.time(), time.perf_counter()
    process = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    _, status, usage = os.wait4(process.pid, 0)
    wall = (time.perf_counter() - started) * 1000
    out = process.stdout.read() if process.stdout else ""
    found = re.search(r"startup_ms=([\d.]+) painted_at=([\d.]+)", out)
    if status != 0 or not found:
        raise RuntimeError(f"window did not report its first paint: {args} → {out!r}")
    painted = (float(found.group(2)) - launched) * 1000
    # the window's own peak (VmHWM), printed once its workers are done: wait4's ru_maxrss would count
    # this process's memory, which the child had at the fork
    peak = re.search(r"peak_rss_kb=(\d+)", out)
    return painted, float(found.group(1)), int(peak.group(1)) if peak else usage.ru_maxrss, wall


def _rows_shown(args: list[str]) -> dict[str, int]:
    """The rows the lists held when the memory was read: proof that they were shown."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(args, env=env, capture_output=True, text=True, check=True, timeout=600).stdout
    found = re.search(r"lists_shown matters=(\d+) board=(\d+)", out)
    if not found:
        raise RuntimeError(f"the window did not show its lists: {out!r}")
    return {"matters": int(found.group(1)), "board": int(found.group(2))}


def _median(values: list[float]) -> float:
    values = sorted(values)
    return round(values[len(values) // 2], 1)


def startup_and_memory(path: str, empty: str, runs: int) -> dict[str, Any]:
    ours_cmd = [sys.executable, "-m", "app", "--db", path, "--startup-timing"]
    floor_file = Path(tempfile.mkdtemp(prefix="bench-window-")) / "bare_window.py"
    floor_file.write_text(FLOOR_WINDOW, encoding="utf-8")
    empty_cmd = [sys.executable, "-m", "app", "--db", empty, "--startup-timing"]
    ours = [_launch(ours_cmd) for _ in range(runs)]
    floor = [_launch([sys.executable, str(floor_file)]) for _ in range(runs)]
    # memory with the lists shown: the matters list's first page and the supervision board's rows
    ours_lists = [_launch([*ours_cmd, "--with-lists"]) for _ in range(max(runs // 2, 1))]
    empty_lists = [_launch([*empty_cmd, "--with-lists"]) for _ in range(max(runs // 2, 1))]
    startup = row(
        _median([o[0] for o in ours]),
        _median([f[0] for f in floor]),
        1.5,
        ours_first_paint_ms=_median([o[1] for o in ours]),
        floor_first_paint_ms=_median([f[1] for f in floor]),
        ours_exit_ms=_median([o[3] for o in ours]),
        floor_exit_ms=_median([f[3] for f in floor]),
    )
    memory = row(
        _median([o[2] / 1024 for o in ours_lists]),
        _median([e[2] / 1024 for e in empty_lists]),
        1.3,
        unit="MB peak RSS, matters list and board shown",
        at_first_paint_mb=_median([o[2] / 1024 for o in ours]),
        rows_shown=_rows_shown([*ours_cmd, "--with-lists"]),
    )
    return {"startup": startup, "memory": memory}
