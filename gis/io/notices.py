"""Translatable notices: what the importer tells the user besides errors.

A notice is an English template marked with ``QT_TRANSLATE_NOOP("io", ...)`` plus the
values to fill it with, so the GUI can translate it and the CLI can print it as is. A
notice has a stable ``code`` (what a script tests for; :func:`coded` sets it, else it is
derived from the template's first words) and a ``level`` ("info", "warning").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from gis.i18n import fill, localised_params  # noqa: F401 (notices name things in both languages)

CONTEXT = "io"
LEVELS = ("info", "warning")


@dataclass(frozen=True)
class Notice:
    """One message for the user: ``template.format(**params)`` is the English text."""

    template: str
    params: dict[str, object] = field(default_factory=dict)
    given_code: str = ""
    level: str = "warning"

    @property
    def code(self) -> str:
        """The stable code: the one given, else ``note.`` and the template's first words."""
        if self.given_code:
            return self.given_code
        words = re.findall(r"[a-z0-9]+", re.sub(r"\{[^}]*\}", "", self.template.lower()))
        return "note." + "_".join(words[:6])

    def to_json(self) -> dict:
        """``{"code", "level", "message"}`` (the English message) for JSON outputs."""
        return {"code": self.code, "level": self.level, "message": self.message}

    @property
    def message(self) -> str:
        try:
            return fill(self.template, self.params)
        except (KeyError, IndexError, ValueError):
            return self.template

    def in_language(self, language: str) -> str:
        """The message in *language* (zh_CN from the app's translations, without Qt); text
        values among the parameters that are marked strings (reasons, kinds) are translated too."""
        from gis.i18n import translate_any

        params = {k: translate_any(v, language) if isinstance(v, str) else v
                  for k, v in localised_params(self.params, language).items()}
        try:
            return fill(translate_any(self.template, language), params)
        except (KeyError, IndexError, ValueError):
            return self.message

    def __str__(self) -> str:
        return self.message


def notice(template: str, **params: object) -> Notice:
    """A :class:`Notice` from a marked *template* and its values."""
    return Notice(template, params)


def coded(code: str, template: str, *, level: str = "warning", **params: object) -> Notice:
    """A :class:`Notice` with a stable *code* (e.g. ``crs.looks_like_datum``)."""
    return Notice(template, params, code, level)


def short_list(items, limit: int = 6) -> str:
    """'a, b, c' with '…' after *limit* items (for messages)."""
    items = [str(i) for i in items]
    text = ", ".join(items[:limit])
    return text + (", …" if len(items) > limit else "")
