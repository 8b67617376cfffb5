"""信访工作问责建议函: the bureau's letter to the discipline inspection body proposing accountability for a
matter whose handling failed, on the notices' A4 page (GB/T 9704 margins), fonts embedded.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Spacer

from app.documents.fonts import BODY, register_fonts
from app.documents.notices.layout import BOTTOM, LEFT, SIZE, TOP, WIDTH, body, chinese_line_breaking, line
from app.documents.parts import BoldTitle, cn_date, cn_datetime
from app.sources.records import LetterFacts

TITLE = "信访工作问责建议函"
ADDRESSEE = "县纪委监委："


def render_letter(facts: LetterFacts, agency: str, day: date, out: Path) -> Path:
    """Write the letter to ``out`` and return it."""
    register_fonts()
    chinese_line_breaking()
    frame = Frame(LEFT, BOTTOM, WIDTH, A4[1] - TOP - BOTTOM, leftPadding=0, rightPadding=0, topPadding=0)
    doc = BaseDocTemplate(
        str(out),
        pagesize=A4,
        title=f"{TITLE} {facts.matter_no}",
        author=agency,
        creator="信访接待台",
        pageTemplates=[PageTemplate(id="letter", frames=[frame])],
        initialFontName=BODY,
    )
    doc.build(_story(facts, agency, day))
    return out


def _story(facts: LetterFacts, agency: str, day: date) -> list[Flowable]:
    story: list[Flowable] = [
        BoldTitle(TITLE, 22, 2),
        Spacer(1, 4),
        line(facts.letter_no, SIZE - 2, TA_RIGHT),
        Spacer(1, 8),
        line(ADDRESSEE),
        body(
            f"{cn_datetime(facts.received_at)}，我局登记信访事项{facts.matter_no}（{facts.summary}），"
            f"经{facts.department}办理。经核查信访工作记录，该事项办理中存在以下问题："
        ),
    ]
    story += [body(f"{i}．{text}") for i, text in enumerate(facts.failures, start=1)]
    story.append(body("办理经过如下："))
    story += [body(text, SIZE - 2) for text in facts.facts]
    story.append(
        body(
            "根据《信访工作条例》第四十四条、第四十五条的规定，上述情形涉嫌在信访工作中推诿敷衍、"
            "超期办理，建议对相关责任单位和责任人员依规依纪依法予以问责。请予核查处理，并将处理结果告知我局。"
        )
    )
    story += [
        Spacer(1, 24),
        line(agency, SIZE, TA_RIGHT),
        line(cn_date(day), SIZE, TA_RIGHT),
        Spacer(1, 16),
        line("（此件为问责建议，附该事项登记及办理记录）", SIZE - 3),
    ]
    return story
