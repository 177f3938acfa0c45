"""The dock's inputs: facility layer, buffer or network mode, the network source, distances.

The network comes from a project road layer or from an OSM file the user picks. Distances
are the standards' life-circle levels, either as walking distances or as minutes × the
walking speed of the group (time mode).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QLabel, QPushButton, QRadioButton, QVBoxLayout, QWidget)

from gis.analysis.life_circles import LifeCircleRequest
from gis.domain import Role
from gis.project import Project
from gis.standards import Standards
from gui.lifecircles.wording import group_label, metres
from gui.param_widgets import param_spin

OSM = "osm"


class OptionsPanel(QWidget):
    """What to compute. ``computeRequested`` when the user presses Compute."""

    computeRequested = Signal()
    standardsRequested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.osm_path: str | None = None
        self._mode_chosen = False  # until the user picks a mode, it follows whether roads exist
        self.facilities = QComboBox()
        self.buffer_mode = QRadioButton(self.tr("Straight line (buffer)"))
        self.network_mode = QRadioButton(self.tr("Along the walking network"))
        self.network_mode.setChecked(True)
        self._modes = QButtonGroup(self)
        for k, button in enumerate((self.network_mode, self.buffer_mode)):
            self._modes.addButton(button, k)
        self.network = QComboBox()
        self.osm_button = QPushButton(self.tr("OSM…"))
        self.osm_button.setToolTip(self.tr("Use the walkable ways of an OpenStreetMap file (.osm, .osm.pbf)"))
        self.snap = param_spin(LifeCircleRequest, "snap_tolerance_m", decimals=1)
        self.edge_buffer = param_spin(LifeCircleRequest, "edge_buffer_m", decimals=0)
        self.distance_mode = QRadioButton(self.tr("Walking distance"))
        self.time_mode = QRadioButton(self.tr("Walking time (minutes × speed)"))
        self.distance_mode.setChecked(True)
        self._units = QButtonGroup(self)
        self._units.addButton(self.distance_mode, 0)
        self._units.addButton(self.time_mode, 1)
        self.rings = QLabel()
        self.rings.setWordWrap(True)
        self.standards_button = QPushButton(self.tr("Standards…"))
        self.compute_button = QPushButton(self.tr("Compute service areas"))
        self.compute_button.setDefault(True)
        for combo in (self.facilities, self.network):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        self._layout()
        self._wire()
        self._standards: Standards | None = None
        self._on_mode()

    def _layout(self) -> None:
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow(self.tr("Facilities"), self.facilities)
        modes = QVBoxLayout()
        modes.addWidget(self.network_mode)
        modes.addWidget(self.buffer_mode)
        form.addRow(self.tr("Measure"), modes)
        source = QHBoxLayout()
        source.addWidget(self.network, 1)
        source.addWidget(self.osm_button)
        form.addRow(self.tr("Walking network"), source)
        form.addRow(self.tr("Join road ends within"), self.snap)
        form.addRow(self.tr("Street band half-width"), self.edge_buffer)
        units = QVBoxLayout()
        units.addWidget(self.distance_mode)
        units.addWidget(self.time_mode)
        form.addRow(self.tr("Life circles by"), units)
        form.addRow("", self.rings)
        buttons = QHBoxLayout()
        buttons.addWidget(self.standards_button)
        buttons.addWidget(self.compute_button, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addLayout(buttons)

    def _wire(self) -> None:
        self._modes.idToggled.connect(lambda *_: self._on_mode())
        self._modes.idClicked.connect(self._on_mode_chosen)
        self._units.idToggled.connect(lambda *_: self._show_rings())
        self.osm_button.clicked.connect(self.choose_osm)
        self.standards_button.clicked.connect(self.standardsRequested)
        self.compute_button.clicked.connect(self.computeRequested)

    # -- state ------------------------------------------------------------------------------
    @property
    def mode(self) -> str:
        return "network" if self.network_mode.isChecked() else "buffer"

    def set_mode(self, mode: str) -> None:
        """Measure along the network or in a straight line (a choice later layer changes keep)."""
        self._check_mode(mode)
        self._mode_chosen = True

    def _check_mode(self, mode: str) -> None:
        (self.network_mode if mode == "network" else self.buffer_mode).setChecked(True)

    def _on_mode_chosen(self, _id: int) -> None:
        self._mode_chosen = True

    @property
    def timed(self) -> bool:
        return self.time_mode.isChecked()

    def set_timed(self, timed: bool) -> None:
        (self.time_mode if timed else self.distance_mode).setChecked(True)

    def facilities_id(self) -> str | None:
        return self.facilities.currentData()

    def network_choice(self) -> tuple[str, str | None]:
        """``("layer", layer id)``, ``("osm", path)`` or ``("none", None)``."""
        data = self.network.currentData()
        if data == OSM:
            return OSM, self.osm_path
        return ("layer", data) if data else ("none", None)

    def set_layers(self, project: Project) -> None:
        """List the project's facility and road layers (keeping the choices where possible)."""
        self._refill(self.facilities, [(lyr.name, lyr.id) for lyr in project.layers_by_role(Role.FACILITIES)],
                     self.tr("(no facility layer)"))
        roads = [(lyr.name, lyr.id) for lyr in project.layers_by_role(Role.ROADS)]
        if self.osm_path:
            roads.append((self.tr("OSM: {name}").format(name=Path(self.osm_path).name), OSM))
        self._refill(self.network, roads, self.tr("(no road layer: choose an OSM file)"))
        if not self._mode_chosen:
            self._check_mode("network" if roads else "buffer")

    def _refill(self, combo: QComboBox, items: list[tuple[str, str]], empty: str) -> None:
        keep = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
        if not items:
            combo.addItem(empty, None)
        index = combo.findData(keep) if keep is not None else -1
        combo.setCurrentIndex(index if index >= 0 else 0)
        combo.blockSignals(False)

    def set_osm_path(self, path: str) -> None:
        """Use the OSM file at *path* as the network."""
        self.osm_path = str(path)
        index = self.network.findData(OSM)
        label = self.tr("OSM: {name}").format(name=Path(path).name)
        if index < 0:
            if self.network.count() == 1 and self.network.itemData(0) is None:
                self.network.clear()
            self.network.addItem(label, OSM)
            index = self.network.count() - 1
        else:
            self.network.setItemText(index, label)
        self.network.setCurrentIndex(index)
        self.set_mode("network")

    def choose_osm(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Walking network from OpenStreetMap"), "",
                                              self.tr("OpenStreetMap (*.osm *.pbf *.osm.pbf *.osm.bz2)"))
        if path:
            self.set_osm_path(path)

    def set_standards(self, standards: Standards) -> None:
        self._standards = standards
        self._show_rings()

    def standards_for_run(self, standards: Standards) -> Standards:
        """*standards* with time mode as chosen here."""
        return standards.with_time_mode(self.timed)

    # -- reactions ----------------------------------------------------------------------------
    def _on_mode(self) -> None:
        network = self.mode == "network"
        for widget in (self.network, self.osm_button, self.snap, self.edge_buffer):
            widget.setEnabled(network)

    def _show_rings(self) -> None:
        if self._standards is None:
            return
        std = self.standards_for_run(self._standards)
        parts = []
        for group in std.groups:
            first = group.types[0] if group.types else None
            ring = " / ".join(metres(d) for d in std.ring_distances(first))
            speed = f" ({std.speed_for(first):g} m/s)" if self.timed else ""
            parts.append(f"{group_label(group)}: {ring} m{speed}")
        self.rings.setText("\n".join(parts))
