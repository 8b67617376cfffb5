"""The direction of dependence ui/ → app/ → db/, checked on the source itself."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
COMPOSITION_ROOT = {"app/__main__.py", "app/cli.py"}  # the only places that may start the window


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return {name.split(".")[0] for name in names}


def sources(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


@pytest.mark.parametrize("path", sources("db"), ids=lambda p: str(p.relative_to(ROOT)))
def test_db_imports_nothing_of_ours_above_it(path: Path) -> None:
    assert not imported_modules(path) & {"app", "ui", "PySide6"}


@pytest.mark.parametrize("path", sources("app"), ids=lambda p: str(p.relative_to(ROOT)))
def test_app_imports_no_qt_and_no_ui(path: Path) -> None:
    if str(path.relative_to(ROOT)) in COMPOSITION_ROOT:
        return
    assert not imported_modules(path) & {"ui", "PySide6", "shiboken6"}


@pytest.mark.parametrize("path", sources("ui"), ids=lambda p: str(p.relative_to(ROOT)))
def test_ui_builds_no_queries(path: Path) -> None:
    assert not imported_modules(path) & {"sqlalchemy", "db"}
