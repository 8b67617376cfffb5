"""The command line of the workflow: `act`, `case`, `notice`, `board` (everything the matter page does), and
the leaders: `leader add`, `leaders`, `reception-day add`, `reception-days`, `set-leaders`, `upper`,
`upper-report`.

`act` maps its options onto the CaseService method of the action, by the method's own parameter names,
so a new step needs no new code here. ``COMMANDS`` maps each command's name to its handler, for app/cli.py.
"""

from __future__ import annotations

import argparse
import inspect
import json
from collections.abc import Callable
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
    _add_leader_commands(commands)


def _add_leader_commands(commands: Any) -> None:
    leader = commands.add_parser("leader", help="add a leader (包案领导, 领导接访日)")
    leader_add = leader.add_subparsers(dest="leader_command", required=True).add_parser("add")
    leader_add.add_argument("name")
    leader_add.add_argument("--title", default="", help="e.g. 副县长")
    commands.add_parser("leaders", help="list the leaders as JSON")
    day = commands.add_parser("reception-day", help="schedule a leader's reception day (领导接访日)")
    day_add = day.add_subparsers(dest="reception_day_command", required=True).add_parser("add")
    day_add.add_argument("leader")
    day_add.add_argument("day", metavar="DATE", help="e.g. 2026-12-02")
    day_add.add_argument("--place", default="")
    days = commands.add_parser("reception-days", help="list the reception days between two dates as JSON")
    days.add_argument("--from", dest="first", required=True)
    days.add_argument("--to", dest="last", required=True)
    team = commands.add_parser("set-leaders", help="set a matter's 包案领导 and 五包一 team")
    team.add_argument("matter_no")
    team.add_argument("--in-charge", dest="in_charge", required=True)
    team.add_argument("--team", action="extend", nargs="+", default=[], metavar="NAME")
    upper = commands.add_parser("upper", help="record an assignment from above (上级交办件)")
    upper.add_argument("matter_no")
    upper.add_argument("--body", required=True, help="the upper body, e.g. 市信访局")
    upper.add_argument("--ref", required=True, help="its reference number (文号)")
    upper.add_argument("--received", required=True, help="the day it was received")
    upper.add_argument("--due", required=True, help="the day the result is due (办结时限)")
    report = commands.add_parser("upper-report", help="report the result to the upper body (上报)")
    report.add_argument("matter_no")
    report.add_argument("--date", dest="reported", help="the day reported (default: today)")
    for step in (team, upper, report):
        step.add_argument("--clerk", help="who signs the step (default: this window's clerk)")
        step.add_argument("--expected-version", type=int, dest="expected_version")
    for step in (upper, report):
        step.add_argument("--note", default="")


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


def add_leader(desk: Desk, args: argparse.Namespace) -> int:
    return _print(desk.cases.add_leader(args.name, args.title))


def leaders(desk: Desk, args: argparse.Namespace) -> int:
    return _print(desk.cases.leaders())


def add_reception_day(desk: Desk, args: argparse.Namespace) -> int:
    return _print(desk.cases.schedule_reception_day(args.leader, _day(args.day, "DATE"), args.place))


def reception_days(desk: Desk, args: argparse.Namespace) -> int:
    first, last = _day(args.first, "--from"), _day(args.last, "--to")
    if last < first:
        raise ValidationError.single("--to", "--to 不能早于 --from")
    return _print(desk.cases.reception_days(first, last))


def set_leaders(desk: Desk, args: argparse.Namespace) -> int:
    clerk = args.clerk or desk.settings.get().clerk_name
    result = desk.cases.set_leaders(args.matter_no, args.in_charge, args.team, clerk, args.expected_version)
    return _print(result)


def upper(desk: Desk, args: argparse.Namespace) -> int:
    received, due = _day(args.received, "--received"), _day(args.due, "--due")
    clerk = args.clerk or desk.settings.get().clerk_name
    result = desk.cases.record_upper_assignment(
        args.matter_no, args.body, args.ref, received, due, clerk, args.note, args.expected_version
    )
    return _print(result)


def upper_report(desk: Desk, args: argparse.Namespace) -> int:
    reported = _day(args.reported, "--date") if args.reported else None
    clerk = args.clerk or desk.settings.get().clerk_name
    result = desk.cases.report_upper_assignment(
        args.matter_no, clerk, reported, args.note, args.expected_version
    )
    return _print(result)


def _day(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError.single(option, f"日期“{text}”格式不对，应写作如 2026-12-02") from None


def _print(value: Any) -> int:
    data = [asdict(v) for v in value] if isinstance(value, list) else asdict(value)
    print(json.dumps(data, ensure_ascii=False, indent=2, default=json_default))
    return 0


def json_default(value: Any) -> str:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, set | frozenset | tuple):
        return list(value)  # type: ignore[return-value]
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


# name → handler: app/cli.py dispatches every command of this module through it
COMMANDS: dict[str, Callable[[Desk, argparse.Namespace], int]] = {
    "act": act,
    "case": case,
    "notice": notice,
    "board": board,
    "leader": add_leader,
    "leaders": leaders,
    "reception-day": add_reception_day,
    "reception-days": reception_days,
    "set-leaders": set_leaders,
    "upper": upper,
    "upper-report": upper_report,
}
