"""Following a matter to its end (issue 3): the workflow steps, leaders, reception days and assignments
from above. ``CaseService`` is the one entry point; its records are in ``app.case_records``.
"""

from app.cases.service import CaseService

__all__ = ["CaseService"]
