"""文件 → 导入旧台账…: the wizard proposes the mapping, shows the rejected rows and refuses to import them;
a corrected file is imported, all of it, and its visits can be found."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import datetime  # noqa: E402
from pathlib import Path  # noqa: E402

import openpyxl  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtWidgets import QFileDialog, QWizard  # noqa: E402

from app.desk import Desk  # noqa: E402
from tests.factories import id_number  # noqa: E402
from ui.import_wizard import CHECK_PAGE, IMPORT_PAGE, MAPPING_PAGE, ImportWizard  # noqa: E402
from ui.notifier import Notifier  # noqa: E402
from ui.workers import wait_for_pool  # noqa: E402

HEADERS = ["序号", "来访人姓名", "身份证号码", "联系电话", "所属乡镇", "问题类别", "来访日期", "信访形式",
           "人数", "反映问题", "主要诉求", "接待人", "备注"]  # fmt: skip


def ledger(path: Path, second_township: str) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "台账"
    sheet.append(HEADERS)
    rows = [
        (1, "赵敏", 301, "城关镇", datetime(2026, 10, 12, 9, 0), "小区停车位被长期占用", "要求清理占用车位"),
        (2, "钱伟", 302, second_township, datetime(2026, 10, 13, 9, 0), "村道破损无人修", "要求修复村道"),
    ]
    for number, name, seq, township, at, summary, appeal in rows:
        phone = f"139000{seq:05d}"
        sheet.append([number, name, id_number(seq=seq), phone, township, "城乡建设", at, "来访", 1, summary,
                      appeal, "李娜", ""])  # fmt: skip
    book.save(path)
    return path


@pytest.fixture
def wizard(qtbot, desk: Desk) -> ImportWizard:
    shown = ImportWizard(desk, Notifier(), clerk="李娜")
    qtbot.addWidget(shown)
    shown.show()
    yield shown
    wait_for_pool()


def next_enabled(wizard: ImportWizard) -> bool:
    return wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_the_wizard_refuses_a_rejected_row_then_imports_the_fixed_file(
    qtbot, wizard: ImportWizard, desk: Desk, tmp_path: Path, monkeypatch
) -> None:
    bad = ledger(tmp_path / "旧台账.xlsx", "不存在镇")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    assert not next_enabled(wizard)
    wizard.file_page.browse.click()
    assert next_enabled(wizard)
    assert "共 13 列、2 行数据" in wizard.file_page.info.text()
    # the mapping is proposed from the headers
    wizard.next()
    assert wizard.currentId() == MAPPING_PAGE
    page = wizard.mapping_page
    assert wizard.mapping.column("name") == 1 and wizard.mapping.column("township") == 4
    assert page.combos["name"].currentText() == "B：来访人姓名"
    assert page.combos["place"].currentText() == "（无此列）"
    # taking a required column away lists it and holds the wizard; putting it back frees it
    page.set_column("township", None)
    assert "问题属地" in page.problems.text() and not next_enabled(wizard)
    page.set_column("township", 4)
    assert page.problems.text() == "" and next_enabled(wizard)
    # the dry run shows the rejected row with its number and reason, and refuses to go on
    with qtbot.waitSignal(wizard.check_page.checked, timeout=20000):
        wizard.next()
    assert wizard.currentId() == CHECK_PAGE
    check = wizard.check
    assert check is not None and len(check.accepted) == 1 and [r.row for r in check.rejected] == [3]
    table = wizard.check_page.rejected
    assert table.rowCount() == 1 and table.item(0, 0).text() == "3"
    assert "不存在镇" in table.item(0, 1).text() and "所属乡镇" in table.item(0, 1).text()
    assert "拒绝 1 行" in wizard.check_page.summary.text()
    assert not next_enabled(wizard)
    assert not wizard.import_page.can_import()
    assert desk.matters.search("赵敏") == []
    # back to the file, the corrected one
    good = ledger(tmp_path / "旧台账（改正）.xlsx", "东城街道")
    wizard.back()
    wizard.back()
    assert wizard.file_page.load(good)
    wizard.next()
    with qtbot.waitSignal(wizard.check_page.checked, timeout=20000):
        wizard.next()
    check = wizard.check
    assert check is not None and not check.rejected and len(check.accepted) == 2
    assert next_enabled(wizard)
    wizard.next()
    assert wizard.currentId() == IMPORT_PAGE
    assert wizard.import_page.import_button.isEnabled()
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    with qtbot.waitSignal(wizard.imported, timeout=20000) as done:
        wizard.import_page.import_button.click()
    report = done.args[0]
    assert report.imported == 2 and wizard.import_report is report
    assert "已导入 2 次来访" in wizard.import_page.result.text()
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    assert not wizard.import_page.import_button.isEnabled()
    found = desk.matters.search("赵敏")
    assert len(found) == 1 and found[0].township == "城关镇"
    assert [m.township for m in desk.matters.search("钱伟")] == ["东城街道"]


def test_an_unreadable_file_is_explained(qtbot, wizard: ImportWizard, tmp_path: Path) -> None:
    assert not wizard.file_page.load(tmp_path / "旧台账.xls")
    assert ".xls" in wizard.file_page.info.text()
    assert not next_enabled(wizard)
