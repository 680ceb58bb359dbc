"""The library: models, sessions, full-text search and the query API (no Qt)."""
