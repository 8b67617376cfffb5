"""The demo plants what the hotspot board must show, on the bulk and the service path; `python -m app
hotspots` and `assess` print or write the same figures as the services; `letter` drafts as the signed-in
account, which must be a chief's (the demo makes one) or the administrator's."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from app.accounts import Role
from app.cli_trust import ENV_PASSWORD
from app.demo import DemoReport, generate_demo
from app.demo.sources_demo import DEMO_CHIEF
from app.demo.sources_plan import CLUSTERS
from app.desk import Desk
from app.errors import ValidationError
from app.sources.assessment_export import HEADER, unit_cells
from db.models import Matter, MatterEntity, MatterTerm
from tests.accounts_helpers import PASSWORD, open_signed_in, sign_in_as
from tests.conftest import FixedClock
from tests.test_cli import run

TODAY = date(2026, 11, 26)  # the fixtures' clock: the last complete week is 2026-W47
CLUSTER_NAMES = {c.entity[0] for c in CLUSTERS}


@pytest.fixture(scope="module")
def demo_made(tmp_path_factory: pytest.TempPathFactory, template_db: Path) -> tuple[Path, DemoReport]:
    """A bulk demo of 1,500 visits, made once for the module (tests only read it), with a clerk's account."""
    from shutil import copyfile

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    copyfile(template_db, path)
    desk = open_signed_in(str(path), clock=FixedClock())
    try:
        report = generate_demo(desk, 1500, seed=3, today=TODAY, bulk=True)
        sign_in_as(desk, Role.CLERK)
    finally:
        desk.close()
    return path, report


@pytest.fixture(scope="module")
def demo_db(demo_made: tuple[Path, DemoReport]) -> Path:
    return demo_made[0]


@pytest.fixture
def demo(demo_db: Path) -> Iterator[Desk]:
    desk = open_signed_in(str(demo_db), clock=FixedClock())
    yield desk
    desk.close()


def test_the_board_shows_the_planted_clusters_and_no_noise(demo: Desk) -> None:
    board = demo.sources.hotspots.board("2026-W47")
    crossed = {r.label for r in board.entities if r.crossed}
    assert crossed == CLUSTER_NAMES  # every planted cluster, and none of the hundreds of noise entities
    estate = next(w for w in board.warnings if w.entity == "锦绣华庭项目")
    assert len(estate.townships) == 3 and estate.matters >= 10  # buyers from three townships
    assert {w.entity for w in board.warnings} == CLUSTER_NAMES
    assert {r.label for r in board.topics if r.crossed} & {"市场管理", "客运出租", "惠农补贴"}
    demo.close()


def test_the_demo_entities_have_aliases_groups_campaigns_and_indexed_words(demo: Desk) -> None:
    sources = demo.sources
    hit = sources.entities.suggest("鑫盛置业")[0]  # by an alias of the estate
    assert hit.name == "锦绣华庭项目" and hit.matter_count >= 20
    assert any(len(e.aliases) > 1 for e in sources.entities.all() if e.name not in CLUSTER_NAMES)
    group = sources.groups.all()[0]
    assert group.title.startswith("锦绣华庭") and len(group.matter_nos) >= 2
    assert {c.kind for c in sources.campaigns.campaigns()} >= {"重点群体"}
    found = sources.similarity.similar_open("锦绣华庭烂尾不交房，要求退还购房款", entity_ids=(hit.entity_id,))
    assert found and found[0].reasons[0] == "同一被反映对象：锦绣华庭项目"
    with demo.db.reading() as session:
        matters = session.scalar(select(func.count()).select_from(Matter))
        indexed = session.scalar(select(func.count(func.distinct(MatterTerm.matter_id))))
        linked = session.scalar(select(func.count(func.distinct(MatterEntity.matter_id))))
    assert indexed == matters and 0 < (linked or 0) < (matters or 0)
    demo.close()


