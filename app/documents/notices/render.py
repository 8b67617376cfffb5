"""Each notice kind as a story of flowables on the common page (layout.py), and the entry points."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from app.documents.fonts import register_fonts
from app.documents.notices import texts
from app.documents.notices.data import (
    BUYU_SHOULI,
    DAFU,
    DUBAN,
    SHOULI,
    YANQI,
    Acceptance,
    Assignment,
    Extension,
    NoticeData,
    Refusal,
    Supervision,
)
from app.documents.notices.layout import (
    RED,
    SIZE,
    WIDTH,
    body,
    build,
    chinese_line_breaking,
    cut_line,
    form,
    label,
    line,
    masthead,
    record_lines,
    signature,
    value,
)
from app.documents.parts import cn_date

TITLES = {
    SHOULI: "信访事项受理告知书",
    BUYU_SHOULI: "信访事项不予受理告知书",
    YANQI: "信访事项延期办理告知书",
    DAFU: "信访事项答复意见书",
    DUBAN: "信访事项督办单",
}
LEVEL_COLOURS = {"黄牌": colors.HexColor("#FFD400"), "红牌": RED}


def title_of(data: NoticeData) -> str:
    if isinstance(data.facts, Assignment):
        return f"信访事项{data.facts.how}单"
    return TITLES[data.kind]


def render_notice(data: NoticeData, out: Path) -> Path:
    """Write one notice to ``out`` as an A4 PDF with its fonts embedded; returns ``out``."""
    return render_notices([data], out)


def render_notices(notices: Sequence[NoticeData], out: Path) -> Path:
    """Write several notices (each on its own pages) into one PDF; returns ``out``."""
    register_fonts()
    chinese_line_breaking()
    if not notices:
        raise ValueError("no notice to render")
    first = notices[0]
    stories = [(data, _story(data)) for data in notices]
    build(str(out), f"{title_of(first)} {first.doc_no}", first.agency_name, stories)
    return out


def _story(data: NoticeData) -> list[Flowable]:
    facts = data.facts
    if isinstance(facts, Assignment):
        return masthead(data, title_of(data), compact=True) + _assignment(data, facts)
    if isinstance(facts, Supervision):
        return masthead(data, title_of(data), compact=True) + _supervision(data, facts)
    head = masthead(data, title_of(data))
    if isinstance(facts, Acceptance):
        paragraphs = texts.acceptance_body(data, facts)
    elif isinstance(facts, Refusal):
        paragraphs = texts.refusal_body(data, facts)
    elif isinstance(facts, Extension):
        paragraphs = texts.extension_body(data, facts)
    else:
        paragraphs = texts.reply_body(data, facts)
    return head + _letter(data, paragraphs)


def _letter(data: NoticeData, paragraphs: list[str]) -> list[Flowable]:
    """A notice to the visitor: addressee, body, signature, and the service record (送达) at the foot."""
    name = "意见书" if data.kind == DAFU else "告知书"
    story: list[Flowable] = [line(f"{texts.addressee(data)}：", SIZE, TA_LEFT)]
    story += [body(p) for p in paragraphs]
    story += signature(data)
    story += record_lines(
        [
            "信访人签收：＿＿＿＿＿＿＿＿　　签收日期：＿＿＿＿年＿＿月＿＿日　　送达方式：＿＿＿＿＿＿",
            f"本{name}一式二份，一份送达信访人，一份由{data.agency_name}存档。",
        ]
    )
    return story


# --- forms to a department --------------------------------------------------------------------------------

_LABEL = 27 * mm
_HALF = (WIDTH - 2 * _LABEL) / 2


def _visitor_rows(data: NoticeData, details: Sequence[str], headcount: int) -> list[list[object]]:
    names = "；".join(details) or "、".join(data.visitors)
    return [
        [label("信访事项编号"), value(data.matter_no), label("登记日期"), value(cn_date(data.received))],
        [label("信访人"), value(names), label("人数"), value(f"{headcount}人")],
    ]


def _wide(title: str, text: str) -> list[object]:
    return [label(title), value(text), "", ""]


def _form(rows: list[list[object]], wide_rows: Sequence[int]) -> Table:
    table = form(rows, [_LABEL, _HALF, _LABEL, _HALF], labels=(0,))
    spans: list[tuple[object, ...]] = [("SPAN", (1, r), (3, r)) for r in wide_rows]
    spans += [("BACKGROUND", (2, r), (2, r), colors.HexColor("#F2F2F2")) for r in range(len(rows))
              if r not in wide_rows]  # fmt: skip
    table.setStyle(spans)
    return table


def _assignment(data: NoticeData, facts: Assignment) -> list[Flowable]:
    rows = _visitor_rows(data, facts.visitor_details, facts.headcount)
    rows += [
        [label("问题属地"), value(facts.township or "—"), label("内容分类"), value(facts.category or "—")],
        _wide("反映问题", data.summary),
        _wide("主要诉求", texts_excerpt(facts.appeal)),
        [
            label(f"{facts.how}日期"),
            value(cn_date(facts.assigned_on)),
            label("办理期限"),
            value(f"{cn_date(facts.due)}前" if facts.due else "按规定期限"),
        ],  # fmt: skip
        _wide("办理要求", texts.assignment_requirement(data, facts)),
        _wide("联系人", facts.contact),
    ]
    story: list[Flowable] = [
        line(f"{facts.department}：", SIZE, TA_LEFT),
        body(texts.assignment_intro(facts)),
        Spacer(1, 2 * mm),
        _form(rows, wide_rows=(2, 3, 4, 6, 7)),
        *signature(data, compact=True),
        Spacer(1, 2 * mm),
        line(f"本单一式二份，{data.agency_name}、{facts.department}各执一份。", 10.5),
        _receipt(data, f"信访事项{facts.how}单回执", facts.department),
    ]
    return story


def _supervision(data: NoticeData, facts: Supervision) -> list[Flowable]:
    rows = _visitor_rows(data, (), max(data.headcount, len(data.visitors)))
    rows += [
        [label("督办级别"), value(f"{facts.level}督办"), label("督办日期"), value(cn_date(data.issued))],
        _wide("反映问题", data.summary),
        _wide("交办情况", facts.assigned),
        _wide("期限情况", texts.overdue_text(facts)),
        _wide("督办事由", facts.reason),
        _wide("督办要求", texts.supervision_requirement(facts)),
        _wide("联系人", facts.contact),
    ]
    table = _form(rows, wide_rows=(3, 4, 5, 6, 7, 8))
    colour = LEVEL_COLOURS.get(facts.level)
    if colour is not None:
        table.setStyle([("BACKGROUND", (1, 2), (1, 2), colour)])
    story: list[Flowable] = [
        line(f"{facts.department}：", SIZE, TA_LEFT),
        body(f"下列信访事项{'已超过办理期限' if facts.overdue_days else '需加快办理'}，现予督办。"),
        Spacer(1, 2 * mm),
        table,
        *signature(data, compact=True),
        Spacer(1, 2 * mm),
        line(f"本单一式二份，{data.agency_name}、{facts.department}各执一份。", 10.5),
        _receipt(data, "信访事项督办单回执", facts.department),
    ]
    return story


def _receipt(data: NoticeData, title: str, department: str) -> KeepTogether:
    """The 回执联 below a cut line: signed for by the department and sent back; never split from its line."""
    rows = [
        [label("文号"), value(data.doc_no), label("信访事项编号"), value(data.matter_no)],
        [label("承办单位"), value(department), label("签收人"), value("")],
        [label("签收时间"), value("＿＿年＿＿月＿＿日＿＿时"), label("联系电话"), value("")],
    ]
    return KeepTogether(
        [
            *cut_line(),
            line(title, 12, 1),
            Spacer(1, 2 * mm),
            form(rows, [_LABEL, _HALF, _LABEL, _HALF], labels=(0, 2)),
            Spacer(1, 1.5 * mm),
            line(f"承办单位签收并盖章后，请于签收当日将本回执退回{data.agency_name}。", 9),
        ]
    )


APPEAL_CHARS = 300


def texts_excerpt(text: str, limit: int = APPEAL_CHARS) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
