"""Nothing lost: a program registering visits in a loop is killed (SIGKILL) at random moments and restarted.

After every kill: each reported matter number is there with its visit and persons, nothing is half-written,
the yearly numbers have no gap, the file passes the integrity check, and the draft being typed is on disk,
whole, and comes back to the restarted program. The first runs start the program as a fresh Python; the
rest are forked from a zygote that imported it once (tests/harness/register_loop.py), to stay well within
the time a test may take.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import pytest

from app.desk import open_desk
from app.drafts import EncryptedDraft
from db.engine import Database
from tests.conftest import FixedClock
from tests.harness.register_loop import NOW, draft_for

pytestmark = [
    pytest.mark.skipif(os.name != "posix", reason="SIGKILL and fork are POSIX"),
    pytest.mark.sqlite_only,
]

HARNESS = Path(__file__).resolve().parent / "harness" / "register_loop.py"
ROOT = HARNESS.parents[2]
RUNS, FRESH_PYTHON_RUNS, SEED = 50, 3, 20261126


@dataclass
class Run:
    """What one killed child told before it died."""

    reported: dict[int, str]  # n → matter number, printed after the commit returned
    markers: list[tuple[str, int | None]]
    stderr: str

    @property
    def last(self) -> tuple[str, int | None]:
        return self.markers[-1]

    def marker(self, kind: str) -> int | None:
        return next(n for k, n in self.markers if k == kind)


@dataclass
class Tally:
    runs: int = 0
    mid_transaction: int = 0  # killed between "about to register" and "commit returned"
    committed_unreported: int = 0  # of those, the commit had reached the disk
    draft_pending: int = 0  # killed between draft saved and draft cleared
    records_checked: int = 0
    reported: dict[int, str] = field(default_factory=dict)
    in_flight: set[int] = field(default_factory=set)  # registering when killed: may be committed, unreported


class Zygote:
    """tests/harness/register_loop.py --zygote: forks a child per run."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(HARNESS), "--zygote"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )

    def _ask(self, *words: str) -> int:
        stdin, stdout = self.proc.stdin, self.proc.stdout
        assert stdin is not None and stdout is not None
        stdin.write("\t".join(words) + "\n")
        stdin.flush()
        return int(stdout.readline())

    def start(self, db: Path, out: Path, err: Path) -> int:
        return self._ask("RUN", str(db), str(out), str(err))

    def reap(self, pid: int) -> int:
        return self._ask("WAIT", str(pid))

    def close(self) -> None:
        self.proc.communicate(timeout=30)  # end of input: the zygote leaves its loop


def _run_once(db: Path, folder: Path, delay: float, zygote: Zygote | None) -> Run:
    folder.mkdir()
    out, err = folder / "out.txt", folder / "err.txt"
    handles: list[IO[Any]] = []
    if zygote is None:
        handles = [open(out, "w"), open(err, "w")]  # noqa: SIM115 - closed below, after the kill
        proc = subprocess.Popen([sys.executable, str(HARNESS), str(db)], stdout=handles[0], stderr=handles[1])
        pid = proc.pid
    else:
        pid = zygote.start(db, out, err)
    _wait_until_ready(err)
    time.sleep(delay)  # the random moment of the power cut
    os.kill(pid, signal.SIGKILL)
    status = proc.wait() if zygote is None else zygote.reap(pid)
    for handle in handles:
        handle.close()
    killed = status == -signal.SIGKILL if zygote is None else os.WTERMSIG(status) == signal.SIGKILL
    assert killed, err.read_text()
    return _parse(out.read_text(encoding="utf-8"), err.read_text(encoding="utf-8"))


def _wait_until_ready(err: Path) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        text = err.read_text(encoding="utf-8") if err.exists() else ""
        assert "Traceback" not in text, text
        if "\nP " in text:
            return
        time.sleep(0.01)
    raise AssertionError("the harness child did not start")


def _parse(out: str, err: str) -> Run:
    reported = {}
    for line in out.splitlines():
        n, matter_no = line.split("\t")
        reported[int(n)] = matter_no
    markers: list[tuple[str, int | None]] = []
    for line in err.splitlines():
        kind, _, value = line.partition(" ")
        markers.append((kind, None if value in ("", "-") else int(value)))
    return Run(reported, markers, err)


def _rows(conn: sqlite3.Connection, sql: str) -> list[Any]:
    return conn.execute(sql).fetchall()


def _check_database(db: Path, tally: Tally) -> dict[str, int]:
    """Whole and gap-free; returns summary → matter id for the caller's checks."""
    with sqlite3.connect(db) as conn:
        assert _rows(conn, "PRAGMA integrity_check") == [("ok",)]
        assert _rows(conn, "PRAGMA foreign_key_check") == []
        matters = _rows(conn, f"SELECT id, seq, summary FROM matters WHERE year = {NOW.year} ORDER BY seq")
        assert [seq for _, seq, _ in matters] == list(range(1, len(matters) + 1)), "a gap in the numbers"
        counter = _rows(conn, f"SELECT value FROM counters WHERE name = 'matter' AND year = {NOW.year}")
        assert counter == ([(len(matters),)] if matters else [])
        for what, sql in _HALF_WRITTEN.items():
            assert _rows(conn, sql) == [], what
        visits = dict(_rows(conn, "SELECT matter_id, count(*) FROM visits GROUP BY matter_id"))
        names = dict(
            _rows(
                conn, "SELECT v.matter_id, vp.name FROM visits v JOIN visit_persons vp ON vp.visit_id = v.id"
            )
        )
        tally.records_checked += len(matters) + sum(visits.values()) + len(names)
    conn.close()
    by_summary = {summary: matter_id for matter_id, _, summary in matters}
    for n, matter_id in ((int(s[1 : s.index("号")]), i) for s, i in by_summary.items()):
        assert visits[matter_id] == 1 and names[matter_id] == draft_for(n)["persons"][0]["name"]
    return by_summary


