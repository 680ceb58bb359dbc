"""Sourcebook: a reference viewer for defence news in which every fact cites its sentence."""

__version__ = "0.1.0"
