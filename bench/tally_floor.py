"""The weekly tally's floor: hand-written SQL giving the same figures as TallyService.week (RULES.md §6).

The same figures means every population the service counts, not only the visits: per township the visit
pairs (by group, repeat, level-skipping, top category, online), the matters whose first acceptance or first
closing falls in the week (and whether on time), those overdue at the week's end, the ratings; the same for
环比 and 同比, and the 12-week trend. Each query is the best hand-written form on this schema (led by the
period's rows through an index); bench checks the totals against the service's before timing anything.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from datetime import date, datetime, timedelta

from app.deadline_book import WINDOWS
from app.rules.vocabulary import ONLINE_CHANNELS
from app.tally.definitions import ACCEPTANCE_KINDS, CLOSING_KINDS, NOT_RATED, SATISFIED

TREND_WEEKS = 12
_AT = "%Y-%m-%d %H:%M:%S.%f"  # how the DATETIME columns are stored


def _marks(values: tuple[str, ...] | frozenset[str]) -> str:
    return ",".join("'" + v + "'" for v in sorted(values))


VISITS = f"""
SELECT m.township_id, coalesce(c.parent_id, c.id), v.is_group, v.is_repeat, v.is_skip_level,
       v.channel IN ({_marks(ONLINE_CHANNELS)}), count(*), sum(v.headcount)
FROM visits v JOIN matters m ON m.id = v.matter_id LEFT JOIN categories c ON c.id = m.category_id
WHERE v.visited_at >= :start AND v.visited_at < :end GROUP BY 1, 2, 3, 4, 5, 6"""

_FIRST = """
SELECT e.matter_id, min(e.at) AS at FROM matter_events e
WHERE e.kind IN ({kinds}) AND e.at >= :start AND e.at < :end AND NOT EXISTS (
  SELECT 1 FROM matter_events p WHERE p.matter_id = e.matter_id AND +p.kind IN ({kinds}) AND p.at < :start)
GROUP BY e.matter_id"""

ACCEPTED = f"""
SELECT m.township_id, count(*) FROM ({_FIRST.format(kinds=_marks(ACCEPTANCE_KINDS))}) f
JOIN matters m ON m.id = f.matter_id GROUP BY 1"""

_DUE = """(SELECT max(coalesce(d.override_due, d.due)) FROM deadlines d
  WHERE d.matter_id = m.id AND d.rule_key = '{}')"""
CLOSED = f"""
SELECT m.township_id, count(*),
       sum(date(f.at) <= coalesce({_DUE.format("handling")}, {_DUE.format("notice")}, m.notice_deadline))
FROM ({_FIRST.format(kinds=_marks(CLOSING_KINDS))}) f JOIN matters m ON m.id = f.matter_id GROUP BY 1"""

_PAST_DUE = f"""d.rule_key NOT IN ({_marks(WINDOWS)}) AND d.start <= :today
  AND coalesce(d.override_due, d.due) < :today"""
OVERDUE = f"""
SELECT m.township_id, count(*) FROM matters m WHERE m.id IN (
  SELECT d.matter_id FROM deadlines d WHERE d.cancelled = 0 AND d.met_at IS NULL AND {_PAST_DUE}
  UNION SELECT d.matter_id FROM deadlines d WHERE +d.cancelled = 0 AND d.met_at >= :as_of
    AND d.met_at > coalesce(d.override_due, d.due) AND {_PAST_DUE}
  UNION SELECT d.matter_id FROM deadlines d WHERE d.cancelled_at >= :as_of
    AND d.cancelled_at > coalesce(d.override_due, d.due) AND (d.met_at IS NULL OR d.met_at >= :as_of)
    AND {_PAST_DUE})
GROUP BY 1"""

RATINGS = f"""
SELECT m.township_id, sum(r.result != '{NOT_RATED}'), sum(r.result IN ({_marks(SATISFIED)}))
FROM ratings r JOIN matters m ON m.id = r.matter_id
WHERE r.rated_at >= :start AND r.rated_at < :end GROUP BY 1"""


def _period(con: sqlite3.Connection, monday: date, now: datetime) -> Counter[str]:
    """The week's totals (over every township) of the figures the comparison and the rows are made of."""
    end = datetime.combine(monday + timedelta(days=7), datetime.min.time())
    as_of = min(end, now)
    params = {
        "start": datetime.combine(monday, datetime.min.time()).strftime(_AT),
        "end": end.strftime(_AT),
        "as_of": as_of.strftime(_AT),
        "today": as_of.date().isoformat(),
    }
    totals: Counter[str] = Counter()
    for _, category, group, repeat, skip, online, n, persons in con.execute(VISITS, params):
        totals["all.批次"] += n
        totals["all.人次"] += persons
        totals["group.批次" if group else "single.批次"] += n
        totals["repeat.批次" if repeat else "first.批次"] += n
        totals["skip.批次"] += n if skip else 0
        totals["online.批次"] += n if online else 0
        totals[f"category:{category}"] += n
    for _, n in con.execute(ACCEPTED, params):
        totals["accepted"] += n
    for _, n, on_time in con.execute(CLOSED, params):
        totals["closed"] += n
        totals["closed_on_time"] += on_time
    for _, n in con.execute(OVERDUE, params):
        totals["overdue"] += n
    for _, rated, satisfied in con.execute(RATINGS, params):
        totals["rated"] += rated
        totals["satisfied"] += satisfied
    return totals


def _trend(con: sqlite3.Connection, monday: date) -> list[tuple[int, int, int]]:
    first = monday - timedelta(weeks=TREND_WEEKS - 1)
    bounds = [(first + timedelta(weeks=i)).isoformat() for i in range(TREND_WEEKS + 1)]
    buckets = " ".join(f"WHEN visited_at < '{b}' THEN {i}" for i, b in enumerate(bounds[1:]))
    sql = (
        f"SELECT CASE {buckets} END, count(*), sum(headcount) FROM visits"
        " WHERE visited_at >= ? AND visited_at < ? GROUP BY 1"
    )
    return list(con.execute(sql, (bounds[0], bounds[-1])))


def week_tally(con: sqlite3.Connection, iso_week: str, now: datetime) -> dict[str, object]:
    """The week, 环比 and 同比 totals, the townships and categories, and the trend."""
    year, week = int(iso_week[:4]), int(iso_week[-2:])
    monday = date.fromisocalendar(year, week, 1)
    last_week = date(year - 1, 12, 28).isocalendar()[1]  # ISO weeks in the year before
    con.execute("SELECT id, name, active FROM townships ORDER BY sort_order, id").fetchall()
    tops = "SELECT id, code, name FROM categories WHERE parent_id IS NULL ORDER BY sort_order, id"
    con.execute(tops).fetchall()
    return {
        "week": _period(con, monday, now),
        "环比": _period(con, monday - timedelta(weeks=1), now),
        "同比": _period(con, date.fromisocalendar(year - 1, min(week, last_week), 1), now),
        "trend": _trend(con, monday),
    }
