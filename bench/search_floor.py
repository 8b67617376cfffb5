"""Search benchmarks: the service against the best bare queries giving the same answer, and against LIKE.

The service answers a text in ranks (numbers, then names whole, then names as a prefix, then words), each
newest first, until it has 100 matters. The floor asks only the questions that can match this text, each
through its index, in the same order, and reads the same summaries; bench checks both list the same
matters in the same order. The LIKE baseline is the naive one-statement search: any person's name, the
summary or the appeal containing the text, newest first.
"""

from __future__ import annotations

import sqlite3
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
LIKE = (
    "SELECT m.id FROM matters m WHERE m.summary LIKE ? OR m.appeal LIKE ? OR EXISTS (SELECT 1"
    " FROM matter_persons mp JOIN persons p ON p.id = mp.person_id WHERE mp.matter_id = m.id"
    " AND p.name LIKE ?)" + _NEWEST
)


def _steps(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """The bare questions that can match a text of letters (no digits): names, then words."""
    words = (WORDS_2, (f'"{text}"', f"%{text}%", f"%{text}%")) if len(text) == 2 else None
    return [
        (NAME, (text,)),
        (NAME_PREFIX, (text, text)),
        words or (WORDS_3, ('{summary appeal} : "' + text + '"',)),
    ]


def bare_search(con: sqlite3.Connection, steps: list[tuple[str, tuple[str, ...]]]) -> list[str]:
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


def search(desk: Desk, con: sqlite3.Connection, runs: int) -> dict[str, Any]:
    service = SearchService(desk.db)
    name = con.execute(
        "SELECT name FROM persons WHERE length(name) = 2 GROUP BY name ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    summary = con.execute("SELECT summary FROM matters ORDER BY id LIMIT 1 OFFSET 100").fetchone()[0]
    out = {}
    for key, text in (("search_name_2", name), ("search_phrase_4", summary[2:6])):
        steps = _steps(text)
        ours_found = [m.matter_no for m in service.search(text)]
        if ours_found != bare_search(con, steps):
            raise AssertionError(f"the floor of {key} does not find what the service finds")
        ours = median_ms(partial(service.search, text), runs)
        best = median_ms(partial(bare_search, con, steps), runs)
        like = median_ms(partial(bare_search, con, [(LIKE, (f"%{text}%",) * 3)]), max(runs // 2, 1))
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
