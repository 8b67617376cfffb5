"""The composition root of the services: open the database, bring it up to date, build every service.

The window and the command line both start here; nothing else opens a database.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import datetime
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from platformdirs import user_data_path

from app.access import Guarded, NotSignedInError, Principal
from app.accounts import Account, AccountService
from app.audit import AuditService, capture_writes
from app.backup import BackupService
from app.cases import CaseService
from app.county import seed_if_empty
from app.deadline_rules import DeadlineRuleService
from app.deadline_views import DeadlineViewService
from app.drafts import EncryptedDraft, ensure_draft_key
from app.errors import DatabaseTooNewError
from app.exchange import ExchangeService
from app.holidays import HolidayService
from app.importing import ImportService
from app.intake import IntakeService
from app.ledger import LedgerService
from app.matters import MatterService
from app.network_share import check_local
from app.notices import NoticeService
from app.permissions import allowed
from app.privacy import PrivacyService
from app.recognition import RecognitionService
from app.reference import ReferenceService
from app.settings import SettingsService
from app.setup import SetupService
from app.sign_in import Lockout, SignInService
from app.slips import SlipService
from app.sources import SourceServices, build_sources
from app.startup_integrity import IntegrityPlan, check_now, close_session, open_session, plan_check
from app.storage import Storage, translated
from app.supervision import SupervisionService
from app.tally import TallyService
from app.workdays import WorkCalendar
from db import errors as db_errors
from db import migrate
from db.engine import Database, database_url, sqlite_path

ENV_DB = "XINFANG_DESK_DB"
APP_NAME = "XinfangDesk"


def default_data_dir() -> Path:
    return user_data_path(APP_NAME, appauthor=False)


def default_database() -> str:
    """--db, else $XINFANG_DESK_DB, else the SQLite file in the user's data folder."""
    return os.environ.get(ENV_DB) or str(default_data_dir() / "xinfang.sqlite")


@dataclass
class Desk:
    """Every service, built once and handed to the window or the command line."""

    db: Database
    data_dir: Path
    settings: SettingsService
    reference: ReferenceService
    intake: IntakeService
    recognition: RecognitionService
    matters: MatterService
    slips: SlipService
    cases: CaseService
    holidays: HolidayService
    deadline_rules: DeadlineRuleService
    deadlines: DeadlineViewService
    supervision: SupervisionService
    notices: NoticeService
    tally: TallyService
    ledger: LedgerService
    exchange: ExchangeService
    sources: SourceServices  # 追根溯源: entities, similar matters, hotspots, backlog, 考核
    drafts: EncryptedDraft
    clock: Callable[[], datetime]  # "now" for every service and view: fixed in tests
    accounts: AccountService
    audit: AuditService
    privacy: PrivacyService
    backups: BackupService
    setup: SetupService  # not guarded: it runs before any account exists, and refuses after
    principal: Principal
    sign_ins: SignInService
    raw: dict[str, object]  # the unguarded services (sources flattened: "sources.entities"…), for helpers
    integrity: IntegrityPlan  # the start-up check: done, or deferred until the window has painted

    @property
    def calendar(self) -> WorkCalendar:
        """The working-day calendar as the holiday table says now."""
        return self.holidays.calendar()

    @property
    def _log(self) -> AuditService:
        """The audit service itself: sign-in entries are written whoever is (or is not) signed in."""
        audit = self.raw["audit"]
        assert isinstance(audit, AuditService)
        return audit

    @property
    def user(self) -> Account | None:
        return self.principal.account

    def may(self, permission: str) -> bool:
        """Whether the signed-in role has ``permission``: the window shows what one may, the guard decides."""
        account = self.principal.account
        return account is not None and allowed(account.role, permission)

    def sign_in(self, username: str, password: str) -> Account:
        """Check the password (failures counted, lockout, all audited) and make the account the user."""
        account = self.sign_ins.authenticate(username, password)
        self.principal.sign_in(account)
        return account

    def sign_in_console(self, os_user: str | None = None) -> Account:
        """The command line's operator (administrator), only on SQLite: its writer has it all anyway."""
        if not self.db.is_sqlite:
            raise NotSignedInError("使用数据库服务器时，命令行须用 --user 账号登录")
        account = self.principal.sign_in_console(os_user)
        self._log.record_as(account.username, "sign_in", "accounts", "", console=True)
        return account

    def sign_out(self) -> None:
        if self.principal.account is not None:
            self._log.record_as(self.principal.actor(), "sign_out", "accounts", self.principal.account.id)
        self.principal.sign_out()

    def unlock(self, password: str) -> Account:
        """The idle-locked window asks the same user's password again (failures count as at sign-in)."""
        if self.principal.account is None:
            raise NotSignedInError()
        return self.sign_in(self.principal.account.username, password)

    def importer(self, default_clerk: str = "") -> ImportService:
        """An import service (permission `import`); rows naming no clerk are signed by default_clerk."""
        account = self.principal.require("import")
        intake = self.raw["intake"]
        assert isinstance(intake, IntakeService)
        service = ImportService(
            intake, self.db, self.clock, default_clerk=default_clerk or account.display_name
        )
        return _guard("importing", service, self.principal, self._log)

    def close(self) -> None:
        close_session(self.integrity)
        self.db.dispose()


