"""Xinfang Desk (信访接待台): services and rules. No Qt in this package."""

__version__ = "0.1.0"
