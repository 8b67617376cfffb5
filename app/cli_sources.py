"""`python -m app hotspots | assess | similar | letter | sources-reindex`: the source view (追根溯源) from
a script, with the same figures as the window.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from app.cli_tally import _day
from app.desk import Desk
from app.sources.assessment_export import HEADER, unit_cells
from app.sources.records import HotspotBoard, HotspotRow
from app.sources.term_index import reindex_missing

KIND_TITLES = (("entities", "被反映对象"), ("townships", "乡镇（街道）"), ("topics", "问题类别"))


def add_commands(commands: Any) -> None:
    hot = commands.add_parser("hotspots", help="print the hotspot board (热点预警) of an ISO week")
    hot.add_argument("--week", required=True, help="an ISO week, e.g. 2026-W47")
    hot.add_argument("--json", action="store_true", help="the board as JSON")
    assess = commands.add_parser("assess", help="the departments' record (考核) of a period")
    assess.add_argument("--from", dest="first", required=True, help="first day, e.g. 2026-01-01")
    assess.add_argument("--to", dest="last", required=True, help="last day, included")
    assess.add_argument("--out", type=Path, help="FILE.xlsx, FILE.csv or FILE.pdf (else printed)")
    similar = commands.add_parser("similar", help="open matters similar to a text, with the reasons")
    similar.add_argument("text")
    similar.add_argument("--township")
    similar.add_argument("--category")
    similar.add_argument("--entity", type=int, action="append", default=[], help="an entity id (repeatable)")
    letter = commands.add_parser(
        "letter", help="draft the 问责建议函 of a matter (chief or administrator; see --user)"
    )
    letter.add_argument("matter_no")
    letter.add_argument("--out", type=Path)
    commands.add_parser("sources-reindex", help="index the words of matters registered before revision 0005")


def hotspots(desk: Desk, args: argparse.Namespace) -> int:
    board = desk.sources.hotspots.board(args.week.strip())
    if args.json:
        print(json.dumps(asdict(board), ensure_ascii=False, indent=2, default=str))
    else:
        print("\n".join(board_lines(board)))
    return 0


def board_lines(board: HotspotBoard) -> list[str]:
    lines = [f"热点预警 {board.week}（{board.starts:%Y-%m-%d}至{board.ends:%Y-%m-%d}）"]
    for attr, title in KIND_TITLES:
        rows: list[HotspotRow] = getattr(board, attr)
        lines.append(f"【{title}】本周件数 上周件数 环比 本周人次")
        lines += [_row_line(r) for r in rows] or ["  （无上升）"]
    lines.append("【集访风险】")
    lines += [f"  ！{w.message}：{'、'.join(w.matter_nos)}" for w in board.warnings] or ["  （无）"]
    return lines


def _row_line(row: HotspotRow) -> str:
    growth = "新增" if row.growth is None else f"{row.growth * 100:+.0f}%"
    mark = "▲超阈值 " if row.crossed else "  "
    return f"  {mark}{row.label}  {row.this_week}  {row.last_week}  {growth}  {row.persons_this_week}"


def assess(desk: Desk, args: argparse.Namespace) -> int:
    first, last = _day(args.first, "--from"), _day(args.last, "--to")
    service = desk.sources.assessment
    rows = service.assess(first, last)
    if args.out is not None:
        print(service.export(rows, args.out, first, last))
        return 0
    print("\t".join(HEADER))
    for unit in rows:
        print("\t".join(unit_cells(unit)))
    return 0


def similar(desk: Desk, args: argparse.Namespace) -> int:
    matches = desk.sources.similarity.similar_open(
        args.text, township=args.township, category=args.category, entity_ids=tuple(args.entity)
    )
    print(json.dumps([asdict(m) for m in matches], ensure_ascii=False, indent=2, default=str))
    return 0


def letter(desk: Desk, args: argparse.Namespace) -> int:
    print(desk.sources.letters.draft(args.matter_no, out=args.out))
    return 0


def reindex(desk: Desk, args: argparse.Namespace) -> int:
    with desk.db.writing() as session:
        done = reindex_missing(session)
    print(f"已为 {done} 件信访事项建立相似检索索引")
    return 0


COMMANDS = {
    "hotspots": hotspots,
    "assess": assess,
    "similar": similar,
    "letter": letter,
    "sources-reindex": reindex,
}