def open_desk(
    target: str | None = None,
    clock: Callable[[], datetime] = datetime.now,
    password_hasher: PasswordHasher | None = None,
    data_dir: Path | None = None,
    window: bool = False,
) -> Desk:
    """Open (migrate, seed) the database and build the services; nobody is signed in yet.

    `password_hasher`: argon2-cffi's defaults unless given (tests pass cheaper parameters). `data_dir`
    (archive, drafts, window settings) defaults to the SQLite file's folder or the user's. `window`: the
    integrity check of a big, up-to-date file that was closed cleanly last time is left to the window
    (`desk.integrity`, run after the first paint); the command line always checks first.
    """
    url = database_url(target or default_database())
    path = sqlite_path(url)
    if path is not None:
        check_local(path)
    data_dir = data_dir or _data_dir_for(url)
    db = Storage.open_target(url)
    try:
        with translated():
            integrity = plan_check(db, data_dir, window)
            check_now(integrity)  # never migrate or write into a damaged file: restore a backup first
            migrate.upgrade(db.engine, backup_dir=data_dir / "backups")
        principal = Principal()
        capture_writes(db, principal.actor, clock)  # before the first write: seeding is audited too
        seed_if_empty(db)
        DeadlineRuleService(db).seed_if_empty()
        HolidayService(db, clock).seed_if_empty()
        ensure_draft_key(db)
        open_session(integrity)
    except db_errors.DatabaseTooNewError as error:
        db.dispose()
        raise DatabaseTooNewError(
            f"数据库由更新版本的程序创建（版本 {error.found}），本程序无法打开，以免损坏数据。请升级程序。"
        ) from error
    except BaseException:
        db.dispose()
        raise
    desk = _build(db, data_dir, clock, principal, password_hasher or PasswordHasher())
    desk.integrity = integrity
    return desk


def _data_dir_for(url: str) -> Path:
    """Archive, backups and drafts live beside a SQLite file; for a server, in the user's folder."""
    path = sqlite_path(url)
    return path.parent if path is not None else default_data_dir()


def _build(
    db: Database, data_dir: Path, clock: Callable[[], datetime], principal: Principal, hasher: PasswordHasher
) -> Desk:
    raw = _services(db, data_dir, clock)
    audit = AuditService(db, principal.actor, clock)
    settings = raw["settings"]
    assert isinstance(settings, SettingsService)

    def lockout() -> Lockout:
        values = settings.get()
        return Lockout(values.lockout_failures, values.lockout_minutes)

    raw.update(
        accounts=AccountService(db, hasher, clock),
        audit=audit,
        privacy=PrivacyService(db, raw["matters"], raw["recognition"], principal.actor, clock),  # type: ignore[arg-type]
        backups=BackupService(db, data_dir, clock),
        drafts=EncryptedDraft(data_dir / "drafts" / "intake.json", db),
    )
    guarded = {name: _guard(name, service, principal, audit) for name, service in raw.items()}
    sources = SourceServices(**{n[len(SOURCES) :]: guarded.pop(n) for n in raw if n.startswith(SOURCES)})
    return Desk(
        sources=sources,
        db=db,
        data_dir=data_dir,
        clock=clock,
        setup=SetupService(db, settings, hasher, clock),
        principal=principal,
        sign_ins=SignInService(db, hasher, clock, lockout),
        raw=raw,
        integrity=IntegrityPlan(None, True, "not checked"),
        **guarded,  # type: ignore[arg-type]
    )


def _guard(name: str, service: Any, principal: Principal, audit: AuditService) -> Any:
    return Guarded(name, service, principal, audit)


def _services(db: Database, data_dir: Path, clock: Callable[[], datetime]) -> dict[str, object]:
    settings = SettingsService(db, data_dir / "window.json")
    reference = ReferenceService(db)
    matters = MatterService(db)
    deadline_rules = DeadlineRuleService(db)
    holidays = HolidayService(db, clock)
    calendar, rules = holidays.calendar, deadline_rules.rules  # callables: edits apply at once
    archive = data_dir / "archive"
    return dict(
        settings=settings,
        reference=reference,
        intake=IntakeService(db, settings, reference, calendar, rules, clock),
        recognition=RecognitionService(db),
        matters=matters,
        slips=SlipService(db, settings, matters, archive, clock),
        cases=CaseService(db, calendar, rules, clock),
        holidays=holidays,
        deadline_rules=deadline_rules,
        deadlines=DeadlineViewService(db, calendar, rules, clock),
        supervision=SupervisionService(db, calendar, rules, clock),
        notices=NoticeService(db, settings, matters, archive, clock, calendar),
        tally=TallyService(db, clock),
        ledger=LedgerService(db, settings),
        exchange=ExchangeService(db, settings, clock),
        **_flat(build_sources(db, settings, archive, clock)),
    )


SOURCES = "sources."  # desk.sources.entities is guarded as "sources.entities", each with its own table row


def _flat(sources: SourceServices) -> dict[str, object]:
    return {SOURCES + f.name: getattr(sources, f.name) for f in fields(sources)}
