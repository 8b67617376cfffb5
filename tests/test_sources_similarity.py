"""Similar open matters at intake: the same entity and the same words come first, each with its reasons;
unrelated and closed matters are not offered; the index is filled at registration (and by reindexing)."""

from __future__ import annotations

from sqlalchemy import delete, func, select

from app.desk import Desk
from app.sources.term_index import reindex_missing
from db.models import Matter, MatterTerm, OpenMatterTerm, Person, SimilarityTerm
from tests.factories import id_number, person, visit

ESTATE_TEXT = "锦绣华庭项目烂尾停工，开发商逾期不交房，要求退还购房款。"


def _register(desk: Desk, seq: int, **changes: object) -> str:
    who = [person("张伟", id_number(seq=seq), f"138{seq:08d}")]
    return desk.intake.register_visit(visit(persons=who, **changes)).matter_no


def _filler(desk: Desk, start: int, count: int) -> list[str]:
    """Matters about other things, in other townships and categories: the haystack."""
    topics = [
        ("道路破损无人维修", "村里通组道路破损多年，雨天无法通行，要求硬化修复。", "交通运输"),
        ("拖欠工资", "建筑工地包工头拖欠农民工工资三个月，要求支付。", "劳动和社会保障"),
        ("噪声扰民", "夜间施工噪声严重影响休息，要求限制施工时间。", "生态环境"),
        ("低保资格", "家庭困难申请低保未获批准，要求重新审核。", "民政"),
    ]
    made = []
    for i in range(count):
        summary, appeal, category = topics[i % len(topics)]
        made.append(
            _register(desk, start + i, summary=summary, appeal=appeal, category=category, township="北山镇")
        )
    return made


def test_the_same_entity_and_the_same_words_come_first_with_reasons(desk: Desk) -> None:
    estate = desk.sources.entities.create("锦绣华庭项目", "项目或小区")
    _filler(desk, 100, 12)
    same_entity_and_text = _register(
        desk, 1, summary="锦绣华庭烂尾", appeal=ESTATE_TEXT, entity_ids=(estate,)
    )
    same_text = _register(
        desk, 2, summary="锦绣华庭不交房", appeal="锦绣华庭烂尾，开发商不交房，要求退款。", township="柳林镇"
    )
    same_entity = _register(
        desk, 3, summary="锦绣华庭物业", appeal="小区物业收费过高。", entity_ids=(estate,), township="白马乡"
    )
    place_only = _register(
        desk, 4, summary="城关镇路灯不亮", appeal="主街路灯坏了半年。", category="城乡建设"
    )

    found = desk.sources.similarity.similar_open(
        "锦绣华庭开发商烂尾不交房，要求退还购房款",
        township="城关镇",
        category="城乡建设",
        entity_ids=(estate,),
    )
    order = [m.matter_no for m in found]
    assert order[:3] == [same_entity_and_text, same_entity, same_text] or order[:3] == [
        same_entity_and_text, same_text, same_entity,
    ]  # fmt: skip
    assert place_only not in order  # the same township and category alone is not similarity
    best = found[0]
    assert best.reasons[0] == "同一被反映对象：锦绣华庭项目"
    assert (
        best.reasons[1].startswith("诉求相近：") and "烂尾" in best.reasons[1] and "购房款" in best.reasons[1]
    )
    assert best.reasons[-1] == "同乡镇同类别"
    by_text = next(m for m in found if m.matter_no == same_text)
    assert by_text.reasons[0].startswith("诉求相近：") and "同一被反映对象" not in " ".join(by_text.reasons)
    assert all(a.score >= b.score for a, b in zip(found, found[1:], strict=False))


def test_an_unrelated_text_finds_nothing_and_closed_matters_are_never_offered(desk: Desk) -> None:
    _filler(desk, 100, 8)
    closed = _register(desk, 1, summary="锦绣华庭烂尾", appeal=ESTATE_TEXT)
    assert [m.matter_no for m in desk.sources.similarity.similar_open(ESTATE_TEXT)] == [closed]
    with desk.db.reading() as session:
        assert session.scalar(select(func.count()).select_from(OpenMatterTerm)) > 0
    desk.cases.answer_on_spot(closed, ["教育到位"], "当场解释政策", "李娜")  # closed at once
    with desk.db.reading() as session:  # its open postings went with the step that closed it
        open_ids = set(session.scalars(select(OpenMatterTerm.matter_id)))
        closed_id = session.scalar(select(Matter.id).where(Matter.matter_no == closed))
    assert closed_id not in open_ids and len(open_ids) == 8
    assert desk.sources.similarity.similar_open(ESTATE_TEXT) == []
    assert desk.sources.similarity.similar_open("宠物狗走失寻找主人") == []
    assert desk.sources.similarity.similar_open("") == []


def test_the_same_visitor_is_a_reason(desk: Desk) -> None:
    mine = _register(desk, 7, summary="低保资格", appeal="申请低保未批准。", category="民政")
    with desk.db.reading() as session:
        person_id = session.scalar(select(Person.id).where(Person.id_number == id_number(seq=7)))
    found = desk.sources.similarity.similar_open("邻居噪声扰民", person_id=person_id)
    assert [m.matter_no for m in found] == [mine]
    assert found[0].reasons == ["同一来访人的未结事项"]


def test_registration_posts_each_word_once_and_reindexing_restores_a_lost_index(desk: Desk) -> None:
    first = _register(desk, 1, summary="锦绣华庭烂尾", appeal=ESTATE_TEXT)
    _register(desk, 2, summary="锦绣华庭烂尾", appeal=ESTATE_TEXT)
    with desk.db.reading() as session:
        counts = dict(session.execute(select(SimilarityTerm.term, SimilarityTerm.matters)).all())
        postings = session.scalar(select(func.count()).select_from(MatterTerm))
    assert counts["烂尾"] == 2 and counts["锦绣"] == 2
    assert postings == 2 * len([t for t, n in counts.items() if n == 2])
    with desk.db.writing() as session:  # a database from before revision 0005: matters without postings
        session.execute(delete(OpenMatterTerm))
        session.execute(delete(MatterTerm))
        session.execute(delete(SimilarityTerm))
    assert desk.sources.similarity.similar_open(ESTATE_TEXT) == []
    with desk.db.writing() as session:
        assert reindex_missing(session) == 2
    with desk.db.reading() as session:
        assert dict(session.execute(select(SimilarityTerm.term, SimilarityTerm.matters)).all()) == counts
    assert first in [m.matter_no for m in desk.sources.similarity.similar_open(ESTATE_TEXT)]
