"""Identify panel: the attributes of the feature last clicked on the map."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem

from gis.domain import FIELD_ROLE_LABELS
from gis.layer import Layer
from gis.people import marks
from gui.columns import column_label, value_text
from gui.i18n import tr_gis, ui_language


class IdentifyPanel(QTreeWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setColumnCount(2)
        self.setHeaderLabels([self.tr("Field"), self.tr("Value")])
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.header().setMinimumSectionSize(self._header_room())  # 字段 not squeezed before a click
        self.setRootIsDecorated(False)
        self.setAlternatingRowColors(True)

    def _header_room(self) -> int:
        """A section width holding the widest header title with an em of room on each side."""
        fm = self.header().fontMetrics()
        titles = [self.headerItem().text(i) for i in range(self.columnCount())]
        return max(fm.horizontalAdvance(t) for t in titles) + 2 * fm.horizontalAdvance("M")

    def show_feature(self, layer: Layer | None, fid: int | None) -> None:
        """Show feature *fid* of *layer*, or clear when either is None."""
        self.clear()
        if layer is None or fid is None or not 0 <= fid < len(layer):
            return
        roles = {col: role for role, col in layer.fields.items()}
        row = marks.in_words(layer.data.iloc[[fid]], ui_language()).iloc[0]  # 户数_来源 as 录入 / 估算…
        self.addTopLevelItem(QTreeWidgetItem([self.tr("Layer"), layer.name]))
        for col in layer.attribute_columns():
            name = column_label(col)
            if col in roles and name == col:  # the file's own column: what it holds
                name = f"{col} ({tr_gis('domain', FIELD_ROLE_LABELS[roles[col]])})"
            self.addTopLevelItem(QTreeWidgetItem([name, value_text(col, row[col])]))
        geom = layer.data.geometry.iloc[fid]
        if geom is not None and not geom.is_empty:
            if layer.geom_type == "polygon":
                area = geom.area
                text = self.tr("{m2} m² ({ha} ha)").format(m2=f"{area:,.0f}", ha=f"{area / 1e4:,.2f}")
                self.addTopLevelItem(QTreeWidgetItem([self.tr("Area"), text]))
            elif layer.geom_type == "line":
                self.addTopLevelItem(QTreeWidgetItem([self.tr("Length"), f"{geom.length:,.1f} m"]))
