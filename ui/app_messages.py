"""Messages from app/ (validation, conflicts, warnings) in the window's language.

app/ writes them in Chinese: the command line and the logs read them so. The window looks each one up in
the "messages" context, first as it is, then against the templates ui/message_terms.py lists (generated from
app/'s source by ``python -m ui.i18n update``), so that ``没有编号为 X信访〔2026〕5号 的信访事项`` reads
"There is no matter numbered X信访〔2026〕5号". A message no template matches shows as it came.
"""

from __future__ import annotations

import re
import string
from functools import cache

from PySide6.QtCore import QCoreApplication

from ui.message_terms import MESSAGES
from ui.vocabulary import clause_separator, vocab

CONTEXT = "messages"


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each template with a placeholder, as a pattern that captures the values by name."""
    compiled = []
    for template in MESSAGES:
        parts = list(string.Formatter().parse(template))
        if not any(field for _, field, _, _ in parts):
            continue
        regex = "".join(
            re.escape(literal) + (f"(?P<{field}>.*?)" if field else "") for literal, field, _, _ in parts
        )
        compiled.append((template, re.compile(regex, re.DOTALL)))
    return tuple(compiled)


def _word(value: str) -> str:
    """A value inside a message: a field label or a fixed word when it is one, else as it is (data)."""
    translated = QCoreApplication.translate(CONTEXT, value)
    return translated if translated != value else vocab(value)


def _one(text: str) -> str:
    exact = QCoreApplication.translate(CONTEXT, text)
    if exact != text:
        return exact
    for template, pattern in _patterns():
        found = pattern.fullmatch(text)
        if found:
            values = {name: _word(value) for name, value in found.groupdict().items()}
            return QCoreApplication.translate(CONTEXT, template).format(**values)
    return text


def app_message(text: str) -> str:
    """``text`` from app/ translated; several messages joined by ； are translated one by one."""
    return clause_separator().join(_one(part) for part in text.split("；"))
