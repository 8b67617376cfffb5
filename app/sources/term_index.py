"""The similarity index: each matter's terms as postings (term → matter), with each term's matter count.

Written in the registering transaction, so a matter is findable the moment it has a number. The open
matters' postings are kept apart as well (``open_matter_terms``), which is all intake searches: a case
step that closes a matter removes them (``sync_open``). Dialect neutral: plain selects, inserts, updates.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from app.rules.vocabulary import OPEN_STATUSES
from app.sources.text import terms
from db.models import Matter, MatterTerm, OpenMatterTerm, SimilarityTerm


def term_ids(session: Session, words: Iterable[str], create: bool) -> dict[str, int]:
    """The ids of ``words``; with ``create``, new words get a row (matter count 0)."""
    wanted = list(dict.fromkeys(words))
    if not wanted:
        return {}
    found = dict(
        session.execute(
            select(SimilarityTerm.term, SimilarityTerm.id).where(SimilarityTerm.term.in_(wanted))
        ).all()
    )
    if create:
        missing = [SimilarityTerm(term=w, matters=0) for w in wanted if w not in found]
        if missing:
            session.add_all(missing)
            session.flush()
            found.update({row.term: row.id for row in missing})
    return found


def index_matter(
    session: Session, matter_id: int, summary: str, appeal: str, is_open: bool = True, fresh: bool = False
) -> int:
    """Post the terms of one matter (idempotent: terms already posted are skipped); returns how many.

    ``fresh``: the matter was created in this transaction, so it has no postings to look up."""
    ids = term_ids(session, terms(f"{summary}\n{appeal}"), create=True)
    posted: set[int] = set()
    if not fresh:
        posted = set(session.scalars(select(MatterTerm.term_id).where(MatterTerm.matter_id == matter_id)))
    new = [i for i in ids.values() if i not in posted]
    if not new:
        return 0
    # postings are derived from the matter's own (audited) text: one statement per table, audited as one
    # bulk entry each, as sync_open writes them, rather than an ORM object and an entry per posting
    rows = [{"term_id": i, "matter_id": matter_id} for i in new]
    session.execute(insert(MatterTerm), rows)
    if is_open:
        session.execute(insert(OpenMatterTerm), rows)
    session.execute(
        update(SimilarityTerm).where(SimilarityTerm.id.in_(new)).values(matters=SimilarityTerm.matters + 1)
    )
    return len(new)


def sync_open(session: Session, matter_id: int, was_open: bool, is_open: bool) -> None:
    """Keep a matter's open postings in step with its status: removed when it closes, back if it reopens."""
    if was_open == is_open:
        return
    terms_of = select(MatterTerm.term_id).where(MatterTerm.matter_id == matter_id)
    if is_open:
        rows = [{"term_id": t, "matter_id": matter_id} for t in session.scalars(terms_of)]
        if rows:
            session.execute(insert(OpenMatterTerm), rows)
    else:
        session.execute(
            delete(OpenMatterTerm).where(
                OpenMatterTerm.matter_id == matter_id, OpenMatterTerm.term_id.in_(terms_of)
            )
        )


def reindex_missing(session: Session, batch: int = 2000) -> int:
    """Index every matter that has no postings yet (matters registered before the index existed)."""
    done, after = 0, 0
    while True:
        rows = session.execute(
            select(Matter.id, Matter.summary, Matter.appeal, Matter.status)
            .where(
                Matter.id > after,
                ~select(MatterTerm.matter_id).where(MatterTerm.matter_id == Matter.id).exists(),
            )
            .order_by(Matter.id)
            .limit(batch)
        ).all()
        done += sum(1 for mid, s, a, st in rows if index_matter(session, mid, s, a, st in OPEN_STATUSES))
        if len(rows) < batch:
            return done
        after = rows[-1][0]


def indexed_matters(session: Session) -> int:
    """How many matters the index holds (the N of the inverse document frequency)."""
    return int(session.scalar(select(func.max(Matter.id))) or 0)


class BulkTermIndex:
    """The same postings for the bulk demo, written with Core inserts batch by batch; the terms' matter
    counts are recounted once at the end (one pass over the postings, by term)."""

    def __init__(self) -> None:
        self._ids: dict[str, int] | None = None
        self._next = 1
        # generated texts repeat (1M visits carry ~120,000 distinct appeals): segment each text once
        self._segmented: dict[str, tuple[int, ...]] = {}

    def add(self, session: Session, matters: Iterable[tuple[int, str, str, str]]) -> None:
        """(id, summary, appeal, status) of new matters, already written."""
        if self._ids is None:
            self._ids = dict(session.execute(select(SimilarityTerm.term, SimilarityTerm.id)).all())
            self._next = max(self._ids.values(), default=0) + 1
        new_terms: list[dict[str, object]] = []
        postings: list[dict[str, int]] = []
        open_postings: list[dict[str, int]] = []
        for matter_id, summary, appeal, status in matters:
            mine = open_postings if status in OPEN_STATUSES else []
            for term_id in self._term_ids(f"{summary}\n{appeal}", new_terms):
                postings.append({"term_id": term_id, "matter_id": matter_id})
                mine.append({"term_id": term_id, "matter_id": matter_id})
        if new_terms:
            session.execute(insert(SimilarityTerm), new_terms)
        if postings:
            session.execute(insert(MatterTerm), postings)
        if open_postings:
            session.execute(insert(OpenMatterTerm), open_postings)

    def _term_ids(self, text: str, new_terms: list[dict[str, object]]) -> tuple[int, ...]:
        """The ids of the text's terms, numbering (and collecting) the terms not seen before."""
        known = self._segmented.get(text)
        if known is not None:
            return known
        assert self._ids is not None
        ids = []
        for word in terms(text):
            term_id = self._ids.get(word)
            if term_id is None:
                term_id = self._ids[word] = self._next
                self._next += 1
                new_terms.append({"id": term_id, "term": word, "matters": 0})
            ids.append(term_id)
        self._segmented[text] = found = tuple(ids)
        return found

    def finish(self, session: Session) -> None:
        counted = (
            select(func.count())
            .where(MatterTerm.term_id == SimilarityTerm.id)
            .correlate(SimilarityTerm)
            .scalar_subquery()
        )
        session.execute(update(SimilarityTerm).values(matters=counted))
