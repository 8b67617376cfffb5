"""The language of this window (界面语言): Chinese by default, English on request; one file on this PC.

Like the printer and the clerk, it belongs to the window, not to the hall: two clerks sharing one PostgreSQL
server may read the window in different languages. The window reads it once, at start-up.
"""

from __future__ import annotations

from pathlib import Path

from app.errors import ValidationError
from app.json_store import JsonFile

DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES: dict[str, str] = {"zh_CN": "中文", "en": "English"}  # code -> its name in its own language


class LanguageSetting:
    def __init__(self, path: Path) -> None:
        self._file = JsonFile(path)

    def get(self) -> str:
        """The saved language code; the default when none is saved or the file names an unknown one."""
        saved = (self._file.load() or {}).get("language")
        return saved if isinstance(saved, str) and saved in LANGUAGES else DEFAULT_LANGUAGE

    def save(self, language: str) -> str:
        if language not in LANGUAGES:
            raise ValidationError.single("language", f"界面语言只能是{'、'.join(LANGUAGES.values())}")
        self._file.save({"language": language})
        return language


def language_file(data_dir: Path) -> Path:
    return data_dir / "language.json"
