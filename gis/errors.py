"""Typed exceptions of the engine.

Each carries an English message *template* marked for translation and the values to fill
it with, so the GUI can show it in the user's language and the CLI can print it as is::

    raise MissingFileError(QT_TRANSLATE_NOOP("errors", "{path} has no .shx index."), path=p)
"""

from __future__ import annotations

from gis.i18n import fill, localised_params


class GisError(Exception):
    """Base of all engine errors. ``template.format(**params)`` is the English message."""

    context = "errors"

    def __init__(self, template: str, **params: object) -> None:
        self.template = template
        self.params = params
        super().__init__(self.message)

    def params_in(self, language: str) -> dict:
        """The params for a message in *language*: an ``X_zh`` value stands for ``X`` in Chinese."""
        return localised_params(self.params, language)

    @property
    def message(self) -> str:
        try:
            return fill(self.template, self.params)
        except (KeyError, IndexError, ValueError):
            return self.template


class DataReadError(GisError):
    """A file could not be read or understood."""


class CrsError(GisError):
    """A coordinate system is missing, ambiguous or unsupported."""


class FieldMappingError(GisError):
    """A required field is missing or holds unusable values."""


class ProjectError(GisError):
    """A project file could not be saved or opened."""


class AnalysisError(GisError):
    """An analysis cannot run on the given inputs."""


class ExportError(GisError):
    """An export could not be written (unsupported format, CRS or target path)."""


class ZoneError(GisError):
    """A zone edit was refused. When it would break contiguity, ``params["contiguity"]``
    holds the separate groups (gis.zones.model.Contiguity) for the map to show."""

    context = "zones"


class Cancelled(Exception):
    """Raised by long work when the user pressed Cancel."""


class NeedsAnswer(GisError):
    """The run needs an answer only the user can give (a coordinate system, a field, which file
    is which): the window asks, the command line refuses with the option that answers it.

    ``code`` is stable (e.g. ``crs.unknown``); ``params["option"]`` names the answer.
    """

    def __init__(self, code: str, template: str, **params: object) -> None:
        self.code = code
        super().__init__(template, **params)
