"""The words of each notice: the legal basis, the body paragraphs, the closing lines.

Our own wording, written from the 《信访工作条例》 (2022) and the forms county bureaus use:
Arts 22–23 (register, then forward, assign or tell the visitor within 15 days), Art 28 (诉讼与信访分离),
Arts 32 and 34 (handle within 60 days, extend once by at most 30 days and tell the visitor why),
Art 35 (review within 30 days of the reply),
Art 36 (after re-review the same facts and reasons are not accepted again), Art 40 (督办 of late handling).
A refusal is a notice about acceptance, not a handling opinion, so it carries no route to review (复查).
"""

from __future__ import annotations

from app.documents.notices.data import (
    Acceptance,
    Assignment,
    Extension,
    NoticeData,
    Refusal,
    Reply,
    Supervision,
)
from app.documents.parts import cn_date

REG = "《信访工作条例》"
BASIS_NOTICE = f"{REG}第二十二条、第二十三条"
BASIS_HANDLING = f"{REG}第三十二条、第三十四条"
BASIS_EXTENSION = f"{REG}第三十四条"
BASIS_REVIEW = f"{REG}第三十五条"
BASIS_SEPARATION = f"{REG}第二十八条"
BASIS_FINAL = f"{REG}第三十六条"
BASIS_SUPERVISION = f"{REG}第四十条"

_CHANNEL_VERB = {
    "来访": "来访反映",
    "领导接访日": "在领导接访日来访反映",
    "来信": "来信反映",
    "网上信访": "通过网上信访反映",
    "领导信箱": "通过领导信箱反映",
    "电话": "来电反映",
}


def addressee(data: NoticeData) -> str:
    """The visitor line: up to three names, then 等N人 for a larger group."""
    total = max(data.headcount, len(data.visitors))
    shown = "、".join(data.visitors[:3])
    return shown if total <= 3 and total == len(data.visitors) else f"{shown}等{total}人"


def _you(data: NoticeData) -> str:
    return "你们" if max(data.headcount, len(data.visitors)) > 1 else "你"


def _matter(data: NoticeData) -> str:
    """你于2026年11月25日来访反映的"……"问题（信访事项编号：…）"""
    verb = _CHANNEL_VERB.get(data.channel, "反映")
    when = f"{_you(data)}于{cn_date(data.received)}"
    return f"{when}{verb}的“{data.summary}”问题（信访事项编号：{data.matter_no}）"


def acceptance_body(data: NoticeData, facts: Acceptance) -> list[str]:
    return [
        f"{_matter(data)}，本机关已收悉并登记。经审查，该事项属于本机关职权范围。根据{BASIS_NOTICE}"
        f"的规定，本机关决定自{cn_date(facts.accepted_on)}起予以受理。",
        f"依照{BASIS_HANDLING}的规定，本机关将自受理之日起60日内，即于{cn_date(facts.handling_due)}前"
        "办结，并向你出具书面处理意见；情况复杂需要延长办理期限的，将另行书面告知延期理由。",
        "办理期间，请保持联系方式畅通，如实提供与信访事项有关的情况和材料，依法有序反映诉求。"
        + _phone_line(data),
        "特此告知。",
    ]


# The fixed reasons of RULES.md §2 as a sentence about the matter; any other reason is printed as given.
_REASONS = {
    "属于诉讼/仲裁/行政复议途径": "属于已经或者依法应当通过诉讼、仲裁、行政复议等法定途径解决的事项",
    "不属于本机关职权范围": "不属于本机关职权范围",
    "应向人大/法院/检察院提出": "依法应当向人民代表大会常务委员会、人民法院或者人民检察院提出",
    "已经复核，同一事实和理由": "已经复核终结，现以同一事实和理由再次提出",
    "超过复查/复核申请期限": "已超过请求复查或者复核的期限",
}


