"""The analysis settings a project carries (saved in its file): typed, with the defaults of
:mod:`gis.defaults`. ``project.settings`` stays the stored dict; read it through
:meth:`ProjectSettings.of` so a missing or unreadable value falls back to its default."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from gis import defaults


@dataclass(frozen=True)
class ProjectSettings:
    pre_year: int = defaults.PRE_YEAR  # compounds built by this year are "old"
    gap_tolerance_m: float = defaults.GAP_M  # neighbours across a street
    elevator_min_floors: int = defaults.MIN_FLOORS
    subsidy_rule: str | None = None  # key of the elevator subsidy rule (gis.gaps.elevators)

    @classmethod
    def of(cls, project) -> "ProjectSettings":
        """The project's settings; a missing or unreadable value is the default."""
        stored, out = project.settings or {}, {}
        for f in fields(cls):
            value = stored.get(f.name)
            if value is None:
                continue
            try:
                out[f.name] = str(value) if f.name == "subsidy_rule" else type(getattr(cls, f.name))(value)
            except (TypeError, ValueError):
                continue
        return cls(**out)

    def store(self, project) -> None:
        """Write these settings into *project* (None values are left out)."""
        project.settings.update({k: v for k, v in asdict(self).items() if v is not None})
