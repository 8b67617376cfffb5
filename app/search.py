"""Search for matters the way the window's search box is used: one text, read as whatever it can be.

Ranked: the exact query code or matter number first, then numbers that contain the text, then people (an ID
number whole, its last digits or masked as on a slip; a phone; a name, whole then as a surname), then words
of the summary or appeal. Within each rank the newest matter comes first. Every rank is answered by an
index (db/search_index.py hides which one, per backend), so a 2-character name is as quick as a long
phrase. One character searches numbers and names only: as words it would match nearly every matter.
"""

from __future__ import annotations

import re

from app.errors import ValidationError
from app.matters import summaries_from_rows
from app.records import MatterSummary
from app.rules.idnumber import normalise_id_number
from db.engine import Database
from db.queries import names_of_matters, summaries_of
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
        # prepared statements on the driver's cursor, not a Session: the search box asks as the clerk
        # types, and a Session's per-statement work cost 20-40x these small indexed queries
        with self._db.reader() as reader:
            ids: dict[int, None] = {}  # an ordered set: a matter keeps its best rank
            for kind, value in search_steps(key):
                ids.update(dict.fromkeys(find(reader, kind, value, limit)))
                if len(ids) >= limit:
                    break
            ranked = list(ids)[:limit]
            if not ranked:
                return []
            return summaries_from_rows(summaries_of(reader, ranked), names_of_matters(reader, ranked))
