"""deadlines.cancelled_at: when a deadline stopped applying

Revision ID: 0007
Revises: 0006_perf
Create Date: 2026-11-26 21:30:00

From this revision the step that cancels a deadline row (办结, 合并 of its matter, 退回 by its department)
writes the step's time into ``cancelled_at`` with the flag, in the same transaction.

Two partial indexes over the rows that ended (met or cancelled) on or after their due day, by when they
ended: ``ix_deadlines_met_late`` and ``ix_deadlines_cancelled_late``. A row that ended before its due day
was never overdue; the others are a few percent of the rows. 超期 as of a past date then reads the rows
ended since that date as two short index ranges, instead of every row met since then (a million on the
1M demo for 同比) and every cancelling event since then joined to its deadlines.

Backfill of the rows already cancelled: the time of the event of the step that cancelled the row, found by
the rule the tally used until this revision (so its figures do not move): the earliest event on or after the
row's start day that cancels it — 办结 of its matter; 合并 when its matter is merged; 退回 by the row's own
department. Not derivable exactly: a row opened on the day of an earlier cancelling event of the same matter
(a department returning a matter and being assigned it again the same day) gets that earlier event's time,
as the tally assumed. A cancelled row with no such event (none is written without one) keeps NULL: cancelled
at an unknown time, counted by the tally as cancelled before any date, as before.

The backfill runs as a schema step, not in a user's unit of work: the audit log records what users write
(its chain is unaffected, `audit verify` still holds), not what a revision fills in.
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006_perf"
branch_labels = None
depends_on = None

# the event kinds of the steps that cancel deadlines, as written at this revision (app/cases: the labels
# of the close, merge and return_assignment actions)
CLOSE, MERGE, RETURN = "办结", "合并", "退回"


def upgrade() -> None:
    with op.batch_alter_table("deadlines") as batch:
        batch.add_column(sa.Column("cancelled_at", sa.DateTime(), nullable=True))

    deadlines = sa.table(
        "deadlines",
        sa.column("matter_id", sa.Integer),
        sa.column("department_id", sa.Integer),
        sa.column("start", sa.Date),
        sa.column("cancelled", sa.Boolean),
        sa.column("cancelled_at", sa.DateTime),
    )
    events = sa.table(
        "matter_events",
        sa.column("matter_id", sa.Integer),
        sa.column("kind", sa.String),
        sa.column("at", sa.DateTime),
        sa.column("department_id", sa.Integer),
    )
    matters = sa.table("matters", sa.column("id", sa.Integer), sa.column("merged_into_id", sa.Integer))
    merged = (
        sa.exists()
        .where(matters.c.id == deadlines.c.matter_id, matters.c.merged_into_id.is_not(None))
        .correlate(deadlines)  # the row's own matter, two levels up
    )
    cancelling = (
        sa.select(sa.func.min(events.c.at))
        .where(
            events.c.matter_id == deadlines.c.matter_id,
            events.c.at >= deadlines.c.start,
            sa.or_(
                events.c.kind == CLOSE,
                sa.and_(events.c.kind == MERGE, merged),
                sa.and_(events.c.kind == RETURN, events.c.department_id == deadlines.c.department_id),
            ),
        )
        .scalar_subquery()
    )
    op.execute(sa.update(deadlines).where(deadlines.c.cancelled.is_(True)).values(cancelled_at=cancelling))
    for name, column in (
        ("ix_deadlines_met_late", "met_at"),
        ("ix_deadlines_cancelled_late", "cancelled_at"),
    ):
        late = sa.text(f"{column} > coalesce(override_due, due)")  # built after the backfill
        op.create_index(name, "deadlines", [column], unique=False, sqlite_where=late, postgresql_where=late)


def downgrade() -> None:
    op.drop_index("ix_deadlines_cancelled_late", table_name="deadlines")
    op.drop_index("ix_deadlines_met_late", table_name="deadlines")
    with op.batch_alter_table("deadlines") as batch:
        batch.drop_column("cancelled_at")
