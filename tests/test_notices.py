"""The later notices (受理告知书 … 督办单): state checks, numbering per kind and year, reprints, PDFs.

Matters are put into each state by writing the rows directly, as the workflow would leave them, so these tests
need only the models. Every PDF is read back with poppler (pdftotext, pdffonts).
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.desk import Desk
from app.documents.notices import KINDS, PINYIN
from app.errors import ValidationError
from app.notices import NoticeService, resolve_kind
from db.models import (
    Assignment,
    Clerk,
    Deadline,
    Department,
    Matter,
    MatterEvent,
    PrintedDocument,
    Supervision,
)
from tests.conftest import NOW, FixedClock
from tests.factories import visit

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

SCREENSHOTS = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
HOUSING = "县住房和城乡建设局"
LAND = "县自然资源局"
REPLY_TEXT = (
    "经调查，开发商因资金链紧张致工程停工。\n"
    "经县住房和城乡建设局协调，开发商已复工，承诺于2027年6月30日前交房。"
)


# --- the matter in each state, written as the workflow leaves it ------------------------------------------


def register(desk: Desk) -> str:
    return desk.intake.register_visit(visit()).matter_no


def _event(session: Session, matter: Matter, kind: str, note: str, at: datetime = NOW) -> None:
    session.add(MatterEvent(matter_id=matter.id, kind=kind, at=at, clerk_id=matter.first_clerk_id, note=note))


def _matter(session: Session, matter_no: str) -> Matter:
    return session.scalars(select(Matter).where(Matter.matter_no == matter_no)).one()


def accept(desk: Desk, matter_no: str) -> None:
    with desk.db.writing() as session:
        matter = _matter(session, matter_no)
        matter.status = "受理"
        _event(session, matter, "受理", "受理，限2027年1月25日前办结并书面答复")
        session.add(Deadline(matter_id=matter.id, rule_key="handling", start=date(2026, 11, 26),
                             due=date(2027, 1, 25)))  # fmt: skip


def refuse(desk: Desk, matter_no: str, reason: str, route: str) -> None:
    with desk.db.writing() as session:
        matter = _matter(session, matter_no)
        matter.status, matter.refusal_reason, matter.refusal_route = "不予受理", reason, route
        _event(session, matter, "不予受理", f"不予受理：{reason}；请向{route}提出")


def extend(desk: Desk, matter_no: str) -> None:
    accept(desk, matter_no)
    with desk.db.writing() as session:
        matter = _matter(session, matter_no)
        matter.status = "延期"
        row = session.scalars(
            select(Deadline).where(Deadline.matter_id == matter.id, Deadline.rule_key == "handling")
        ).one()
        row.override_due = date(2027, 2, 24)
        row.override_reason = "延期30日：需会同自然资源、市场监管部门联合调查（批准人：张局长）"
        _event(session, matter, "延期", "延期30日，延至2027年2月24日；理由：需会同…；批准人：张局长")


def reply(desk: Desk, matter_no: str) -> None:
    accept(desk, matter_no)
    with desk.db.writing() as session:
        matter = _matter(session, matter_no)
        matter.status, matter.outcomes = "已答复", "解决到位,教育到位"
        matter.replied_at = datetime(2027, 1, 20, 15, 0)
        _event(
            session,
            matter,
            "答复",
            f"书面答复（解决到位、教育到位）：{REPLY_TEXT}；可于2027年2月19日前申请复查",
        )


def assign(
    desk: Desk, matter_no: str, department: str, how: str = "交办", due: date = date(2027, 1, 25)
) -> None:
    with desk.db.writing() as session:
        matter = _matter(session, matter_no)
        matter.status = how
        dept = session.scalars(select(Department).where(Department.name == department)).one()
        deadline = Deadline(matter_id=matter.id, rule_key="handling", department_id=dept.id,
                            start=date(2026, 11, 1), due=due)  # fmt: skip
        session.add(deadline)
        session.flush()
        row = Assignment(
            matter_id=matter.id,
            department_id=dept.id,
            kind=how,
            deadline_id=deadline.id,
            assigned_at=datetime(2026, 11, 1, 9, 0),
            assigned_by_id=matter.first_clerk_id,
        )
        session.add(row)
        _event(session, matter, how, f"{how}{department}")


def overdue_and_supervised(desk: Desk, matter_no: str, level: str) -> None:
    assign(desk, matter_no, HOUSING, due=date(2026, 11, 20))
    supervise(desk, matter_no, level)


def supervise(desk: Desk, matter_no: str, level: str) -> None:
    with desk.db.writing() as session:
        matter = _matter(session, matter_no)
        session.add(Supervision(matter_id=matter.id, level=level, reason="超过办理期限未办结，信访人重复来访",
                                raised_at=NOW, raised_by_id=matter.first_clerk_id))  # fmt: skip


# --- reading PDFs back --------------------------------------------------------------------------------------


def text_of(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return "".join(out.split())  # lines break anywhere in Chinese: compare without white space


def fonts_of(pdf: Path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]


@pytest.fixture
def notices(desk: Desk, tmp_path: Path) -> NoticeService:
    desk.settings.save(replace(desk.settings.get(), window_phone="0371-12345678", clerk_name="李娜"))
    return NoticeService(
        desk.db, desk.settings, desk.matters, tmp_path / "archive", desk.clock, lambda: desk.calendar
    )


# --- each kind, in the right state -------------------------------------------------------------------------

# kind → (put the matter in its state, what the notice must say)
CASES = {
    "受理告知书": (
        accept,
        [
            "决定自2026年11月26日起予以受理",
            "2027年1月25日前",
            "第二十二条、第二十三条",
            "第三十二条、第三十四条",
        ],
    ),  # fmt: skip
    "不予受理告知书": (
        lambda d, n: refuse(d, n, "属于诉讼/仲裁/行政复议途径", "政法机关/人民法院等（诉访分离）"),
        ["不予受理", "诉讼与信访分离", "第二十八条", "第二十二条、第二十三条", "政法机关/人民法院等提出"],
    ),
    "转送交办单": (
        lambda d, n: assign(d, n, HOUSING),
        ["信访事项交办单", HOUSING, "2027年1月25日前", "报送我局", "一式二份", "回执", "第二十二条"],
    ),
    "延期告知书": (
        extend,
        ["延长30日", "2027年2月24日前", "需会同自然资源、市场监管部门联合调查", "第三十四条"],
    ),
    "答复意见书": (
        reply,
        [
            "开发商已复工",
            "解决到位、教育到位",
            "第三十二条、第三十四条",
            "可以自收到本意见书之日起30日内向示例县人民政府请求复查",
            "第三十五条",
        ],
    ),  # fmt: skip
    "督办单": (
        lambda d, n: overdue_and_supervised(d, n, "黄牌"),
        ["信访事项督办单", "黄牌督办", HOUSING, "已超期6日", "第四十条", "回执"],
    ),
}


@pytest.mark.parametrize("kind", KINDS)
def test_each_notice_prints_its_facts_and_reads_back(desk: Desk, notices: NoticeService, kind: str) -> None:
    # Given a matter of 王𠮷 in the state the notice belongs to
    matter_no = register(desk)
    put_in_state, phrases = CASES[kind]
    put_in_state(desk, matter_no)

    # When the notice is written
    printed = notices.write_notice(matter_no, kind, out=desk.data_dir / f"{PINYIN[kind]}.pdf", clerk="李娜")

    # Then it reads back with its number, the visitor's rare-character name, the facts and the basis
    text = text_of(printed.path)
    assert printed.doc_nos[0] in text.replace(" ", "")
    assert matter_no in text and "示例县信访局" in text and "（印章）" in text
    assert ("王𠮷" in text) if kind != "督办单" else ("王𠮷" in text or HOUSING in text)
    for phrase in phrases:
        assert phrase in text, phrase
    assert ("请求复查" in text) == (kind == "答复意见书")  # only the reply opens the review route
    assert (
        "书面答复（" not in text and "前申请复查" not in text
    )  # the reply is quoted without the event's frame
    fonts = fonts_of(printed.path)  # name, type, encoding, emb, sub, uni, object, generation
    assert fonts and all(row[-5] == "yes" and row[-3] == "yes" for row in fonts), fonts
    _screenshot(printed.path, f"notice-{PINYIN[kind]}.png")


def _screenshot(pdf: Path, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    target = SCREENSHOTS / name
    subprocess.run(["pdftoppm", "-r", "70", "-png", "-singlefile", str(pdf), str(target.with_suffix(""))],
                   check=True)  # fmt: skip
    assert target.stat().st_size > 10_000


def test_group_visit_names_the_first_visitors_and_the_headcount(desk: Desk, notices: NoticeService) -> None:
    from tests.factories import WANG_JI_ID, id_number, person

    persons = [person("王𠮷", WANG_JI_ID, rep=True), *[person(f"李{n}", id_number(seq=i), f"1380013800{i}")
                                                     for i, n in enumerate("甲乙丙丁", start=1)]]  # fmt: skip
    matter_no = desk.intake.register_visit(visit(headcount=12, persons=persons)).matter_no
    accept(desk, matter_no)
    text = text_of(notices.write_notice(matter_no, "受理告知书").path)
    assert "王𠮷、李甲、李乙等12人：" in text and "你们于" in text


# --- numbering ----------------------------------------------------------------------------------------------


def test_numbers_follow_each_kind_own_counter_and_a_reprint_keeps_its_number(
    desk: Desk, notices: NoticeService
) -> None:
    first, second = register(desk), register(desk)
    accept(desk, first)
    accept(desk, second)
    refuse(desk, register(desk), "不属于本机关职权范围", "有权处理的机关")

    a = notices.write_notice(first, "受理告知书")
    b = notices.write_notice(second, "受理告知书")
    again = notices.write_notice(first, "受理告知书")
    refused_no = next(m.matter_no for m in desk.matters.page(0, 10) if m.status == "不予受理")
    c = notices.write_notice(refused_no, "不予受理告知书")

    assert a.doc_nos == ("X信访受告〔2026〕1号",) and not a.reprint
    assert b.doc_nos == ("X信访受告〔2026〕2号",)
    assert c.doc_nos == ("X信访不受告〔2026〕1号",)  # its own counter, not the 3rd of the year
    assert again.doc_nos == a.doc_nos and again.reprint
    text = text_of(again.path)
    assert "补打" in text and "X信访受告〔2026〕1号" in text and "2026年11月26日" in text
    with desk.db.reading() as session:
        rows = session.scalars(select(PrintedDocument).order_by(PrintedDocument.id)).all()
        assert [(r.kind, r.doc_no, r.reprint) for r in rows] == [
            ("受理告知书", "X信访受告〔2026〕1号", False),
            ("受理告知书", "X信访受告〔2026〕2号", False),
            ("受理告知书", "X信访受告〔2026〕1号", True),
            ("不予受理告知书", "X信访不受告〔2026〕1号", False),
        ]
        assert all(Path(r.path).exists() and len(r.sha256) == 64 for r in rows)


def test_numbers_restart_each_year(desk: Desk, notices: NoticeService, clock: FixedClock) -> None:
    first, second = register(desk), register(desk)
    accept(desk, first)
    accept(desk, second)
    assert notices.write_notice(first, "受理告知书").doc_nos == ("X信访受告〔2026〕1号",)
    clock.now = datetime(2027, 1, 4, 9, 0)
    assert notices.write_notice(second, "受理告知书").doc_nos == ("X信访受告〔2027〕1号",)


def test_a_discarded_preview_takes_no_number(desk: Desk, notices: NoticeService) -> None:
    matter_no = register(desk)
    accept(desk, matter_no)
    preview = notices.prepare(matter_no, "受理告知书")
    assert preview.doc_nos == ("X信访受告〔2026〕1号",) and preview.pdf.exists()
    notices.discard(preview)
    assert not preview.pdf.exists()
    assert notices.write_notice(matter_no, "受理告知书").doc_nos == ("X信访受告〔2026〕1号",)


def test_a_number_taken_meanwhile_is_printed_as_given(desk: Desk, notices: NoticeService) -> None:
    first, second = register(desk), register(desk)
    accept(desk, first)
    accept(desk, second)
    preview = notices.prepare(first, "受理告知书")  # expects 1
    notices.write_notice(second, "受理告知书")  # another window takes 1
    printed = notices.record_print(preview)
    assert printed.doc_nos == ("X信访受告〔2026〕2号",)
    assert "X信访受告〔2026〕2号" in text_of(printed.path)


def test_one_assignment_slip_per_department_each_with_its_number(desk: Desk, notices: NoticeService) -> None:
    matter_no = register(desk)
    assign(desk, matter_no, HOUSING)
    assign(desk, matter_no, LAND, how="转送")
    both = notices.write_notice(matter_no, "交办单", out=desk.data_dir / "both.pdf")
    assert both.doc_nos == ("X信访转交〔2026〕1号", "X信访转交〔2026〕2号") and len(both.archived) == 2
    text = text_of(both.path)
    assert "信访事项交办单" in text and "信访事项转送单" in text and LAND in text
    one = notices.write_notice(matter_no, "转送交办单", department=LAND)
    assert one.doc_nos == ("X信访转交〔2026〕2号",) and one.reprint
    assert notices.history(matter_no)[-1].doc_no == "X信访转交〔2026〕2号"


# --- refused in the wrong state ----------------------------------------------------------------------

WRONG_STATE = [
    ("受理告知书", "该事项尚未受理（当前状态：登记），不能出具受理告知书"),
    ("不予受理告知书", "该事项未作不予受理决定（当前状态：登记），不能出具不予受理告知书"),
    ("延期告知书", "该事项未办理延期（当前状态：登记），不能出具延期告知书"),
    ("答复意见书", "该事项尚未答复（当前状态：登记），不能出具答复意见书"),
    ("转送交办单", "该事项未转送或交办任何部门（或已被退回），不能出具转送/交办单"),
    ("督办单", "该事项没有督办记录，也没有超期的期限，不能出具督办单"),
]


@pytest.mark.parametrize(("kind", "message"), WRONG_STATE)
def test_a_notice_the_state_does_not_allow_is_refused(
    desk: Desk, notices: NoticeService, kind: str, message: str
) -> None:
    matter_no = register(desk)
    with pytest.raises(ValidationError) as refused:
        notices.prepare(matter_no, kind)
    assert refused.value.message == message
    with desk.db.reading() as session:
        assert session.scalar(select(PrintedDocument.id)) is None


def test_refused_matter_gets_no_acceptance_and_other_department_no_slip(
    desk: Desk, notices: NoticeService
) -> None:
    refused = register(desk)
    refuse(desk, refused, "不属于本机关职权范围", "有权处理的机关")
    with pytest.raises(ValidationError, match="该事项已不予受理，不能出具受理告知书"):
        notices.prepare(refused, "受理告知书")
    assigned = register(desk)
    assign(desk, assigned, HOUSING)
    with pytest.raises(ValidationError, match=f"该事项未转送或交办给{LAND}"):
        notices.prepare(assigned, "转送交办单", department=LAND)
    with pytest.raises(ValidationError, match="未知的文书种类"):
        notices.prepare(assigned, "通知书")


def test_overdue_deadline_alone_allows_a_supervision_slip(
    desk: Desk, notices: NoticeService, clock: FixedClock
) -> None:
    matter_no = register(desk)
    assign(desk, matter_no, HOUSING, due=date(2026, 11, 20))
    printed = notices.write_notice(matter_no, "督办单")
    text = text_of(printed.path)
    assert "普通督办" in text and "已超期6日" in text and printed.doc_nos == ("X信访督〔2026〕1号",)
    clock.now = NOW + timedelta(days=1)
    assert notices.write_notice(matter_no, "督办单").reprint  # the same overdue deadline: the same slip


def test_kind_names_and_pinyin_resolve() -> None:
    assert resolve_kind("shouli") == "受理告知书"
    assert resolve_kind("交办单") == resolve_kind("jiaoban") == "转送交办单"
    assert {resolve_kind(p) for p in PINYIN.values()} == set(KINDS)


def test_clerk_is_recorded(desk: Desk, notices: NoticeService) -> None:
    matter_no = register(desk)
    accept(desk, matter_no)
    notices.write_notice(matter_no, "受理告知书", clerk="李娜")
    with desk.db.reading() as session:
        clerk = session.scalar(select(Clerk.name).join(PrintedDocument, PrintedDocument.clerk_id == Clerk.id))
        assert clerk == "李娜"
