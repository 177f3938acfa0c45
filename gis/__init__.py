"""The engine: data models, readers, analyses and exports. No Qt here (tests/gis/test_no_qt.py)."""
