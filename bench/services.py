"""Service benchmarks: recognition, search, register + slip, weekly tally (ms, medians of warm runs)."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from app.desk import Desk
from app.records import PersonInput, VisitInput
from app.rules.idnumber import check_character
from bench.timing import median_ms, row


def _raw(path: str) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


HISTORY_SQL = (
    "SELECT id, name, id_number, sex, birth_date, region_code, phone FROM persons WHERE id_number = ?",
    "SELECT v.id, v.visited_at, m.matter_no, v.channel, v.headcount, v.is_repeat, c.name, v.summary"
    " FROM visit_persons vp JOIN visits v ON v.id = vp.visit_id JOIN matters m ON m.id = v.matter_id"
    " JOIN clerks c ON c.id = v.clerk_id WHERE vp.person_id = ? ORDER BY v.visited_at DESC, v.id DESC"
    " LIMIT 200",
    "SELECT vp.visit_id, p.name FROM visit_persons vp JOIN persons p ON p.id = vp.person_id"
    " WHERE vp.visit_id IN ({visits}) ORDER BY vp.visit_id, vp.representative DESC, p.id",
    "SELECT m.id FROM matter_persons mp JOIN matters m ON m.id = mp.matter_id WHERE mp.person_id = ?"
    " ORDER BY m.received_at DESC, m.id DESC",
    "SELECT m.id, m.matter_no, m.status, m.received_at, m.summary, coalesce(k.name, ''),"
    " coalesce(t.name, ''), c.name, m.notice_deadline,"
    " (SELECT count(*) FROM visits v WHERE v.matter_id = m.id),"
    " coalesce((SELECT max(visited_at) FROM visits v WHERE v.matter_id = m.id), m.received_at)"
    " FROM matters m JOIN clerks c ON c.id = m.first_clerk_id LEFT JOIN categories k ON k.id = m.category_id"
    " LEFT JOIN townships t ON t.id = m.township_id WHERE m.id IN ({matters})",
    "SELECT mp.matter_id, p.name FROM matter_persons mp JOIN persons p ON p.id = mp.person_id"
    " WHERE mp.matter_id IN ({matters}) ORDER BY mp.matter_id, p.id",
)


def _bare_history(con: sqlite3.Connection, id_number: str) -> tuple[list[Any], list[Any]]:
    """The history by hand: the person, their newest 200 visits with who came, their matters with counts,
    last visit and persons (what RecognitionService.history_for_id reads, in the same six statements)."""
    person, visits_sql, visit_names, matter_ids, summaries, matter_names = HISTORY_SQL
    person_id = con.execute(person, (id_number,)).fetchone()[0]
    visits = con.execute(visits_sql, (person_id,)).fetchall()
    con.execute(visit_names.format(visits=",".join(str(v[0]) for v in visits) or "0")).fetchall()
    ids = ",".join(str(m) for (m,) in con.execute(matter_ids, (person_id,))) or "0"
    matters = con.execute(summaries.format(matters=ids)).fetchall()
    con.execute(matter_names.format(matters=ids)).fetchall()
    return visits, matters


def recognition(desk: Desk, path: str, runs: int) -> dict[str, Any]:
    con = _raw(path)
    id_number = con.execute(
        "SELECT p.id_number FROM persons p JOIN visit_persons vp ON vp.person_id = p.id"
        " WHERE p.id_number IS NOT NULL GROUP BY p.id ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    history = desk.recognition.history_for_id(id_number)
    visits, matters = _bare_history(con, id_number)
    assert history is not None  # the same answer: the same visits and matters
    assert [v.visit_id for v in history.visits] == [v[0] for v in visits]
    assert {m.matter_no for m in [*history.open_matters, *history.closed_matters]} == {m[1] for m in matters}
    ours = median_ms(lambda: desk.recognition.history_for_id(id_number), runs)
    floor = median_ms(lambda: _bare_history(con, id_number), runs)
    return row(ours, floor, 3.0, visits=len(visits), matters=len(matters))


def search(desk: Desk, path: str, runs: int) -> dict[str, Any]:
    from bench.search_floor import search as timed

    return timed(desk, _raw(path), runs)


def _visit(n: int) -> VisitInput:
    first17 = f"110105198001{n % 28 + 1:02d}{n % 1000:03d}"
    return VisitInput(
        visited_at=datetime(2026, 11, 25, 9, 0) + timedelta(seconds=n),
        channel="来访",
        headcount=1,
        persons=[
            PersonInput(
                name="测试人",
                id_number=first17 + check_character(first17),
                phone=f"139{n % 100_000_000:08d}",
                representative=True,
            )
        ],
        township="城关镇",
        category="城乡建设",
        summary="小区开发商逾期交房",
        appeal="要求按合同交房并支付违约金。",
        clerk="李娜",
        materials=[],
    )


def _slip_text(pdf: Path) -> list[str]:
    """The lines of text on our slip, to draw the same text on the floor's page."""
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    return [line.strip() for line in out.stdout.splitlines() if line.strip()]


