"""The command line of the workflow: `act`, `case`, `notice`, `board` (everything the matter page does).

`act` maps its options onto the CaseService method of the action, by the method's own parameter names,
so a new step needs no new code here.
"""

from __future__ import annotations

import argparse
import inspect
import json
from dataclasses import asdict
from datetime import date, datetime
from pathlib import Path
from typing import Any

from app.desk import Desk
from app.errors import ValidationError
from app.supervision_records import BoardFilter
from app.workflow import ACTIONS

# CaseService parameter → how it is given on the command line
_PARAMETERS = {
    "departments": lambda a: a.department,
    "department": lambda a: a.department[0] if a.department else None,
    "reason": lambda a: a.reason,
    "days": lambda a: a.days,
    "approver": lambda a: a.approver,
    "outcomes": lambda a: a.outcome,
    "text": lambda a: a.text,
    "reply": lambda a: a.text,
    "result": lambda a: a.result,
    "into": lambda a: a.into,
    "note": lambda a: a.note,
    "expected_version": lambda a: a.expected_version,
}
_OPTION_OF = {
    "departments": "--department",
    "department": "--department",
    "outcomes": "--outcome",
    "reply": "--text",
}


def add_commands(commands: Any) -> None:
    act = commands.add_parser("act", help="take one step on a matter (受理, 转送, 延期, 答复, 办结 …)")
    act.add_argument("matter_no")
    act.add_argument("action", choices=sorted(ACTIONS), help="the step, by its key")
    act.add_argument("--clerk", help="who signs the step (default: this window's clerk)")
    act.add_argument("--department", action="append", default=[], help="a department (repeatable)")
    act.add_argument("--outcome", action="append", default=[], help="解决到位/教育到位/帮扶到位/依法处理")
    for name in ("reason", "approver", "text", "result", "into", "note"):
        act.add_argument(f"--{name}")
    act.add_argument("--days", type=int)
    act.add_argument("--expected-version", type=int, dest="expected_version")
    case = commands.add_parser("case", help="print a matter's workflow state as JSON")
    case.add_argument("matter_no")
    notice = commands.add_parser("notice", help="write a notice PDF (受理告知书, 不予受理告知书, 交办单 …)")
    notice.add_argument("matter_no")
    notice.add_argument("kind")
    notice.add_argument("--out", type=Path, required=True)
    notice.add_argument("--department")
    board = commands.add_parser("board", help="print the supervision board (督办) as JSON")
    board.add_argument("--clerk")
    board.add_argument("--department")
    board.add_argument(
        "--all", action="store_true", help="every open matter, not only those needing attention"
    )


def act(desk: Desk, args: argparse.Namespace) -> int:
    method = getattr(desk.cases, args.action)
    clerk = args.clerk or desk.settings.get().clerk_name
    kwargs = {"clerk": clerk, **_step_arguments(inspect.signature(method), args)}
    result = method(args.matter_no, **kwargs)
    print(json.dumps(asdict(result), ensure_ascii=False, indent=2, default=json_default))
    return 0


def _step_arguments(signature: inspect.Signature, args: argparse.Namespace) -> dict[str, Any]:
    values, missing = {}, []
    for name, parameter in signature.parameters.items():
        if name not in _PARAMETERS:
            continue
        value = _PARAMETERS[name](args)
        if value not in (None, []):
            values[name] = value
        elif parameter.default is inspect.Parameter.empty:
            missing.append(_OPTION_OF.get(name, "--" + name.replace("_", "-")))
    if missing:
        raise ValidationError.single("", f"此步骤需要：{'、'.join(missing)}")
    return values


def case(desk: Desk, args: argparse.Namespace) -> int:
    print(
        json.dumps(
            asdict(desk.cases.case_file(args.matter_no)), ensure_ascii=False, indent=2, default=json_default
        )
    )
    return 0


def notice(desk: Desk, args: argparse.Namespace) -> int:
    printed = desk.notices.write_notice(args.matter_no, args.kind, args.out, department=args.department)
    print(json.dumps(asdict(printed), ensure_ascii=False, indent=2, default=json_default))
    return 0


def board(desk: Desk, args: argparse.Namespace) -> int:
    wanted = BoardFilter(clerk=args.clerk, department=args.department, attention_only=not args.all)
    rows = desk.supervision.board(wanted)
    print(json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=2, default=json_default))
    return 0


def json_default(value: Any) -> str:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, set | frozenset | tuple):
        return list(value)  # type: ignore[return-value]
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")
