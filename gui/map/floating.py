"""A small panel floating over a corner of the map (legends), following the map's size."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QFrame, QLabel, QWidget

FONT_PX = 13  # the panels' body text at scale 1


class FloatingPanel(QFrame):
    """Framed, click-through panel pinned to a corner of *map_view*.

    Subclasses set ``CORNER`` ("top-right", "bottom-right" or "bottom-left") and ``MARGIN``, and call
    :meth:`place` after their content changes size.
    """

    CORNER = "top-right"
    MARGIN = 10
    printed: tuple[str, list[dict]] | None = None  # (title, rows) for a printed legend; set by subclasses
    BOTTOM_CLEARANCE = 18  # keeps clear of the map's scale bar row

    def __init__(self, map_view, object_name: str) -> None:
        super().__init__(map_view)
        self.setObjectName(object_name)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.scale = 1.0
        self._css = (f"#{object_name} {{ background: rgba(255, 255, 255, 238); border: 1px solid #9e9e9e;"
                     " border-radius: 4px; } QLabel { background: transparent; }")
        self.setStyleSheet(self._css)
        self._follow = _Follow(self)
        map_view.installEventFilter(self._follow)

    def empty(self, layout) -> None:
        """Take every widget out of *layout* (a rebuild). Each is hidden and unparented at once:
        a widget only taken out and left to ``deleteLater`` stays a shown child of the panel until
        the event loop deletes it, never when the rebuild runs outside it (a nested loop, a script
        pumping events), and the panel showed the old rows over the new ones ("ClinicClinic")."""
        while layout.count():
            widget = layout.takeAt(0).widget()
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()

    def print_rows(self) -> tuple[str, list[dict]] | None:
        """What a printed legend repeats of this panel: ``(title, rows)``, each row a dict with
        text, fill (as seen on the map), stroke, dash and kind (polygon | point); None when hidden."""
        return self.printed if self.isVisible() and self.printed and self.printed[1] else None

    def set_scale(self, factor: float) -> None:
        """Text, swatches and width *factor* times larger (a projector in a meeting room)."""
        if not hasattr(self, "_base_max"):
            self._base_max = self.maximumWidth()
        self.scale = factor
        self.setStyleSheet(self._css if factor == 1 else
                           f"{self._css} QLabel {{ font-size: {round(FONT_PX * factor)}px; }}")
        self.setMaximumWidth(min(int(self._base_max * factor), 16777215))
        self._scale_children()
        self.adjustSize()
        self.place()

    def adjustSize(self) -> None:  # noqa: N802 (Qt override)
        """Sized with the style sheet applied (a scaled panel's larger text) and tall enough for wrapped lines."""
        for widget in self.findChildren(QWidget):  # children added since the panel was polished: styled now
            widget.ensurePolished()
            widget.updateGeometry()  # and their cached size hints dropped
        super().adjustSize()
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth():
            self.resize(self.width(), max(self.height(), layout.totalHeightForWidth(self.width())))

    def _scale_children(self) -> None:
        """Bring labels added since the last call to the panel's scale (rebuilds add them at 1)."""
        for label in self.findChildren(QLabel):
            done = label.property("scale") or 1.0
            if done == self.scale:
                continue
            ratio = self.scale / done
            label.setProperty("scale", self.scale)
            pix = label.pixmap()
            if pix is not None and not pix.isNull():
                label.setPixmap(pix.scaled(pix.size() * ratio, Qt.AspectRatioMode.KeepAspectRatio,
                                           Qt.TransformationMode.SmoothTransformation))
            css = label.styleSheet()
            if "font-size" in css:
                label.setStyleSheet(re.sub(r"font-size:\s*(\d+)px",
                                           lambda m: f"font-size: {round(int(m.group(1)) * ratio)}px", css))

    def place(self) -> None:
        """Pin to the corner; panels sharing a corner stack (the first made sits in the corner)."""
        if self.scale != 1:
            self._scale_children()
            self.adjustSize()
        parent = self.parentWidget()
        if parent is not None:
            _stack(parent, self.CORNER, also=self)

    def _put(self, offset: int) -> int:
        """Move *offset* pixels in from the corner's edge; returns the offset for the next panel."""
        parent = self.parentWidget()
        x = self.MARGIN if self.CORNER.endswith("left") else max(parent.width() - self.width() - self.MARGIN, 0)
        if self.CORNER.startswith("bottom"):
            y = max(parent.height() - self.height() - self.MARGIN - self.BOTTOM_CLEARANCE - offset, 0)
        else:
            y = self.MARGIN + offset
        self.move(x, y)
        return offset + self.height() + self.MARGIN // 2

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().hideEvent(event)
        if self.parentWidget() is not None:
            _stack(self.parentWidget(), self.CORNER)


def _stack(parent, corner: str, also: FloatingPanel | None = None) -> None:
    """Place the shown panels of *corner* (and *also*, about to be shown) one beside the other."""
    offset = 0
    for panel in parent.children():
        if isinstance(panel, FloatingPanel) and panel.CORNER == corner and (panel.isVisible() or panel is also):
            offset = panel._put(offset)


class _Follow(QObject):
    """Re-places the panel when the map is resized."""

    def __init__(self, panel: FloatingPanel) -> None:
        super().__init__(panel)
        self.panel = panel

    def eventFilter(self, _obj, event) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Resize and self.panel.isVisible():
            self.panel.place()
        return False
