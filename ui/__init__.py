"""The PySide6 window. It asks the services in app/; it never builds a query."""
