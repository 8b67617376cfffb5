"""The program's log: bugs with their tracebacks go to a file the administrator can send us.

Messages a clerk can act on are shown, not logged; what is logged never needs to be understood at the
window. SQL parameters are hidden by the engine, so a traceback carries no ID or phone numbers.
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_NAME = "xinfang-desk.log"
log = logging.getLogger("xinfang")


def configure_logging(folder: Path) -> Path | None:
    """Log to a rotating file in ``folder``; None when the folder cannot be written (logging is not vital)."""
    path = folder / LOG_NAME
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path
