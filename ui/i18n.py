"""The language of the window: Qt translators loaded from resources/i18n, .qm built on demand.

The .ts files are the sources (committed); the .qm files are built by pyside6-lrelease, never committed:
the installer build and CI run ``python -m ui.i18n release``; a developer's ``python -m app`` builds them
into the cache folder when they are missing or older than their .ts. ``python -m ui.i18n update`` runs
pyside6-lupdate over ui/ to refresh the .ts after strings change.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import PySide6
from platformdirs import user_cache_path
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.desk import APP_NAME
from app.language import DEFAULT_LANGUAGE, LANGUAGES
from app.logs import log
from app.resources import resources_root

PREFIX = "xinfang_"


def i18n_dir() -> Path:
    return resources_root() / "i18n"


def ts_file(language: str) -> Path:
    return i18n_dir() / f"{PREFIX}{language}.ts"


def tool(name: str) -> str:
    """A Qt linguist tool shipped with PySide6-Essentials (lupdate, lrelease), else one on PATH."""
    suffix = ".exe" if sys.platform == "win32" else ""
    bundled = Path(PySide6.__file__).parent / f"{name}{suffix}"
    found = str(bundled) if bundled.exists() else shutil.which(f"pyside6-{name}") or shutil.which(name)
    if not found:
        raise FileNotFoundError(f"Qt {name} not found: install PySide6-Essentials")
    return found


def release(ts: Path, qm: Path) -> Path:
    qm.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm


def qm_file(language: str, cache: Path | None = None) -> Path | None:
    """The compiled translation: shipped beside its .ts (the installer), else built into the cache."""
    ts = ts_file(language)
    shipped = ts.with_suffix(".qm")
    frozen = getattr(sys, "frozen", False)  # unpacked files carry no useful times, and there is no lrelease
    if shipped.exists() and (frozen or not ts.exists() or shipped.stat().st_mtime >= ts.stat().st_mtime):
        return shipped
    if not ts.exists():
        return None
    built = (cache or user_cache_path(APP_NAME, appauthor=False) / "i18n") / shipped.name
    if not built.exists() or built.stat().st_mtime < ts.stat().st_mtime:
        release(ts, built)
    return built


def install_translators(app: QCoreApplication, language: str = DEFAULT_LANGUAGE) -> list[QTranslator]:
    """Our strings and Qt's own dialogs (print, calendar, buttons) in ``language``; returns them."""
    language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    installed = []
    ours = QTranslator(app)
    try:
        path = qm_file(language)
    except (OSError, subprocess.CalledProcessError) as error:  # no lrelease: the Chinese sources still show
        log.warning("translations for %s not built: %s", language, error)
        path = None
    if path is not None and ours.load(str(path)):
        app.installTranslator(ours)
        installed.append(ours)
    qt = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if language != "en" and qt.load(QLocale(language), "qtbase", "_", folder):
        app.installTranslator(qt)
        installed.append(qt)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)


if __name__ == "__main__":
    from ui.i18n_build import main

    sys.exit(main(sys.argv[1:]))
