"""The desktop app: a PySide6 window over the store's query API (nothing else imports this package)."""