def refusal_body(data: NoticeData, facts: Refusal) -> list[str]:
    reason = _REASONS.get(facts.reason, facts.reason).rstrip("。")
    paragraphs = [
        f"{_matter(data)}，本机关已收悉并登记。经审查，该事项{reason}。根据{BASIS_NOTICE}"
        "的规定，本机关对该事项不予受理。"
    ]
    if facts.final:
        paragraphs.append(
            f"依照{BASIS_FINAL}的规定，信访事项经复核后，信访人仍以同一事实和理由提出投诉请求的，"
            "信访部门和其他机关、单位不再受理。"
        )
    elif facts.litigation:
        paragraphs.append(
            f"按照诉讼与信访分离的要求（{BASIS_SEPARATION}），涉及民事、行政、刑事等诉讼权利救济的事项，"
            f"由有关政法部门依法处理。请你依法向{facts.route or '人民法院、仲裁机构或者行政复议机关'}提出，"
            "通过诉讼、仲裁、行政复议等法定途径主张权利。"
        )
    elif facts.route:
        paragraphs.append(f"请你向{facts.route}提出，由其依法处理。")
    paragraphs += [_phone_line(data), "特此告知。"]
    return [p for p in paragraphs if p]


def assignment_intro(facts: Assignment) -> str:
    if facts.how == "交办":
        return f"根据{REG}第二十二条的规定，现将下列信访事项交由你单位办理，请按要求办结并反馈结果。"
    return f"根据{REG}第二十二条的规定，现将下列信访事项转送你单位，请依法依规处理。"


def assignment_requirement(data: NoticeData, facts: Assignment) -> str:
    due = f"于{cn_date(facts.due)}前" if facts.due else "在规定期限内"
    text = (
        "请于收到本单之日起5个工作日内签收；认为不属于你单位职权范围的，请在5个工作日内说明理由"
        f"退回。请依照{BASIS_HANDLING}规定的期限办理，{due}办结，书面答复信访人，"
    )
    if facts.how == "交办":
        return text + "并请于期限届满前将办理结果（办结报告及答复意见书复印件）报送我局。"
    return text + "并将办理结果反馈我局。"


def extension_body(data: NoticeData, facts: Extension) -> list[str]:
    accepted = f"本机关已于{cn_date(facts.accepted_on)}受理" if facts.accepted_on else "本机关已依法受理"
    old = f"，原定于{cn_date(facts.old_due)}前办结" if facts.old_due else ""
    days = f"延长{facts.days}日，" if facts.days else "予以延长，"
    return [
        f"{_matter(data)}，{accepted}{old}。",
        f"因{facts.reason.rstrip('。')}，该事项难以在规定期限内办结。根据{BASIS_EXTENSION}的规定，"
        f"经本机关负责人批准，办理期限{days}至{cn_date(facts.new_due)}前办结，届时将向你出具书面处理意见。",
        "由此给你带来的不便，敬请谅解。" + _phone_line(data),
        "特此告知。",
    ]


def reply_body(data: NoticeData, facts: Reply) -> list[str]:
    accepted = (
        f"，本机关已于{cn_date(facts.accepted_on)}依法受理" if facts.accepted_on else "，本机关已依法受理"
    )
    paragraphs = [f"{_matter(data)}{accepted}。现答复如下："]
    paragraphs += [line.strip() for line in facts.text.splitlines() if line.strip()]
    if facts.outcomes:
        paragraphs.append(
            f"依照{BASIS_HANDLING}的规定，该事项已办理完毕，办理结果：{'、'.join(facts.outcomes)}。"
        )
    paragraphs.append(review_route(facts))
    return paragraphs


def review_route(facts: Reply) -> str:
    return (
        f"如对本答复意见不服，可以自收到本意见书之日起30日内向{facts.review_body}请求复查（{BASIS_REVIEW}）。"
    )


def supervision_requirement(facts: Supervision) -> str:
    return (
        f"请你单位高度重视，于{cn_date(facts.reply_by)}前办结，书面答复信访人，并将办理结果及"
        f"{'逾期原因' if facts.overdue_days else '办理进展'}书面报送我局。逾期仍未办结的，我局将依照"
        f"{BASIS_SUPERVISION}的规定提出改进工作的建议，必要时提请约谈、通报、挂牌督办。"
    )


def overdue_text(facts: Supervision) -> str:
    if facts.deadline is None:
        return "—"
    if facts.overdue_days > 0:
        return f"办理期限{cn_date(facts.deadline)}，已超期{facts.overdue_days}日"
    return f"办理期限{cn_date(facts.deadline)}，尚未办结"


def _phone_line(data: NoticeData) -> str:
    return f"如有疑问，请拨打{data.window_phone}咨询。" if data.window_phone else ""
