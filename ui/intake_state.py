"""What the intake form holds, as plain values: the draft dict it keeps on disk and the VisitInput it saves.

Kept apart from the form's behaviour so both directions stay side by side and in step.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QDateTime, Qt, SignalInstance
from PySide6.QtWidgets import QComboBox, QWidget

from app.intake import RECEPTION_DAY_CHANNEL
from app.records import MaterialInput, PersonInput, VisitInput
from ui.intake_layout import IntakeLayout
from ui.vocabulary import combo_word, select_word

DRAFT_VERSION = 1
_BLANK_WHEN_EMPTY = (
    "id_number",
    "name",
    "phone",
    "address",
    "township",
    "category",
    "place",
    "summary",
    "appeal",
    "persons",
    "materials",
    "departments",
    "flags",
    "matter_no",
    "entities",
)


def form_fields(ui: IntakeLayout, known_person_id: int | None) -> dict[str, Any]:
    """Every field as JSON-ready values (the draft)."""
    persons, materials = ui.persons_table, ui.materials_table
    return {
        "version": DRAFT_VERSION,
        "id_number": ui.id_edit.text(),
        "name": ui.name_edit.text(),
        "phone": ui.phone_edit.text(),
        "address": ui.address_edit.text(),
        "visited_at": ui.visited_at_edit.dateTime().toString(Qt.DateFormat.ISODate),
        "channel": combo_word(ui.channel_combo),
        "purpose": ui.purpose_combo.currentData() or "",
        "headcount": ui.headcount_spin.value(),
        "representative": ui.representative_check.isChecked(),
        "persons": [
            [persons.text(r, 0), persons.text(r, 1), persons.text(r, 2), persons.checked(r, 3)]
            for r in range(persons.rows())
        ],
        "township": ui.township_combo.currentText(),
        "category": ui.category_combo.currentText(),
        "place": ui.place_edit.text(),
        "departments": checked_departments(ui),
        "summary": ui.summary_edit.text(),
        "appeal": ui.appeal_edit.toPlainText(),
        "materials": [[materials.text(r, 0), materials.text(r, 1)] for r in range(materials.rows())],
        "flags": [flag for flag, check in ui.flag_checks.items() if check.isChecked()],
        "matter_no": ui.repeat_combo.currentData() or "",
        "clerk": ui.clerk_combo.currentText(),
        "known_person_id": known_person_id,
        "reception_day_id": reception_day_id(ui),
        "entities": ui.entity_picker.draft(),
    }


def is_blank(fields: dict[str, Any]) -> bool:
    """Nothing the clerk typed (defaults such as the time and channel do not count)."""
    return not any(fields.get(key) for key in _BLANK_WHEN_EMPTY) and fields.get("headcount", 1) == 1


def write_fields(ui: IntakeLayout, fields: dict[str, Any]) -> None:
    """Put a draft back into the widgets (the matter number is left to the caller: it needs the history)."""
    ui.name_edit.setText(str(fields.get("name", "")))
    ui.phone_edit.setText(str(fields.get("phone", "")))
    ui.address_edit.setText(str(fields.get("address", "")))
    stamp = QDateTime.fromString(str(fields.get("visited_at", "")), Qt.DateFormat.ISODate)
    if stamp.isValid():
        ui.visited_at_edit.setDateTime(stamp)
    select_word(ui.channel_combo, str(fields.get("channel", "")))
    ui.purpose_combo.setCurrentIndex(max(0, ui.purpose_combo.findData(fields.get("purpose", ""))))
    ui.headcount_spin.setValue(int(fields.get("headcount", 1) or 1))
    ui.representative_check.setChecked(bool(fields.get("representative")))
    ui.persons_table.clear_rows()
    for name, id_number, phone, rep in fields.get("persons", []):
        ui.persons_table.add_row([name, id_number, phone], bool(rep))
    ui.township_combo.setEditText(str(fields.get("township", "")))
    ui.category_combo.setEditText(str(fields.get("category", "")))
    ui.place_edit.setText(str(fields.get("place", "")))
    set_departments(ui, list(fields.get("departments", [])))
    ui.summary_edit.setText(str(fields.get("summary", "")))
    ui.appeal_edit.setPlainText(str(fields.get("appeal", "")))
    ui.materials_table.clear_rows()
    for name, pages in fields.get("materials", []):
        ui.materials_table.add_row([name, str(pages)])
    ui.entity_picker.restore(list(fields.get("entities", [])))
    flags = set(fields.get("flags", []))
    for flag, check in ui.flag_checks.items():
        check.setChecked(flag in flags)
    if fields.get("clerk"):
        ui.clerk_combo.setEditText(str(fields["clerk"]))
    day = ui.reception_day_combo.findData(fields.get("reception_day_id"))  # listed once channel and date are
    if fields.get("reception_day_id") is not None and day >= 0:
        ui.reception_day_combo.setCurrentIndex(day)


def _select_text(combo: QComboBox, text: str) -> None:
    index = combo.findText(text)
    if index >= 0:
        combo.setCurrentIndex(index)


def checked_departments(ui: IntakeLayout) -> list[str]:
    view = ui.departments_list
    return [
        view.item(i).text() for i in range(view.count()) if view.item(i).checkState() == Qt.CheckState.Checked
    ]


def set_departments(ui: IntakeLayout, names: list[str]) -> None:
    view = ui.departments_list
    for i in range(view.count()):
        item = view.item(i)
        item.setCheckState(Qt.CheckState.Checked if item.text() in names else Qt.CheckState.Unchecked)


def reception_day_id(ui: IntakeLayout) -> int | None:
    """The leader's reception day chosen, only when the visit came by 领导接访日."""
    if combo_word(ui.channel_combo) != RECEPTION_DAY_CHANNEL:
        return None
    value = ui.reception_day_combo.currentData()
    return value if isinstance(value, int) else None


