"""The band legend: a tree in the dock with per-group / per-type toggles, and one on the map.

Tree: 一老 / 一小 (tristate) → facility types (checkable, with their facility count)
→ bands (colour swatch, level, distance span, area). The map legend lists the visible
types with one swatch per band, as the bands look on the map.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QGridLayout, QLabel, QTreeWidget, QTreeWidgetItem

from gis.standards import Standards
from gui.lifecircles.overlays import BandEntry
from gui.lifecircles.palette import BAND_OPACITY, band_style, over, type_colour
from gui.i18n import count_words
from gui.map.floating import FloatingPanel
from gui.lifecircles.wording import area_text, group_label, metres, ring_level_keys, type_label

MAP_BACKGROUND = "#f4f1ea"  # the map page's background (resources/web/map.css)
TYPE_ROLE = Qt.ItemDataRole.UserRole
GROUP_ROLE = Qt.ItemDataRole.UserRole + 1


def swatch(fill: str, stroke: str, *, size: int = 14, dashed: bool = False, dash: str | None = None,
           width: float | None = None) -> QPixmap:
    """A small square in *fill* with a *stroke* border (transparent fill when *fill* is empty);
    *dash* is a map dash pattern ("9 5") drawn as on the map."""
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    pen = QPen(QColor(stroke), width or (2 if dashed else 1), Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)
    if dash:
        pen.setDashPattern([max(float(v), 0.5) / pen.widthF() for v in dash.split()])
    painter.setPen(pen)
    if fill:
        painter.setBrush(QColor(fill))
    painter.drawRect(1, 1, size - 3, size - 3)
    painter.end()
    return pix


def band_swatch(ftype: str, entry: BandEntry, *, outlined: bool, size: int = 18) -> QPixmap:
    """A band as it looks on the map: its fill, or (*outlined*) its dashed line."""
    if outlined:
        style = band_style(ftype, entry.ring, outlined=True)
        return swatch("", style["stroke"], size=size, dash=style["dash"], width=style["weight"])
    return swatch(seen_colour(entry.colour), type_colour(ftype), size=size)


def seen_colour(fill: str) -> str:
    """A band colour as it looks on the map background."""
    return over(fill, MAP_BACKGROUND, BAND_OPACITY)


class LegendTree(QTreeWidget):
    """Bands per type and group, with check boxes that show or hide them on the map."""

    visibilityChanged = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(True)
        self._types: dict[str, QTreeWidgetItem] = {}
        self._groups: dict[str, QTreeWidgetItem] = {}
        self._visible: set[str] | None = None  # checked types, kept across results
        self._filling = False
        self.itemChanged.connect(self._on_changed)

    def set_entries(self, entries: list[BandEntry], standards: Standards, counts: Counter) -> None:
        """Show *entries*. Types keep their check state; the first time only the first type is
        checked, as a dozen overlapping bands hide one another."""
        if self._types:
            self._visible = self.visible_types()
        self._filling = True
        self.clear()
        self._types.clear()
        self._groups.clear()
        by_type: dict[str, list[BandEntry]] = {}
        for entry in entries:
            by_type.setdefault(entry.type, []).append(entry)
        if self._visible is None and entries:
            self._visible = self.first_visible(by_type, standards)
        for group in standards.groups:
            present = [t.value for t in group.types if t.value in by_type]
            if not present:
                continue
            top = QTreeWidgetItem(self, [group_label(group)])
            top.setFlags(top.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate)
            top.setData(0, GROUP_ROLE, group.key)
            self._groups[group.key] = top
            for ftype in present:
                self._add_type(top, ftype, by_type[ftype], counts[ftype], ftype in self._visible)
            top.setExpanded(True)
        self._filling = False
        self.visibilityChanged.emit()

    def _add_type(self, parent: QTreeWidgetItem, ftype: str, bands: list[BandEntry], count: int,
                  checked: bool) -> None:
        facilities = count_words(count, self.tr("{n} facilities"))
        item = QTreeWidgetItem(parent, [self.tr("{type} ({facilities})").format(type=type_label(ftype),
                                                                                facilities=facilities)])
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        item.setIcon(0, QIcon(swatch(type_colour(ftype), type_colour(ftype))))
        item.setData(0, TYPE_ROLE, ftype)
        self._types[ftype] = item
        for band in sorted(bands, key=lambda b: b.ring):
            child = QTreeWidgetItem(item, [f"{band.label} · {area_text(band.area_m2)}"])
            child.setIcon(0, QIcon(swatch(seen_colour(band.colour), type_colour(ftype))))
            child.setFlags(Qt.ItemFlag.ItemIsEnabled)

    def remembered(self) -> set[str]:
        """The types checked now, else those kept from the last result (none before the first)."""
        return self.visible_types() if self._types else set(self._visible or ())

    def first_visible(self, types, standards: Standards) -> set[str]:
        """The types :meth:`set_entries` checks for a result of *types*: those checked now or kept,
        the first time the first type of the standards' groups."""
        kept = self.visible_types() if self._types else self._visible
        if kept is None:
            first = [t.value for g in standards.groups for t in g.types if t.value in types]
            return set(first[:1])
        return set(kept) & set(types)

    def clear_entries(self) -> None:
        """No bands (no result)."""
        if self._types:
            self._visible = self.visible_types()
        self._filling = True
        self.clear()
        self._types.clear()
        self._groups.clear()
        self._filling = False

    def _on_changed(self, _item: QTreeWidgetItem, _column: int) -> None:
        if not self._filling:
            self.visibilityChanged.emit()

    # -- state ----------------------------------------------------------------------------
    def types(self) -> list[str]:
        return list(self._types)

    def visible_types(self) -> set[str]:
        return {t for t, item in self._types.items() if item.checkState(0) == Qt.CheckState.Checked}

    def set_type_visible(self, facility_type: str, visible: bool) -> None:
        self._types[facility_type].setCheckState(0, Qt.CheckState.Checked if visible else Qt.CheckState.Unchecked)

    def set_group_visible(self, group_key: str, visible: bool) -> None:
        self._groups[group_key].setCheckState(0, Qt.CheckState.Checked if visible else Qt.CheckState.Unchecked)

    def group_state(self, group_key: str) -> Qt.CheckState:
        return self._groups[group_key].checkState(0)


