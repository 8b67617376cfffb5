"""The search service's timings on two databases of the same data (a SQLite file and its PostgreSQL copy):

    python -m bench.search_backends --db demo.sqlite --db postgresql+psycopg://…/bench

Keys of 2 and 4 characters, chosen from the first database: the commonest 2-character name, 2 and 4
characters of a summary, the last 4 digits of an ID number. Prints medians of warm runs in ms, as JSON.
"""

from __future__ import annotations

import argparse
import json
from functools import partial

from sqlalchemy import func, select

from app.desk import Desk, open_desk
from app.search import SearchService
from bench.timing import median_ms
from db.models import Matter, Person


def keys(desk: Desk) -> dict[str, str]:
    with desk.db.reading() as session:
        name = session.scalar(
            select(Person.name)
            .where(func.length(Person.name) == 2)
            .group_by(Person.name)
            .order_by(func.count().desc(), Person.name)
            .limit(1)
        )
        summary = session.scalar(select(Matter.summary).order_by(Matter.id).offset(100).limit(1))
        id_number = session.scalar(select(Person.id_number).where(Person.id_number.is_not(None)).limit(1))
    assert name and summary and id_number, "an empty database"
    return {"name_2": name, "words_2": summary[2:4], "words_4": summary[2:6], "id_digits_4": id_number[-4:]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", action="append", required=True)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    desks = [open_desk(target) for target in args.db]
    try:
        chosen = keys(desks[0])
        out: dict[str, object] = {"keys": chosen}
        for desk in desks:
            service = SearchService(desk.db)
            out[desk.db.engine.dialect.name] = {
                kind: {"ms": median_ms(partial(service.search, k), args.runs), "hits": len(service.search(k))}
                for kind, k in chosen.items()
            }
        print(json.dumps(out, ensure_ascii=False, indent=1))
    finally:
        for desk in desks:
            desk.close()


if __name__ == "__main__":
    main()
