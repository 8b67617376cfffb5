"""The matters list as a table model: rows fetched in pages on demand, sorted in SQL, or a search's results.

The model holds only the rows fetched so far (MatterSummary records); the view asks for more as it
scrolls (canFetchMore/fetchMore), so a million matters scroll like a hundred. The first page, a new sort,
a jump to a deep row and searches are read in a worker (ui/workers.py): the newest request wins, and a
search typed in the box never waits. The total is counted with the first page, not again for a new sort.
A further page (fetchMore) is read in place: two statements, the page's ids read from the sort column's
index (OFFSET skips index entries, not joined rows).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from app.matters import MatterService
from app.records import MatterSummary
from ui.vocabulary import QT_TRANSLATE_NOOP, vocab
from ui.workers import Requests

PAGE_SIZE = 200
SEARCH_LIMIT = 100
NEAR_DAYS = 3  # a notice deadline this close is shown in orange
AWAITING_NOTICE = "登记"  # the status in which the acceptance notice is still owed
OVERDUE_COLOR = QColor("#C62828")
NEAR_COLOR = QColor("#E65100")
MATTER_NO_ROLE = Qt.ItemDataRole.UserRole + 1
GRACE_MS = 150  # a list read within this is shown at once, without an empty frame first

Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("MattersTableModel", text)


# (header, sort key in MatterService.page or None, how a summary shows in the column)
COLUMNS: list[tuple[str, str | None, Callable[[MatterSummary], str]]] = [
    (QT_TRANSLATE_NOOP("MattersTableModel", "信访件编号"), "matter_no", lambda m: m.matter_no),
    (QT_TRANSLATE_NOOP("MattersTableModel", "状态"), "status", lambda m: vocab(m.status)),
    (
        QT_TRANSLATE_NOOP("MattersTableModel", "登记时间"),
        "received_at",
        lambda m: f"{m.received_at:%Y-%m-%d %H:%M}",
    ),
    (QT_TRANSLATE_NOOP("MattersTableModel", "来访人"), None, lambda m: m.persons),
    (QT_TRANSLATE_NOOP("MattersTableModel", "问题属地"), None, lambda m: m.township),
    (QT_TRANSLATE_NOOP("MattersTableModel", "内容分类"), None, lambda m: vocab(m.category)),
    (QT_TRANSLATE_NOOP("MattersTableModel", "事项概况"), None, lambda m: m.summary),
    (QT_TRANSLATE_NOOP("MattersTableModel", "首接人"), None, lambda m: m.first_clerk),
    (
        QT_TRANSLATE_NOOP("MattersTableModel", "告知期限"),
        "notice_deadline",
        lambda m: f"{m.notice_deadline:%Y-%m-%d}",
    ),
    (QT_TRANSLATE_NOOP("MattersTableModel", "来访次数"), None, lambda m: str(m.visit_count)),
]
DEADLINE_COLUMN = 8
VISITS_COLUMN = 9
_NUMBER = re.compile(r"〔(\d+)〕(\d+)")


def _number_key(matter_no: str) -> tuple[int, int, str]:
    """Matter numbers in issue order (year, then sequence), not as text: 〔2026〕9号 before 〔2026〕10号."""
    found = _NUMBER.search(matter_no)
    return (int(found.group(1)), int(found.group(2)), matter_no) if found else (0, 0, matter_no)


# Search results are few (SEARCH_LIMIT); they are sorted in memory by the same keys.
_MEMORY_SORT: dict[str, Callable[[MatterSummary], Any]] = {
    "matter_no": lambda m: _number_key(m.matter_no),
    "status": lambda m: m.status,
    "received_at": lambda m: m.received_at,
    "notice_deadline": lambda m: m.notice_deadline,
}


class _Read(NamedTuple):
    """What a worker read for the list: a page from row `first`, or a search's results (ranked)."""

    search: str
    first: int
    rows: list[MatterSummary]
    total: int | None  # None: the total is unchanged (a new sort, a jump)


