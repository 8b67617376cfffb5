"""Import of old Excel ledgers (.xlsx, .csv): read, map the columns, check every row, import all or nothing.

The steps a wizard (or `python -m app import`) takes, each usable on its own:

    table = read_table(path, sheet=None)          # headers and rows as text
    mapping = propose_mapping(table.headers)      # recognised by name; mapping.with_column(...) corrects it
    report = service.dry_run(table, mapping)      # every rejected row with its reasons; nothing written
    report = service.run(table, mapping)          # all or nothing (only_valid=True: the valid rows alone)
"""

from app.importing.mapping import FIELDS, ColumnMapping, field_for, propose_mapping
from app.importing.report import AcceptedRow, ImportReport, RejectedRow, SkippedRow
from app.importing.service import IMPORT_EVENT, ImportService
from app.importing.table import Table, TableRow, read_table

__all__ = [
    "FIELDS",
    "IMPORT_EVENT",
    "AcceptedRow",
    "ColumnMapping",
    "ImportReport",
    "ImportService",
    "RejectedRow",
    "SkippedRow",
    "Table",
    "TableRow",
    "field_for",
    "propose_mapping",
    "read_table",
]