def register_and_slip(desk: Desk, path: str, runs: int, counter: list[int]) -> dict[str, Any]:
    """On a COPY of the database (`desk` and `path` are the copy). The floor writes the same facts in one
    INSERT and draws the same text and the same QR code on one page with the same font, on a bare canvas
    (no layout engine, no archive, no print record)."""
    import qrcode
    from reportlab.pdfgen import canvas

    from app.documents.fonts import BODY, register_fonts

    register_fonts()
    out = Path(tempfile.mkdtemp(prefix="bench-slip-"))
    con = sqlite3.connect(path)
    con.execute(
        "CREATE TABLE IF NOT EXISTS bench_floor (id INTEGER PRIMARY KEY, at TEXT, matter TEXT,"
        " person TEXT, summary TEXT, appeal TEXT)"
    )

    def ours() -> str:
        counter[0] += 1
        registered = desk.intake.register_visit(_visit(counter[0]))
        desk.slips.write_slip(registered.matter_no, out=out / f"{counter[0]}.pdf")
        return f"{registered.matter_no} {registered.query_code}"

    qr_text = ours()
    lines = _slip_text(out / f"{counter[0]}.pdf")

    def floor() -> None:
        counter[0] += 1
        visit = _visit(counter[0])
        with con:
            con.execute(
                "INSERT INTO bench_floor (at, matter, person, summary, appeal) VALUES (?,?,?,?,?)",
                (visit.visited_at.isoformat(), str(counter[0]), "测试人", visit.summary, visit.appeal),
            )
        pdf = canvas.Canvas(str(out / f"floor-{counter[0]}.pdf"))
        pdf.setFont(BODY, 10.5)
        for i, line in enumerate(lines):
            pdf.drawString(45, 790 - 16 * i, line)
        code = qrcode.QRCode(border=0)
        code.add_data(qr_text.encode("utf-8"))
        code.make(fit=True)
        for y, cells in enumerate(code.get_matrix()):
            for x, dark in enumerate(cells):
                if dark:
                    pdf.rect(400 + 3 * x, 100 - 3 * y, 3, 3, stroke=0, fill=1)
        pdf.showPage()
        pdf.save()

    timed = row(median_ms(ours, runs), median_ms(floor, runs), 2.0, slip_lines=len(lines))
    shutil.rmtree(out, ignore_errors=True)
    return timed


def tally(desk: Desk, path: str, runs: int) -> dict[str, Any]:
    from bench.tally_floor import week_tally

    con = _raw(path)
    last = con.execute("SELECT max(visited_at) FROM visits").fetchone()[0]
    year, week, _ = date.fromisoformat(last[:10]).isocalendar()
    iso = f"{year}-W{week:02d}"
    now = desk.clock()
    _same_tally(desk.tally.week(iso), week_tally(con, iso, now), con)
    ours = median_ms(lambda: desk.tally.week(iso), runs)
    floor = median_ms(lambda: week_tally(con, iso, now), runs)
    return row(ours, floor, 2.0, week=iso)


def _same_tally(ours: Any, floor: dict[str, Any], con: sqlite3.Connection) -> None:
    """The floor is honest only if it gives the service's figures: the totals of the week, 环比 and 同比
    (every count the rows are made of) and the trend."""
    codes = dict(con.execute("SELECT id, code FROM categories WHERE parent_id IS NULL"))
    theirs = {"week": ours.total.values, **{c.name: c.totals for c in ours.comparisons}}
    for name, values in theirs.items():
        got = floor[name]
        expected = {
            **{k: v for k, v in values.items() if isinstance(v, int)},
            "closed_on_time": values["on_time_rate"].numerator,
            "rated": values["satisfaction_rate"].denominator,
            "satisfied": values["satisfaction_rate"].numerator,
            "online.批次": values["online_share"].numerator,
        }
        for key in ("all.批次", "all.人次", "group.批次", "single.批次", "first.批次", "repeat.批次",
                    "skip.批次", "online.批次", "accepted", "closed", "closed_on_time", "overdue", "rated",
                    "satisfied"):  # fmt: skip
            if got[key] != expected[key]:
                raise AssertionError(f"tally floor {name} {key}: {got[key]} != {expected[key]}")
        for category_id, code in codes.items():
            if got[f"category:{category_id}"] != expected[f"category:{code}.批次"]:
                raise AssertionError(f"tally floor {name} category {code} differs")
    trend = [(p.batches, p.persons) for p in ours.trend]
    found = {i: (n, persons) for i, n, persons in floor["trend"]}
    if trend != [found.get(i, (0, 0)) for i in range(len(trend))]:
        raise AssertionError(f"tally floor trend differs: {found} against {trend}")
