"""The acknowledgement slip (登记回执): built from the matter's latest visit, archived on every print.

The first print of a matter's slip is the original; every later one is marked 补打 (reprint).
"""

from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select

from app.documents.slip import SlipData, SlipPerson, render_slip
from app.errors import NotFoundError, ValidationError
from app.matters import MatterService
from app.records import MatterDetail
from app.settings import LAYOUTS, SettingsService
from db.engine import Database
from db.models import Clerk, Matter, PrintedDocument

SLIP = "登记回执"
APPEAL_EXCERPT = 120


@dataclass(frozen=True)
class PrintedSlip:
    path: Path  # where the caller asked for it (or the archived copy)
    archived: Path
    reprint: bool


class SlipService:
    def __init__(
        self,
        db: Database,
        settings: SettingsService,
        matters: MatterService,
        archive_dir: Path,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        self._db = db
        self._settings = settings
        self._matters = matters
        self._archive_dir = archive_dir
        self._clock = clock

    def write_slip(
        self, matter_no: str, layout: str | None = None, out: Path | None = None, clerk: str | None = None
    ) -> PrintedSlip:
        """Render the slip, keep it in the archive and record the print; a later print is a 补打."""
        settings = self._settings.get()
        layout = layout or settings.slip_layout
        if layout not in LAYOUTS:
            raise ValidationError.single("layout", "回执版式只能是 a4 或 thermal")
        detail = self._matters.detail(matter_no)
        now = self._clock()
        reprint = self.print_count(matter_no) > 0
        archived = self._archive_path(detail.matter_no, layout, now)
        render_slip(self.slip_data(detail, reprint, now), archived, layout)  # type: ignore[arg-type]
        self._record(detail.matter_no, layout, now, clerk or settings.clerk_name, reprint, archived)
        if out is not None:
            out.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(archived, out)
        return PrintedSlip(path=out or archived, archived=archived, reprint=reprint)

    def print_count(self, matter_no: str) -> int:
        with self._db.reading() as session:
            return int(
                session.scalar(
                    select(func.count(PrintedDocument.id))
                    .join(Matter, Matter.id == PrintedDocument.matter_id)
                    .where(Matter.matter_no == matter_no, PrintedDocument.kind == SLIP)
                )
                or 0
            )

    def slip_data(self, detail: MatterDetail, reprint: bool, printed_at: datetime) -> SlipData:
        settings = self._settings.get()
        visit = detail.visits[-1]  # the slip acknowledges the latest visit
        appeal = (
            detail.appeal if len(detail.appeal) <= APPEAL_EXCERPT else detail.appeal[:APPEAL_EXCERPT] + "…"
        )
        return SlipData(
            agency_name=settings.agency_name,
            matter_no=detail.matter_no,
            query_code=detail.query_code,
            visited_at=visit.visited_at,
            channel=visit.channel,
            headcount=visit.headcount,
            is_group=visit.is_group,
            persons=[SlipPerson(p.name, p.id_number_masked, p.representative) for p in visit.persons],
            category=detail.category,
            township=detail.township,
            summary=detail.summary,
            appeal_excerpt=appeal,
            materials=[(m.name, m.pages) for m in visit.materials],
            notice_deadline=detail.notice_deadline,
            clerk=visit.clerk,
            window_phone=settings.window_phone,
            printed_at=printed_at,
            reprint=reprint,
        )

    def _archive_path(self, matter_no: str, layout: str, now: datetime) -> Path:
        safe = re.sub(r'[\\/:*?"<>|\s]', "_", matter_no)
        folder = self._archive_dir / str(now.year)
        folder.mkdir(parents=True, exist_ok=True)
        return folder / f"{safe}-{SLIP}-{layout}-{now:%Y%m%d-%H%M%S-%f}.pdf"

    def _record(
        self, matter_no: str, layout: str, now: datetime, clerk: str, reprint: bool, path: Path
    ) -> None:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        with self._db.writing() as session:
            matter_id = session.scalar(select(Matter.id).where(Matter.matter_no == matter_no))
            if matter_id is None:
                raise NotFoundError(f"没有编号为 {matter_no} 的信访事项")
            clerk_id = session.scalar(select(Clerk.id).where(Clerk.name == clerk)) if clerk else None
            session.add(
                PrintedDocument(
                    matter_id=matter_id,
                    kind=SLIP,
                    layout=layout,
                    printed_at=now,
                    clerk_id=clerk_id,
                    reprint=reprint,
                    path=str(path),
                    sha256=digest,
                )
            )
