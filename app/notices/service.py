"""The later notices of a matter (受理告知书 … 督办单): checked against its state, numbered, archived.

A notice is prepared (rendered for preview), then recorded as printed or discarded, like the slip. Numbers:
the first print of a document takes the next number from its kind's own yearly counter, in the same
transaction that records the print, so a discarded preview uses up no number; the preview shows the number
it expects, and the PDF is rendered again in the rare case another window took that number first. A later
print of the same document keeps its number and its date and is marked 补打.

"The same document" is the kind on the matter, and for the forms sent to departments also the assignment or
supervision it is about (one 交办单 per department, one 督办单 per supervision and department). That key is
kept in the archived file's name (``…-交办单-a12-….pdf``) until PrintedDocument has a column for it.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.documents.notices import KINDS, PINYIN, NoticeData, doc_number, render_notice, render_notices
from app.errors import NotFoundError, ValidationError
from app.matters import MatterService
from app.notices import facts as notice_facts
from app.settings import SettingsService
from app.storage import translated, writable_copy
from app.workdays import WorkCalendar
from db.counters import next_value
from db.engine import Database
from db.models import Clerk, Counter, Matter, PrintedDocument

LAYOUT = "a4"  # notices are A4 only
_ALIASES = {
    **{pinyin: kind for kind, pinyin in PINYIN.items()},
    "转送单": "转送交办单",
    "交办单": "转送交办单",
    "转送/交办单": "转送交办单",
    "延期办理告知书": "延期告知书",
    "处理意见书": "答复意见书",
}
_ARCHIVE_NAME = re.compile(r"-(?P<subject>[a-z0-9]+)-\d{8}-\d{6}-\d{6}\.pdf$")


def resolve_kind(text: str) -> str:
    """A notice kind from its Chinese name, a common alias or its pinyin (shouli, jiaoban, …)."""
    key = text.strip()
    kind = key if key in KINDS else _ALIASES.get(key.lower())
    if kind is None:
        raise ValidationError.single("kind", f"未知的文书种类：{text}；可选：{'、'.join(KINDS)}")
    return kind


def counter_name(kind: str) -> str:
    return f"notice:{kind}"


@dataclass(frozen=True)
class PreparedNotice:
    """A rendered notice waiting to be printed: previewed, then recorded or discarded.

    ``sections``: one notice per department for the forms, else one; ``subjects`` their archive keys.
    """

    matter_no: str
    kind: str
    pdf: Path
    printed_at: datetime
    sections: tuple[NoticeData, ...]
    subjects: tuple[str, ...]

    @property
    def doc_nos(self) -> tuple[str, ...]:
        return tuple(s.doc_no for s in self.sections)

    @property
    def reprint(self) -> bool:
        return all(s.reprint for s in self.sections)


@dataclass(frozen=True)
class PrintedNotice:
    path: Path  # where the caller asked for it (or the first archived copy)
    archived: tuple[Path, ...]  # one file per section
    doc_nos: tuple[str, ...]
    reprint: bool


@dataclass(frozen=True)
class NoticeRecord:
    """One archived print, for the matter's page."""

    kind: str
    doc_no: str
    printed_at: datetime
    reprint: bool
    path: Path


@dataclass(frozen=True)
class _Prior:
    doc_no: str
    issued: date