def _pages(text: str) -> int:
    """A page count as typed; anything unreadable becomes 0 so the service says what is wrong."""
    return int(text) if text.isascii() and text.isdigit() else 0


def _visited_at(ui: IntakeLayout) -> datetime:
    value = ui.visited_at_edit.dateTime().toPython()
    if not isinstance(value, datetime):  # an invalid time: the service says what is wrong
        return datetime.min
    return value.replace(microsecond=0)


def _persons(ui: IntakeLayout, known_person_id: int | None) -> list[PersonInput]:
    """The registering person first, then the group table's rows (row r is ``persons[r + 1]``)."""
    first = PersonInput(
        name=ui.name_edit.text().strip(),
        id_number=ui.id_edit.text().strip() or None,
        phone=ui.phone_edit.text().strip() or None,
        representative=ui.representative_check.isChecked(),
        address=ui.address_edit.text().strip(),
        known_person_id=known_person_id,
    )
    table = ui.persons_table
    others = [
        PersonInput(table.text(r, 0), table.text(r, 1) or None, table.text(r, 2) or None, table.checked(r, 3))
        for r in range(table.rows())
    ]
    return [first, *others]


def _materials(ui: IntakeLayout) -> list[MaterialInput]:
    table = ui.materials_table
    return [MaterialInput(table.text(r, 0), _pages(table.text(r, 1))) for r in range(table.rows())]


def visit_input(ui: IntakeLayout, category: str, known_person_id: int | None) -> VisitInput:
    """The form as the service's VisitInput."""
    return VisitInput(
        visited_at=_visited_at(ui),
        channel=combo_word(ui.channel_combo),
        headcount=ui.headcount_spin.value(),
        persons=_persons(ui, known_person_id),
        township=ui.township_combo.currentText().strip(),
        category=category,
        summary=ui.summary_edit.text(),
        appeal=ui.appeal_edit.toPlainText(),
        clerk=ui.clerk_combo.currentText().strip(),
        matter_no=ui.repeat_combo.currentData() or None,
        purpose=ui.purpose_combo.currentData() or "",
        place=ui.place_edit.text(),
        departments=checked_departments(ui),
        materials=_materials(ui),
        flags=[flag for flag, check in ui.flag_checks.items() if check.isChecked()],
        reception_day_id=reception_day_id(ui),
    )


def edit_signals(ui: IntakeLayout) -> list[SignalInstance]:
    """Every signal that means "the clerk changed something" (each one rewrites the draft)."""
    edits = (ui.id_edit, ui.name_edit, ui.phone_edit, ui.address_edit, ui.place_edit, ui.summary_edit)
    signals = [edit.textChanged for edit in edits]
    combos = (ui.channel_combo, ui.purpose_combo, ui.repeat_combo, ui.reception_day_combo)
    signals += [c.currentIndexChanged for c in combos]
    signals += [c.editTextChanged for c in (ui.township_combo, ui.category_combo, ui.clerk_combo)]
    signals += [
        ui.visited_at_edit.dateTimeChanged,
        ui.headcount_spin.valueChanged,
        ui.appeal_edit.textChanged,
    ]
    signals += [ui.departments_list.itemChanged, ui.entity_picker.changed]
    signals += [check.toggled for check in (ui.representative_check, *ui.flag_checks.values())]
    for table in (ui.persons_table.table, ui.materials_table.table):
        signals += [table.itemChanged, table.model().rowsRemoved]
    return signals


def single_line_fields(ui: IntakeLayout) -> list[QWidget]:
    """Where Enter means "next field" (never the appeal box, where it starts a new line)."""
    return [
        ui.id_edit, ui.name_edit, ui.phone_edit, ui.address_edit, ui.visited_at_edit, ui.channel_combo,
        ui.purpose_combo, ui.headcount_spin, ui.reception_day_combo, ui.township_combo, ui.category_combo,
        ui.place_edit, ui.summary_edit, ui.repeat_combo, ui.clerk_combo,
    ]  # fmt: skip
