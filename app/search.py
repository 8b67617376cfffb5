"""Search for matters the way the window's search box is used: one text, read as whatever it can be.

Ranked: the exact query code or matter number first, then numbers that contain the text, then people (an ID
number whole, its last digits or masked as on a slip; a phone; a name, whole then as a surname), then words
of the summary or appeal. Within each rank the newest matter comes first. Every rank is answered by an
index (db/search_index.py hides which one, per backend), so a 2-character name is as quick as a long
phrase. One character searches numbers and names only: as words it would match nearly every matter.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import aliased

from app.errors import ValidationError
from app.matters import matter_summaries
from app.records import MatterSummary
from app.rules.idnumber import normalise_id_number
from db.engine import Database
from db.models import Category, Clerk, Matter, Township, Visit
from db.search_index import Kind, find

Step = tuple[Kind, str]

DIGITS = re.compile(r"^[0-9Xx]{4,18}$")
MASKED_ID = re.compile(r"^(\d{6})\*+(\d{3}[\dXx])$")  # copied from a slip: 110105********002X
QUERY_CODE = re.compile(r"^[2-9A-HJ-NP-Z]{8}$")


def search_steps(key: str) -> list[Step]:
    """The questions one search text asks, in rank order."""
    steps: list[Step] = [(Kind.NUMBER, key), (Kind.NUMBER_PART, key)]
    if QUERY_CODE.match(key.upper()):
        steps.insert(0, (Kind.QUERY_CODE, key.upper()))
    masked = MASKED_ID.match(key)
    if masked:
        steps.append((Kind.ID_MASKED, masked[1] + masked[2].upper()))
    if DIGITS.match(key):
        digits = key.upper()
        steps += [
            (Kind.ID_NUMBER, _full_id_number(digits)),
            (Kind.ID_SUFFIX, digits),
            (Kind.PHONE_PART, digits),
        ]
    else:
        steps += [(Kind.NAME, key), (Kind.NAME_PREFIX, key)]
    steps.append((Kind.WORDS, key))
    return steps


def _full_id_number(digits: str) -> str:
    """A 15-digit legacy number is searched as the 18-digit number it became."""
    if len(digits) == 15 and digits.isdigit():
        try:
            return normalise_id_number(digits)
        except ValidationError:
            return digits
    return digits


class SearchService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def search(self, text: str, limit: int = 100) -> list[MatterSummary]:
        key = text.strip()
        if not key or limit < 1:
            return []
        with self._db.reading() as session:
            ids: dict[int, None] = {}  # an ordered set: a matter keeps its best rank
            for kind, value in search_steps(key):
                ids.update(dict.fromkeys(find(session, kind, value, limit)))
                if len(ids) >= limit:
                    break
            ranked = list(ids)[:limit]
            if not ranked:
                return []
            by_id = {row.id: row for row in session.execute(summary_rows(ranked))}
            return matter_summaries(session, [by_id[i] for i in ranked if i in by_id])


def summary_rows(ids: list[int]) -> Select[*tuple[Any, ...]]:
    """`matter_summary_select` for these matters only.

    That select counts the visits of every matter before it joins (0.6 s on a million visits, whatever
    the WHERE); here the count is restricted to the matters found, which makes it a few milliseconds.
    """
    visits = (
        select(
            Visit.matter_id.label("matter_id"),
            func.count(Visit.id).label("visit_count"),
            func.max(Visit.visited_at).label("last_visit_at"),
        )
        .where(Visit.matter_id.in_(ids))
        .group_by(Visit.matter_id)
        .subquery()
    )
    first_clerk = aliased(Clerk)
    return (
        select(
            Matter.id,
            Matter.matter_no,
            Matter.status,
            Matter.received_at,
            Matter.summary,
            func.coalesce(Category.name, "").label("category"),
            func.coalesce(Township.name, "").label("township"),
            first_clerk.name.label("first_clerk"),
            Matter.notice_deadline,
            func.coalesce(visits.c.visit_count, 0).label("visit_count"),
            func.coalesce(visits.c.last_visit_at, Matter.received_at).label("last_visit_at"),
        )
        .join(first_clerk, Matter.first_clerk_id == first_clerk.id)
        .outerjoin(Category, Matter.category_id == Category.id)
        .outerjoin(Township, Matter.township_id == Township.id)
        .outerjoin(visits, visits.c.matter_id == Matter.id)
        .where(Matter.id.in_(ids))
    )
