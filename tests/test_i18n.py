"""Every string of the window goes through Qt's translation; both .ts files are complete and up to date."""

from __future__ import annotations

import os
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import ui.i18n
from tests.i18n_scan import CJK, untranslated
from ui.i18n import qm_file, release, ts_file
from ui.i18n_build import TERMS_FILE, lupdate, terms_source

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER = re.compile(r"%\d|\{\w*\}")
# English translations that keep Chinese on purpose: what the clerk types or the document shows in Chinese.
CHINESE_IN_ENGLISH = {
    "如：市信交〔2026〕8号",  # a reference number of an upper body
    "信访日期“{text}”无法识别，应如 2025-03-04、2025年3月4日",  # a date format the import reads
    "机关代字不能为空，不超过16个字，且不含〔〕、号或空格",  # the characters of a matter number
}


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {
        (context.findtext("name", ""), message.findtext("source", "")): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


def test_no_chinese_literal_in_ui_bypasses_translation() -> None:
    leaks = untranslated(ROOT / "ui")
    assert not leaks, "wrap these in self.tr() / QCoreApplication.translate():\n" + "\n".join(map(str, leaks))


def test_the_scan_finds_a_bare_literal_and_an_f_string(tmp_path: Path) -> None:
    (tmp_path / "widget.py").write_text(
        "from PySide6.QtWidgets import QLabel, QWidget\n"
        "class W(QWidget):\n"
        "    def build(self, n: int) -> None:\n"
        "        QLabel(self.tr('已翻译'))\n"
        "        QLabel('未翻译')\n"
        "        QLabel(f'共 {n} 件')\n"
        "        if n == '比较值':\n"
        "            QLabel(self.parent().tr('别处的上下文'))\n",
        encoding="utf-8",
    )
    found = [(leak.line, leak.text) for leak in untranslated(tmp_path)]
    assert found == [(5, "未翻译"), (6, "f'共 {n} 件'"), (8, "self.parent().tr('别处的上下文')")]


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_message_is_finished_and_not_empty(language: str) -> None:
    found = messages(ts_file(language))
    assert len(found) > 600
    for (context, source), message in found.items():
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None, (context, source)
        assert translation.text, (context, source)
        assert sorted(PLACEHOLDER.findall(translation.text)) == sorted(PLACEHOLDER.findall(source)), source
        if language == "en" and source not in CHINESE_IN_ENGLISH:
            assert not CJK.search(translation.text), (context, source, translation.text)


def test_the_vocabulary_list_is_up_to_date() -> None:
    """ui/vocabulary_terms.py lists app/'s fixed words as they are now (python -m ui.i18n update)."""
    assert TERMS_FILE.read_text(encoding="utf-8") == terms_source()


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_ts_files_hold_every_string_of_the_sources(tmp_path: Path, language: str) -> None:
    fresh = tmp_path / ts_file(language).name
    shutil.copyfile(ts_file(language), fresh)
    lupdate(fresh, language)  # what `python -m ui.i18n update` would write
    assert set(messages(fresh)) == set(messages(ts_file(language))), "run: python -m ui.i18n update"


def test_lrelease_builds_both_languages(tmp_path: Path) -> None:
    for language in ("zh_CN", "en"):
        qm = release(ts_file(language), tmp_path / f"{language}.qm")
        assert qm.stat().st_size > 10_000


def test_a_missing_or_stale_qm_is_built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sources, cache = tmp_path / "i18n", tmp_path / "cache"
    sources.mkdir()
    shutil.copyfile(ts_file("en"), sources / ts_file("en").name)
    monkeypatch.setattr(ui.i18n, "i18n_dir", lambda: sources)  # a source tree without .qm
    built = qm_file("en", cache=cache)
    assert built == cache / "xinfang_en.qm" and built.stat().st_size > 10_000
    os.utime(built, (1, 1))  # older than its .ts: built again
    assert qm_file("en", cache=cache) == built and built.stat().st_mtime > 1
    (sources / "xinfang_en.qm").write_bytes(built.read_bytes())  # shipped beside a .ts no newer: used as is
    assert qm_file("en", cache=cache) == sources / "xinfang_en.qm"
