"""Marking user-visible strings in the Qt-free engine.

``gis`` may not import Qt, yet its messages reach the user. Strings are marked with
:func:`QT_TRANSLATE_NOOP` (the name ``pyside6-lupdate`` looks for) and translated by the
GUI with ``QCoreApplication.translate(context, text)``. The CLI prints the English source.
"""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (name fixed by lupdate)
    """Return *text* unchanged; lupdate collects it under *context*."""
    return text