_HALF_WRITTEN = {
    "a matter without a visit": "SELECT id FROM matters m WHERE NOT EXISTS "
    "(SELECT 1 FROM visits WHERE matter_id = m.id)",
    "a matter without its persons": "SELECT id FROM matters m WHERE NOT EXISTS "
    "(SELECT 1 FROM matter_persons WHERE matter_id = m.id)",
    "a matter without its event": "SELECT id FROM matters m WHERE NOT EXISTS "
    "(SELECT 1 FROM matter_events WHERE matter_id = m.id)",
    "a matter without its notice deadline": "SELECT id FROM matters m WHERE NOT EXISTS "
    "(SELECT 1 FROM deadlines WHERE matter_id = m.id)",
    "a visit without its persons": "SELECT id FROM visits v WHERE NOT EXISTS "
    "(SELECT 1 FROM visit_persons WHERE visit_id = v.id)",
}


def _check_draft(draft_file: Path, run: Run, tally: Tally) -> int | None:
    """The draft on disk is whole and encrypted; when the kill fell between save and clear, it is there."""
    db = Database.open(draft_file.parent.parent / "desk.sqlite")
    try:
        draft = EncryptedDraft(draft_file, db).load()
    finally:
        db.dispose()
    if draft_file.exists():
        assert draft is not None, "a half-written draft"
        assert draft["summary"].encode("utf-8") not in draft_file.read_bytes()
    kind, n = run.last
    start = run.marker("R")
    assert n is not None or kind == "P"
    allowed: dict[str, set[int | None]] = {
        "P": {None, run.marker("P"), start},  # before the first draft: the old one, or the next one saved
        "D": {n},  # draft saved, not yet cleared: it must be there
        "B": {n},
        "E": {n, None},  # the commit returned: the draft may already be cleared
        "X": {None, (n or 0) + 1},  # cleared; the next one may be saved
    }
    index: int | None = draft["index"] if draft else None
    assert index in allowed[kind], (kind, n, index)
    if draft is not None and index is not None:
        assert draft == draft_for(index)
    tally.draft_pending += kind in ("D", "B")
    return index


def _check_run(db: Path, run: Run, tally: Tally) -> None:
    by_summary = _check_database(db, tally)
    tally.reported.update(run.reported)
    for n, matter_no in tally.reported.items():  # every number ever reported, not only this run's
        assert draft_for(n)["summary"] in by_summary, f"reported {matter_no} is missing"
    with sqlite3.connect(db) as conn:
        numbers = dict(_rows(conn, "SELECT summary, matter_no FROM matters"))
    conn.close()
    assert all(numbers[draft_for(n)["summary"]] == no for n, no in tally.reported.items())
    kind, last = run.last
    if kind in ("B", "E") and last is not None:
        tally.in_flight.add(last)
        tally.mid_transaction += kind == "B"
        tally.committed_unreported += kind == "B" and draft_for(last)["summary"] in by_summary
    # a committed visit the child did not report is only ever one it was registering when killed
    unreported = set(by_summary) - {draft_for(n)["summary"] for n in tally.reported}
    assert unreported <= {draft_for(n)["summary"] for n in tally.in_flight}


@pytest.fixture
def fresh_db(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "desk.sqlite"
    open_desk(str(path), clock=FixedClock(NOW)).close()
    yield path


def test_kill9_loses_nothing(fresh_db: Path, tmp_path: Path) -> None:
    rng = random.Random(SEED)
    tally, started = Tally(), time.monotonic()
    draft_file = tmp_path / "drafts" / "intake.json"
    left_draft: int | None = None
    zygote = Zygote()
    try:
        for run_no in range(RUNS):
            run = _run_once(
                fresh_db,
                tmp_path / f"run{run_no}",
                rng.uniform(0.05, 1.5),
                zygote if run_no >= FRESH_PYTHON_RUNS else None,
            )
            assert run.marker("P") == left_draft, "the draft did not come back after the restart"
            tally.runs += 1
            _check_run(fresh_db, run, tally)
            left_draft = _check_draft(draft_file, run, tally)
    finally:
        zygote.close()
    elapsed = time.monotonic() - started
    print(
        f"\nkill -9 harness: {tally.runs} runs, {len(tally.reported)} visits reported, "
        f"{tally.mid_transaction} kills inside register_visit "
        f"({tally.committed_unreported} after the commit), {tally.draft_pending} with the draft pending, "
        f"{tally.records_checked} records checked, {elapsed:.1f} s"
    )
    assert tally.runs >= 50 and tally.reported
