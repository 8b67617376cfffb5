"""What a slip prints, read in one read transaction: the matter, its latest visit, and whether it was printed.

The slip needs a dozen fields of three rows; the matter's whole detail (every visit, event, department and
person as ORM objects) is what the matter view needs and costs several times more to read.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.documents.slip import SlipData, SlipPerson
from app.errors import NotFoundError
from app.rules.idnumber import mask_id_number
from app.settings import AgencySettings
from db.models import Category, Clerk, Material, Matter, Person, PrintedDocument, Township, Visit, VisitPerson

SLIP = "登记回执"  # the printed_documents kind of a slip
APPEAL_EXCERPT = 120


def appeal_excerpt(appeal: str) -> str:
    return appeal if len(appeal) <= APPEAL_EXCERPT else appeal[:APPEAL_EXCERPT] + "…"


def slip_source(session: Session, matter_no: str, settings: AgencySettings, printed_at: datetime) -> SlipData:
    """The slip of ``matter_no`` acknowledging its latest visit; 补打 if a slip of it was printed before."""
    printed = (
        select(func.count(PrintedDocument.id))
        .where(PrintedDocument.matter_id == Matter.id, PrintedDocument.kind == SLIP)
        .scalar_subquery()
    )
    matter = session.execute(
        select(
            Matter.id,
            Matter.matter_no,
            Matter.query_code,
            Matter.summary,
            Matter.appeal,
            Matter.notice_deadline,
            func.coalesce(Category.name, "").label("category"),
            func.coalesce(Township.name, "").label("township"),
            printed.label("printed"),
        )
        .outerjoin(Category, Category.id == Matter.category_id)
        .outerjoin(Township, Township.id == Matter.township_id)
        .where(Matter.matter_no == matter_no)
    ).one_or_none()
    if matter is None:
        raise NotFoundError(f"没有编号为 {matter_no} 的信访事项")
    visit = session.execute(
        select(Visit.id, Visit.visited_at, Visit.channel, Visit.headcount, Visit.is_group, Clerk.name)
        .join(Clerk, Clerk.id == Visit.clerk_id)
        .where(Visit.matter_id == matter.id)
        .order_by(Visit.visited_at.desc(), Visit.id.desc())
        .limit(1)
    ).one()
    persons = session.execute(
        select(VisitPerson.name, Person.name, Person.id_number, VisitPerson.representative)
        .join(Person, Person.id == VisitPerson.person_id)
        .where(VisitPerson.visit_id == visit.id)
        .order_by(VisitPerson.person_id)
    ).all()
    materials = session.execute(
        select(Material.name, Material.pages).where(Material.visit_id == visit.id).order_by(Material.id)
    ).all()
    return SlipData(
        agency_name=settings.agency_name,
        matter_no=matter.matter_no,
        query_code=matter.query_code,
        visited_at=visit.visited_at,
        channel=visit.channel,
        headcount=visit.headcount,
        is_group=visit.is_group,
        persons=[
            SlipPerson(given or name, mask_id_number(id_number) if id_number else "", representative)
            for given, name, id_number, representative in persons
        ],
        category=matter.category,
        township=matter.township,
        summary=matter.summary,
        appeal_excerpt=appeal_excerpt(matter.appeal),
        materials=[(name, pages) for name, pages in materials],
        notice_deadline=matter.notice_deadline,
        clerk=visit.name,
        window_phone=settings.window_phone,
        printed_at=printed_at,
        reprint=matter.printed > 0,
    )
