"""The window's start imports only what its first paint needs (issue 5: start-up time).

Alembic (only when a revision is pending), ReportLab and qrcode (documents), argon2 (signing in),
cryptography (drafts), jieba (similar matters, warmed up after the paint), openpyxl and pypinyin are
each imported when first used. Each check runs in a new interpreter: this one has imported them all.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from db import migrate

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("alembic", "reportlab", "qrcode", "argon2", "cryptography", "jieba", "openpyxl", "pypinyin")

# Start the window as `python -m app --db … --startup-timing` does, and note at its first paint which heavy
# modules are loaded and which services were built.
AT_FIRST_PAINT = """
import json, sys
from PySide6.QtCore import QEvent
import ui.app as gui
from app.cli import main

HEAVY = {heavy!r}
seen = {{}}
opened = []
original_filter, original_run = gui._FirstPaint.eventFilter, gui.run_gui

def at_paint(self, watched, event):
    if event.type() == QEvent.Type.Paint and not seen:
        seen["modules"] = sorted(m for m in HEAVY if m in sys.modules)
        seen["built"] = sorted(opened[0].raw.built())
    return original_filter(self, watched, event)

def run_gui(desk, argv, **options):
    opened.append(desk)
    return original_run(desk, argv, **options)

gui._FirstPaint.eventFilter = at_paint
gui.run_gui = run_gui
assert gui.__file__.startswith({root!r}), gui.__file__
status = main(["--db", sys.argv[1], "--startup-timing"])
print("SEEN=" + json.dumps(seen))
sys.exit(status)
"""


def _python(*args: str) -> subprocess.CompletedProcess[str]:
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))  # this tree's packages
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": path}
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_the_start_up_modules_import_no_heavy_library() -> None:
    code = (
        "import sys, app.cli, app.desk, ui.app, ui.main_window; "
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    )
    done = _python("-c", code)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]", f"imported at start-up: {done.stdout.strip()}"


def test_a_window_start_paints_without_the_heavy_libraries(template_db: Path, tmp_path: Path) -> None:
    """An up-to-date database: no Alembic; the documents' services (notices, slips, letters) not built."""
    path = tmp_path / "window.sqlite"
    shutil.copyfile(template_db, path)
    script = tmp_path / "at_first_paint.py"
    script.write_text(AT_FIRST_PAINT.format(heavy=HEAVY, root=str(ROOT)), encoding="utf-8")
    done = _python(str(script), str(path))
    assert done.returncode == 0, done.stderr
    assert "startup_ms=" in done.stdout
    seen = json.loads(done.stdout.split("SEEN=", 1)[1])
    assert seen["modules"] == [], f"imported before the first paint: {seen['modules']}"
    assert {"notices", "slips", "sources.letters", "tally", "ledger"}.isdisjoint(seen["built"]), seen["built"]
    assert {"settings", "reference", "holidays"} <= set(seen["built"])  # what the first paint does read


def test_the_head_revision_read_from_the_files_is_alembics() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS))
    script = ScriptDirectory.from_config(config)
    assert migrate.shipped_revisions(), (
        "the revision files were not understood: Alembic is asked at each start"
    )
    assert migrate.head_revision() == script.get_current_head()
    assert migrate.known_revisions() == {r.revision for r in script.walk_revisions()}
    assert migrate.shipped_revisions() == {r.revision: r.down_revision for r in script.walk_revisions()}


@pytest.mark.parametrize("stamp", [None, "0003"])
def test_the_current_revision_read_directly_is_alembics(
    tmp_path: Path, template_db: Path, stamp: str | None
) -> None:
    from alembic.runtime.migration import MigrationContext
    from sqlalchemy import create_engine, text

    path = tmp_path / "stamped.sqlite"
    shutil.copyfile(template_db, path)
    engine = create_engine(f"sqlite:///{path}")
    try:
        if stamp is not None:
            with engine.begin() as conn:
                conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": stamp})
        with engine.connect() as conn:
            expected = MigrationContext.configure(conn).get_current_revision()
        assert migrate.current_revision(engine) == expected == (stamp or migrate.head_revision())
    finally:
        engine.dispose()
    empty = create_engine(f"sqlite:///{tmp_path / 'empty.sqlite'}")
    try:
        assert migrate.current_revision(empty) is None
    finally:
        empty.dispose()
