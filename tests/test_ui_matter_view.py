"""The matter's page (MatterView): a matter followed from registration to closure through the window.

Real widgets offscreen on a real database. Dialogs are answered by patching their ``exec``: the patched
call fills the form through its typed properties and presses 确定, as a clerk would.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import dataclasses  # noqa: E402
import subprocess  # noqa: E402
from collections.abc import Callable  # noqa: E402
from datetime import date, timedelta  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QDialog, QMessageBox, QTableWidget  # noqa: E402

from app.desk import Desk  # noqa: E402
from tests.factories import person, visit  # noqa: E402
from ui import printing  # noqa: E402
from ui.action_dialogs import ActionDialog  # noqa: E402
from ui.deadline_dialog import DeadlineOverrideDialog  # noqa: E402
from ui.decision_forms import OutcomesForm  # noqa: E402
from ui.matter_view import MatterView  # noqa: E402
from ui.matters_page import MattersPage  # noqa: E402
from ui.notifier import Notifier  # noqa: E402

CLERK = "李娜"
DEPARTMENT = "县住房和城乡建设局"


@pytest.fixture
def notifier() -> Notifier:
    return Notifier()


@pytest.fixture
def matter_no(desk: Desk) -> str:
    desk.settings.save(dataclasses.replace(desk.settings.get(), clerk_name=CLERK))
    return desk.intake.register_visit(visit(persons=[person("张伟", rep=True)])).matter_no


@pytest.fixture
def view(qtbot, desk: Desk, notifier: Notifier, matter_no: str) -> MatterView:
    widget = MatterView(desk, notifier)
    qtbot.addWidget(widget)
    widget.show_matter(matter_no)
    return widget


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    return shown


class Clerk:
    """Answers each action dialog with the next filling, pressing 确定 once (or as the filling says)."""

    def __init__(self, monkeypatch) -> None:
        self.fillings: list[Callable[[Any], None]] = []
        self.dialogs: list[ActionDialog] = []
        clerk = self

        def answer(dialog: ActionDialog) -> int:
            clerk.dialogs.append(dialog)
            clerk.fillings.pop(0)(dialog.form)
            dialog.accept()
            return dialog.result()

        monkeypatch.setattr(ActionDialog, "exec", answer)

    def act(
        self, qtbot, view: MatterView, key: str, fill: Callable[[Any], None] = lambda _form: None
    ) -> None:
        self.fillings.append(fill)
        qtbot.mouseClick(view.action_buttons[key], Qt.MouseButton.LeftButton)


def set_fields(**values: Any) -> Callable[[Any], None]:
    def fill(form: Any) -> None:
        for name, value in values.items():
            setattr(form, name, value)

    return fill


def cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text() if item is not None else ""


def timeline_kinds(desk: Desk, matter_no: str) -> list[str]:
    return [e.kind for e in desk.matters.detail(matter_no).events]


def test_registration_to_closure_through_the_window(qtbot, view: MatterView, desk: Desk, monkeypatch) -> None:
    clerk = Clerk(monkeypatch)
    assert view.status == "登记" and "accept" in view.action_buttons
    assert "reply" not in view.action_buttons and "close" not in view.action_buttons  # not offered yet

    clerk.act(qtbot, view, "accept", set_fields(note="材料齐全"))
    assert view.status == "受理"
    assert "限2027年1月25日前办结" in view.message_text
    assert "下一期限：办理并书面答复 2027-01-25，剩 60 天" in view.header.deadline_text

    clerk.act(qtbot, view, "assign", set_fields(departments=[DEPARTMENT]))
    assert view.status == "交办"
    assert cell(view.departments, 0, 0) == DEPARTMENT
    assert cell(view.departments, 0, 4) == "未签收"

    clerk.act(qtbot, view, "sign_for", set_fields(department=DEPARTMENT))
    assert view.status == "办理中"
    assert cell(view.departments, 0, 4) == "11-26 10:00"

    clerk.act(qtbot, view, "extend", set_fields(days=30, reason="需现场核查", approver="王局长"))
    assert view.status == "延期"
    assert "extend" not in view.action_buttons  # at most once: no longer offered
    dues = [cell(view.deadlines.table, r, 3) for r in range(view.deadlines.table.rowCount())]
    assert any(d.startswith("2027-02") for d in dues)

    outcomes = set_fields(outcomes=["解决到位"], text="开发商已承诺于12月底前交房")
    clerk.act(qtbot, view, "reply", outcomes)
    assert view.status == "已答复"

    clerk.act(qtbot, view, "rate", set_fields(result="满意", body=DEPARTMENT))
    assert view.status == "已答复"

    clerk.act(qtbot, view, "close", set_fields(outcomes=["解决到位", "教育到位"]))
    assert view.status == "办结"
    assert view.case is not None and view.case.outcomes == ["解决到位", "教育到位"]
    assert list(view.action_buttons) == ["rate"]  # only a rating may still come
    kinds = timeline_kinds(desk, view.matter_no)
    assert kinds == ["登记", "受理", "交办", "签收", "延期", "答复", "评价", "办结"]
    text = view.browser.toPlainText()
    assert "需现场核查" in text and "王局长" in text and "办结：解决到位、教育到位" in text


def test_buttons_carry_shortcuts_in_their_tooltips(view: MatterView) -> None:
    accept = view.action_buttons["accept"]
    assert accept.shortcut().toString() == "Alt+S"
    assert "Alt+S" in accept.toolTip()
    assert "F9" in view.notice_button.toolTip()


def test_shortcut_opens_the_action(qtbot, view: MatterView, monkeypatch) -> None:
    clerk = Clerk(monkeypatch)
    clerk.fillings.append(lambda _form: None)
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()
    qtbot.keyClick(view, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: len(clerk.dialogs) == 1)  # a shortcut animates the click: it lands a moment later
    assert [d.form.key for d in clerk.dialogs] == ["accept"]
    assert view.status == "受理"


def test_refusal_shows_its_route(qtbot, view: MatterView, monkeypatch) -> None:
    clerk = Clerk(monkeypatch)
    routes: list[str] = []

    def refuse(form: Any) -> None:
        form.reason = "属于诉讼/仲裁/行政复议途径"
        routes.append(form.route)

    clerk.act(qtbot, view, "refuse", refuse)
    assert routes == ["政法机关/人民法院等（诉访分离）"]
    assert view.status == "不予受理"
    assert "accept" not in view.action_buttons and not view.action_buttons


def test_a_refused_input_keeps_the_dialog_open(qtbot, view: MatterView, desk: Desk, monkeypatch) -> None:
    clerk = Clerk(monkeypatch)
    clerk.act(qtbot, view, "accept")
    events = len(timeline_kinds(desk, view.matter_no))
    # when the clerk replies without choosing an outcome, the service refuses and the dialog stays
    clerk.act(qtbot, view, "reply", set_fields(text="已答复"))
    dialog = clerk.dialogs[-1]
    form = dialog.form
    assert isinstance(form, OutcomesForm)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "请至少选择一项办理结果" in dialog.error_text
    assert form.text == "已答复"  # what was typed is kept
    assert view.status == "受理" and len(timeline_kinds(desk, view.matter_no)) == events
    # then the clerk fixes it and presses 确定 again
    form.outcomes = ["教育到位"]
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert desk.cases.case_file(view.matter_no).status == "已答复"


def test_a_change_from_another_window_is_shown_never_overwritten(
    qtbot, view: MatterView, desk: Desk, monkeypatch, warnings: list[str]
) -> None:
    clerk = Clerk(monkeypatch)
    # given another window forwards the matter while this one still shows it as 登记
    desk.cases.forward(view.matter_no, ["县教育局"], "王强", expected_version=view.case.version)  # type: ignore[union-attr]
    assert view.status == "登记"
    # when this clerk accepts it
    clerk.act(qtbot, view, "accept")
    # then the conflict is shown, nothing is written, and the page shows the matter as it is now
    assert len(warnings) == 1 and "已被其他窗口修改" in warnings[0]
    assert timeline_kinds(desk, view.matter_no) == ["登记", "转送"]
    assert view.status == "转送" and "sign_for" in view.action_buttons
    assert "已被其他窗口修改" in view.message_text


def test_overdue_deadline_is_red(qtbot, desk: Desk, notifier: Notifier, matter_no: str) -> None:
    old = desk.intake.register_visit(
        visit(
            visited_at=visit().visited_at - timedelta(days=40), persons=[person("李明", phone="13900000001")]
        )
    )
    widget = MatterView(desk, notifier)
    qtbot.addWidget(widget)
    widget.show_matter(old.matter_no)
    assert widget.header.deadline_state == "超期"
    assert "已超期" in widget.header.deadline_text
    assert "#c62828" in widget.header.deadline_label.styleSheet().lower()


def test_override_a_deadline_through_the_dialog(qtbot, view: MatterView, desk: Desk, monkeypatch) -> None:
    new_due = date(2026, 12, 18)

    def answer(dialog: DeadlineOverrideDialog) -> int:
        dialog.new_due, dialog.reason = new_due, "来访人补充材料，经批准延后"
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(DeadlineOverrideDialog, "exec", answer)
    explain, adjust = view.deadlines.row_buttons(0)
    qtbot.mouseClick(explain, Qt.MouseButton.LeftButton)
    assert "2026年12月10日" in view.deadlines.explanation_text
    qtbot.mouseClick(adjust, Qt.MouseButton.LeftButton)
    assert cell(view.deadlines.table, 0, 3) == "2026-12-18（人工调整）"
    assert "来访人补充材料" in view.deadlines.explanation_text
    assert "2026-12-18" in view.header.deadline_text
    assert timeline_kinds(desk, view.matter_no)[-1] == "期限调整"


def test_print_an_acceptance_notice(qtbot, view: MatterView, desk: Desk, monkeypatch, tmp_path: Path) -> None:
    Clerk(monkeypatch).act(qtbot, view, "accept")
    printed: list[Path] = []

    def fake_print(pdf: Path, _parent: object, _name: str = "") -> bool:
        copy = tmp_path / f"printed-{len(printed)}.pdf"
        copy.write_bytes(pdf.read_bytes())
        printed.append(copy)
        return True

    monkeypatch.setattr(printing, "print_pdf", fake_print)
    reasons = view.notices.available()
    assert reasons["受理告知书"] == "" and "不能出具" in reasons["不予受理告知书"]
    assert view.notices.print_notice("受理告知书")
    text = subprocess.run(["pdftotext", str(printed[0]), "-"], capture_output=True, text=True).stdout
    doc_no = desk.notices.history(view.matter_no)[0].doc_no
    assert "〔2026〕1号" in doc_no
    assert doc_no in text.replace(" ", "") and "张伟" in text
    assert view.documents.item(0).text().startswith(f"受理告知书 {doc_no}")
    # a second print keeps the number and is marked 补打
    assert view.notices.print_notice("受理告知书")
    assert view.documents.item(1).text().endswith("（补打）")


def test_the_matters_tab_follows_the_matter(
    qtbot, desk: Desk, notifier: Notifier, matter_no: str, monkeypatch
) -> None:
    page = MattersPage(desk, notifier)
    qtbot.addWidget(page)
    page.select_row(0)
    assert page.detail.matter_no == matter_no and page.detail.status == "登记"
    Clerk(monkeypatch).act(qtbot, page.detail, "accept")
    # the list read the change, the page still shows the matter and its row stays selected
    assert page.model.matter_at(0).status == "受理"
    assert page.detail.matter_no == matter_no and page.detail.status == "受理"
    assert page.table.selectionModel().selectedRows()[0].row() == 0


def test_a_preview_closed_without_printing_records_nothing(
    qtbot, view: MatterView, desk: Desk, monkeypatch
) -> None:
    Clerk(monkeypatch).act(qtbot, view, "accept")
    monkeypatch.setattr(printing, "preview_pdf", lambda pdf, _parent, _name="": pdf.exists() and False)
    assert not view.notices.print_notice("受理告知书", preview=True)
    assert desk.notices.history(view.matter_no) == []
    assert view.documents.count() == 0
