"""The program's version and, in a built executable, when and from which commit it was built.

`build_installer.spec` writes `resources/build.json` into the executable at build time; run from the
source tree there is no such file and the build is reported as "source".
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from app import __version__
from app.resources import resources_root

BUILD_FILE = "build.json"


@dataclass(frozen=True)
class BuildInfo:
    version: str
    built: str  # ISO 8601 UTC time of the build; "" when run from source
    commit: str  # the source commit the executable was built from; "" when unknown

    @property
    def line(self) -> str:
        """One line for `--version`, the about box and the self-test."""
        if not self.built:
            return f"Xinfang Desk {self.version} (source)"
        commit = f", commit {self.commit}" if self.commit else ""
        return f"Xinfang Desk {self.version} (built {self.built}{commit})"


def build_info() -> BuildInfo:
    """The version of this program; the build's date and commit when it is a built executable."""
    path = resources_root() / BUILD_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return BuildInfo(__version__, "", "")
    return BuildInfo(__version__, str(data.get("built", "")), str(data.get("commit", "")))
