"""Translatable notices: what the importer tells the user besides errors.

A notice is an English template marked with ``QT_TRANSLATE_NOOP("io", ...)`` plus the
values to fill it with, so the GUI can translate it and the CLI can print it as is.
"""

from __future__ import annotations

from dataclasses import dataclass, field

CONTEXT = "io"


@dataclass(frozen=True)
class Notice:
    """One message for the user: ``template.format(**params)`` is the English text."""

    template: str
    params: dict[str, object] = field(default_factory=dict)

    @property
    def message(self) -> str:
        try:
            return self.template.format(**self.params)
        except (KeyError, IndexError, ValueError):
            return self.template

    def __str__(self) -> str:
        return self.message


def notice(template: str, **params: object) -> Notice:
    """A :class:`Notice` from a marked *template* and its values."""
    return Notice(template, params)


def short_list(items, limit: int = 6) -> str:
    """'a, b, c' with '…' after *limit* items (for messages)."""
    items = [str(i) for i in items]
    text = ", ".join(items[:limit])
    return text + (", …" if len(items) > limit else "")
