"""Signing in: the password checked against its Argon2 hash, failures counted, lockout after too many.

Every sign-in, failed sign-in and lockout is an audit entry, written even when the sign-in is refused.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.accounts import Account, to_account
from app.audit import ACTOR, queue
from app.audit_chain import AuditRecord
from app.errors import DeskError
from db.engine import Database
from db.models import Account as AccountRow


class SignInError(DeskError):
    """Wrong name or password, a locked or a disabled account; the message says which (in Chinese)."""


@dataclass(frozen=True)
class Lockout:
    failures: int = 5
    minutes: int = 15


WRONG = "用户名或密码不正确"
LOCKED = "连续输错密码 "  # the message that starts so is the failure that locked the account


class SignInService:
    def __init__(
        self,
        db: Database,
        hasher: PasswordHasher,
        clock: Callable[[], datetime],
        lockout: Callable[[], Lockout],
    ) -> None:
        self._db = db
        self._hasher = hasher
        self._clock = clock
        self._lockout = lockout
        self._dummy_hash: str | None = None

    def authenticate(self, username: str, password: str) -> Account:
        """The account, or SignInError; the attempt and its audit entry are committed either way."""
        name = username.strip()
        with self._db.writing() as session:
            session.info[ACTOR] = name or "?"  # the account's own changes are the signing-in user's
            refusal, account = self._check(session, name, password)
            action = "sign_in" if account else "lockout" if refusal.startswith(LOCKED) else "sign_in_failed"
            detail = {"reason": refusal} if refusal else {}
            record_id = str(account.id) if account else ""
            entry = AuditRecord(self._clock(), name or "?", action, "accounts", record_id, detail)
            queue(session, entry)
        if account is None:
            raise SignInError(refusal)
        return account

    def _check(self, session: Session, name: str, password: str) -> tuple[str, Account | None]:
        now = self._clock()
        row = session.scalar(select(AccountRow).where(AccountRow.username == name))
        if row is None:
            self._matches(self._dummy(), password)  # same time as a known name: names cannot be probed
            return WRONG, None
        if not row.active:
            return "该账号已停用，请联系管理员", None
        if row.locked_until is not None and row.locked_until > now:
            return f"连续输错密码次数过多，账号已锁定至 {row.locked_until:%H:%M}，或请管理员解锁", None
        if not self._matches(row.password_hash, password):
            return self._failed(row, now), None
        row.failed_count, row.locked_until, row.last_sign_in = 0, None, now
        if self._hasher.check_needs_rehash(row.password_hash):
            row.password_hash = self._hasher.hash(password)
        return "", to_account(row)

    def _dummy(self) -> str:
        """A hash to check unknown names against, made on first need (Argon2's defaults cost ~50 ms)."""
        if self._dummy_hash is None:
            self._dummy_hash = self._hasher.hash("an unknown user costs the same time")
        return self._dummy_hash

    def _failed(self, row: AccountRow, now: datetime) -> str:
        lockout = self._lockout()
        row.failed_count += 1
        if row.failed_count < lockout.failures:
            return f"{WRONG}（再错 {lockout.failures - row.failed_count} 次将锁定账号）"
        row.locked_until = now + timedelta(minutes=lockout.minutes)
        row.failed_count = 0
        return f"{LOCKED}{lockout.failures} 次，账号已锁定 {lockout.minutes} 分钟，或请管理员解锁"

    def _matches(self, stored: str, password: str) -> bool:
        try:
            return self._hasher.verify(stored, password)
        except (VerificationError, InvalidHashError):
            return False
