"""SQLAlchemy 2 typed models, one module per part of the domain; import them from here.

Glossary of the domain words kept in Chinese in comments:
- Person: a visitor (来访人). Visit: one visit event (一批次, with a headcount of 人次).
- Matter: a petition matter (信访事项), the thing that is followed until closed.
- MatterEvent: one dated, signed step on a matter's timeline.
- Counter: the yearly sequence a matter number is taken from (never max+1).
"""

from db.models.accounts import Account, AuditEntry, AuditHead
from db.models.base import NAMING, Base
from db.models.calendar import DeadlineRuleRow, Holiday, HolidayYear
from db.models.matters import Counter, Matter, MatterDepartment, MatterEvent, MatterPerson, PrintedDocument
from db.models.people import Person
from db.models.reference import Category, Clerk, Department, Setting, Township
from db.models.sources import (
    Campaign,
    CampaignTarget,
    Entity,
    EntityAlias,
    MatterEntity,
    MatterGroup,
    MatterGroupMember,
    MatterTerm,
    OpenMatterTerm,
    SimilarityTerm,
    SourceThreshold,
)
from db.models.visits import Material, Visit, VisitPerson
from db.models.workflow import (
    Assignment,
    Deadline,
    Leader,
    MatterLeader,
    Rating,
    ReceptionDay,
    Supervision,
    UpperAssignment,
)

__all__ = [
    "Account",
    "AuditEntry",
    "AuditHead",
    "Campaign",
    "CampaignTarget",
    "Entity",
    "EntityAlias",
    "MatterEntity",
    "MatterGroup",
    "MatterGroupMember",
    "MatterTerm",
    "OpenMatterTerm",
    "SimilarityTerm",
    "SourceThreshold",
    "Assignment",
    "Deadline",
    "DeadlineRuleRow",
    "Holiday",
    "HolidayYear",
    "Leader",
    "MatterLeader",
    "Rating",
    "ReceptionDay",
    "Supervision",
    "UpperAssignment",
    "NAMING",
    "Base",
    "Category",
    "Clerk",
    "Counter",
    "Department",
    "Material",
    "Matter",
    "MatterDepartment",
    "MatterEvent",
    "MatterPerson",
    "Person",
    "PrintedDocument",
    "Setting",
    "Township",
    "Visit",
    "VisitPerson",
]