def test_the_service_path_links_entities_and_indexes_words_as_the_form_does(desk: Desk) -> None:
    report = generate_demo(desk, 150, seed=5, today=TODAY)
    with desk.db.reading() as session:
        indexed = session.scalar(select(func.count(func.distinct(MatterTerm.matter_id))))
        linked = session.scalar(select(func.count(func.distinct(MatterEntity.matter_id))))
    assert indexed == report.matters and (linked or 0) > 0
    chief = next(a for a in desk.accounts.list() if a.username == DEMO_CHIEF)
    assert (chief.role, chief.display_name) == (Role.CHIEF, desk.reference.names().clerks[0])
    assert len(report.chief_password) >= 12
    assert generate_demo(desk, 5, seed=6, today=TODAY).chief_password == ""  # one chief is enough


def test_the_letter_command_drafts_as_the_signed_in_chief_and_refuses_a_clerk(
    demo_made: tuple[Path, DemoReport], tmp_path: Path
) -> None:
    path, report = demo_made
    desk = open_signed_in(str(path), clock=FixedClock())
    try:
        matter_no = _matter_with_failures(desk)
    finally:
        desk.close()
    out = tmp_path / "函.pdf"
    as_chief = {ENV_PASSWORD: report.chief_password}
    drafted = run(
        "--db", str(path), "--user", DEMO_CHIEF, "letter", matter_no, "--out", str(out), env=as_chief
    )
    assert drafted.returncode == 0, drafted.stderr
    assert out.exists() and drafted.stdout.strip() == str(out)
    as_clerk = {ENV_PASSWORD: PASSWORD}
    never = tmp_path / "x.pdf"
    refused = run(
        "--db", str(path), "--user", "clerk", "letter", matter_no, "--out", str(never), env=as_clerk
    )
    assert refused.returncode != 0 and "问责建议函" in refused.stderr and not never.exists()
    desk = open_signed_in(str(path), clock=FixedClock())
    try:
        printed = desk.audit.entries(action="print", record_type="sources.letters")
    finally:
        desk.close()
    assert [(e.actor, e.record_id) for e in printed] == [(DEMO_CHIEF, matter_no)]


def _matter_with_failures(desk: Desk) -> str:
    """A demo matter whose record gives ground for a letter (overdue, supervised, repeated or 不满意)."""
    for summary in desk.matters.page(0, 500):
        try:
            desk.sources.letters.facts(summary.matter_no)
        except ValidationError:
            continue
        return summary.matter_no
    raise AssertionError("the demo has no matter with a failure to report")


def test_the_command_line_prints_the_board_and_the_record(demo_db: Path, tmp_path: Path) -> None:
    printed = run("--db", str(demo_db), "hotspots", "--week", "2026-W47")
    assert printed.returncode == 0, printed.stderr
    assert "▲超阈值 锦绣华庭项目" in printed.stdout and "有集访风险" in printed.stdout
    as_json = run("--db", str(demo_db), "hotspots", "--week", "2026-W47", "--json")
    board = json.loads(as_json.stdout)
    assert {r["label"] for r in board["entities"] if r["crossed"]} == CLUSTER_NAMES
    bad = run("--db", str(demo_db), "hotspots", "--week", "2026-53")
    assert bad.returncode == 2 and "周次" in bad.stderr

    desk = open_signed_in(str(demo_db))
    try:
        units = desk.sources.assessment.assess(date(2026, 1, 1), date(2026, 11, 25))
    finally:
        desk.close()
    table = run("--db", str(demo_db), "assess", "--from", "2026-01-01", "--to", "2026-11-25")
    lines = table.stdout.splitlines()
    assert lines[0].split("\t") == HEADER
    assert [line.split("\t") for line in lines[1:]] == [unit_cells(u) for u in units]
    out = tmp_path / "考核.xlsx"
    written = run(
        "--db", str(demo_db), "assess", "--from", "2026-01-01", "--to", "2026-11-25", "--out", str(out)
    )
    assert written.returncode == 0 and out.exists()
    sheet = load_workbook(out).active
    assert sheet is not None and sheet["B3"].value == units[0].department
