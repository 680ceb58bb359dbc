"""Headless commands: build, ingest, search, export, check, spec; with none, the app."""
