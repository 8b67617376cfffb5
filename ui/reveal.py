"""显示: a masked ID or phone number shown in full, for a stated reason, through desk.privacy.reveal; and a
visitor's own full record exported for them (desk.privacy.export_person).

Whether the user may see it is the service's decision (and it writes the audit entry); the window offers the
button to everyone and shows the service's refusal as it is. The reason is asked by `ask_reason`, one
function, so tests answer it by patching.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from app.desk import Desk
from app.errors import DeskError
from ui.app_messages import app_message
from ui.vocabulary import QT_TRANSLATE_NOOP

FIELD_NAMES = {
    "id_number": QT_TRANSLATE_NOOP("Reveal", "身份证号"),
    "phone": QT_TRANSLATE_NOOP("Reveal", "联系电话"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Reveal", text)  # a name from FIELD_NAMES (QT_TRANSLATE_NOOP)


def ask_reason(parent: QWidget | None, what: str) -> str | None:
    """The reason typed by the user; None when cancelled."""
    text, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("Reveal", "显示完整号码"),
        QCoreApplication.translate("Reveal", "查看完整%1的事由（将记入审计日志）：").replace("%1", what),
        QLineEdit.EchoMode.Normal,
    )
    return text if ok else None


def show_refusal(parent: QWidget | None, message: str) -> None:
    QMessageBox.warning(parent, QCoreApplication.translate("Reveal", "显示完整号码"), message)


def reveal_number(parent: QWidget | None, desk: Desk, person_id: int, field: str) -> str | None:
    """The full number, or None when the user cancelled or the service refused (then its message is shown)."""
    reason = ask_reason(parent, _tr(FIELD_NAMES[field]))
    if reason is None:
        return None
    try:
        return desk.privacy.reveal(person_id, field, reason)
    except DeskError as error:
        show_refusal(parent, app_message(error.message))
        return None


def ask_export_path(parent: QWidget | None, person_id: int) -> Path | None:
    """Where to write the visitor's record (a USB stick they brought, a folder to print from)."""
    name = QCoreApplication.translate("Reveal", "来访人本人记录_%1").replace("%1", str(person_id))
    suggested = str(Path.home() / f"{name}.json")
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("Reveal", "导出本人完整记录"),
        suggested,
        QCoreApplication.translate("Reveal", "JSON 文件 (*.json)"),
    )
    return Path(path) if path else None


def export_own_record(parent: QWidget | None, desk: Desk, person_id: int) -> Path | None:
    """The visitor's own record in full, for them; None when cancelled or refused (the message is shown)."""
    path = ask_export_path(parent, person_id)
    if path is None:
        return None
    try:
        return desk.privacy.export_person(person_id, path)
    except DeskError as error:
        show_refusal(parent, app_message(error.message))
        return None
