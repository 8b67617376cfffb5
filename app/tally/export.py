"""Write a tally where the clerk asked: the format follows the file's extension (.xlsx, .csv, .pdf)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app.errors import ValidationError
from app.storage import translated
from app.tally.model import Tally

FORMATS = (".xlsx", ".csv", ".pdf")


def _writer(suffix: str) -> Callable[[Tally, Path], None]:
    # imported on demand: openpyxl and the PDF fonts are not needed for the other formats
    if suffix == ".xlsx":
        from app.tally.xlsx import write_xlsx

        return write_xlsx
    if suffix == ".csv":
        from app.tally.csv_file import write_csv

        return write_csv
    from app.tally.pdf import write_pdf

    return write_pdf


def write_tally(tally: Tally, path: Path | str) -> Path:
    """Write ``tally`` to ``path`` as .xlsx, .csv or .pdf; a ValidationError for any other extension."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in FORMATS:
        raise ValidationError.single("out", f"不支持的文件类型“{target.suffix}”，请使用 .xlsx、.csv 或 .pdf")
    with translated():
        target.parent.mkdir(parents=True, exist_ok=True)
        _writer(suffix)(tally, target)
    return target
