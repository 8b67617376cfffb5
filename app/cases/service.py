"""The case service: one public method per step of a matter's workflow, each one transaction.

Built from parts of one idea each; the constructor (in ``CaseBase``) takes the database, the working-day
calendar and the deadline rules as callables (so an edited holiday or rule table applies at once), and the
clock.
"""

from __future__ import annotations

from app.cases.assignments import Assignments
from app.cases.decisions import Decisions
from app.cases.leaders import Leaders
from app.cases.merging import Merging
from app.cases.reading import Reading
from app.cases.reviews import Reviews
from app.cases.upper import UpperAssignments


class CaseService(Decisions, Assignments, Reviews, Merging, Leaders, UpperAssignments, Reading):
    """CaseService(db, calendar, rules, clock): follow a matter from registration to its end."""
