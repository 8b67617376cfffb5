"""The half-typed intake form, kept encrypted: the draft file never holds an ID number in clear.

Fernet (AES-128-CBC with an HMAC, from `cryptography`) with a key kept in the database, so the draft file
copied alone — a USB stick, a synced folder — reads as noise. Written atomically like `JsonFile`.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from db.engine import Database
from db.models import Setting

if TYPE_CHECKING:
    from cryptography.fernet import Fernet

KEY_SETTING = "draft_key"


def ensure_draft_key(db: Database) -> None:
    """Make the install's draft key once (at open), in its own transaction."""
    with db.reading() as session:
        if session.get(Setting, KEY_SETTING) is not None:
            return  # the usual case: no write transaction at every start
    from cryptography.fernet import Fernet  # here and below, not at every start

    with db.writing() as session:
        if session.get(Setting, KEY_SETTING) is None:
            session.add(Setting(key=KEY_SETTING, value=Fernet.generate_key().decode("ascii")))


class EncryptedDraft:
    """`load`, `save` and `clear` as JsonFile's, with the content encrypted on disk."""

    def __init__(self, path: Path, db: Database) -> None:
        self._path = path
        self._db = db
        self._fernet: Fernet | None = None

    @property
    def path(self) -> Path:
        return self._path

    def save(self, fields: dict[str, Any]) -> None:
        token = self._cipher().encrypt(json.dumps(fields, ensure_ascii=False).encode("utf-8"))
        self._path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self._path.with_suffix(".tmp")
        with open(tmp, "wb") as handle:
            handle.write(token)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, self._path)

    def load(self) -> dict[str, Any] | None:
        """The saved content, or None when there is none (or it cannot be read or decrypted)."""
        try:
            token = self._path.read_bytes()
        except OSError:
            return None
        from cryptography.fernet import InvalidToken

        try:
            data = json.loads(self._cipher().decrypt(token))
        except (OSError, ValueError, InvalidToken):
            return None
        return data if isinstance(data, dict) and data else None

    def clear(self) -> None:
        self._path.unlink(missing_ok=True)

    def _cipher(self) -> Fernet:
        if self._fernet is None:
            with self._db.reading() as session:
                key = session.scalar(select(Setting.value).where(Setting.key == KEY_SETTING))
            if not key:
                raise RuntimeError("draft key missing: open_desk makes it")
            from cryptography.fernet import Fernet

            self._fernet = Fernet(key.encode("ascii"))
        return self._fernet
