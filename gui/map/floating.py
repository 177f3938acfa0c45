"""A small panel floating over a corner of the map (legends), following the map's size."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QFrame


class FloatingPanel(QFrame):
    """Framed, click-through panel pinned to a corner of *map_view*.

    Subclasses set ``CORNER`` ("top-right", "bottom-right" or "bottom-left") and ``MARGIN``, and call
    :meth:`place` after their content changes size.
    """

    CORNER = "top-right"
    MARGIN = 10
    BOTTOM_CLEARANCE = 18  # keeps clear of the map's scale bar row

    def __init__(self, map_view, object_name: str) -> None:
        super().__init__(map_view)
        self.setObjectName(object_name)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setStyleSheet(f"#{object_name} {{ background: rgba(255, 255, 255, 238); border: 1px solid #9e9e9e;"
                           " border-radius: 4px; } QLabel { background: transparent; }")
        self._follow = _Follow(self)
        map_view.installEventFilter(self._follow)

    def place(self) -> None:
        parent = self.parentWidget()
        x = self.MARGIN if self.CORNER.endswith("left") else max(parent.width() - self.width() - self.MARGIN, 0)
        if self.CORNER.startswith("bottom"):
            y = max(parent.height() - self.height() - self.MARGIN - self.BOTTOM_CLEARANCE, 0)
        else:
            y = self.MARGIN
        self.move(x, y)


class _Follow(QObject):
    """Re-places the panel when the map is resized."""

    def __init__(self, panel: FloatingPanel) -> None:
        super().__init__(panel)
        self.panel = panel

    def eventFilter(self, _obj, event) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Resize and self.panel.isVisible():
            self.panel.place()
        return False
