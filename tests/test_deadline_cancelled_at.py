"""deadlines.cancelled_at (revision 0007): stamped by the step that cancels a row, in its transaction, and
backfilled by the revision from the events of those steps on a database written before it."""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from alembic import command
from sqlalchemy import Engine, select, text

from app.cases import CaseService
from app.desk import Desk
from db import migrate
from db.models import Deadline, Department, Matter
from tests.case_helpers import CLERK, D1, D2, at, register
from tests.conftest import FixedClock


class Row(NamedTuple):
    rule_key: str
    department: str | None
    cancelled: bool
    cancelled_at: datetime | None


def _rows(desk: Desk, matter_no: str) -> list[Row]:
    query = (
        select(Deadline.rule_key, Department.name, Deadline.cancelled, Deadline.cancelled_at)
        .join(Matter, Matter.id == Deadline.matter_id)
        .outerjoin(Department, Department.id == Deadline.department_id)
        .where(Matter.matter_no == matter_no)
        .order_by(Deadline.id)
    )
    with desk.db.reading() as session:
        return [Row(*r) for r in session.execute(query)]


def _stamps(desk: Desk) -> dict[int, tuple[bool, datetime | None]]:
    with desk.db.reading() as session:
        return {d.id: (d.cancelled, d.cancelled_at) for d in session.scalars(select(Deadline))}


def test_closing_stamps_the_rows_it_cancels_and_only_those(
    desk: Desk, clock: FixedClock, cases: CaseService
) -> None:
    matter_no = register(desk, clock, datetime(2026, 9, 28, 9, 0))
    at(clock, 2026, 9, 30)
    cases.accept(matter_no, CLERK)  # the notice row is met, the handling row opens
    at(clock, 2026, 11, 20)
    cases.reply(matter_no, ["解决到位"], "已协调开发商于月底前交房", CLERK)  # met; the review window opens
    at(clock, 2026, 12, 4, 15)
    cases.close(matter_no, ["解决到位"], CLERK)

    rows = _rows(desk, matter_no)
    cancelled = [r for r in rows if r.cancelled]
    assert cancelled and {r.rule_key for r in cancelled} == {"review_request"}
    assert all(r.cancelled_at == datetime(2026, 12, 4, 15, 0) for r in cancelled)
    assert all(r.cancelled_at is None for r in rows if not r.cancelled)  # the met notice row is not stamped


def test_a_return_stamps_only_the_returning_departments_row(
    desk: Desk, clock: FixedClock, cases: CaseService
) -> None:
    matter_no = register(desk, clock, datetime(2026, 9, 28, 9, 0))
    at(clock, 2026, 9, 30)
    cases.forward(matter_no, [D1, D2], CLERK)
    at(clock, 2026, 10, 12, 11)
    cases.return_assignment(matter_no, D2, "该地块不属于本部门管辖", CLERK)

    handling = {r.department: r for r in _rows(desk, matter_no) if r.rule_key == "handling" and r.department}
    assert (handling[D2].cancelled, handling[D2].cancelled_at) == (True, datetime(2026, 10, 12, 11, 0))
    assert (handling[D1].cancelled, handling[D1].cancelled_at) == (False, None)


def test_a_merge_stamps_the_merged_matters_rows(desk: Desk, clock: FixedClock, cases: CaseService) -> None:
    target = register(desk, clock, seq=124)
    duplicate = register(desk, clock)
    at(clock, 2026, 11, 27, 16)
    cases.merge(duplicate, target, CLERK)

    merged = _rows(desk, duplicate)
    assert merged and all(r.cancelled and r.cancelled_at == datetime(2026, 11, 27, 16, 0) for r in merged)
    assert all(not r.cancelled and r.cancelled_at is None for r in _rows(desk, target))


def _to_0006(engine: Engine) -> None:
    """The database as revision 0006_perf left it: through the revision's own downgrade."""
    cfg = migrate._config()
    with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:  # as db.migrate does: SQLite drops the column by copying the table others point to
            conn.connection.dbapi_connection.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]
        with conn.begin():
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0006_perf")
        if sqlite:
            conn.connection.dbapi_connection.execute("PRAGMA foreign_keys=ON")  # type: ignore[union-attr]


def test_the_revision_backfills_what_the_steps_stamped(
    desk: Desk, clock: FixedClock, cases: CaseService
) -> None:
    """Close, return and merge written through the workflow; the column dropped by the revision's downgrade;
    the upgrade fills every cancelled row with the time its step stamped, and the audit chain still holds."""
    returned = register(desk, clock, datetime(2026, 9, 28, 9, 0), seq=121)
    at(clock, 2026, 9, 30)
    cases.forward(returned, [D1, D2], CLERK)
    at(clock, 2026, 10, 9)
    cases.sign_for(returned, D1, CLERK)
    at(clock, 2026, 10, 12, 11)
    cases.return_assignment(returned, D2, "该地块不属于本部门管辖", CLERK)
    at(clock, 2026, 10, 30)
    cases.reply(returned, ["教育到位"], "已当面解释政策", CLERK)
    at(clock, 2026, 11, 3, 14)
    cases.close(returned, ["教育到位"], CLERK)  # the review window: cancelled by the close
    target = register(desk, clock, datetime(2026, 11, 20, 9, 0), seq=124)
    duplicate = register(desk, clock, datetime(2026, 11, 21, 9, 0), seq=125)
    at(clock, 2026, 11, 24, 16)
    cases.merge(duplicate, target, CLERK)  # the target gets a 合并 event too: its rows are not cancelled
    stamped = _stamps(desk)
    assert {at for cancelled, at in stamped.values() if cancelled} == {
        datetime(2026, 10, 12, 11, 0),
        datetime(2026, 11, 3, 14, 0),
        datetime(2026, 11, 24, 16, 0),
    }

    engine = desk.db.engine
    _to_0006(engine)
    with engine.connect() as conn:
        columns = conn.execute(text("SELECT * FROM deadlines")).keys()
    assert "cancelled_at" not in columns and migrate.current_revision(engine) == "0006_perf"
    migrate.upgrade(engine)

    assert migrate.current_revision(engine) == migrate.head_revision()
    assert _stamps(desk) == stamped
    assert desk.audit.verify().ok
