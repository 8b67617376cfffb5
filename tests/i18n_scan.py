"""The scan behind test_i18n: string literals in ui/ with Chinese in them that bypass Qt's translation."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
TRANSLATION_CALLS = frozenset({"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP", "vocab"})
# Literals that are values, not text: compared with data, looked up by, or a pattern. They never show.
VALUE_CALLS = frozenset({"compile", "match", "search", "fullmatch", "sub", "findall", "get", "split"})
# Generated: every entry is a QT_TRANSLATE_NOOP already, but the scan reads it anyway.
ALLOWED: dict[str, set[str]] = {
    "app.py": {"信访接待台"},  # QApplication's name, before any translator: where Qt keeps its files
    "board_page.py": {"督办单"},  # the notice kind handed to the service, not shown
    "leaders_panel.py": {"包案"},  # the role as stored, compared with the data
    "matters_model.py": {"登记"},  # the status as stored, compared with the data
    "app_messages.py": {"；"},  # how app/ joins several messages: split to translate each
    "i18n_extract.py": {  # messages app/ builds outside an error call, for the .ts files
        "{y}年节假日安排尚未公布（目前按法定节假日推算，未含调休），公布后请在设置中更新",
        "或换行",
    },
    "tally_comparison.py": {"all.批次", "all.人次"},  # keys of the tally's figures
    "my_tasks.py": {"编号", "概况", "期限事项", "剩余天数", "督办级别"},  # the board's column keys
}


@dataclass(frozen=True)
class Leak:
    path: str
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.text!r}"


def _name(func: ast.expr) -> str | None:
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)


def _exempt(tree: ast.AST) -> set[int]:
    """Ids of nodes whose literals are translated (call arguments) or are values (keys, comparisons)."""
    exempt: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _name(node.func) in TRANSLATION_CALLS | VALUE_CALLS:
            exempt.update(id(a) for a in node.args)
        elif isinstance(node, ast.Compare):
            exempt.update(id(n) for n in (node.left, *node.comparators))
        elif isinstance(node, ast.Set):
            exempt.update(id(e) for e in node.elts)  # a set of values to match
        elif isinstance(node, ast.Dict):
            exempt.update(id(k) for k in node.keys if k is not None)
        elif isinstance(node, ast.Subscript):
            exempt.add(id(node.slice))
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            exempt.add(id(node.value))  # a docstring
    return exempt


def _leaks_in(tree: ast.AST, exempt: set[int]) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    skip: set[int] = set()
    for node in ast.walk(tree):
        if id(node) in exempt:
            skip.update(id(n) for n in ast.walk(node))
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.JoinedStr):
            skip.update(id(v) for v in node.values)
            if CJK.search(ast.unparse(node)):
                found.append((node.lineno, ast.unparse(node)))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and CJK.search(node.value):
            found.append((node.lineno, node.value))
    return found


def _foreign_tr(tree: ast.AST) -> list[tuple[int, str]]:
    """``window.tr(...)``: lupdate files it under "window", Qt looks it up under the window's class."""
    return [
        (node.lineno, ast.unparse(node))
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "tr"
        and not (isinstance(node.func.value, ast.Name) and node.func.value.id == "self")
    ]


def untranslated(folder: Path) -> list[Leak]:
    leaks = []
    for path in sorted(folder.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        allowed = ALLOWED.get(path.name, set())
        for line, text in [*_leaks_in(tree, _exempt(tree)), *_foreign_tr(tree)]:
            if text not in allowed:
                leaks.append(Leak(path.name, line, text))
    return leaks


if __name__ == "__main__":
    for leak in untranslated(Path("ui")):
        print(leak)
