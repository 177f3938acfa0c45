"""The gap colours and legend of a presentation, switched between before and after the plan.

The gaps panel's overlays (gui.gaps.drawing.GapMap) are redrawn from the "before" result
(the same run without the planned facilities) or the "after" one, with the panel's own
choices (filters, highlighted type, elevators). Without a panel result the choropleth of
missing services is drawn on its own. ``restore()`` puts back what the panel showed.
"""

from __future__ import annotations

import numpy as np

from gis.domain import Role
from gis.gaps.access import GapResult


class GapColours:
    """Draws one gap result at a time on the window's map through its gaps controller."""

    def __init__(self, window) -> None:
        from gui.gaps.controller import GapsController

        self.window = window
        self.controller = next((f for f in getattr(window, "features", ())
                                if isinstance(f, GapsController)), None)
        self.shown: GapResult | None = None
        self._drew_alone = False

    def show(self, gaps: GapResult | None, stage: str = "") -> bool:
        """Colour the compounds by what *gaps* finds missing, the legend headed by *stage* ("Before the
        plan"); False when nothing was drawn (None, unchanged)."""
        ctl = self.controller
        if ctl is None or gaps is None or (gaps is self.shown and ctl.map.stage == stage):
            return False
        ctl.map.stage = stage
        out = ctl.outcome
        if out is not None and len(out.gaps.compounds.ids) == len(gaps.compounds.ids):
            ctl.apply_filters(gaps)
        else:
            from gui.gaps.drawing import Scene

            compounds = self.window.project.first(Role.COMPOUNDS)
            if compounds is None or len(compounds) != len(gaps.compounds.ids):
                return False
            ctl.map.draw(Scene(gaps, np.ones(len(compounds), dtype=bool), compounds.display_data().geometry))
            self._drew_alone = True
        self.shown = gaps
        return True

    def restore(self) -> None:
        """The map's gap overlays as the gaps panel shows them."""
        ctl = self.controller
        if ctl is None or self.shown is None:
            return
        self.shown, ctl.map.stage = None, ""
        if ctl.outcome is not None:
            ctl.apply_filters()
        elif self._drew_alone:
            ctl.map.clear()
        self._drew_alone = False
