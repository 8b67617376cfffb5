"""The fixed messages app/ raises (ValidationError, FieldError …), read from its source for the .ts files.

A message built with an f-string becomes a template: ``f"没有编号为 {no} 的信访事项"`` gives
``没有编号为 {no} 的信访事项``, which ui/app_messages.py matches against the message at run time and
translates, placeholders and all. Field labels handed to the rules (``"信访形式"``) come along, so that
``请填写{label}`` reads "Please fill in Channel".
"""

from __future__ import annotations

import ast
import keyword
import re
from pathlib import Path

CJK = re.compile(r"[\u4e00-\u9fff]")
# Calls whose Chinese arguments reach the clerk: the error types, and the rules' helpers that build them.
MESSAGE_CALLS = frozenset(
    {
        "FieldError", "single", "DeskError", "ValidationError", "NotFoundError", "ConflictError",
        "StorageError", "DatabaseTooNewError", "_fail", "add", "text", "long_text", "_choice", "_known",
    }
)  # fmt: skip
# Built outside such a call (a list of warnings), shown all the same.
EXTRA = (
    "{y}年节假日安排尚未公布（目前按法定节假日推算，未含调休），公布后请在设置中更新",
    "或换行",  # a part of the control-character message
)
# Modules whose lists of messages are built with .append (password problems, similarity reasons).
APPEND_MODULES = frozenset({"accounts.py", "similarity.py"})


def _placeholder(expr: ast.expr, taken: set[str]) -> str:
    words = [w for w in re.findall(r"[A-Za-z]\w*", ast.unparse(expr)) if not keyword.iskeyword(w)]
    name = words[-1].lower() if words else "n"
    unique, n = name, 2
    while unique in taken:
        unique, n = f"{name}{n}", n + 1
    taken.add(unique)
    return "{" + unique + "}"


def template(node: ast.expr, taken: set[str] | None = None) -> str | None:
    """The message as a str.format template, or None when it is not text."""
    taken = set() if taken is None else taken
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value.replace("{", "{{").replace("}", "}}")
    if isinstance(node, ast.JoinedStr):
        parts = [
            template(v, taken) if isinstance(v, ast.Constant) else _placeholder(v, taken)  # type: ignore[union-attr]
            for v in node.values
        ]
        return "".join(p or "" for p in parts)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = template(node.left, taken), template(node.right, taken)
        return (left or _placeholder(node.left, taken)) + (right or _placeholder(node.right, taken))
    return None


# Modules whose every Chinese text is for the clerk (the reasons of a 督办 level), not only in error calls.
# ... a 集访风险 warning, the refusals of sign-in and access, the account, privacy and first-run checks.
TEXT_MODULES = frozenset(
    {
        "supervision_rules.py",
        "hotspots.py",
        "sign_in.py",
        "access.py",
        "accounts.py",
        "privacy.py",
        "setup.py",
    }
)


def _texts(tree: ast.AST) -> list[str]:
    """Every Chinese constant and f-string of a module, docstrings and f-string pieces aside."""
    inner = {id(v) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for v in node.values}
    inner |= {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Expr)}
    found = [
        template(n)
        for n in ast.walk(tree)
        if isinstance(n, ast.JoinedStr | ast.Constant) and id(n) not in inner
    ]
    return [t for t in found if t and CJK.search(t)]


class _Inline(ast.NodeTransformer):
    """A module constant inside a message (``f"{WRONG}（再错 {n} 次…）"``) becomes its text, so that the
    template reads 用户名或密码不正确（再错 {n} 次…） and matches on its own words."""

    def __init__(self, constants: dict[str, str]) -> None:
        self.constants = constants

    def _text(self, node: ast.expr) -> ast.expr:
        if isinstance(node, ast.Name) and node.id in self.constants:
            return ast.copy_location(ast.Constant(self.constants[node.id]), node)
        return node

    def visit_JoinedStr(self, node: ast.JoinedStr) -> ast.JoinedStr:
        node.values = [
            self._text(v.value)
            if isinstance(v, ast.FormattedValue) and v.conversion == -1 and v.format_spec is None
            else v
            for v in node.values
        ]
        return node

    def visit_BinOp(self, node: ast.BinOp) -> ast.BinOp:
        self.generic_visit(node)
        node.left, node.right = self._text(node.left), self._text(node.right)
        return node


def _parse(path: Path) -> ast.Module:
    """The module with its string constants (``WRONG = "用户名或密码不正确"``) written into its f-strings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    constants = {
        target.id: node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    return _Inline(constants).visit(tree) if constants else tree


def _branches(node: ast.expr) -> list[ast.expr]:
    """Both messages of ``a if c else b`` (同乡镇 or 同类别), else the argument itself."""
    return [*_branches(node.body), *_branches(node.orelse)] if isinstance(node, ast.IfExp) else [node]


def _call_name(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def messages(folder: Path) -> list[str]:
    """Every message template of ``folder``'s sources, in file order, each once."""
    found: dict[str, None] = dict.fromkeys(EXTRA)
    for path in sorted(folder.rglob("*.py")):
        tree = _parse(path)
        if path.name in TEXT_MODULES:
            found.update(dict.fromkeys(_texts(tree)))
        for node in ast.walk(tree):
            calls = MESSAGE_CALLS | {"append"} if path.name in APPEND_MODULES else MESSAGE_CALLS
            if isinstance(node, ast.Call) and _call_name(node) in calls:
                for arg in (b for a in node.args for b in _branches(a)):
                    text = template(arg)
                    if text and CJK.search(text):
                        found[text] = None
    return list(found)
