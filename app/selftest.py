"""`--self-test`: prove that this copy of the program works on this machine, headless, in seconds.

It checks the shipped code tables, fonts and migrations, opens (or creates) a database and brings it to the
newest schema, registers one visit with the form's validation, writes that visit's slip and checks the PDF
embeds the shipped fonts. Any failure names what is missing. It registers a real visit, so it refuses a
database that already holds matters: it is for a new file (by default a temporary one).
"""

from __future__ import annotations

import re
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from alembic.util import CommandError
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError
from sqlalchemy import func, select

from app.desk import Desk, open_desk
from app.documents.fonts import BODY, font_for, register_fonts
from app.errors import DeskError
from app.records import PersonInput, VisitInput
from app.resources import resource_path
from app.version import build_info
from db import migrate
from db.models import Matter

CODE_TABLES = ("regions.csv", "categories.json", "county_example.json")
# A visitor whose name needs the fallback font (𠮷 is outside the BMP), whose ID number needs the region table
SAMPLE_NAME, SAMPLE_ID = "王𠮷", "11010519491231002X"


class SelfTestError(DeskError):
    """The self-test found the program incomplete or broken; the message says what."""


@dataclass(frozen=True)
class SelfTestReport:
    version: str
    revision: str
    matter_no: str
    slip: Path
    fonts: tuple[str, ...]  # the embedded fonts' names, as the PDF gives them
    seconds: float

    def summary(self, kept: bool = True) -> str:
        """One line; `kept` False when the slip was written to a temporary folder and is gone."""
        where = str(self.slip) if kept else "(temporary)"
        return (
            f"自检通过 self-test ok: {self.version}; schema {self.revision}; matter {self.matter_no}; "
            f"slip {where}, fonts embedded: {', '.join(self.fonts)}; {self.seconds:.2f} s"
        )


def run_self_test(target: str | None, out: Path) -> SelfTestReport:
    """Run every check on `target` (a new database; None: a temporary file) and write the slip to `out`."""
    started = time.perf_counter()
    check_resources()
    with tempfile.TemporaryDirectory(prefix="xinfang-selftest-") as scratch:
        desk = open_desk(target or str(Path(scratch) / "selftest.sqlite"))
        try:
            desk.sign_in_console("self-test")  # a new SQLite file: the console operator, audited as such
            revision = _check_schema(desk)
            matter_no = _register_sample(desk)
            desk.slips.write_slip(matter_no, out=out)
        finally:
            desk.close()
    fonts = check_fonts_embedded(out.read_bytes())
    elapsed = time.perf_counter() - started
    return SelfTestReport(build_info().line, revision, matter_no, out, fonts, elapsed)


def check_resources() -> None:
    """The code tables, fonts and migrations shipped with the program are all there and readable."""
    for table in CODE_TABLES:
        try:
            resource_path("tables", table)
        except FileNotFoundError as error:
            raise SelfTestError(f"缺少代码表 missing code table: {table}（{error}）") from error
    try:
        register_fonts()
    except (FileNotFoundError, TTFError) as error:
        raise SelfTestError(f"缺少或无法读取字体 missing or unreadable font: {error}") from error
    try:
        migrate.check_migration_chain()
    except (CommandError, OSError, AssertionError) as error:
        raise SelfTestError(f"数据库迁移脚本不完整 missing migration: {error}") from error


def _check_schema(desk: Desk) -> str:
    current, head = migrate.current_revision(desk.db.engine), migrate.head_revision()
    if current != head:
        raise SelfTestError(f"数据库未升级到最新结构 schema at {current}, program expects {head}")
    return head


def _register_sample(desk: Desk) -> str:
    """One visit through the same validation as the form, on the database's own reference data."""
    with desk.db.reading() as session:
        if session.scalar(select(func.count()).select_from(Matter)):
            raise SelfTestError(
                "自检会登记一条测试来访，只能在新建的空数据库上运行；请换一个新文件或不加 --db"
            )
    names = desk.reference.names()
    if not (names.townships and names.categories and names.clerks):
        raise SelfTestError("数据库缺少乡镇、分类或接待人员 missing townships, categories or clerks")
    visit = VisitInput(
        visited_at=desk.clock().replace(second=0, microsecond=0),
        channel="来访",
        headcount=1,
        persons=[PersonInput(name=SAMPLE_NAME, id_number=SAMPLE_ID, representative=True)],
        township=names.townships[0],
        category=names.categories[0].name,
        summary="程序自检登记",
        appeal="本条由程序自检（--self-test）登记，用于验证安装是否完整。",
        clerk=names.clerks[0],
    )
    return desk.intake.register_visit(visit).matter_no


_OBJECT = re.compile(rb"\d+\s+\d+\s+obj\b(.*?)(?:\bstream\r?\n.*?\bendstream\s*)?endobj", re.S)
_NAME = r"/{key}\s*/([^\s/<>\[\]()]+)"


def pdf_fonts(pdf: bytes) -> tuple[set[str], set[str]]:
    """(every simple font the PDF uses, the fonts whose program is embedded), by name without subset tag."""
    used, embedded = set(), set()
    for match in _OBJECT.finditer(pdf):
        text = match.group(1).decode("latin-1")
        if re.search(r"/Type\s*/FontDescriptor\b", text) and re.search(r"/FontFile[23]?\s", text):
            embedded.update(_untagged(re.findall(_NAME.format(key="FontName"), text)))
        elif re.search(r"/Type\s*/Font\b", text) and not re.search(r"/Subtype\s*/Type[03]\b", text):
            used.update(_untagged(re.findall(_NAME.format(key="BaseFont"), text)))
    return used, embedded


def _untagged(names: list[str]) -> set[str]:
    return {name.split("+", 1)[-1] for name in names}  # AAAAAA+WenQuanYiMicroHei-0 → WenQuanYiMicroHei-0


def check_fonts_embedded(pdf: bytes) -> tuple[str, ...]:
    """Every font in the PDF is embedded, and so are the body font and the fallback font for 𠮷."""
    used, embedded = pdf_fonts(pdf)
    missing = used - embedded
    if missing:
        raise SelfTestError(f"回执使用了未嵌入的字体 fonts not embedded: {', '.join(sorted(missing))}")
    for font in (BODY, font_for(SAMPLE_NAME[-1])):
        face = pdfmetrics.getFont(font).face.name
        face_name = face.decode("latin-1") if isinstance(face, bytes) else str(face)
        if not any(name.startswith(face_name) for name in embedded):
            raise SelfTestError(f"回执中缺少字体 font missing from the slip: {face_name}")
    return tuple(sorted(embedded))
