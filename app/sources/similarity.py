"""SimilarityService: open matters that look like the one being typed, each with why it matched.

The score adds explainable parts, each with its reason:
- the same entity (被反映对象) or the same visitor: strong evidence, 3 points each;
- similar words: the shared terms' inverse document frequency over the query's, up to 2 points
  (jieba terms; words in more than a fifth of all matters say nothing and are skipped);
- the same township and category: 1 point (either alone: 0.3).
Only the rarest query terms are looked up, so the cost is bounded by their postings, not by the size
of the database: this is what keeps it at intake speed on a million visits.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from app.rules.vocabulary import OPEN_STATUSES
from app.sources.entities import resolve_id
from app.sources.records import SimilarMatch
from app.sources.term_index import indexed_matters
from app.sources.text import terms
from db.engine import Database
from db.models import (
    Category,
    Entity,
    Matter,
    MatterEntity,
    MatterGroupMember,
    MatterPerson,
    OpenMatterTerm,
    SimilarityTerm,
    Township,
)

ENTITY_POINTS = 3.0
PERSON_POINTS = 3.0
TEXT_POINTS = 2.0
PLACE_POINTS = 1.0
HALF_PLACE_POINTS = 0.3
MIN_SCORE = 0.8  # below this a match is noise: a couple of common words
COMMON_SHARE = 0.2  # terms in more of the matters than this are skipped…
COMMON_FLOOR = 50  # … unless there are only a few of them (a new database)
QUERY_TERMS = 12  # the rarest terms of the query that are looked up
REASON_WORDS = 5
TEXT_CANDIDATES = 300  # matters ranked by their words that are read back and scored in full


@dataclass
class _Candidate:
    entity_names: list[str] = field(default_factory=list)
    same_person: bool = False
    shared: list[tuple[float, str]] = field(default_factory=list)  # (weight, term)
    text_weight: float = 0.0


class SimilarityService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def similar_open(
        self,
        text: str,
        township: str | None = None,
        category: str | None = None,
        entity_ids: Sequence[int] = (),
        person_id: int | None = None,
        limit: int = 10,
    ) -> list[SimilarMatch]:
        """Open matters ranked by similarity to ``text`` (概况 and 诉求), best first, with reasons."""
        with self._db.reading() as session:
            candidates: dict[int, _Candidate] = defaultdict(_Candidate)
            _by_entities(session, [resolve_id(session, e) for e in entity_ids], candidates)
            if person_id is not None:
                for matter_id in _open_matters_of_person(session, person_id):
                    candidates[matter_id].same_person = True
            total = _by_terms(session, terms(text or ""), candidates)
            return _ranked(session, candidates, total, township or "", category or "", limit)


def _by_entities(session: Session, entity_ids: list[int], out: dict[int, _Candidate]) -> None:
    if not entity_ids:
        return
    rows = session.execute(
        select(MatterEntity.matter_id, Entity.name)
        .join(Entity, Entity.id == MatterEntity.entity_id)
        .join(Matter, Matter.id == MatterEntity.matter_id)
        .where(MatterEntity.entity_id.in_(entity_ids), Matter.status.in_(OPEN_STATUSES))
    ).all()
    for matter_id, name in rows:
        out[matter_id].entity_names.append(name)


def _open_matters_of_person(session: Session, person_id: int) -> list[int]:
    return list(
        session.scalars(
            select(MatterPerson.matter_id)
            .join(Matter, Matter.id == MatterPerson.matter_id)
            .where(MatterPerson.person_id == person_id, Matter.status.in_(OPEN_STATUSES))
        )
    )


def _by_terms(session: Session, words: list[str], out: dict[int, _Candidate]) -> float:
    """Add the shared terms to the candidates; returns the query's total weight."""
    if not words:
        return 0.0
    n = max(indexed_matters(session), 1)
    rows = session.execute(
        select(SimilarityTerm.id, SimilarityTerm.term, SimilarityTerm.matters).where(
            SimilarityTerm.term.in_(words)
        )
    ).all()
    weights = {term: _idf(n, 0) for term in words}  # a word no matter has: rare, counts for the total
    useful = []
    for term_id, term, df in rows:
        weights[term] = _idf(n, df)
        if 0 < df <= max(COMMON_SHARE * n, COMMON_FLOOR):
            useful.append((df, term_id, term))
    useful.sort()
    chosen = {term_id: term for _, term_id, term in useful[:QUERY_TERMS]}
    if chosen:
        for matter_id, term_id in _postings(session, chosen, {i: weights[t] for i, t in chosen.items()}):
            term = chosen[term_id]
            out[matter_id].shared.append((weights[term], term))
            out[matter_id].text_weight += weights[term]
    looked_up = sorted(weights.values(), reverse=True)[: max(len(chosen), 1)]
    return sum(looked_up)


