"""追根溯源: what matters are raised against, similar matters at intake, hotspots and early warning,
campaigns and backlog, the departments' record and accountability letters. ``desk.sources`` holds them all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

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


def build_sources(
    db: Database, settings: SettingsService, archive: Path, clock: Callable[[], datetime]
) -> SourceServices:
    return SourceServices(
        entities=EntityService(db, clock),
        similarity=SimilarityService(db),
        groups=GroupService(db, clock),
        hotspots=HotspotService(db),
        campaigns=CampaignService(db, clock),
        backlog=BacklogService(db),
        assessment=AssessmentService(db, clock),
        letters=LetterService(db, settings, archive, clock),
    )


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
    "build_sources",
]
