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


# The messages without a placeholder: the only values a field right after another field can take (，未签收).
_PIECES = "(?:" + "|".join(re.escape(m) for m in MESSAGES if "{" not in m) + ")?"


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each template with a placeholder, as a pattern that captures the values by name; the most specific
    (the most fixed text) first, so that 超期超过{days}天 wins over 超期{days}天."""
    compiled = []
    for template in MESSAGES:
        parts = list(string.Formatter().parse(template))
        if not any(field for _, field, _, _ in parts):
            continue
        regex, after_field = "", False
        for literal, field, _, _ in parts:
            regex += re.escape(literal)
            if field:
                # Right after another field, nothing tells where it starts: it is one of the fixed pieces.
                value = _PIECES if after_field and not literal else ".*?"
                regex += f"(?P<{field}>{value})"
            after_field = bool(field)
        fixed = sum(len(literal) for literal, _, _, _ in parts)
        compiled.append((fixed, template, re.compile(regex, re.DOTALL)))
    return tuple((template, pattern) for _, template, pattern in sorted(compiled, key=lambda c: -c[0]))


def _word(value: str) -> str:
    """A value inside a message: a label, a fixed word or a date in a message of its own; else data."""
    translated = _one(value, nested=True)
    return translated if translated != value else vocab(value)


def _one(text: str, nested: bool = False) -> str:
    exact = QCoreApplication.translate(CONTEXT, text)
    if exact != text or not text:
        return exact
    for template, pattern in _patterns():
        found = pattern.fullmatch(text)
        if found:
            values = found.groupdict()
            if not nested:  # one level down only: a value is short, and its values are data
                values = {name: _word(value) for name, value in values.items()}
            return QCoreApplication.translate(CONTEXT, template).format(**values)
    return text


def app_message(text: str) -> str:
    """``text`` from app/ translated; several messages joined by ； are translated one by one."""
    return clause_separator().join(_one(part) for part in text.split("；"))
