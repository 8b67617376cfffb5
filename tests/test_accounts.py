"""Accounts: Argon2 hashes, password rules, lockout and unlock, idle unlock, the first run."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from app.accounts import Role
from app.audit import AuditRow
from app.desk import Desk, open_desk
from app.errors import ValidationError
from app.sign_in import SignInError
from db.models import Account as AccountRow
from db.models import Clerk, Department, Township
from tests.accounts_helpers import ADMIN_PASSWORD, CHEAP_HASHER, PASSWORD, raw_accounts, sign_in_as
from tests.conftest import FixedClock


def test_the_password_is_stored_as_an_argon2_hash_never_as_given(desk: Desk, db_path: Path) -> None:
    desk.accounts.create("zhoumin", "周敏", "clerk", "Secret-pass-77")
    with desk.db.reading() as session:
        stored = session.scalar(select(AccountRow.password_hash).where(AccountRow.username == "zhoumin"))
    assert stored is not None and stored.startswith("$argon2id$") and "Secret-pass-77" not in stored
    desk.close()
    raw = b"".join(p.read_bytes() for p in db_path.parent.glob("desk.sqlite*"))
    assert b"Secret-pass-77" not in raw  # nor anywhere in the file, its WAL or the audit log


def test_production_uses_argon2_cffi_defaults(tmp_path: Path) -> None:
    desk = open_desk(str(tmp_path / "p.sqlite"), clock=FixedClock())
    try:
        desk.accounts.create_first_admin("boss", "赵局", "first-pass-1")
        with desk.db.reading() as session:
            stored = session.scalar(select(AccountRow.password_hash))
        assert stored is not None and "m=65536,t=3" in stored
    finally:
        desk.close()


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("short1", "8至128"),
        ("onlyletters", "字母和数字"),
        ("12345678", "字母和数字"),
        ("wangqiang1", "用户名"),
    ],
)
def test_password_rules_are_checked_with_a_chinese_message(desk: Desk, password: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        desk.accounts.create("wangqiang1", "王强", "clerk", password)
    assert "wangqiang1" not in {a.username for a in desk.accounts.list()}


def test_account_fields_are_validated(desk: Desk) -> None:
    with pytest.raises(ValidationError) as refused:
        desk.accounts.create("x", "", "boss", PASSWORD)
    assert {e.field for e in refused.value.errors} == {"username", "display_name", "role"}
    desk.accounts.create("zhou", "周敏", "clerk", PASSWORD)
    with pytest.raises(ValidationError, match="已被使用"):
        desk.accounts.create("ZHOU", "周敏", "clerk", PASSWORD)


def test_a_new_accounts_name_joins_the_clerk_list(desk: Desk) -> None:
    desk.accounts.create("zhou", "周敏", "clerk", PASSWORD)
    with desk.db.reading() as session:
        assert session.scalar(select(Clerk.id).where(Clerk.name == "周敏")) is not None


def test_five_wrong_passwords_lock_the_account_for_fifteen_minutes(desk: Desk, clock: FixedClock) -> None:
    raw_accounts(desk).create("clerk", "王强", Role.CLERK, PASSWORD)
    for left in (4, 3, 2, 1):
        with pytest.raises(SignInError, match=f"再错 {left} 次"):
            desk.sign_in("clerk", "wrong-pass-1")
    with pytest.raises(SignInError, match="已锁定 15 分钟"):
        desk.sign_in("clerk", "wrong-pass-1")
    with pytest.raises(SignInError, match="已锁定至"):
        desk.sign_in("clerk", PASSWORD)  # even the right password, while locked
    clock.now += timedelta(minutes=15, seconds=1)
    assert desk.sign_in("clerk", PASSWORD).display_name == "王强"
    actions = [e.action for e in reversed(raw_accounts_audit(desk))]
    assert actions.count("sign_in_failed") == 5 and "lockout" in actions and actions[-1] == "sign_in"


def raw_accounts_audit(desk: Desk) -> list[AuditRow]:
    desk.sign_in("admin", ADMIN_PASSWORD)
    return [e for e in desk.audit.entries(record_type="accounts", limit=50) if e.action != "update"]


def test_an_administrator_unlocks_a_locked_account(desk: Desk) -> None:
    raw_accounts(desk).create("clerk", "王强", Role.CLERK, PASSWORD)
    for _ in range(5):
        with pytest.raises(SignInError):
            desk.sign_in("clerk", "wrong-pass-1")
    desk.sign_in("admin", ADMIN_PASSWORD)
    assert desk.accounts.list()[-1].locked_until is not None
    desk.accounts.unlock("clerk")
    assert desk.sign_in("clerk", PASSWORD).username == "clerk"


def test_a_disabled_account_cannot_sign_in_and_the_last_admin_cannot_be_disabled(desk: Desk) -> None:
    raw_accounts(desk).create("clerk", "王强", Role.CLERK, PASSWORD)
    desk.accounts.set_active("clerk", False)
    with pytest.raises(SignInError, match="已停用"):
        desk.sign_in("clerk", PASSWORD)
    with pytest.raises(ValidationError, match="最后一个管理员"):
        desk.accounts.set_active("admin", False)


def test_an_unknown_name_gets_the_same_answer_as_a_wrong_password(desk: Desk) -> None:
    with pytest.raises(SignInError) as unknown:
        desk.sign_in("nobody", PASSWORD)
    assert unknown.value.message == "用户名或密码不正确"


def test_a_new_password_replaces_the_old(desk: Desk) -> None:
    desk.accounts.set_password("admin", "another-pass-9")
    with pytest.raises(SignInError):
        desk.sign_in("admin", ADMIN_PASSWORD)
    assert desk.sign_in("admin", "another-pass-9").role is Role.ADMIN


def test_the_idle_lock_asks_the_same_users_password(desk: Desk) -> None:
    sign_in_as(desk, Role.CLERK)
    with pytest.raises(SignInError):
        desk.unlock("wrong-pass-1")
    assert desk.unlock(PASSWORD).username == "clerk" and desk.user is not None
    assert desk.settings.get().idle_lock_minutes == 10


def test_the_first_run_sets_up_the_agency_and_its_administrator_once(tmp_path: Path) -> None:
    desk = open_desk(str(tmp_path / "new.sqlite"), clock=FixedClock(), password_hasher=CHEAP_HASHER)
    try:
        assert not desk.accounts.has_accounts()
        defaults = desk.setup.defaults()
        assert "城关镇" in defaults.townships and defaults.agency_code == "X信访"
        with pytest.raises(ValidationError, match="至少填写一个"):  # refused whole: nothing written
            desk.setup.first_run("某县信访局", "某信访", [], ["县住建局"], "boss", "赵局", "first-pass-1")
        assert not desk.accounts.has_accounts()
        desk.setup.first_run(
            "某县信访局", "某信访", ["城关镇", "新区街道"], ["县住建局"], "boss", "赵局", "first-pass-1"
        )
        desk.sign_in("boss", "first-pass-1")
        assert desk.settings.get().agency_name == "某县信访局"
        assert desk.reference.names().townships == ["城关镇", "新区街道"]
        with desk.db.reading() as session:
            assert session.scalar(select(Township.code).where(Township.name == "新区街道"))
            assert session.scalar(select(Department.active).where(Department.name == "县住建局"))
        with pytest.raises(ValidationError, match="已完成首次设置"):
            desk.setup.first_run(
                "某县信访局", "某信访", ["城关镇"], ["县住建局"], "boss2", "钱局", "first-pass-2"
            )
    finally:
        desk.close()
