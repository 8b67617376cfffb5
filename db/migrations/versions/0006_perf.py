"""indexes for the tally and the supervision board on a million visits

Revision ID: 0006_perf
Revises: 0005
Create Date: 2026-11-26 18:10:00

- ``ix_matter_events_kind_at``: the events of a kind in a period (the tally's first acceptance and first
  closing, the steps that cancelled a deadline after a date), instead of grouping every event.
- ``ix_deadlines_cancelled_met_at``: the running deadlines (neither met nor cancelled) and those met since
  a date, for the board's next deadline and the tally's 超期, instead of reading every deadline.
- ``ix_ratings_rated_at``: the ratings of a period.
"""

from alembic import op

revision = "0006_perf"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_matter_events_kind_at", "matter_events", ["kind", "at"], unique=False)
    op.create_index("ix_deadlines_cancelled_met_at", "deadlines", ["cancelled", "met_at"], unique=False)
    op.create_index("ix_ratings_rated_at", "ratings", ["rated_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_ratings_rated_at", table_name="ratings")
    op.drop_index("ix_deadlines_cancelled_met_at", table_name="deadlines")
    op.drop_index("ix_matter_events_kind_at", table_name="matter_events")
