"""The window's fonts: the shipped CJK fonts, never the system's, so a name never shows as boxes.

WenQuanYi Micro Hei is the face of the window; HanaMin A/B follow it in the family list so that rare
characters of CJK Extensions B–F (王𠮷) fall back to a font that has them.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from app.resources import resource_path

FONT_FILES = ("wqy-microhei.ttc", "HanaMinA.ttf", "HanaMinB.ttf")  # in fallback order
POINT_SIZE = 10


def load_fonts() -> list[str]:
    """Register the shipped fonts with Qt; return their families in fallback order (once each)."""
    families: list[str] = []
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        if font_id < 0:
            raise RuntimeError(f"Qt could not load the shipped font {name}")
        for family in QFontDatabase.applicationFontFamilies(font_id)[:1]:  # a .ttc's first face is enough
            if family not in families:
                families.append(family)
    return families


def apply_fonts(app: QApplication, families: list[str]) -> None:
    """Make the family list the application font: the first face, then fallbacks."""
    font = QFont()
    font.setFamilies(families)
    font.setPointSize(POINT_SIZE)
    app.setFont(font)
