"""Presentation year by year: the zones of the programme light up one year after another
(earlier years stay lit, later ones pale), with the year's zones, compounds, households and
investment on the card. Used by gui.presentation (the "By year" button, key Y)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from gis.analysis.session import session_for
from gis.domain import Role
from gui.programme import overlays
from gui.programme.wording import name_list, wan_text

MAX_NAMES = 8  # zones named on a year's card; the rest counted


def tr(text: str) -> str:
    return QCoreApplication.translate("YearTour", text)


class YearTour:
    """Steps through the years of the project's latest programme on a presentation's map."""

    def __init__(self, mode, programme) -> None:
        self.mode = mode
        self.programme = programme
        self.years = tuple(programme.years.years)
        self.index = -1
        self._before = {name: mode.view.overlays.get(name) for name in overlays.ALL}  # put back by stop()

    @classmethod
    def of(cls, mode) -> "YearTour | None":
        """The tour of the project's programme (None when none was planned, or it is out of date)."""
        session = session_for(mode.project)
        outcome = session.latest("programme")
        if outcome is None or session.is_stale("programme"):
            return None
        layer = mode.project.first(Role.COMPOUNDS)
        if layer is None or len(layer) != len(outcome.programme.facts):
            return None
        return cls(mode, outcome.programme)

    def next(self) -> None:
        self.show(min(self.index + 1, len(self.years) - 1))

    def previous(self) -> None:
        self.show(max(self.index - 1, 0))

    def show(self, index: int) -> None:
        """Light the zones of the years up to ``years[index]``; the card tells that year."""
        self.index = index
        year = self.years[index]
        result = self.programme.result()
        shapes = self.mode.project.first(Role.COMPOUNDS).display_data().geometry
        shown = overlays.frames(result, shapes, overlays.Words(tr("{year}"), tr("waiting"), tr("reserve")), upto=year)
        for name in overlays.ALL:
            self.mode.view.set_overlay(name, shown[name])
        self._legend(year)
        self.mode.show_card_lines(*self.card(year))

    def _legend(self, upto: int | None) -> None:
        """The plan legend lists the years lit so far (all of them again with None)."""
        plan = next((f for f in getattr(self.mode.window, "features", ()) if hasattr(f, "legend_sections")), None)
        if plan is not None and plan.programme is self.programme:
            plan.legend.set_entries(plan.legend_title(),
                                    plan.legend_sections(self.programme.result(), upto))

    def card(self, year: int) -> tuple[str, list[str], str]:
        """Title, lines and position text of *year*'s card."""
        result, facts = self.programme.result(), self.programme.facts
        k = self.years.index(year)
        s = result.schedule
        zones = s.zones_in(year)
        done = float(s.spend[: k + 1].sum())
        names = name_list(facts.zone_names[z] for z in zones[:MAX_NAMES]) or tr("none")
        if len(zones) > MAX_NAMES:
            names = tr("{names} and {n} more").format(names=names, n=len(zones) - MAX_NAMES)
        lines = [tr("Zones: {names}").format(names=names),
                 tr("Compounds: {n} · households: {hh}").format(n=int(s.compounds[k]), hh=f"{s.households[k]:,.0f}"),
                 tr("Investment: {cost}").format(cost=wan_text(s.spend[k])),
                 tr("Up to {year}: {cost}").format(year=year, cost=wan_text(done))]
        return tr("Programme {year}").format(year=year), lines, tr("Year {k} of {n}").format(k=k + 1,
                                                                                          n=len(self.years))

    def stop(self) -> None:
        """Leave the tour: the map shows what it showed before."""
        for name, frame in self._before.items():
            self.mode.view.set_overlay(name, frame)
        self._legend(None)
