"""The walking network in the dock: its size, what building it repaired, and its pieces.

Disconnected pieces are listed with their colour on the map, edge count and length;
double-clicking one zooms the map to it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QCheckBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from gis.network.graph import WalkGraph
from gui.i18n import plural
from gui.lifecircles.legend import swatch
from gui.lifecircles.palette import piece_colour

MAX_LISTED = 200  # pieces listed; a city-wide OSM extract can hold thousands of tiny ones


class NetworkPanel(QWidget):
    """Summary and pieces of the last network; a check box shows it on the map."""

    showToggled = Signal(bool)
    pieceActivated = Signal(int)  # piece index (0 = main)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.show_box = QCheckBox(self.tr("Show the walking network (coloured by connected piece)"))
        self.show_box.setEnabled(False)
        self.summary = QLabel(self.tr("No network yet: compute in network mode."))
        self.summary.setWordWrap(True)
        self.pieces = QListWidget()
        self.pieces.setMaximumHeight(120)
        self.pieces.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.show_box)
        layout.addWidget(self.pieces)
        self.show_box.toggled.connect(self.showToggled)
        self.pieces.itemDoubleClicked.connect(self._on_double_click)

    def _on_double_click(self, item: QListWidgetItem) -> None:
        piece = item.data(Qt.ItemDataRole.UserRole)
        if piece is not None:
            self.pieceActivated.emit(int(piece))

    def set_network(self, graph: WalkGraph | None) -> None:
        """Describe *graph* (None: no network in this result)."""
        self.pieces.clear()
        if graph is None:
            self.summary.setText(self.tr("No network in this result (buffer mode)."))
            self.show_box.setEnabled(False)
            self.pieces.hide()
            return
        comp, rep = graph.components, graph.report
        text = self.tr("Nodes {nodes}, edges {edges}, connected pieces {pieces}.").format(
            nodes=f"{graph.n_nodes:,}", edges=f"{graph.n_edges:,}", pieces=comp.count)
        if rep.source == "lines":
            text += " " + self.tr("Built from road lines (within {tol} m): line ends snapped {snapped}, dead ends "
                                  "joined {joined}, crossings split {split}, parts left out {dropped}.").format(
                snapped=rep.snapped_ends, joined=rep.snapped_to_edges, tol=f"{rep.snap_tolerance_m:g}",
                split=rep.crossings_split, dropped=rep.dropped)
        elif rep.source == "osm":
            text += " " + plural(self.tr("Walkable ways of the OSM file: {ways} ways read."),
                ways=f"{rep.input_features:,}")
        if comp.count > 1:
            text += " " + plural(self.tr("{count} pieces are not connected to the main network; walks cannot "
                                  "leave them:"), count=comp.count - 1)
        self.summary.setText(text)
        self.show_box.setEnabled(True)
        for piece in range(1, min(comp.count, MAX_LISTED + 1)):
            item = QListWidgetItem(QIcon(swatch(piece_colour(piece), piece_colour(piece))), self.tr(
                "Piece {piece}: edges {edges}, nodes {nodes}, {length} m").format(
                piece=piece + 1, edges=int(comp.edges[piece]), nodes=int(comp.nodes[piece]),
                length=f"{comp.length_m[piece]:,.0f}"))
            item.setData(Qt.ItemDataRole.UserRole, piece)
            self.pieces.addItem(item)
        if comp.count - 1 > MAX_LISTED:
            self.pieces.addItem(self.tr("… and {more} more").format(more=comp.count - 1 - MAX_LISTED))
        self.pieces.setVisible(comp.count > 1)