class MattersTableModel(QAbstractTableModel):
    failed = Signal(str)  # reading the list failed: the message for the clerk
    loaded = Signal()  # a new list (page one or a search's results) is shown

    def __init__(
        self,
        matters: MatterService,
        clock: Callable[[], datetime | date] = datetime.now,
        parent: QObject | None = None,
        *,
        load: bool = True,
    ) -> None:
        super().__init__(parent)
        self._matters = matters
        self.deferred = not load  # nothing read until `refresh`: a hidden tab reads when first shown
        self._clock = clock
        self._rows: list[MatterSummary] = []
        self._total = 0
        self._sort_key = "received_at"
        self._descending = True
        self._search = ""
        self._first = 0  # the list's row shown first (after a jump); rows before it are not read
        self._total_stale = True  # the paged list's total is to be read (with the next page one)
        self.requests = Requests(self)
        self.requests.finished.connect(self._loaded)
        self.requests.failed.connect(self.failed)
        if load:
            self._load(self._search, GRACE_MS)

    # --- what the page reads -------------------------------------------------------------------------
    @property
    def total(self) -> int:
        """All matters in paged mode; the results found in search mode."""
        return self._total

    @property
    def search_text(self) -> str:
        return self._search

    @property
    def sort_key(self) -> str:
        return self._sort_key

    @property
    def first_row(self) -> int:
        """The position in the whole sorted list of the model's row 0 (0 unless jumped)."""
        return self._first

    def jump_to(self, row: int, wait_ms: int = GRACE_MS) -> None:
        """Show the sorted list from the page holding `row`, read in a worker (a deep row is read by itself
        through the sort column's index, not by reading every page before it); scrolling on fetches the
        following pages. Like any list read, a newer one (a sort, a search, another jump) drops it."""
        if self._search:
            return
        first = max(0, min(row, max(self._total - 1, 0))) // PAGE_SIZE * PAGE_SIZE
        matters, sort_key, descending = self._matters, self._sort_key, self._descending

        def read() -> _Read:
            return _Read("", first, matters.page(first, PAGE_SIZE, sort_key, descending), None)

        self.requests.run(read, wait_ms)

    def matter_at(self, row: int) -> MatterSummary:
        return self._rows[row]

    def deadline_state(self, row: int) -> str:
        """'overdue', 'near' or '' for the notice deadline of a row."""
        matter = self._rows[row]
        if matter.status != AWAITING_NOTICE:
            return ""
        now = self._clock()
        today = now.date() if isinstance(now, datetime) else now
        if matter.notice_deadline < today:
            return "overdue"
        if matter.notice_deadline <= today + timedelta(days=NEAR_DAYS):
            return "near"
        return ""

    # --- Qt model interface --------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(COLUMNS[section][0])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        matter = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[index.column()][2](matter)
        if role == MATTER_NO_ROLE:
            return matter.matter_no
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 6:
            return matter.summary
        if index.column() == DEADLINE_COLUMN:
            return self._deadline_data(index.row(), role)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == VISITS_COLUMN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _deadline_data(self, row: int, role: int) -> Any:
        state = self.deadline_state(row)
        if role == Qt.ItemDataRole.ForegroundRole and state:
            return QBrush(OVERDUE_COLOR if state == "overdue" else NEAR_COLOR)
        if role == Qt.ItemDataRole.ToolTipRole and state:
            return (
                QCoreApplication.translate("MattersTableModel", "告知已超期")
                if state == "overdue"
                else QCoreApplication.translate("MattersTableModel", "告知期限将至（3日内）")
            )
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._search and self._first + len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        rows = self._matters.page(self._first + len(self._rows), PAGE_SIZE, self._sort_key, self._descending)
        if not rows:
            self._total = self._first + len(self._rows)  # matters vanished since counting: stop asking
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in SQL and start again from the first page; unsortable columns are ignored."""
        if not 0 <= column < len(COLUMNS) or COLUMNS[column][1] is None:
            return
        self._sort_key = str(COLUMNS[column][1])
        self._descending = order == Qt.SortOrder.DescendingOrder
        self._load(self._search, GRACE_MS, recount=False)  # the same matters in another order

    # --- modes ---------------------------------------------------------------------------------------
    def set_search(self, text: str, wait_ms: int = GRACE_MS) -> None:
        """Show the matters found for `text`, ranked; empty text returns to the paged list.

        The results replace the list when they arrive; `wait_ms=0` for a search typed in the box.
        """
        self._load(text.strip(), wait_ms)

    def refresh(self) -> None:
        """Read again from the first page (or search again): after a change or a new sort."""
        self._load(self._search, GRACE_MS)

    def load_if_deferred(self) -> None:
        """The first read of a model built with load=False (its sort as set meanwhile)."""
        if self.deferred:
            self.deferred = False  # or _load would defer this read too
            self.refresh()

    def _load(self, search: str, wait_ms: int, recount: bool = True) -> None:
        if self.deferred and not search:  # a sort or a change before the first read: read when shown
            return
        self.deferred = False
        matters, sort_key, descending = self._matters, self._sort_key, self._descending
        # the total is read again after a change, and until a counted page is shown (a sort made while
        # a counting read is on its way drops that read, so it counts too)
        count = recount or self._total_stale
        if count and not search:
            self._total_stale = True

        def read() -> _Read:
            if search:
                found = matters.search(search, SEARCH_LIMIT)
                return _Read(search, 0, found, len(found))
            rows = matters.page(0, PAGE_SIZE, sort_key, descending)
            return _Read("", 0, rows, matters.count() if count else None)

        self.requests.run(read, wait_ms)

    def _loaded(self, result: _Read) -> None:
        self.beginResetModel()
        self._search, self._first = result.search, result.first
        # under the default order (newest first) search results keep their rank: exact numbers first
        ranked = not result.search or (self._sort_key == "received_at" and self._descending)
        self._rows = result.rows if ranked else self._sorted(result.rows)
        if result.total is not None:
            self._total = result.total
            self._total_stale = bool(result.search)  # a search's total is not the list's
        self.endResetModel()
        self.loaded.emit()

    def _sorted(self, rows: list[MatterSummary]) -> list[MatterSummary]:
        return sorted(rows, key=_MEMORY_SORT[self._sort_key], reverse=self._descending)
