"""Typed errors raised by the persistence layer. The services translate them for the clerk."""


class DatabaseError(Exception):
    """Base of the errors this package raises on purpose."""


class DatabaseTooNewError(DatabaseError):
    """The database was written by a newer program: opening it could damage it."""

    def __init__(self, found: str, known: str) -> None:
        super().__init__(f"database revision {found} is newer than this program's {known}")
        self.found = found
        self.known = known


class DatabaseUnreadableError(DatabaseError):
    """The file is not a database this program can open."""
