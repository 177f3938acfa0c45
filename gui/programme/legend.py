"""The programme legend floating in the map's bottom-left corner: a swatch per year and the reserve."""

from __future__ import annotations

from gui.gaps.legend import GapLegend


class PlanLegend(GapLegend):
    """The gap legend's look, in its own corner (the gap legend keeps the bottom right)."""

    CORNER = "bottom-left"
    OBJECT_NAME = "plan-legend"

    def __init__(self, map_view) -> None:
        super().__init__(map_view)
        self.setObjectName(self.OBJECT_NAME)
        self.setStyleSheet(self.styleSheet().replace("#gap-legend", f"#{self.OBJECT_NAME}"))
