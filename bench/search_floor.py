"""Search benchmarks: the service against the best bare queries giving the same answer, and against LIKE.

The service answers a text in ranks (numbers, then names whole, then names as a prefix, then words), each
newest first, until it has 100 matters. The floor asks only the questions that can match this text, each
through its index, in the same order, and reads the same summaries; bench checks both list the same
matters in the same order.

The LIKE baseline is the naive search a programmer writes without an index: one statement that tests every
matter with `=`/`LIKE` for each rank and sorts by rank, then date. It gives the service's answer (checked,
as the floor is), so it must look at every matter: with the ranks, a LIMIT cannot end the scan early. (The
earlier baseline, "any of name/summary/appeal LIKE '%…%', newest first, LIMIT 100", did not rank, so it
gave another answer, and stopped after the first 100 hits on the date index: a few thousand rows for a
common name or a templated phrase, which made it look quick.)

The queries are what a clerk types (`_queries`): the 2-character name of a person on a matter, and a
4-character phrase of that matter's appeal — not the commonest name, which only a stress test would pick.
The matter is the one in the middle of the id range, so both databases pick the same way.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from functools import partial
from typing import Any

from app.desk import Desk
from app.search import SearchService
from bench.timing import median_ms, row

LIMIT = 100
SUMMARIES = (
    "SELECT m.id, m.matter_no, m.status, m.received_at, m.summary, coalesce(k.name, ''),"
    " coalesce(t.name, ''), c.name, m.notice_deadline,"
    " (SELECT count(*) FROM visits v WHERE v.matter_id = m.id),"
    " coalesce((SELECT max(visited_at) FROM visits v WHERE v.matter_id = m.id), m.received_at)"
    " FROM matters m JOIN clerks c ON c.id = m.first_clerk_id LEFT JOIN categories k ON k.id = m.category_id"
    " LEFT JOIN townships t ON t.id = m.township_id WHERE m.id IN ({ids})"
)
PERSONS = (
    "SELECT mp.matter_id, p.name FROM matter_persons mp JOIN persons p ON p.id = mp.person_id"
    " WHERE mp.matter_id IN ({ids}) ORDER BY mp.matter_id, p.id"
)
_NEWEST = " ORDER BY m.received_at DESC, m.id DESC LIMIT 100"
NAME = (
    "SELECT m.id FROM matters m WHERE m.id IN (SELECT mp.matter_id FROM persons p"
    " JOIN matter_persons mp ON mp.person_id = p.id WHERE p.name = ?)" + _NEWEST
)
NAME_PREFIX = (
    "SELECT m.id FROM matters m WHERE m.id IN (SELECT mp.matter_id FROM persons p"
    " JOIN matter_persons mp ON mp.person_id = p.id WHERE p.name >= ? AND p.name < ? || char(1114111))"
    + _NEWEST
)
WORDS_2 = (  # bigrams for two characters (trigrams cannot answer them)
    "SELECT m.id FROM matters m WHERE m.id IN (SELECT rowid FROM search_matter_bigram"
    " WHERE search_matter_bigram MATCH ?) AND (m.summary LIKE ? OR m.appeal LIKE ?)" + _NEWEST
)
WORDS_3 = (  # trigrams for three and more
    "SELECT m.id FROM matters m WHERE m.id IN (SELECT rowid FROM search_matter_text"
    " WHERE search_matter_text MATCH ?)" + _NEWEST
)
_NAMES_RANK = (  # a matter's persons, read by its own id (no name index: the naive scan tests each)
    "(SELECT min(CASE WHEN p.name = :text THEN 2 WHEN p.name LIKE :start ESCAPE '\\' THEN 3 END)"
    " FROM matter_persons mp JOIN persons p ON p.id = mp.person_id WHERE mp.matter_id = m.id)"
)
LIKE = (  # the service's ranks for a text of letters, each by `=` or LIKE on every matter (no index)
    "SELECT id FROM (SELECT m.id, m.received_at, CASE"
    " WHEN m.matter_no = :text THEN 0"
    " WHEN length(:text) > 1 AND m.matter_no LIKE :inside ESCAPE '\\' THEN 1"
    f" ELSE coalesce({_NAMES_RANK}, CASE WHEN length(:text) > 1"
    " AND (m.summary LIKE :inside ESCAPE '\\' OR m.appeal LIKE :inside ESCAPE '\\') THEN 4 END)"
    " END AS rank FROM matters m) WHERE rank IS NOT NULL ORDER BY rank, received_at DESC, id DESC LIMIT 100"
)


def _like_params(text: str) -> dict[str, str]:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return {"text": text, "inside": f"%{escaped}%", "start": f"{escaped}%"}


def _steps(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """The bare questions that can match a text of letters (no digits): names, then words."""
    words = (WORDS_2, (f'"{text}"', f"%{text}%", f"%{text}%")) if len(text) == 2 else None
    return [
        (NAME, (text,)),
        (NAME_PREFIX, (text, text)),
        words or (WORDS_3, ('{summary appeal} : "' + text + '"',)),
    ]


def bare_search(con: sqlite3.Connection, steps: list[tuple[str, Any]]) -> list[str]:
    """The ranked matter numbers, reading their summaries and persons as the service does."""
    ids: dict[int, None] = {}
    for sql, params in steps:
        ids.update(dict.fromkeys(r[0] for r in con.execute(sql, params)))
        if len(ids) >= LIMIT:
            break
    listed = ",".join(map(str, list(ids)[:LIMIT])) or "0"
    found = {r[0]: r[1] for r in con.execute(SUMMARIES.format(ids=listed))}
    con.execute(PERSONS.format(ids=listed)).fetchall()
    return [found[i] for i in list(ids)[:LIMIT] if i in found]


def _queries(con: sqlite3.Connection) -> dict[str, str]:
    """What a clerk types: the 2-character name of a person on a matter, and the first 4 characters of a
    clause of that matter's appeal (the clause starting nearest the middle whose 4 first are letters: a
    phrase as remembered, not a cut across words). The matter: the first from the middle of the id range
    with a person of a 2-character name."""
    name, appeal = con.execute(
        "SELECT p.name, m.appeal FROM matters m JOIN matter_persons mp ON mp.matter_id = m.id"
        " JOIN persons p ON p.id = mp.person_id"
        " WHERE m.id >= (SELECT (min(id) + max(id)) / 2 FROM matters) AND length(p.name) = 2"
        " ORDER BY m.id, p.id LIMIT 1"
    ).fetchone()
    clauses = [0] + [i + 1 for i, ch in enumerate(appeal) if not _letter(ch) and not ch.isdigit()]
    starts = sorted(clauses, key=lambda i: abs(2 * i - len(appeal)))
    phrase = next(
        appeal[i : i + 4]
        for i in starts
        if len(appeal[i : i + 4]) == 4 and all(map(_letter, appeal[i : i + 4]))
    )
    return {"search_name_2": name, "search_phrase_4": phrase}


def _letter(ch: str) -> bool:
    return unicodedata.category(ch).startswith("L")


def search(desk: Desk, con: sqlite3.Connection, runs: int) -> dict[str, Any]:
    service = SearchService(desk.db)
    out = {}
    for key, text in _queries(con).items():
        steps = _steps(text)
        ours_found = [m.matter_no for m in service.search(text)]
        if ours_found != bare_search(con, steps):
            raise AssertionError(f"the floor of {key} does not find what the service finds")
        naive = [(LIKE, _like_params(text))]
        if ours_found != bare_search(con, naive):
            raise AssertionError(f"the LIKE baseline of {key} does not find what the service finds")
        ours = median_ms(partial(service.search, text), runs)
        best = median_ms(partial(bare_search, con, steps), runs)
        like = median_ms(partial(bare_search, con, naive), max(runs // 2, 1), warmup=0)  # warmed: checked
        out[key] = row(
            ours,
            best,
            3.0,
            query=text,
            found=len(ours_found),
            like=like,
            faster_than_like=round(like / ours, 1),
        )
        out[key]["pass"] = out[key]["pass"] and like / ours >= 50
    return out
