"""The composition root of the services: open the database, bring it up to date, build every service.

The window and the command line both start here; nothing else opens a database.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from platformdirs import user_data_path

from app.backup import startup_check
from app.cases import CaseService
from app.county import seed_if_empty
from app.deadline_rules import DeadlineRuleService
from app.deadline_views import DeadlineViewService
from app.errors import DatabaseTooNewError, StorageError
from app.exchange import ExchangeService
from app.holidays import HolidayService
from app.intake import IntakeService
from app.json_store import JsonFile
from app.ledger import LedgerService
from app.matters import MatterService
from app.notices import NoticeService
from app.recognition import RecognitionService
from app.reference import ReferenceService
from app.settings import SettingsService
from app.slips import SlipService
from app.sources import SourceServices, build_sources
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
    drafts: JsonFile
    clock: Callable[[], datetime]  # "now" for every service and view: fixed in tests

    @property
    def calendar(self) -> WorkCalendar:
        """The working-day calendar as the holiday table says now."""
        return self.holidays.calendar()

    def close(self) -> None:
        self.db.dispose()


def open_desk(target: str | None = None, clock: Callable[[], datetime] = datetime.now) -> Desk:
    url = database_url(target or default_database())
    data_dir = _data_dir_for(url)
    db = Storage.open_target(url)
    try:
        with translated():
            problems = startup_check(db)
            if problems:  # never migrate or write into a damaged file: the clerk restores a backup first
                raise StorageError("数据库文件已损坏，请用“恢复备份”恢复：" + "；".join(problems[:3]))
            migrate.upgrade(db.engine, backup_dir=data_dir / "backups")
        seed_if_empty(db)
        DeadlineRuleService(db).seed_if_empty()
        HolidayService(db, clock).seed_if_empty()
    except db_errors.DatabaseTooNewError as error:
        db.dispose()
        raise DatabaseTooNewError(
            f"数据库由更新版本的程序创建（版本 {error.found}），本程序无法打开，以免损坏数据。请升级程序。"
        ) from error
    except BaseException:
        db.dispose()
        raise
    return _build(db, data_dir, clock)


def _data_dir_for(url: str) -> Path:
    """Archive, backups and drafts live beside a SQLite file; for a server, in the user's folder."""
    path = sqlite_path(url)
    return path.parent if path is not None else default_data_dir()


def _build(db: Database, data_dir: Path, clock: Callable[[], datetime]) -> Desk:
    settings = SettingsService(db, data_dir / "window.json")
    reference = ReferenceService(db)
    matters = MatterService(db)
    deadline_rules = DeadlineRuleService(db)
    holidays = HolidayService(db, clock)
    calendar, rules = holidays.calendar, deadline_rules.rules  # callables: edits apply at once
    archive = data_dir / "archive"
    return Desk(
        db=db,
        data_dir=data_dir,
        clock=clock,
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
        sources=build_sources(db, settings, archive, clock),
        drafts=JsonFile(data_dir / "drafts" / "intake.json"),
    )