class MapLegend(FloatingPanel):
    """A legend floating in the map's top-right corner: one swatch per band, per visible type."""

    CORNER = "top-right"
    MARGIN = 10

    def __init__(self, map_view) -> None:
        super().__init__(map_view, "lifecircle-legend")
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(8, 6, 8, 6)
        self.grid.setHorizontalSpacing(6)
        self.grid.setVerticalSpacing(3)
        self.hide()

    def show_bands(self, title: str, entries: list[BandEntry], visible: set[str], standards: Standards,
                   *, required: bool, outlined: bool = False) -> None:
        """Rebuild for the *visible* types of *entries* (hidden when none is visible)."""
        self.hide()  # children added to a hidden frame show with it
        self.empty(self.grid)
        shown = [e for e in entries if e.type in visible]
        if not shown:
            self.hide()
            return
        self.printed = (title, [self._printed_row(e, outlined) for e in shown])
        rings = max(e.ring for e in shown) + 1
        heading = QLabel(f"<b>{title}</b>")
        self.grid.addWidget(heading, 0, 0, 1, rings + 1)
        keys = ring_level_keys(standards)
        for ring in range(rings):
            level = standards.level(keys[ring]) if ring < len(keys) else None
            cell = QLabel(self.tr("{minutes} min").format(minutes=metres(level.minutes)) if level is not None
                          else str(ring + 1))
            cell.setStyleSheet("font-size: 11px; color: #424242;")
            self.grid.addWidget(cell, 1, ring, Qt.AlignmentFlag.AlignCenter)
        row = 2
        for group in standards.groups:
            types = [t.value for t in group.types if t.value in {e.type for e in shown}]
            if not types:
                continue
            spans = sorted({(e.ring, e.inner_m, e.outer_m) for e in shown if e.type == types[0]})
            text = " / ".join(metres(o) for _r, _i, o in spans)
            label = QLabel(f"<b>{group_label(group)}</b>  <span style='color:#555'>{text} m</span>")
            self.grid.addWidget(label, row, 0, 1, rings + 1)
            row += 1
            for ftype in types:
                for e in (e for e in shown if e.type == ftype):
                    box = QLabel()
                    box.setPixmap(band_swatch(ftype, e, outlined=outlined))
                    self.grid.addWidget(box, row, e.ring, Qt.AlignmentFlag.AlignCenter)
                self.grid.addWidget(QLabel(type_label(ftype)), row, rings)
                row += 1
        if required:
            dash = QLabel()
            dash.setPixmap(swatch("", "#424242", size=18, dashed=True))
            self.grid.addWidget(dash, row, 0, Qt.AlignmentFlag.AlignCenter)
            self.grid.addWidget(QLabel(self.tr("Radius required by the standard")), row, 1, 1, rings)
        self.adjustSize()
        self.place()
        self.show()
        self.raise_()

    @staticmethod
    def _printed_row(entry: BandEntry, outlined: bool) -> dict:
        text = f"{type_label(entry.type)} {metres(entry.outer_m)} m"
        if outlined:
            style = band_style(entry.type, entry.ring, outlined=True)
            return {"text": text, "fill": "", "stroke": style["stroke"], "dash": style["dash"], "kind": "polygon"}
        return {"text": text, "fill": seen_colour(entry.colour), "stroke": type_colour(entry.type), "dash": None,
                "kind": "polygon"}
