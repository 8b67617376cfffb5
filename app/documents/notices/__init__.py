"""The later notices of a matter as A4 PDFs.

受理告知书, 不予受理告知书, 转送/交办单, 延期告知书, 答复意见书 and 督办单.

Same fonts and rare-character guarantees as the slip: every text goes through ``fonts.markup``.
"""

from app.documents.notices.data import (
    ABBREVIATIONS,
    BUYU_SHOULI,
    DAFU,
    DUBAN,
    JIAOBAN,
    KINDS,
    OUTCOMES,
    PINYIN,
    SHOULI,
    SUPERVISION_LEVELS,
    YANQI,
    Acceptance,
    Assignment,
    Extension,
    Facts,
    NoticeData,
    Refusal,
    Reply,
    Supervision,
    doc_number,
)
from app.documents.notices.render import render_notice, render_notices, title_of

__all__ = [
    "ABBREVIATIONS",
    "BUYU_SHOULI",
    "DAFU",
    "DUBAN",
    "JIAOBAN",
    "KINDS",
    "OUTCOMES",
    "PINYIN",
    "SUPERVISION_LEVELS",
    "SHOULI",
    "YANQI",
    "Acceptance",
    "Assignment",
    "Extension",
    "Facts",
    "NoticeData",
    "Refusal",
    "Reply",
    "Supervision",
    "doc_number",
    "render_notice",
    "render_notices",
    "title_of",
]
