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
from app.settings import LAYOUTS, AgencySettings, SettingsService
from app.slip_source import SLIP, appeal_excerpt, slip_source
from app.storage import translated, writable_copy
from db.engine import Database
from db.models import Clerk, Matter, PrintedDocument


@dataclass(frozen=True)
class PreparedSlip:
    """A rendered slip waiting to be printed: previewed, then recorded or discarded."""

    matter_no: str
    layout: str
    pdf: Path
    reprint: bool
    printed_at: datetime


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
        """Render, archive and record the slip in one go (the command line's `slip`)."""
        settings = self._settings.get()
        return self._record_print(self._prepare(matter_no, layout, settings), clerk, out, settings)

    def prepare_slip(self, matter_no: str, layout: str | None = None) -> PreparedSlip:
        """Render the slip for preview or printing; nothing is recorded until record_print.

        The 补打 mark is decided here: the PDF the clerk previews is the one that prints.
        """
        return self._prepare(matter_no, layout, self._settings.get())

    def _prepare(self, matter_no: str, layout: str | None, settings: AgencySettings) -> PreparedSlip:
        layout = layout or settings.slip_layout
        if layout not in LAYOUTS:
            raise ValidationError.single("layout", "回执版式只能是 a4 或 thermal")
        now = self._clock()
        with self._db.reading() as session:
            data = slip_source(session, matter_no.strip(), settings, now)
        pdf = self._archive_path(data.matter_no, layout, now, folder="pending")
        render_slip(data, pdf, layout)  # type: ignore[arg-type]
        return PreparedSlip(data.matter_no, layout, pdf, data.reprint, now)

    def record_print(
        self, slip: PreparedSlip, clerk: str | None = None, out: Path | None = None
    ) -> PrintedSlip:
        """The slip was printed (or written out): copy it where asked, archive it, record it.

        The copy comes first: a slip that could not be written was not handed over, so it is no print.
        """
        return self._record_print(slip, clerk, out, self._settings.get())

    def _record_print(
        self, slip: PreparedSlip, clerk: str | None, out: Path | None, settings: AgencySettings
    ) -> PrintedSlip:
        if out is not None:
            writable_copy(slip.pdf, out)
        folder = str(slip.printed_at.year)
        archived = self._archive_path(slip.matter_no, slip.layout, slip.printed_at, folder=folder)
        with translated():
            shutil.move(slip.pdf, archived)
        self._record(slip, clerk or settings.clerk_name, archived)
        return PrintedSlip(path=out or archived, archived=archived, reprint=slip.reprint)

    def discard(self, slip: PreparedSlip) -> None:
        """A preview that was not printed leaves nothing behind."""
        slip.pdf.unlink(missing_ok=True)

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
            appeal_excerpt=appeal_excerpt(detail.appeal),
            materials=[(m.name, m.pages) for m in visit.materials],
            notice_deadline=detail.notice_deadline,
            clerk=visit.clerk,
            window_phone=settings.window_phone,
            printed_at=printed_at,
            reprint=reprint,
        )

    def _archive_path(self, matter_no: str, layout: str, now: datetime, folder: str) -> Path:
        safe = re.sub(r'[\\/:*?"<>|\s]', "_", matter_no)
        target = self._archive_dir / folder
        target.mkdir(parents=True, exist_ok=True)
        return target / f"{safe}-{SLIP}-{layout}-{now:%Y%m%d-%H%M%S-%f}.pdf"

    def _record(self, slip: PreparedSlip, clerk: str, path: Path) -> None:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        with self._db.writing() as session:
            matter_id = session.scalar(select(Matter.id).where(Matter.matter_no == slip.matter_no))
            if matter_id is None:
                raise NotFoundError(f"没有编号为 {slip.matter_no} 的信访事项")
            clerk_id = session.scalar(select(Clerk.id).where(Clerk.name == clerk)) if clerk else None
            session.add(
                PrintedDocument(
                    matter_id=matter_id,
                    kind=SLIP,
                    layout=slip.layout,
                    printed_at=slip.printed_at,
                    clerk_id=clerk_id,
                    reprint=slip.reprint,
                    path=str(path),
                    sha256=digest,
                )
            )
