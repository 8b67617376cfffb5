"""The kill -9 harness's child: registers visits in a loop, as the window does, until it is killed.

    python tests/harness/register_loop.py DB      # one program run (the test kills it)
    python tests/harness/register_loop.py --zygote

The zygote imports the program once and forks one child per ``RUN<TAB>db<TAB>out<TAB>err`` line read on
stdin (answering the child's pid), and reaps one per ``WAIT<TAB>pid`` line (answering its wait status): each
child is a real process of its own, with its own SQLite connections, opened and killed like the program —
only Python's import time (seconds on a busy machine) is paid once.

Like the window, which loads the word segmenter's dictionary in the background as it opens, the child
loads it before it reports ready (the zygote loads it once before forking, so a child inherits it); else the
first registration would pay the load (~1 s) and every kill would land before anything was saved.

For each visit the child does what the intake form does: saves the draft (desk.drafts), registers the visit
(one transaction), then clears the draft. Markers on stderr, each written before the next step starts:
``R n`` ready (next index n), ``P k`` the draft found at start (``P -``: none), ``D n`` draft saved,
``B n`` about to register, ``E n`` the commit returned, ``X n`` draft cleared. On stdout, only after the
commit returned: ``n<TAB>matter number``, flushed.
"""

from __future__ import annotations

import os
import sys
import traceback
from datetime import datetime
from pathlib import Path
from typing import Any, NoReturn

if __name__ == "__main__":  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.desk import open_desk
from app.records import PersonInput, VisitInput
from app.sources.text import warm

NOW = datetime(2026, 11, 26, 10, 0)
NAMES = ("张伟", "王𠮷", "欧阳娜仁", "阿依古丽·买买提", "李娜", "𪚥𠀀", "刘芳")


def draft_for(n: int) -> dict[str, Any]:
    """What the clerk has typed for the n-th visit, as the form saves it."""
    return {
        "index": n,
        "visited_at": "2026-11-26T09:00:00",
        "channel": "来访",
        "headcount": 1,
        "persons": [{"name": NAMES[n % len(NAMES)], "phone": f"139{n:08d}"}],
        "township": "城关镇",
        "category": "城乡建设",
        "summary": f"第{n}号测试来访：楼道漏水物业不修",
        "appeal": f"第{n}号：要求物业维修楼道漏水。\n'; DROP TABLE matters;--",
        "clerk": "李娜",
    }


def visit_from_draft(draft: dict[str, Any]) -> VisitInput:
    return VisitInput(
        visited_at=datetime.fromisoformat(draft["visited_at"]),
        channel=draft["channel"],
        headcount=draft["headcount"],
        persons=[
            PersonInput(name=p["name"], phone=p["phone"], representative=True) for p in draft["persons"]
        ],
        township=draft["township"],
        category=draft["category"],
        summary=draft["summary"],
        appeal=draft["appeal"],
        clerk=draft["clerk"],
    )


def _mark(text: str) -> None:
    os.write(2, f"{text}\n".encode())  # unbuffered: on stderr before the next step begins


def run_loop(db_path: str) -> NoReturn:
    desk = open_desk(db_path, clock=lambda: NOW)
    desk.sign_in_console("harness")
    warm()  # as the intake form does while the clerk starts typing (a no-op in a zygote's child)
    n = desk.matters.count() + 1
    pending = desk.drafts.load()  # the window offers this back to the clerk
    _mark(f"R {n}")
    _mark(f"P {pending['index'] if pending else '-'}")
    while True:
        draft = draft_for(n)
        desk.drafts.save(draft)
        _mark(f"D {n}")
        _mark(f"B {n}")
        registered = desk.intake.register_visit(visit_from_draft(draft))
        _mark(f"E {n}")
        print(f"{n}\t{registered.matter_no}", flush=True)
        desk.drafts.clear()
        _mark(f"X {n}")
        n += 1


def _child(db_path: str, out: str, err: str) -> NoReturn:
    try:
        for fd, path in ((1, out), (2, err)):
            os.dup2(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC), fd)
        os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
        run_loop(db_path)
    except BaseException:
        traceback.print_exc()
        sys.stderr.flush()
    os._exit(1)  # never return into the zygote's loop


def zygote() -> None:
    warm()
    for line in sys.stdin:
        command, *rest = line.rstrip("\n").split("\t")
        if command == "RUN":
            sys.stdout.flush()
            pid = os.fork()
            if pid == 0:
                _child(*rest)
            print(pid, flush=True)
        elif command == "WAIT":
            print(os.waitpid(int(rest[0]), 0)[1], flush=True)


if __name__ == "__main__":
    if sys.argv[1:] == ["--zygote"]:
        zygote()
    else:
        run_loop(sys.argv[1])
