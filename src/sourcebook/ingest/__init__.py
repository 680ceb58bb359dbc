"""Turning plain-text articles into blocks, sentences, mentions and claims (no Qt, no SQL)."""
