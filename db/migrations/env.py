"""Alembic environment. The connection is always handed in by db.migrate; no URL lives here."""

from alembic import context

from db.models import Base
from db.search_index import outside_the_index

config = context.config
connection = config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying them
    include_name=outside_the_index,  # revision 0003's FTS5 tables are not in the models
)
with context.begin_transaction():
    context.run_migrations()
