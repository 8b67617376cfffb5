"""The composition root of the services: open the database, bring it up to date, build every service.

The window and the command line both start here; nothing else opens a database.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from platformdirs import user_data_path

from app.access import Guarded, NotSignedInError, Principal
from app.audit import AuditService, capture_writes
from app.county import seed_if_empty
from app.deadline_rules import DeadlineRuleService
from app.drafts import ensure_draft_key
from app.errors import DatabaseTooNewError
from app.holidays import HolidayService
from app.network_share import check_local
from app.permissions import allowed
from app.startup_integrity import IntegrityPlan, check_now, close_session, open_session, plan_check
from app.storage import Storage, translated
from db import errors as db_errors
from db import migrate
from db.engine import Database, database_url, sqlite_path

if TYPE_CHECKING:  # the services' modules are imported when each is first used (start-up: issue 5)
    from argon2 import PasswordHasher

    from app.accounts import Account, AccountService
    from app.backup import BackupService
    from app.cases import CaseService
    from app.deadline_views import DeadlineViewService
    from app.drafts import EncryptedDraft
    from app.exchange import ExchangeService
    from app.importing import ImportService
    from app.intake import IntakeService
    from app.ledger import LedgerService
    from app.matters import MatterService
    from app.notices import NoticeService
    from app.privacy import PrivacyService
    from app.recognition import RecognitionService
    from app.reference import ReferenceService
    from app.settings import SettingsService
    from app.setup import SetupService
    from app.sign_in import SignInService
    from app.slips import SlipService
    from app.sources import SourceServices
    from app.supervision import SupervisionService
    from app.tally import TallyService
    from app.workdays import WorkCalendar

ENV_DB = "XINFANG_DESK_DB"
APP_NAME = "XinfangDesk"


def default_data_dir() -> Path:
    return user_data_path(APP_NAME, appauthor=False)


def default_database() -> str:
    """--db, else $XINFANG_DESK_DB, else the SQLite file in the user's data folder."""
    return os.environ.get(ENV_DB) or str(default_data_dir() / "xinfang.sqlite")


class Desk:
    """Every service, each built (and its module imported) on first use, then kept.

    The services are guarded (`Guarded`: the permission table and the audit); `raw` holds them unguarded
    (sources flattened: "sources.entities"…), for helpers. Building on first use keeps the window's start
    from importing what it does not show: ReportLab for the notices and letters, the tally's PDF …
    """

    db: Database
    data_dir: Path
    clock: Callable[[], datetime]  # "now" for every service and view: fixed in tests
    principal: Principal
    raw: LazyServices
    integrity: IntegrityPlan  # the start-up check: done, or deferred until the window has painted
    # guarded services, built by __getattr__ on first use
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
    accounts: AccountService
    audit: AuditService
    privacy: PrivacyService
    backups: BackupService
    setup: SetupService  # not guarded: it runs before any account exists, and refuses after
    sign_ins: SignInService  # not guarded

    def __init__(
        self,
        db: Database,
        data_dir: Path,
        clock: Callable[[], datetime],
        principal: Principal,
        hasher: Callable[[], PasswordHasher],
        integrity: IntegrityPlan,
    ) -> None:
        self.db, self.data_dir, self.clock, self.principal = db, data_dir, clock, principal
        self.integrity = integrity
        self._hasher = hasher
        self.raw = LazyServices(_factories(self))

    def __getattr__(self, name: str) -> Any:
        """A service asked for the first time: build it (guarded), keep it."""
        if name in GUARDED:
            service: Any = _LazyGuarded(name, lambda: self.raw[name], self.principal, self.raw)
        elif name == "sources":
            service = _Sources(self)
        elif name == "setup":
            from app.setup import SetupService

            service = SetupService(self.db, self.raw["settings"], self._hasher(), self.clock)  # type: ignore[arg-type]
        elif name == "sign_ins":
            from app.sign_in import Lockout, SignInService

            settings = self.raw["settings"]

            def lockout() -> Lockout:
                values = settings.get()  # type: ignore[attr-defined]
                return Lockout(values.lockout_failures, values.lockout_minutes)

            service = SignInService(self.db, self._hasher(), self.clock, lockout)
        else:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        setattr(self, name, service)
        return service

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
        from app.importing import ImportService
        from app.intake import IntakeService

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
    return Desk(db, data_dir, clock, principal, _hasher(password_hasher), integrity)


def _hasher(given: PasswordHasher | None) -> Callable[[], PasswordHasher]:
    """argon2-cffi's hasher (or the one given), made when first wanted: signing in, setting up."""
    made: list[PasswordHasher] = [given] if given is not None else []

    def hasher() -> PasswordHasher:
        if not made:
            from argon2 import PasswordHasher

            made.append(PasswordHasher())
        return made[0]

    return hasher


def _data_dir_for(url: str) -> Path:
    """Archive, backups and drafts live beside a SQLite file; for a server, in the user's folder."""
    path = sqlite_path(url)
    return path.parent if path is not None else default_data_dir()


def _guard(name: str, service: Any, principal: Principal, audit: AuditService) -> Any:
    return Guarded(name, service, principal, audit)


class _LazyGuarded(Guarded):
    """A guarded service whose service (and its module) is built at its first use, not when the window
    hands it to a page: the matter view holds the notices' service, which imports ReportLab."""

    def __init__(
        self, name: str, build: Callable[[], object], principal: Principal, raw: LazyServices
    ) -> None:
        for attr, value in (("_name", name), ("_build", build), ("_principal", principal), ("_raw", raw)):
            object.__setattr__(self, attr, value)

    def __getattr__(self, attr: str) -> Any:
        if attr in ("_service", "_audit"):
            built = self._build() if attr == "_service" else self._raw["audit"]
            object.__setattr__(self, attr, built)
            return built
        return super().__getattr__(attr)


