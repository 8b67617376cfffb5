"""The permission table enforced by the services themselves: no window, just the Desk a script gets."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from app.access import NotSignedInError, PermissionDeniedError
from app.accounts import Role
from app.desk import Desk
from app.permissions import METHODS, PERMISSIONS, PUBLIC, allowed, table_text
from db.models import MatterEvent
from tests.accounts_helpers import open_signed_in, sign_in_as
from tests.conftest import FixedClock
from tests.factories import visit

GUARDED = sorted(METHODS)


def _guarded(desk: Desk, name: str) -> object:
    """desk.matters for "matters", desk.sources.entities for "sources.entities"."""
    return functools.reduce(getattr, name.split("."), desk)


def _public_methods(service: object) -> set[str]:
    return {
        name
        for name, value in inspect.getmembers(type(service))
        if not name.startswith("_") and callable(value)
    }


def test_every_public_method_of_every_guarded_service_is_classified(desk: Desk) -> None:
    services = dict(desk.raw, importing=desk.importer())
    assert set(services) == set(METHODS), "a Desk service without a row in METHODS, or a stale row"
    for name, service in services.items():
        if name == "importing":
            service = object.__getattribute__(service, "_service")
        methods = _public_methods(service)
        assert methods - set(METHODS[name]) == set(), f"{name}: unclassified public methods"
        assert set(METHODS[name]) - methods == set(), f"{name}: the table names methods that do not exist"
    assert {p for table in METHODS.values() for p in table.values()} <= set(PERMISSIONS)


def test_an_unclassified_method_is_refused(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(METHODS, "matters", {k: v for k, v in METHODS["matters"].items() if k != "count"})
    with pytest.raises(PermissionDeniedError, match="未列入权限表"):
        desk.matters.count()


@pytest.fixture(scope="module")
def role_desk(tmp_path_factory: pytest.TempPathFactory, template_db: Path) -> Iterator[Desk]:
    path = tmp_path_factory.mktemp("roles") / "desk.sqlite"
    path.write_bytes(template_db.read_bytes())
    desk = open_signed_in(str(path), clock=FixedClock())
    yield desk
    desk.close()


@pytest.mark.parametrize("role", list(Role))
def test_the_table_is_enforced_for_every_method_and_role(role_desk: Desk, role: Role) -> None:
    """Each guarded method, called with no arguments: refused before anything runs, or past the check."""
    sign_in_as(role_desk, role)
    services = {n: _guarded(role_desk, n) for n in METHODS if n != "importing"}
    for service, methods in METHODS.items():
        if service == "importing":
            continue
        for method, permission in methods.items():
            call = getattr(services[service], method)
            if permission == PUBLIC or allowed(role, permission):
                with pytest.raises(TypeError):  # past the guard, stopped by the missing arguments
                    call(__no_such_argument__=True)
            else:
                with pytest.raises(PermissionDeniedError) as refused:
                    call()
                assert PERMISSIONS[permission].label in refused.value.message, f"{service}.{method}"


def test_nobody_signed_in_is_refused_everything_but_the_first_run_check(desk: Desk) -> None:
    desk.sign_out()
    with pytest.raises(NotSignedInError):
        desk.matters.count()
    with pytest.raises(NotSignedInError):
        desk.drafts.load()
    assert desk.accounts.has_accounts() is True


def test_a_clerk_calling_a_chiefs_service_is_refused_and_nothing_is_written(desk: Desk) -> None:
    matter_no = desk.intake.register_visit(visit()).matter_no
    sign_in_as(desk, Role.CLERK)
    with pytest.raises(PermissionDeniedError, match="决定与交办"):
        desk.cases.accept(matter_no, clerk="王强")
    with pytest.raises(PermissionDeniedError, match="导出台账"):
        desk.exchange.export(desk.clock().date(), desk.clock().date(), Path("/tmp/never.json"))
    assert desk.cases.case_file(matter_no).status == "登记"
    sign_in_as(desk, Role.CHIEF)
    assert desk.cases.accept(matter_no, clerk="张敏").status == "受理"


def test_the_clerks_name_on_every_event_comes_from_the_account(desk: Desk) -> None:
    sign_in_as(desk, Role.CLERK)
    registered = desk.intake.register_visit(visit(clerk=""))  # nothing typed: the account signs
    desk.cases.start_review(registered.matter_no, clerk="")
    with pytest.raises(PermissionDeniedError, match="只能以本人（王强）的名义署名"):
        desk.intake.register_visit(visit(clerk="李娜"))
    with pytest.raises(PermissionDeniedError, match="不能署名为“李娜”"):
        desk.cases.rate(registered.matter_no, "满意", clerk="李娜")
    detail = desk.matters.detail(registered.matter_no)
    assert detail.first_clerk == "王强" and [v.clerk for v in detail.visits] == ["王强"]
    with desk.db.reading() as session:
        signers = {e.clerk.name for e in session.scalars(select(MatterEvent)) if e.clerk is not None}
    assert signers == {"王强"}


def test_an_administrator_may_sign_for_another_clerk(desk: Desk) -> None:
    """Entering past paper records: only the administrator may name another clerk (the audit says who did)."""
    assert allowed(Role.ADMIN, "sign_for_others") and not allowed(Role.CHIEF, "sign_for_others")
    registered = desk.intake.register_visit(visit(clerk="王强"))
    assert desk.matters.detail(registered.matter_no).first_clerk == "王强"
    assert desk.audit.entries(action="insert", record_type="visits")[0].actor == "admin"


def test_revealing_in_an_export_needs_the_reveal_permission(desk: Desk, tmp_path: Path) -> None:
    day = desk.clock().date()
    sign_in_as(desk, Role.CLERK)
    with pytest.raises(PermissionDeniedError):
        desk.ledger.rows(day, day, reveal=True)
    sign_in_as(desk, Role.CHIEF)
    assert desk.exchange.export(day, day, tmp_path / "x.json", reveal=True) == 0


def test_the_printed_table_lists_every_permission_and_method() -> None:
    text = table_text()
    assert all(name in text for name in PERMISSIONS)
    assert "cases.accept → case_decide" in text and "接待员 | 科长 | 管理员" in text
