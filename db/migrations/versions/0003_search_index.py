"""search index: FTS5 tables kept in step by triggers (SQLite); pg_trgm and bigram GIN indexes (PostgreSQL)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27 09:00:00

On SQLite the index lives beside the tables it indexes and triggers keep it in step inside the writer's
own transaction, whoever the writer is (intake, workflow, the bulk demo, a repair script):

- ``search_matter_text``   FTS5 trigram over matters (matter_no, summary, appeal), external content: the
  text is read from ``matters``, not copied. Answers any query of 3 or more characters.
- ``search_matter_bigram`` FTS5 over the character bigrams of summary and appeal, and
  ``search_number_bigram`` over those of the matter number (unicode61, contentless, detail=none: row ids
  only, a quarter of the size of detail=column): answer 2-character queries, which trigrams cannot.
- ``search_person_digits`` FTS5 trigram over persons (id_number, phone): last digits of an ID number, any
  part of a phone number.
- ``search_positions``     the numbers 1..20,300: SQLite triggers cannot loop (no WITH in a trigger), so the
  bigrams of a text are cut by joining it to this table.

Names and exact ID numbers need nothing new: ``persons.name`` and ``persons.id_number`` already have b-tree
indexes.

On PostgreSQL the server keeps its own indexes in step, so there are no tables and no triggers:

- pg_trgm GIN indexes on ``matters`` (matter_no, summary, appeal) and ``persons`` (name, id_number, phone)
  answer ``ILIKE '%…%'`` of 3 or more characters (and a name's ``ILIKE '…%'`` of any length);
- ``xinfang_bigrams(text)``, an immutable function giving the distinct lower-cased character bigrams of a
  text, indexed as GIN expressions over the summary and appeal and over the matter number, answers
  2-character queries (``… @> ARRAY[lower(:key)]``), which trigrams cannot.
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

POSITIONS = 20300  # matter_no 64 + summary 200 + appeal 20,000 characters, with room to spare


def _bigrams(text: str) -> str:
    """Space-separated character bigrams of `text`, cut in SQL (the trigger has no other way to loop)."""
    return f"(SELECT group_concat(substr({text}, n, 2), ' ') FROM search_positions WHERE n < length({text}))"


def _matter_values(row: str) -> str:
    return f"{row}.id, {row}.matter_no, {row}.summary, {row}.appeal"


def _words(row: str) -> str:
    return f"{row}.id, {_bigrams(f'{row}.summary || char(10) || {row}.appeal')}"


def _number(row: str) -> str:
    return f"{row}.id, {_bigrams(f'{row}.matter_no')}"


BIGRAMS = "content='', columnsize=0, detail=none, tokenize='unicode61 remove_diacritics 0'"
TABLES = [
    "CREATE TABLE search_positions (n INTEGER PRIMARY KEY)",
    "CREATE VIRTUAL TABLE search_matter_text USING fts5("
    "matter_no, summary, appeal, content='matters', content_rowid='id', columnsize=0, tokenize='trigram')",
    f"CREATE VIRTUAL TABLE search_matter_bigram USING fts5(words, {BIGRAMS})",
    f"CREATE VIRTUAL TABLE search_number_bigram USING fts5(number, {BIGRAMS})",
    "CREATE VIRTUAL TABLE search_person_digits USING fts5("
    "id_number, phone, content='persons', content_rowid='id', columnsize=0, tokenize='trigram')",
]

MATTER_INSERT = (
    f"INSERT INTO search_matter_text (rowid, matter_no, summary, appeal) VALUES ({_matter_values('new')});"
    f"INSERT INTO search_matter_bigram (rowid, words) VALUES ({_words('new')});"
    f"INSERT INTO search_number_bigram (rowid, number) VALUES ({_number('new')});"
)
MATTER_DELETE = (
    "INSERT INTO search_matter_text (search_matter_text, rowid, matter_no, summary, appeal) "
    f"VALUES ('delete', {_matter_values('old')});"
    "INSERT INTO search_matter_bigram (search_matter_bigram, rowid, words) "
    f"VALUES ('delete', {_words('old')});"
    "INSERT INTO search_number_bigram (search_number_bigram, rowid, number) "
    f"VALUES ('delete', {_number('old')});"
)
PERSON_INSERT = (
    "INSERT INTO search_person_digits (rowid, id_number, phone) VALUES (new.id, new.id_number, new.phone);"
)
PERSON_DELETE = (
    "INSERT INTO search_person_digits (search_person_digits, rowid, id_number, phone) "
    "VALUES ('delete', old.id, old.id_number, old.phone);"
)

TRIGGERS = [
    f"CREATE TRIGGER search_matters_ai AFTER INSERT ON matters BEGIN {MATTER_INSERT} END",
    f"CREATE TRIGGER search_matters_ad AFTER DELETE ON matters BEGIN {MATTER_DELETE} END",
    "CREATE TRIGGER search_matters_au AFTER UPDATE OF matter_no, summary, appeal ON matters "
    f"BEGIN {MATTER_DELETE} {MATTER_INSERT} END",
    f"CREATE TRIGGER search_persons_ai AFTER INSERT ON persons BEGIN {PERSON_INSERT} END",
    f"CREATE TRIGGER search_persons_ad AFTER DELETE ON persons BEGIN {PERSON_DELETE} END",
    "CREATE TRIGGER search_persons_au AFTER UPDATE OF id_number, phone ON persons "
    f"BEGIN {PERSON_DELETE} {PERSON_INSERT} END",
]

FILL = [
    "WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < "
    f"{POSITIONS}) INSERT INTO search_positions (n) SELECT n FROM k",
    "INSERT INTO search_matter_text (search_matter_text) VALUES ('rebuild')",
    "INSERT INTO search_person_digits (search_person_digits) VALUES ('rebuild')",
    f"INSERT INTO search_matter_bigram (rowid, words) SELECT {_words('matters')} FROM matters",
    f"INSERT INTO search_number_bigram (rowid, number) SELECT {_number('matters')} FROM matters",
]


PG_BIGRAMS = (
    "CREATE FUNCTION xinfang_bigrams(value text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE "
    "RETURN ARRAY(SELECT DISTINCT substr(lower(value), i, 2) FROM generate_series(1, length(value) - 1) AS i)"
)
PG_INDEXES = {
    "search_matters_no_trgm": "matters USING gin (matter_no gin_trgm_ops)",
    "search_matters_summary_trgm": "matters USING gin (summary gin_trgm_ops)",
    "search_matters_appeal_trgm": "matters USING gin (appeal gin_trgm_ops)",
    "search_matters_words_bigram": (
        "matters USING gin ((xinfang_bigrams(summary) || xinfang_bigrams(appeal)))"
    ),
    "search_matters_no_bigram": "matters USING gin (xinfang_bigrams(matter_no))",
    "search_persons_name_trgm": "persons USING gin (name gin_trgm_ops)",
    "search_persons_id_number_trgm": "persons USING gin (id_number gin_trgm_ops)",
    "search_persons_phone_trgm": "persons USING gin (phone gin_trgm_ops)",
}


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute(PG_BIGRAMS)
        for name, target in PG_INDEXES.items():
            op.execute(f"CREATE INDEX {name} ON {target}")
        return
    if op.get_bind().dialect.name != "sqlite":
        return
    for statement in TABLES + FILL + TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for name in PG_INDEXES:
            op.execute(f"DROP INDEX IF EXISTS {name}")
        op.execute("DROP FUNCTION IF EXISTS xinfang_bigrams(text)")
        return  # pg_trgm stays: other databases' objects may use it
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in ("search_matters_ai", "search_matters_ad", "search_matters_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for name in ("search_persons_ai", "search_persons_ad", "search_persons_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    tables = ("search_matter_text", "search_matter_bigram", "search_number_bigram", "search_person_digits")
    for name in (*tables, "search_positions"):
        op.execute(f"DROP TABLE IF EXISTS {name}")