class NoticeService:
    KINDS = KINDS

    def __init__(
        self,
        db: Database,
        settings: SettingsService,
        matters: MatterService,
        archive_dir: Path,
        clock: Callable[[], datetime] = datetime.now,
        calendar: Callable[[], WorkCalendar] | None = None,
    ) -> None:
        self._db = db
        self._settings = settings
        self._matters = matters
        self._archive_dir = archive_dir
        self._clock = clock
        self._calendar = calendar

    def write_notice(
        self, matter_no: str, kind: str, out: Path | None = None, clerk: str | None = None,
        department: str | None = None,
    ) -> PrintedNotice:  # fmt: skip
        """Render, number, archive and record in one go (the command line's `notice`)."""
        return self.record_print(self.prepare(matter_no, kind, department), clerk=clerk, out=out)

    def prepare(self, matter_no: str, kind: str, department: str | None = None) -> PreparedNotice:
        """Check the matter allows this notice, gather its facts and render it; nothing is recorded yet."""
        kind = resolve_kind(kind)
        detail = self._matters.detail(matter_no)
        settings = self._settings.get()
        now = self._clock()
        calendar = self._calendar() if self._calendar else None  # the holiday table as it is now
        context = notice_facts.Context(detail, settings, now.date(), calendar)
        with self._db.reading() as session:
            matter = _matter(session, detail.matter_no)
            found = notice_facts.gather(session, matter, kind, department, context)
            sections = self._numbered(session, matter, kind, found, settings.agency_code, now)
        pdf = self._archive_path(detail.matter_no, kind, "pending", now, "pending")
        with translated():
            render_notices(sections, pdf)
        return PreparedNotice(
            detail.matter_no, kind, pdf, now, tuple(sections), tuple(f.subject for f in found)
        )

    def record_print(
        self, notice: PreparedNotice, clerk: str | None = None, out: Path | None = None
    ) -> PrintedNotice:
        """The notice is being printed (or written out): take its number, archive it, record it.

        Print the returned ``path``: when another window took the expected number meanwhile, the PDF is
        rendered again with the number actually given.
        """
        settings = self._settings.get()
        clerk = clerk or settings.clerk_name
        archived: list[Path] = []
        try:
            with self._db.writing() as session:
                matter = _matter(session, notice.matter_no, lock=True)
                final = [
                    self._final(session, matter.id, notice, i, settings.agency_code)
                    for i in range(len(notice.sections))
                ]
                with translated():
                    if final != list(notice.sections):
                        render_notices(final, notice.pdf)
                    if out is not None:
                        writable_copy(notice.pdf, out)
                    archived = self._archive(notice, final)
                clerk_id = session.scalar(select(Clerk.id).where(Clerk.name == clerk)) if clerk else None
                for data, path in zip(final, archived, strict=True):
                    session.add(_printed_row(matter.id, notice, data, clerk_id, path))
        except BaseException:
            for path in archived:
                path.unlink(missing_ok=True)
            raise
        return PrintedNotice(
            path=out or archived[0],
            archived=tuple(archived),
            doc_nos=tuple(d.doc_no for d in final),
            reprint=all(d.reprint for d in final),
        )

    def discard(self, notice: PreparedNotice) -> None:
        """A preview that was not printed leaves nothing behind, and takes no number."""
        notice.pdf.unlink(missing_ok=True)

    def history(self, matter_no: str) -> list[NoticeRecord]:
        """Every notice printed for the matter, oldest first."""
        with self._db.reading() as session:
            rows = session.execute(
                select(PrintedDocument)
                .join(Matter, Matter.id == PrintedDocument.matter_id)
                .where(Matter.matter_no == matter_no.strip(), PrintedDocument.kind.in_(KINDS))
                .order_by(PrintedDocument.id)
            ).scalars()
            return [NoticeRecord(r.kind, r.doc_no, r.printed_at, r.reprint, Path(r.path)) for r in rows]

    # --- numbering ----------------------------------------------------------------------------------------

    def _numbered(
        self, session: Session, matter: Matter, kind: str, found: Sequence[notice_facts.Found],
        agency_code: str, now: datetime,
    ) -> list[NoticeData]:  # fmt: skip
        """The sections with the number they keep (a reprint) or expect (a first print)."""
        counter = session.get(Counter, (counter_name(kind), now.year))
        expected = counter.value if counter is not None else 0
        sections = []
        for item in found:
            prior = _prior_print(session, matter.id, kind, item.subject)
            if prior is None:
                expected += 1
                data = replace(item.data, doc_no=doc_number(agency_code, kind, now.year, expected))
            else:
                data = replace(item.data, doc_no=prior.doc_no, issued=prior.issued, reprint=True)
            sections.append(replace(data, printed_at=now))
        return sections

    def _final(
        self, session: Session, matter_id: int, notice: PreparedNotice, i: int, code: str
    ) -> NoticeData:
        """Inside the recording transaction: the section's number, taken now if this is its first print."""
        data = notice.sections[i]
        prior = _prior_print(session, matter_id, notice.kind, notice.subjects[i])
        if prior is not None:
            return replace(data, doc_no=prior.doc_no, issued=prior.issued, reprint=True)
        year = notice.printed_at.year
        seq = next_value(session, counter_name(notice.kind), year)
        issued = data.issued if not data.reprint else notice.printed_at.date()
        return replace(data, doc_no=doc_number(code, notice.kind, year, seq), issued=issued, reprint=False)

    # --- archive ------------------------------------------------------------------------------------------

    def _archive(self, notice: PreparedNotice, final: list[NoticeData]) -> list[Path]:
        """One archived PDF per section: the printed file itself when it holds one notice."""
        folder = str(notice.printed_at.year)
        paths = [
            self._archive_path(notice.matter_no, notice.kind, subject, notice.printed_at, folder)
            for subject in notice.subjects
        ]
        if len(final) == 1:
            shutil.move(notice.pdf, paths[0])
        else:
            for data, path in zip(final, paths, strict=True):
                render_notice(data, path)
            notice.pdf.unlink(missing_ok=True)
        return paths

    def _archive_path(self, matter_no: str, kind: str, subject: str, now: datetime, folder: str) -> Path:
        safe = re.sub(r'[\\/:*?"<>|\s]', "_", matter_no)
        target = self._archive_dir / folder
        with translated():
            target.mkdir(parents=True, exist_ok=True)
        return target / f"{safe}-{kind}-{subject}-{now:%Y%m%d-%H%M%S-%f}.pdf"


def _matter(session: Session, matter_no: str, lock: bool = False) -> Matter:
    query = select(Matter).where(Matter.matter_no == matter_no)
    # on PostgreSQL two windows printing the same matter's first notice queue here (SQLite: BEGIN IMMEDIATE)
    matter = session.scalar(query.with_for_update() if lock else query)
    if matter is None:
        raise NotFoundError(f"没有编号为 {matter_no} 的信访事项")
    return matter


def _prior_print(session: Session, matter_id: int, kind: str, subject: str) -> _Prior | None:
    """The first print of the same document, if any: its number and date are kept by every reprint."""
    rows = session.execute(
        select(PrintedDocument.doc_no, PrintedDocument.printed_at, PrintedDocument.path)
        .where(PrintedDocument.matter_id == matter_id, PrintedDocument.kind == kind)
        .order_by(PrintedDocument.id)
    ).all()
    for doc_no, printed_at, path in rows:
        found = _ARCHIVE_NAME.search(Path(path).name)
        if found and found["subject"] == subject:
            return _Prior(doc_no, printed_at.date())
    return None


def _printed_row(
    matter_id: int, notice: PreparedNotice, data: NoticeData, clerk_id: int | None, path: Path
) -> PrintedDocument:
    return PrintedDocument(
        matter_id=matter_id,
        kind=notice.kind,
        doc_no=data.doc_no,
        layout=LAYOUT,
        printed_at=notice.printed_at,
        clerk_id=clerk_id,
        reprint=data.reprint,
        path=str(path),
        sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
    )
