"""A small JSON file written atomically: the half-typed intake form, this window's own settings.

Written atomically (temporary file, fsync, rename): after a power cut the file is either the old
content or the new one, never half of each — so a crash loses nothing the clerk typed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any


class JsonFile:
    def __init__(self, path: Path) -> None:
        self._path = path

    @property
    def path(self) -> Path:
        return self._path

    def save(self, fields: dict[str, Any]) -> None:
        self._path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self._path.with_suffix(".tmp")
        with open(tmp, "w", encoding="utf-8") as handle:
            json.dump(fields, handle, ensure_ascii=False)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, self._path)

    def load(self) -> dict[str, Any] | None:
        """The saved content, or None when there is none (or it cannot be read)."""
        try:
            data = json.loads(self._path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) and data else None

    def clear(self) -> None:
        self._path.unlink(missing_ok=True)
