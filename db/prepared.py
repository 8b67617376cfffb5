"""Statements compiled once per backend and run on the driver's own cursor, for the reads a clerk waits on.

Recognition and search ask a handful of small questions per keystroke. Through a Session each one cost
0.5–2 ms of SQLAlchemy's own work (building the statement, its cache key, the execution context, the
result object) for a query the database answers in 0.05 ms, so the layer cost 10–30× the database. A
`Prepared` statement is still written with SQLAlchemy (the models, the dialect's SQL, the types' own
conversions), but compiled once per dialect; a `Reader` runs it on the DB-API cursor of one pooled
connection inside one transaction and converts each column with the type's own result processor, so rows
come back exactly as SQLAlchemy would give them (datetimes, dates, booleans), on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, exc
from sqlalchemy.engine import Dialect
from sqlalchemy.sql.expression import Select, TextualSelect

Statement = Select[*tuple[Any, ...]] | TextualSelect


class _Compiled:
    """One statement's SQL for one dialect: the text, the order of its parameters, their defaults."""

    def __init__(self, statement: Statement, dialect: Dialect, expanding: str | None, size: int) -> None:
        if expanding is not None:  # a list parameter of exactly `size` items, one placeholder each
            statement = statement.params({expanding: list(range(size))})
        compiled = statement.compile(dialect=dialect, compile_kwargs={"render_postcompile": True})
        self.sql = compiled.string
        self.positions: list[str] | None = list(compiled.positiontup or []) if compiled.positional else None
        self.defaults = {name: bind.effective_value for name, bind in compiled.binds.items()}
        self.binders = {
            name: processor
            for name, bind in compiled.binds.items()
            if (processor := bind.type.dialect_impl(dialect).bind_processor(dialect)) is not None
        }
        # the list is rendered as `name_1, name_2 …` (render_postcompile): one name per item
        self.expanded = [f"{expanding}_{i}" for i in range(1, size + 1)] if expanding else []
        self.item_binder = self.binders.pop(expanding or "", None)
        self.defaults.pop(expanding or "", None)
        self.names = [*self.defaults, *self.expanded]
        self.types = [column.type.dialect_impl(dialect) for column in statement.selected_columns]
        self.dialect = dialect
        self.processors: list[tuple[int, Callable[[Any], Any]]] | None = None  # from the first cursor

    def parameters(self, values: dict[str, Any], items: list[Any]) -> Sequence[Any] | dict[str, Any]:
        merged = {**self.defaults, **values}
        for name, bind in self.binders.items():
            merged[name] = bind(merged[name])
        if self.item_binder is not None:
            items = [self.item_binder(item) for item in items]
        merged.update(zip(self.expanded, items, strict=True))
        if self.positions is None:  # named (psycopg): exactly the statement's own parameters
            return {name: merged[name] for name in self.names}
        return [merged[name] for name in self.positions]

    def convert(self, rows: list[Any], description: Any) -> list[tuple[Any, ...]]:
        """Each column through its type's result processor, as SQLAlchemy's own results do; only the
        columns that have one are touched (most have none: ints and text come from the driver as they are)."""
        if self.processors is None:
            codes = [column[1] for column in description]
            processors = [t.result_processor(self.dialect, c) for t, c in zip(self.types, codes, strict=True)]
            self.processors = [(i, p) for i, p in enumerate(processors) if p is not None]
        if not self.processors:
            return rows
        converted = []
        for row in rows:
            values = list(row)
            for i, process in self.processors:
                values[i] = process(values[i])
            converted.append(tuple(values))
        return converted


class Prepared:
    """A select statement with named bind parameters, compiled once per dialect (and per list size).

    `expanding` names a list parameter (an `IN`): its list is padded with its own last item to the next
    power of two, so a handful of compiled forms serve every length (a repeated id changes no `IN`).
    """

    def __init__(self, statement: Statement, expanding: str | None = None) -> None:
        self.statement = statement
        self.expanding = expanding
        self._compiled: dict[tuple[str, int], _Compiled] = {}

    def compiled(self, dialect: Dialect, size: int = 0) -> _Compiled:
        key = (dialect.name, size)
        found = self._compiled.get(key)
        if found is None:
            found = self._compiled[key] = _Compiled(self.statement, dialect, self.expanding, size)
        return found


def _padded(items: Sequence[Any]) -> list[Any]:
    size = 1
    while size < len(items):
        size *= 2
    return [*items, *[items[-1]] * (size - len(items))]


class Reader:
    """One read-only transaction on one pooled connection, running Prepared statements."""

    def __init__(self, cursor: Any, dialect: Dialect) -> None:
        self._cursor = cursor
        self.dialect = dialect

    @property
    def is_sqlite(self) -> bool:
        return self.dialect.name == "sqlite"

    def rows(self, prepared: Prepared, **values: Any) -> list[tuple[Any, ...]]:
        items: list[Any] = []
        if prepared.expanding is not None:
            items = list(values.pop(prepared.expanding))
            if not items:
                return []  # `IN ()` finds nothing: no need to ask
            items = _padded(items)
        compiled = prepared.compiled(self.dialect, len(items))
        self._cursor.execute(compiled.sql, compiled.parameters(values, items))
        return compiled.convert(self._cursor.fetchall(), self._cursor.description)

    def column(self, prepared: Prepared, **values: Any) -> list[Any]:
        """The first column of every row."""
        return [row[0] for row in self.rows(prepared, **values)]


@contextmanager
def reading(engine: Engine) -> Iterator[Reader]:
    """A read-only transaction on the driver's connection: begun, read, rolled back.

    The driver's errors come out as SQLAlchemy's (OperationalError …, parameters hidden), as from a
    Session, so the callers' translation into messages for the clerk (app/storage.py) holds.
    """
    driver_error = engine.dialect.loaded_dbapi.Error
    try:
        with _transaction(engine) as reader:
            yield reader
    except driver_error as error:
        raise exc.DBAPIError.instance(
            None, None, error, driver_error, hide_parameters=True, dialect=engine.dialect
        ) from error


@contextmanager
def _transaction(engine: Engine) -> Iterator[Reader]:
    """SQLite's connections run in autocommit (db/engine.py lets SQLAlchemy begin), so the transaction is
    begun here: the statements of one read see one snapshot, as in a Session. psycopg begins one itself."""
    connection = engine.raw_connection()
    try:
        cursor = connection.cursor()
        sqlite = engine.dialect.name == "sqlite"
        if sqlite:
            cursor.execute("BEGIN")
        try:
            yield Reader(cursor, engine.dialect)
        finally:
            if sqlite:
                cursor.execute("ROLLBACK")
            else:
                connection.rollback()
            cursor.close()
    finally:
        connection.close()
