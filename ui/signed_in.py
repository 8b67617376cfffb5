"""Who signs what the window does: the signed-in account's display name, never a typed or stored name."""

from __future__ import annotations

from app.desk import Desk


def signed_in_name(desk: Desk) -> str:
    """The display name that signs events (the guard in app/ checks it); '' when nobody is signed in."""
    return desk.user.display_name if desk.user is not None else ""
