"""追根溯源: what matters are raised against, similar matters at intake, hotspots and early warning,
campaigns and backlog, the departments' record and accountability letters. ``desk.sources`` holds them all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # each service's module is imported when it is first built (the window's start)
    from app.settings import SettingsService
    from app.sources.assessment import AssessmentService
    from app.sources.backlog import BacklogService
    from app.sources.campaigns import CampaignService
    from app.sources.entities import EntityService
    from app.sources.groups import GroupService
    from app.sources.hotspots import HotspotService
    from app.sources.letters import LetterService
    from app.sources.similarity import SimilarityService
    from db.engine import Database


@dataclass(frozen=True)
class SourceServices:
    entities: EntityService
    similarity: SimilarityService
    groups: GroupService
    hotspots: HotspotService
    campaigns: CampaignService
    backlog: BacklogService
    assessment: AssessmentService
    letters: LetterService


SOURCE_NAMES = tuple(f.name for f in fields(SourceServices))


def _service_class(name: str) -> Any:
    """The class of one service, its module imported now (written out, so that PyInstaller sees each)."""
    if name == "entities":
        from app.sources.entities import EntityService as found
    elif name == "similarity":
        from app.sources.similarity import SimilarityService as found  # type: ignore[assignment]
    elif name == "groups":
        from app.sources.groups import GroupService as found  # type: ignore[assignment]
    elif name == "hotspots":
        from app.sources.hotspots import HotspotService as found  # type: ignore[assignment]
    elif name == "campaigns":
        from app.sources.campaigns import CampaignService as found  # type: ignore[assignment]
    elif name == "backlog":
        from app.sources.backlog import BacklogService as found  # type: ignore[assignment]
    elif name == "assessment":
        from app.sources.assessment import AssessmentService as found  # type: ignore[assignment]
    elif name == "letters":
        from app.sources.letters import LetterService as found  # type: ignore[assignment]
    else:
        raise KeyError(name)
    return found


def build_source(
    name: str, db: Database, settings: SettingsService, archive: Path, clock: Callable[[], datetime]
) -> Any:
    """One of the services, its module imported now."""
    service = _service_class(name)
    if name in ("similarity", "hotspots", "backlog"):
        return service(db)
    if name == "letters":
        return service(db, settings, archive, clock)
    return service(db, clock)


def build_sources(
    db: Database, settings: SettingsService, archive: Path, clock: Callable[[], datetime]
) -> SourceServices:
    return SourceServices(**{name: build_source(name, db, settings, archive, clock) for name in SOURCE_NAMES})


_EXPORTED = {f.type: f.name for f in fields(SourceServices)}  # "HotspotService": "hotspots" (annotations)


def __getattr__(name: str) -> Any:  # `from app.sources import HotspotService` still works
    if name in _EXPORTED:
        return _service_class(_EXPORTED[name])
    raise AttributeError(f"module 'app.sources' has no attribute {name!r}")


__all__ = [
    "AssessmentService",
    "BacklogService",
    "CampaignService",
    "EntityService",
    "GroupService",
    "HotspotService",
    "LetterService",
    "SimilarityService",
    "SourceServices",
    "build_source",
    "build_sources",
]
