"""The guard: every public method of every service on the Desk checked against the permission table.

A Desk hands out its services wrapped in `Guarded`. Each call finds the method's permission in
app/permissions.py (a method not listed is refused), checks the signed-in account's role, fills in the
signing clerk from the account (refusing another name unless the role may sign for others), and writes the
audit entry for prints, exports and imports. Inside the services nothing is wrapped: they call each other.
"""

from __future__ import annotations

import dataclasses
import functools
import getpass
import inspect
from collections.abc import Callable
from typing import Any

from app.accounts import Account, Role
from app.audit import AuditService
from app.errors import DeskError
from app.permissions import AUDITED, METHODS, PERMISSIONS, PUBLIC, allowed

SYSTEM = "系统"  # the actor of writes made before anyone signs in (migrating, seeding)
CONSOLE_PREFIX = "命令行:"
READ_ONLY = {"view"}
PLAIN_DATA = (
    str,
    int,
    float,
    bool,
    tuple,
    frozenset,
    type(None),
)  # a `clerk` argument of these filters what is shown; it signs nothing


class NotSignedInError(DeskError):
    def __init__(self, message: str = "尚未登录，请先登录") -> None:
        super().__init__(message)


class PermissionDeniedError(DeskError):
    """The signed-in role may not do this; the message names the permission."""

    def __init__(self, message: str, permission: str = "") -> None:
        super().__init__(message)
        self.permission = permission


class Principal:
    """Who is signed in on this Desk: an account, the console operator, or nobody."""

    def __init__(self) -> None:
        self.account: Account | None = None

    def sign_in(self, account: Account) -> None:
        self.account = account

    def sign_in_console(self, os_user: str | None = None) -> Account:
        name = CONSOLE_PREFIX + (os_user or _os_user())
        self.account = Account(id=0, username=name, display_name="", role=Role.ADMIN, active=True)
        return self.account

    def sign_out(self) -> None:
        self.account = None

    def actor(self) -> str:
        return self.account.username if self.account is not None else SYSTEM

    def require(self, permission: str) -> Account:
        if self.account is None:
            raise NotSignedInError()
        if not allowed(self.account.role, permission):
            label = PERMISSIONS[permission].label
            raise PermissionDeniedError(
                f"{self.account.role.label}没有“{label}”的权限（{permission}）", permission
            )
        return self.account


class Guarded:
    """A service seen through the permission table: plain values pass, inner objects do not."""

    def __init__(self, name: str, service: object, principal: Principal, audit: AuditService) -> None:
        object.__setattr__(self, "_name", name)
        object.__setattr__(self, "_service", service)
        object.__setattr__(self, "_principal", principal)
        object.__setattr__(self, "_audit", audit)

    def __getattr__(self, attr: str) -> Any:
        if attr.startswith("_"):
            raise AttributeError(attr)
        value = getattr(self._service, attr)
        if isinstance(value, PLAIN_DATA):
            return value
        if not callable(value):  # an inner object (a settings store…) would be a way round the table
            raise PermissionDeniedError(f"{self._name}.{attr} 不能经由受控服务直接取用", "")
        permission = METHODS.get(self._name, {}).get(attr)
        if permission is None:
            raise PermissionDeniedError(f"操作 {self._name}.{attr} 未列入权限表，已拒绝", "")
        return self._checked(attr, value, permission)

    def __setattr__(self, attr: str, value: Any) -> None:
        raise AttributeError(f"{self._name} is guarded: set {attr} on the service itself")

    def _checked(self, attr: str, method: Callable[..., Any], permission: str) -> Callable[..., Any]:
        # a plain read (no reveal, nothing to sign, no audit entry) needs no argument binding: recognition
        # and search are called on every keystroke, and binding cost more than their own queries
        plain_read = (
            permission in READ_ONLY
            and "reveal" not in _signature(type(self._service), attr).parameters
            and (self._name, attr) not in AUDITED
        )

        @functools.wraps(method)  # the signature shows through: callers inspect it (the CLI's `act`)
        def call(*args: Any, **kwargs: Any) -> Any:
            if permission == PUBLIC:
                return method(*args, **kwargs)
            account = self._principal.require(permission)
            if plain_read:
                return method(*args, **kwargs)
            bound = _signature(type(self._service), attr).bind(*args, **kwargs)
            if bound.arguments.get("reveal"):
                self._principal.require("reveal")
            if permission not in READ_ONLY:
                _sign(bound, account)
            action = AUDITED.get((self._name, attr))
            if action is None:
                return method(*bound.args, **bound.kwargs)
            subject, detail = _subject(bound), _audit_detail(self._name, attr, bound)
            if (self._name, attr) in CARRIED:
                with self._audit.carried(self._audit.entry(action, self._name, subject, **detail)):
                    return method(*bound.args, **bound.kwargs)
            result = method(*bound.args, **bound.kwargs)
            self._audit.record(action, self._name, subject, **detail)
            return result

        return call


# Audited calls whose one write transaction records the act itself (the print row): their entry is chained
# in that transaction, one commit instead of two. Others may write several times, so theirs follows the call.
CARRIED = frozenset({("slips", "write_slip"), ("slips", "record_print")})

_SIGNATURES: dict[tuple[type, str], inspect.Signature] = {}


def _signature(cls: type, attr: str) -> inspect.Signature:
    """The method's signature without self, computed once per method."""
    if (cls, attr) in _SIGNATURES:
        return _SIGNATURES[cls, attr]
    signature = inspect.signature(getattr(cls, attr))
    _SIGNATURES[cls, attr] = signature.replace(parameters=list(signature.parameters.values())[1:])
    return _SIGNATURES[cls, attr]


def _sign(bound: inspect.BoundArguments, account: Account) -> None:
    """The clerk who signs is the signed-in account; another name only for a role that may sign for others."""
    parameters = bound.signature.parameters
    for key in ("clerk", "created_by"):
        if key in parameters:
            bound.arguments[key] = _signer(bound.arguments.get(key), account)
    if "visit" in parameters:
        bound.arguments["visit"] = _signed_visit(bound.arguments["visit"], account)
    if "visits" in parameters:
        bound.arguments["visits"] = [_signed_visit(v, account) for v in bound.arguments["visits"]]


def _signed_visit(visit: Any, account: Account) -> Any:
    if not dataclasses.is_dataclass(visit) or not hasattr(visit, "clerk"):
        return visit
    return dataclasses.replace(visit, clerk=_signer(visit.clerk, account))  # type: ignore[type-var]


def _signer(given: str | None, account: Account) -> str | None:
    name = (given or "").strip()
    if not name:
        return account.display_name or given
    if name == account.display_name or allowed(account.role, "sign_for_others"):
        return given
    raise PermissionDeniedError(
        f"只能以本人（{account.display_name}）的名义署名，不能署名为“{name}”", "sign_for_others"
    )


def _audit_detail(name: str, attr: str, bound: inspect.BoundArguments) -> dict[str, Any]:
    return {"method": f"{name}.{attr}", "reveal": bool(bound.arguments.get("reveal"))}


def _subject(bound: inspect.BoundArguments) -> str:
    """Which record a print or export is about, for the audit entry."""
    if "matter_no" in bound.arguments:
        return str(bound.arguments["matter_no"])
    for first, last in (("first", "last"), ("date_from", "date_to")):
        if first in bound.arguments:
            return f"{bound.arguments[first]}..{bound.arguments.get(last)}"
    for key in ("slip", "notice"):
        if key in bound.arguments:
            return str(getattr(bound.arguments[key], "matter_no", ""))
    return ""


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "?"
