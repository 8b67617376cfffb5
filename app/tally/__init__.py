"""The weekly tally (信访情况周报表, RULES.md §6): counts per township, computed in SQL, and its exports.

``TallyService(db, clock)`` builds a ``Tally`` for an ISO week or a date range; ``write_tally`` writes it as
.xlsx, .csv or .pdf. The columns and how each counts are in ``definitions``, in one place.
"""

from app.tally.model import Change, Comparison, Rate, Tally, TallyRow, TrendPoint
from app.tally.periods import Period
from app.tally.service import TallyService

__all__ = ["Change", "Comparison", "Period", "Rate", "Tally", "TallyRow", "TallyService", "TrendPoint"]
