"""Persistence: models, engine and session set-up, migrations. Imports nothing of ours."""
