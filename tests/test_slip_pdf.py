"""The acknowledgement slip PDF, read back as a reader would: with poppler's pdftotext, pdffonts, pdfinfo."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from app.documents.fonts import BODY, EXT_A, EXT_B, _to_unicode_cmap, font_runs, markup, register_fonts
from app.documents.parts import QrCode, cell, para_style
from app.documents.slip import EXCERPT_CHARS, SlipData, SlipPerson, excerpt, render_slip
from app.resources import resources_root

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

LAYOUTS = ["a4", "thermal"]
MM = 72 / 25.4


def realistic_slip() -> SlipData:
    """A group visit of six with two representatives, one of them 王𠮷 (𠮷 is U+20BB7, outside the BMP)."""
    persons = [
        SlipPerson("王𠮷", "110105********002X", True),
        SlipPerson("李秀兰", "410521********0047", True),
        SlipPerson("张建国", "410521********0013", False),
        SlipPerson("陈玉梅", "410521********0028", False),
        SlipPerson("赵长顺", "410521********0051", False),
        SlipPerson("刘桂芳", "410521********0066", False),
    ]
    return SlipData(
        agency_name="示例县信访局",
        matter_no="X信访〔2026〕123号",
        query_code="7KQ2M9XD",
        visited_at=datetime(2026, 3, 12, 9, 41),
        channel="来访",
        headcount=6,
        is_group=True,
        persons=persons,
        category="城乡建设／土地征收",
        township="城关镇东关村",
        summary="反映东关村三组土地征收补偿款未足额发放问题",
        appeal_excerpt=(
            "2025年5月，县里为修建产业园区征收我村三组耕地约86亩，征地补偿协议约定每亩补偿4.2万元，并承诺在"
            "协议签订后三个月内一次性发放到户。至今已过去十个月，村民仅领到约一半补偿款，剩余部分村委会称乡镇"
            "尚未拨付，乡镇称已全额拨付到村。请求上级查明补偿款去向，督促足额发放，并公开补偿款分配明细。"
        ),
        materials=[("土地承包经营权证复印件", 2), ("征地补偿协议书", 5), ("村民联名信", 3), ("现场照片", 12)],
        notice_deadline=date(2026, 3, 27),
        clerk="李明",
        window_phone="0371-12345678",
        printed_at=datetime(2026, 3, 12, 9, 48),
        reprint=False,
    )


def big_group_slip() -> SlipData:
    persons = [SlipPerson(f"欧阳第{i}号来访群众", f"410521********{i:04d}", i < 5) for i in range(30)]
    materials = [(f"第{i}份材料：关于土地征收补偿的情况说明及附件", i % 7 + 1) for i in range(1, 41)]
    return replace(realistic_slip(), headcount=30, persons=persons, materials=materials)


def pdftotext(pdf: Path, *args: str) -> str:
    return subprocess.run(
        ["pdftotext", *args, str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def pdfinfo(pdf: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


def pdffonts(pdf: Path) -> list[list[str]]:
    """One row per font: name, then the type, encoding, emb, sub, uni columns (names have no spaces)."""
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]


def page_size_mm(pdf: Path) -> tuple[float, float]:
    match = re.match(r"([\d.]+) x ([\d.]+) pts", pdfinfo(pdf)["Page size"])
    assert match, pdfinfo(pdf)
    return float(match[1]) / MM, float(match[2]) / MM


@pytest.mark.parametrize("layout", LAYOUTS)
def test_slip_text_reads_back(tmp_path: Path, layout: str) -> None:
    pdf = render_slip(realistic_slip(), tmp_path / "slip.pdf", layout)  # type: ignore[arg-type]

    text = pdftotext(pdf)

    for expected in ["X信访〔2026〕123号", "7KQ2M9XD", "王𠮷", "110105********002X", "2026年3月27日", "李明"]:
        assert expected in text, f"{expected!r} missing from the {layout} slip"
    assert "集体访" in text and "代表" in text and "信访事项登记回执" in text
    assert "补打" not in text


@pytest.mark.parametrize("layout", LAYOUTS)
def test_all_fonts_embedded_and_none_is_stsong(tmp_path: Path, layout: str) -> None:
    pdf = render_slip(realistic_slip(), tmp_path / "slip.pdf", layout)  # type: ignore[arg-type]

    fonts = pdffonts(pdf)

    assert any("WenQuanYiMicroHei" in row[0] for row in fonts)
    assert any("HanaMinA" in row[0] for row in fonts), "𠮷 must come from the fallback font"
    for row in fonts:
        assert "STSong" not in row[0]
        assert row[-5] == "yes", f"font not embedded: {row}"  # columns: … emb sub uni object-id generation


def test_thermal_page_is_80_mm_wide_and_one_page(tmp_path: Path) -> None:
    pdf = render_slip(realistic_slip(), tmp_path / "slip.pdf", "thermal")

    width, height = page_size_mm(pdf)

    assert width == pytest.approx(80, abs=0.05)
    assert 120 < height < 400
    assert pdfinfo(pdf)["Pages"] == "1"


@pytest.mark.parametrize("layout", LAYOUTS)
def test_reprint_is_marked(tmp_path: Path, layout: str) -> None:
    slip = replace(realistic_slip(), reprint=True, printed_at=datetime(2026, 4, 2, 14, 5))

    text = pdftotext(render_slip(slip, tmp_path / "slip.pdf", layout))  # type: ignore[arg-type]

    assert "补打" in text
    assert "补打时间：2026年4月2日 14:05" in text


def test_metadata_names_the_slip_and_the_agency(tmp_path: Path) -> None:
    info = pdfinfo(render_slip(realistic_slip(), tmp_path / "slip.pdf"))

    assert info["Title"] == "信访事项登记回执 X信访〔2026〕123号"
    assert info["Author"] == "示例县信访局"


def test_group_of_30_and_40_materials_flows_onto_pages_that_repeat_the_number(tmp_path: Path) -> None:
    pdf = render_slip(big_group_slip(), tmp_path / "slip.pdf", "a4")

    pages = int(pdfinfo(pdf)["Pages"])
    text = "".join(pdftotext(pdf).split())  # long names wrap inside their cells

    assert pages >= 2
    for page in range(1, pages + 1):
        assert "X信访〔2026〕123号" in pdftotext(pdf, "-f", str(page), "-l", str(page))
    assert "欧阳第29号来访群众" in text and "第40份材料" in text
    assert "30人（集体访，登记30人）" in text


def test_group_of_30_and_40_materials_fits_one_long_thermal_slip(tmp_path: Path) -> None:
    pdf = render_slip(big_group_slip(), tmp_path / "slip.pdf", "thermal")

    text = "".join(pdftotext(pdf).split())  # long names wrap inside their cells

    assert pdfinfo(pdf)["Pages"] == "1"
    assert page_size_mm(pdf)[1] > 400  # grew with the content
    # a name too long for its column wraps, and pdftotext reads the ID before the name's second line
    assert "欧阳第29号来访群" in text and "第40份材料" in text and "7KQ2M9XD" in text


@pytest.mark.parametrize("layout", LAYOUTS)
def test_extension_a_and_b_characters_come_back(tmp_path: Path, layout: str) -> None:
    # 㐀 U+3400 (Ext A, in HanaMinA), 𪛖 U+2A6D6 (Ext B, only in HanaMinB), 𠮷 U+20BB7 (Ext B, HanaMinA)
    persons = [
        SlipPerson("陈㐀明", "110105********002X", True),
        SlipPerson("赵𪛖华", "110105********003X", False),
    ]
    slip = replace(realistic_slip(), persons=persons, headcount=2, is_group=False, summary="王𠮷反映")

    pdf = render_slip(slip, tmp_path / "slip.pdf", layout)  # type: ignore[arg-type]

    text = pdftotext(pdf)
    assert "陈㐀明" in text and "赵𪛖华" in text and "王𠮷" in text
    assert any("HanaMinB" in row[0] for row in pdffonts(pdf))


@pytest.mark.parametrize("layout", LAYOUTS)
def test_no_materials_prints_none(tmp_path: Path, layout: str) -> None:
    slip = replace(realistic_slip(), materials=[])

    text = pdftotext(render_slip(slip, tmp_path / "slip.pdf", layout))  # type: ignore[arg-type]

    assert "无" in text


def test_unknown_layout_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="layout"):
        render_slip(realistic_slip(), tmp_path / "slip.pdf", "a5")  # type: ignore[arg-type]


def test_long_appeal_is_cut_with_an_ellipsis() -> None:
    cut = excerpt("诉" * 300)

    assert len(cut) == EXCERPT_CHARS and cut.endswith("…")
    assert excerpt("短的诉求\n第二行") == "短的诉求 第二行"


def test_font_runs_pick_the_first_font_with_the_glyph() -> None:
    assert font_runs("王𠮷先生") == [(BODY, "王"), (EXT_A, "𠮷"), (BODY, "先生")]
    assert font_runs("赵𪛖华 㐀") == [(BODY, "赵"), (EXT_B, "𪛖"), (BODY, "华 "), (EXT_A, "㐀")]
    assert font_runs("") == []


def test_markup_escapes_and_wraps_fallback_runs() -> None:
    assert markup("A&B<王𠮷>") == f'A&amp;B&lt;王<font name="{EXT_A}">𠮷</font>&gt;'


def test_to_unicode_map_writes_surrogate_pairs_above_the_bmp() -> None:
    cmap = _to_unicode_cmap("AAAAAA+Test", [0, 0x738B, 0x20BB7])

    assert "<01> <738B>" in cmap
    assert "<02> <D842DFB7>" in cmap  # UTF-16BE of U+20BB7, not <20BB7>
    assert "3 beginbfchar" in cmap


def test_fonts_come_from_the_program_not_the_system() -> None:
    from reportlab.pdfbase import pdfmetrics

    root = resources_root().resolve()
    for name in register_fonts():
        assert Path(pdfmetrics.getFont(name).face.filename).resolve().is_relative_to(root)


def test_short_body_text_is_a_plain_cell_and_anything_else_a_paragraph() -> None:
    register_fonts()
    style = para_style(10.5)

    assert cell("城关镇", style, 100) == "城关镇"  # drawn by the table with drawString
    for text in [
        "王𠮷",
        "城关镇" * 10,
        "两个  空格",
        " 前导空格",
        "",
    ]:  # fallback font, too wide, collapsed spaces
        assert isinstance(cell(text, style, 100), Paragraph), text


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_field_too_wide_for_its_cell_still_wraps_and_reads_back(tmp_path: Path, layout: str) -> None:
    township = "城关镇东关村第三村民小组东侧靠近河道的那片区域附近的安置小区"
    slip = replace(realistic_slip(), township=township)

    pdf = render_slip(slip, tmp_path / "slip.pdf", layout)  # type: ignore[arg-type]

    lines = pdftotext(pdf, "-layout").splitlines()
    assert not any(township in line for line in lines), "the township should wrap onto a second line"
    assert township in "".join(pdftotext(pdf).split())  # its lines in reading order
    assert pdfinfo(pdf)["Pages"] == "1"


def test_qr_code_draws_the_squares_canvas_rect_would() -> None:
    code = QrCode("X信访〔2026〕123号 7KQ2M9XD", 30 * MM)
    ours, reference = Canvas(io.BytesIO()), Canvas(io.BytesIO())

    code.drawOn(ours, 10, 20)
    reference.saveState()
    reference.translate(10, 20)
    reference.setFillColor(colors.black)
    module = code.width / len(code.matrix)
    for row, cells in enumerate(code.matrix):
        for col, dark in enumerate(cells):
            if dark:
                reference.rect(
                    col * module, code.height - (row + 1) * module, module, module, stroke=0, fill=1
                )
    reference.restoreState()

    assert sum(map(sum, code.matrix)) > 100
    assert "\n".join(ours._code) == "\n".join(reference._code)  # the page's content stream


def test_page_header_and_footer_read_back_with_a_fallback_character(tmp_path: Path) -> None:
    slip = replace(realistic_slip(), agency_name="𠮷水县信访局")  # the header falls back to a paragraph

    text = pdftotext(render_slip(slip, tmp_path / "slip.pdf", "a4"))

    assert "𠮷水县信访局 信访事项登记回执（编号：X信访〔2026〕123号）" in text
    assert "第1页" in text and "打印时间：2026年3月12日 09:48" in text
