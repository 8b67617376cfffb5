"""Printed documents (登记回执 and later notices) as PDF files, built with ReportLab.

Fonts come only from ``resources/fonts`` and are embedded as subsets, so a slip prints the same on any
machine; characters outside the body font fall back to the Hanazono fonts (see ``fonts``).
No Qt here: the window previews and prints the PDF these modules write.
"""