class LazyServices(Mapping[str, object]):
    """The unguarded services by name, each built by its factory on first use and kept."""

    def __init__(self, factories: dict[str, Callable[[], object]]) -> None:
        self._factories = factories
        self._built: dict[str, object] = {}
        self._lock = threading.RLock()  # workers may ask first; a factory asks for the services it needs

    def __getitem__(self, name: str) -> object:
        built = self._built.get(name)
        if built is None:
            with self._lock:
                built = self._built.get(name)
                if built is None:
                    built = self._built[name] = self._factories[name]()
        return built

    def __iter__(self) -> Iterator[str]:
        return iter(self._factories)

    def __len__(self) -> int:
        return len(self._factories)

    def __contains__(self, name: object) -> bool:  # Mapping's own would build the service
        return name in self._factories

    def built(self) -> set[str]:
        """The names built so far (the start-up test checks what a window start builds)."""
        return set(self._built)


SOURCES = "sources."  # desk.sources.entities is guarded as "sources.entities", each with its own table row


class _Sources:
    """desk.sources: each 追根溯源 service guarded, built on first use."""

    def __init__(self, desk: Desk) -> None:
        self._desk = desk

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or SOURCES + name not in self._desk.raw:
            raise AttributeError(name)
        raw, key = self._desk.raw, SOURCES + name
        service = _LazyGuarded(key, lambda: raw[key], self._desk.principal, raw)
        setattr(self, name, service)
        return service


def _factories(desk: Desk) -> dict[str, Callable[[], object]]:
    """How each service is built; what it needs from the others it takes from `desk.raw` when built."""
    db, data_dir, clock, raw = desk.db, desk.data_dir, desk.clock, lambda: desk.raw
    archive = data_dir / "archive"

    def settings() -> Any:
        from app.settings import SettingsService

        return SettingsService(db, data_dir / "window.json")

    def reference() -> Any:
        from app.reference import ReferenceService

        return ReferenceService(db)

    def calendar() -> WorkCalendar:  # callables: edits apply at once
        return raw()["holidays"].calendar()  # type: ignore[attr-defined,no-any-return]

    def rules() -> Any:
        return raw()["deadline_rules"].rules()  # type: ignore[attr-defined]

    def intake() -> Any:
        from app.intake import IntakeService

        r = raw()
        return IntakeService(db, r["settings"], r["reference"], calendar, rules, clock)  # type: ignore[arg-type]

    def recognition() -> Any:
        from app.recognition import RecognitionService

        return RecognitionService(db)

    def matters() -> Any:
        from app.matters import MatterService

        return MatterService(db)

    def slips() -> Any:
        from app.slips import SlipService

        return SlipService(db, raw()["settings"], raw()["matters"], archive, clock)  # type: ignore[arg-type]

    def cases() -> Any:
        from app.cases import CaseService

        return CaseService(db, calendar, rules, clock)

    def deadlines() -> Any:
        from app.deadline_views import DeadlineViewService

        return DeadlineViewService(db, calendar, rules, clock)

    def supervision() -> Any:
        from app.supervision import SupervisionService

        return SupervisionService(db, calendar, rules, clock)

    def notices() -> Any:
        from app.notices import NoticeService

        r = raw()
        return NoticeService(db, r["settings"], r["matters"], archive, clock, calendar)  # type: ignore[arg-type]

    def tally() -> Any:
        from app.tally import TallyService

        return TallyService(db, clock)

    def ledger() -> Any:
        from app.ledger import LedgerService

        return LedgerService(db, raw()["settings"])  # type: ignore[arg-type]

    def exchange() -> Any:
        from app.exchange import ExchangeService

        return ExchangeService(db, raw()["settings"], clock)  # type: ignore[arg-type]

    def source(name: str) -> Callable[[], object]:
        def build() -> object:
            from app.sources import build_source

            return build_source(name, db, raw()["settings"], archive, clock)  # type: ignore[arg-type]

        return build

    def accounts() -> Any:
        from app.accounts import AccountService

        return AccountService(db, desk._hasher(), clock)

    def privacy() -> Any:
        from app.privacy import PrivacyService

        r = raw()
        return PrivacyService(db, r["matters"], r["recognition"], desk.principal.actor, clock)  # type: ignore[arg-type]

    def backups() -> Any:
        from app.backup import BackupService

        return BackupService(db, data_dir, clock)

    def drafts() -> Any:
        from app.drafts import EncryptedDraft

        return EncryptedDraft(data_dir / "drafts" / "intake.json", db)

    from app.sources import SOURCE_NAMES

    return {
        "settings": settings,
        "reference": reference,
        "intake": intake,
        "recognition": recognition,
        "matters": matters,
        "slips": slips,
        "cases": cases,
        "holidays": lambda: HolidayService(db, clock),
        "deadline_rules": lambda: DeadlineRuleService(db),
        "deadlines": deadlines,
        "supervision": supervision,
        "notices": notices,
        "tally": tally,
        "ledger": ledger,
        "exchange": exchange,
        **{SOURCES + name: source(name) for name in SOURCE_NAMES},
        "accounts": accounts,
        "audit": lambda: AuditService(db, desk.principal.actor, clock),
        "privacy": privacy,
        "backups": backups,
        "drafts": drafts,
    }


GUARDED = frozenset(
    name
    for name in Desk.__annotations__
    if name
    not in {"db", "data_dir", "clock", "principal", "raw", "integrity", "sources", "setup", "sign_ins"}
)
