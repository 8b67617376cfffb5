"""Errors a clerk can act on. Each carries a message in Chinese; anything else is a bug."""

from __future__ import annotations

from dataclasses import dataclass


class DeskError(Exception):
    """Base of the errors shown to the clerk as they are (message in Chinese)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class FieldError:
    """One violation, tied to a form field by a path such as ``persons[0].id_number``."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class ValidationError(DeskError):
    """One or more fields are invalid; nothing was written."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("；".join(e.message for e in errors))
        self.errors = errors

    @classmethod
    def single(cls, field: str, message: str) -> ValidationError:
        return cls([FieldError(field, message)])

    def prefixed(self, prefix: str) -> ValidationError:
        """The same errors under a prefix (``visits[3].``), for batch input."""
        return ValidationError([FieldError(prefix + e.field, e.message) for e in self.errors])


class NotFoundError(DeskError):
    """A matter, person or document the clerk named does not exist."""


class ConflictError(DeskError):
    """The record was changed by someone else since it was opened."""


class DatabaseTooNewError(DeskError):
    """The database was written by a newer version of the program."""


class StorageError(DeskError):
    """The database or a file could not be read or written (a full disk, a read-only file, a busy server)."""
