"""The later notices of a matter: checked against its state, numbered per kind and year, archived.

Build it like the slip service: ``NoticeService(db, settings, matters, archive_dir, clock, calendar)``.
"""

from app.notices.service import (
    KINDS,
    NoticeRecord,
    NoticeService,
    PreparedNotice,
    PrintedNotice,
    counter_name,
    resolve_kind,
)

__all__ = [
    "KINDS",
    "NoticeRecord",
    "NoticeService",
    "PreparedNotice",
    "PrintedNotice",
    "counter_name",
    "resolve_kind",
]
