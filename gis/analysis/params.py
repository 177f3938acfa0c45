"""Parameter declarations: each analysis parameter is declared once, on its request dataclass.

::

    @dataclass(frozen=True)
    class ZoneRequest:
        gap_m: float = param(GAP_M, unit="m", low=0, high=500, help=QT_TRANSLATE_NOOP(
            "analysis", "Compounds at most this far apart are neighbours."))

    for name, p in declared(ZoneRequest): ...   # the CLI builds its options from these

A :class:`Param` carries the default, unit, range, help text (marked for translation; the
GUI translates it in the ``analysis`` context) and the command-line flag.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

from gis.errors import AnalysisError
from gis.i18n import QT_TRANSLATE_NOOP

CONTEXT = "analysis"


@dataclass(frozen=True)
class Param:
    """One declared parameter. ``low``/``high`` bound numbers (inclusive; None = open);
    ``optional`` means None is a valid value ("no limit")."""

    default: object
    help: str
    unit: str = ""
    low: float | None = None
    high: float | None = None
    kind: type = float
    optional: bool = False
    flag: str | None = None  # CLI flag; default from the field name (--gap-m → see ``cli_flag``)
    choices: tuple = ()

    def check(self, name: str, value) -> None:
        """Raise :class:`AnalysisError` naming *name* when *value* is outside the range."""
        if value is None:
            if self.optional:
                return
            raise AnalysisError(QT_TRANSLATE_NOOP("errors", "{name} needs a value."), name=name)
        if self.choices and value not in self.choices:
            raise AnalysisError(QT_TRANSLATE_NOOP("errors", "{name} must be one of {choices}, not {value}."),
                                name=name, choices=", ".join(map(str, self.choices)), value=value)
        if self.kind in (int, float):
            number = float(value)
            if not math.isfinite(number) or (self.low is not None and number < self.low) or (
                    self.high is not None and number > self.high):
                raise AnalysisError(QT_TRANSLATE_NOOP(
                    "errors", "{name} must be between {low} and {high} {unit}, not {value}."),
                    name=name, low=_g(self.low), high=_g(self.high), unit=self.unit, value=value)


def _g(value) -> str:
    return "…" if value is None else f"{value:g}"


def param(default, help: str, **options) -> dataclasses.Field:
    """A dataclass field declaring a :class:`Param` (see the module text)."""
    declared_ = Param(default, help, **options)
    return dataclasses.field(default=default, metadata={"param": declared_})


def declared(cls_or_request) -> list[tuple[str, Param]]:
    """The (field name, Param) pairs of a request class or instance, in declaration order."""
    return [(f.name, f.metadata["param"]) for f in dataclasses.fields(cls_or_request) if "param" in f.metadata]


def defaults_of(cls) -> dict[str, object]:
    """The declared defaults of a request class by field name (for dialogs and settings)."""
    return {name: p.default for name, p in declared(cls)}


def validate(request) -> None:
    """Check every declared parameter of *request* against its range."""
    for name, p in declared(request):
        p.check(name, getattr(request, name))


def cli_flag(name: str, p: Param) -> str:
    """The command-line flag of a parameter: its own, else ``--`` and the name with dashes."""
    return p.flag or "--" + name.replace("_", "-")
