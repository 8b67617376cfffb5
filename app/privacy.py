"""Personal data shown in full only on request: one reveal at a time, or a visitor's own record for them.

Everything else the services return carries ID and phone numbers masked. Both methods here write their
audit entry in the same transaction as the read, so a reveal that is not logged cannot happen.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app.audit_chain import AuditRecord, append
from app.errors import NotFoundError, ValidationError
from app.matters import MatterService
from app.recognition import RecognitionService
from app.storage import translated
from db.engine import Database
from db.models import Person

FIELDS = {"id_number": "身份证号", "phone": "电话"}
MAX_REASON = 200


class PrivacyService:
    def __init__(
        self,
        db: Database,
        matters: MatterService,
        recognition: RecognitionService,
        actor: Callable[[], str],
        clock: Callable[[], datetime],
    ) -> None:
        self._db = db
        self._matters = matters
        self._recognition = recognition
        self._actor = actor
        self._clock = clock

    def reveal(self, person_id: int, field: str, reason: str) -> str:
        """The full ID or phone number of one person; the reason is kept in the audit log."""
        if field not in FIELDS:
            raise ValidationError.single("field", "只能查看身份证号或电话")
        reason = _reason(reason)
        with self._db.writing() as session:
            person = _person(session, person_id)
            value = getattr(person, field) or ""
            self._log(session, "reveal", person_id, field=field, reason=reason)
        return value

    def export_person(self, person_id: int, path: Path, reason: str = "来访人申请本人信息") -> Path:
        """The visitor's own record, their numbers in full (others on the same visits stay masked)."""
        reason = _reason(reason)
        history = self._recognition.history(person_id)
        if history is None:
            raise NotFoundError(f"没有编号为 {person_id} 的来访人")
        numbers = [m.matter_no for m in history.open_matters + history.closed_matters]
        with self._db.writing() as session:
            person = _person(session, person_id)
            record = {
                "person": _own_data(person),
                "history": asdict(history),
                "matters": [asdict(self._matters.detail(n)) for n in numbers],
                "exported_at": self._clock().isoformat(timespec="seconds"),
            }
            with translated():
                _write_json(path, record)
            self._log(session, "export_person", person_id, path=str(path), reason=reason)
        return path

    def _log(self, session: Session, action: str, person_id: int, **detail: Any) -> None:
        append(
            session.connection(),
            [AuditRecord(self._clock(), self._actor(), action, "persons", str(person_id), detail)],
        )


def _reason(reason: str) -> str:
    clean = reason.strip()
    if not clean or len(clean) > MAX_REASON:
        raise ValidationError.single("reason", f"请填写查看原因（不超过{MAX_REASON}个字）")
    return clean


def _person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError(f"没有编号为 {person_id} 的来访人")
    return person


def _own_data(person: Person) -> dict[str, Any]:
    return {
        "name": person.name,
        "id_number": person.id_number or "",
        "phone": person.phone or "",
        "sex": person.sex or "",
        "birth_date": person.birth_date,
        "address": person.address,
    }


def _write_json(path: Path, record: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    with open(tmp, "w", encoding="utf-8") as handle:
        json.dump(record, handle, ensure_ascii=False, indent=2, default=str)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
