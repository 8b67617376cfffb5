"""The fonts of every printed document: registered once, embedded, with per-character fallback.

ReportLab has no font fallback of its own: a character missing from the font is printed as nothing (王𠮷 would
print as 王). So text goes through ``markup``, which wraps each run the body font lacks in a ``<font>`` tag
naming the first fallback font that has it.

ReportLab 5.1 also writes a wrong ToUnicode map for characters above U+FFFF; ``_to_unicode_cmap`` replaces
the function that writes it, so the PDF can be searched and copied from (``pdftotext`` reads 王𠮷).
"""

from __future__ import annotations

import functools
from collections.abc import Container
from itertools import groupby
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics, ttfonts

from app.resources import resource_path

BODY = "XinfangBody"  # WenQuanYi Micro Hei: the 20,902 hanzi of U+4E00–9FA5 (all of GBK), Latin, punctuation
EXT_A = "XinfangHanaMinA"  # 花園明朝A: CJK Extension A and some 3,000 of Extensions B–F
EXT_B = "XinfangHanaMinB"  # 花園明朝B: the rest of CJK Extensions B–F

# (registered name, file in resources/fonts, face index inside a .ttc collection), in fallback order
_FONT_FILES = (
    (BODY, "wqy-microhei.ttc", 0),  # face 0 is the proportional "WenQuanYi Micro Hei", 1 is the mono one
    (EXT_A, "HanaMinA.ttf", 0),
    (EXT_B, "HanaMinB.ttf", 0),
)
FALLBACK_ORDER = tuple(name for name, _, _ in _FONT_FILES)


def _utf16be_hex(code_point: int) -> str:
    """A code point as the PDF wants it in a ToUnicode map: UTF-16BE hex, a surrogate pair above U+FFFF."""
    return chr(code_point).encode("utf-16-be", "surrogatepass").hex().upper()


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """Drop-in replacement for ``reportlab.pdfbase.ttfonts.makeToUnicodeCMap`` (ReportLab 5.1).

    ReportLab writes each destination as ``"<%04X>" % code_point``, which for 𠮷 (U+20BB7) gives ``<20BB7>``:
    not UTF-16BE, so readers extract garbage. The PDF reference requires UTF-16BE, i.e. ``<D842DFB7>``.
    Everything else (header, one-byte codes, one ``bfchar`` entry per subset slot) is as ReportLab writes it.
    """
    header = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        f"/CIDSystemInfo\n<< /Registry ({fontname})\n/Ordering ({fontname})\n/Supplement 0\n>> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        f"1 begincodespacerange\n<00> <{len(subset) - 1:02X}>\nendcodespacerange",
        f"{len(subset)} beginbfchar",
    ]
    entries = [f"<{code:02X}> <{_utf16be_hex(cp)}>" for code, cp in enumerate(subset)]
    footer = ["endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(header + entries + footer)


@functools.cache
def register_fonts() -> tuple[str, ...]:
    """Register the shipped fonts with ReportLab (once per process); returns their names in fallback order.

    TrueType fonts registered this way are always embedded, as subsets of the characters used.
    """
    # ttfonts.TTFont.addObjects looks the function up in its module at call time, so this takes effect
    # for every TrueType subset written from now on; for BMP characters the output is unchanged.
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    for name, filename, index in _FONT_FILES:
        path = resource_path("fonts", filename)
        pdfmetrics.registerFont(ttfonts.TTFont(name, str(path), subfontIndex=index))
    return FALLBACK_ORDER


@functools.cache
def _coverage() -> tuple[tuple[str, Container[int]], ...]:
    """Each font's set of code points, in fallback order."""
    register_fonts()
    return tuple((name, pdfmetrics.getFont(name).face.charToGlyph) for name in FALLBACK_ORDER)


def font_for(char: str) -> str:
    """The first font that has a glyph for ``char``; the body font when none has (it prints a box)."""
    code = ord(char)
    for name, chars in _coverage():
        if code in chars:
            return name
    return BODY


def font_runs(text: str) -> list[tuple[str, str]]:
    """Split ``text`` into ``(font name, run)`` pairs, each run printable in its font, in text order."""
    return [(name, "".join(chars)) for name, chars in groupby(text, key=_font_of_text_char)]


def _font_of_text_char(char: str) -> str:
    # white space stays in the body font: fonts disagree on which spaces and line breaks they map
    return BODY if char.isspace() else font_for(char)


def markup(text: str) -> str:
    """``text`` as ReportLab Paragraph markup in the body font: XML-escaped, fallback runs in ``<font>``."""
    parts = []
    for name, run in font_runs(text):
        escaped = escape(run)
        parts.append(escaped if name == BODY else f'<font name="{name}">{escaped}</font>')
    return "".join(parts)