def _postings(session: Session, chosen: dict[int, str], weight: dict[int, float]) -> list[tuple[int, int]]:
    """The postings of the best-matching open matters (at most TEXT_CANDIDATES of them).

    Only the open matters' postings are read (``open_matter_terms``), and the database ranks them — the
    weights go in as a CASE — so only the best few hundred matters come back to Python.
    """
    score = func.sum(case(weight, value=OpenMatterTerm.term_id, else_=0.0))
    best = (
        select(OpenMatterTerm.matter_id)
        .where(OpenMatterTerm.term_id.in_(chosen))
        .group_by(OpenMatterTerm.matter_id)
        .order_by(score.desc(), OpenMatterTerm.matter_id.desc())
        .limit(TEXT_CANDIDATES)
    )
    connection = session.connection()  # Core rows: lighter than the ORM's
    ids = list(connection.scalars(best))
    if not ids:
        return []
    rows = connection.execute(
        select(OpenMatterTerm.matter_id, OpenMatterTerm.term_id).where(
            OpenMatterTerm.matter_id.in_(ids), OpenMatterTerm.term_id.in_(chosen)
        )
    )
    return [(m, t) for m, t in rows]


def _idf(n: int, df: int) -> float:
    return math.log((n + 1) / (df + 1)) + 1.0


def _ranked(
    session: Session,
    candidates: dict[int, _Candidate],
    total: float,
    township: str,
    category: str,
    limit: int,
) -> list[SimilarMatch]:
    if not candidates:
        return []
    rows = session.execute(
        select(
            Matter.id,
            Matter.matter_no,
            Matter.summary,
            Township.name,
            Category.name,
            Matter.status,
            Matter.received_at,
            MatterGroupMember.group_id,
        )
        .outerjoin(Township, Township.id == Matter.township_id)
        .outerjoin(Category, Category.id == Matter.category_id)
        .outerjoin(MatterGroupMember, MatterGroupMember.matter_id == Matter.id)
        .where(
            Matter.id.in_(_best_ids(candidates, total)), Matter.status.in_(OPEN_STATUSES)
        )  # never a closed one
    ).all()
    matches = []
    for mid, no, summary, town, cat, status, received, group in rows:
        score, reasons = _score(candidates[mid], total, town or "", cat or "", township, category)
        if score >= MIN_SCORE:
            matches.append(
                SimilarMatch(
                    no, summary, town or "", cat or "", status, received, round(score, 3), reasons, group
                )
            )
    matches.sort(key=lambda m: (-m.score, -m.received_at.timestamp()))
    return matches[:limit]


def _best_ids(candidates: dict[int, _Candidate], total: float, keep: int = 400) -> list[int]:
    """The candidates worth reading from the database: the best by everything but the place."""

    def rough(c: _Candidate) -> float:
        text = TEXT_POINTS * c.text_weight / total if total else 0.0
        return ENTITY_POINTS * bool(c.entity_names) + PERSON_POINTS * c.same_person + text

    return sorted(candidates, key=lambda mid: -rough(candidates[mid]))[:keep]


def _score(
    c: _Candidate, total: float, town: str, cat: str, township: str, category: str
) -> tuple[float, list[str]]:
    score, reasons = 0.0, []
    if c.entity_names:
        score += ENTITY_POINTS
        reasons.append("同一被反映对象：" + "、".join(dict.fromkeys(c.entity_names)))
    if c.same_person:
        score += PERSON_POINTS
        reasons.append("同一来访人的未结事项")
    if c.shared and total:
        score += TEXT_POINTS * min(c.text_weight / total, 1.0)
        words = [term for _, term in sorted(c.shared, reverse=True)[:REASON_WORDS]]
        reasons.append("诉求相近：" + "、".join(words))
    same_town, same_cat = bool(township) and town == township, bool(category) and cat == category
    if same_town and same_cat:
        score += PLACE_POINTS
        reasons.append("同乡镇同类别")
    elif same_town or same_cat:
        score += HALF_PLACE_POINTS
        reasons.append("同乡镇" if same_town else "同类别")
    return score, reasons
