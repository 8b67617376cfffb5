"""追根溯源: what matters are raised against, similar matters at intake, hotspots and early warning,
campaigns and backlog, the departments' record and accountability letters. ``desk.sources`` holds them all.
"""

from __future__ import annotations

import importlib
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
_CLASSES = {  # service name: (module, class)
    "entities": ("app.sources.entities", "EntityService"),
    "similarity": ("app.sources.similarity", "SimilarityService"),
    "groups": ("app.sources.groups", "GroupService"),
    "hotspots": ("app.sources.hotspots", "HotspotService"),
    "campaigns": ("app.sources.campaigns", "CampaignService"),
    "backlog": ("app.sources.backlog", "BacklogService"),
    "assessment": ("app.sources.assessment", "AssessmentService"),
    "letters": ("app.sources.letters", "LetterService"),
}


def build_source(
    name: str, db: Database, settings: SettingsService, archive: Path, clock: Callable[[], datetime]
) -> Any:
    """One of the services, its module imported now."""
    module, cls = _CLASSES[name]
    service = getattr(importlib.import_module(module), cls)
    if name in ("similarity", "hotspots", "backlog"):
        return service(db)
    if name == "letters":
        return service(db, settings, archive, clock)
    return service(db, clock)


def build_sources(
    db: Database, settings: SettingsService, archive: Path, clock: Callable[[], datetime]
) -> SourceServices:
    return SourceServices(**{name: build_source(name, db, settings, archive, clock) for name in SOURCE_NAMES})


def __getattr__(name: str) -> Any:  # `from app.sources import HotspotService` still works
    for module, cls in _CLASSES.values():
        if cls == name:
            return getattr(importlib.import_module(module), cls)
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
