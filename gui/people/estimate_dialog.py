"""Estimate missing people counts: the preset's figures (editable, with their sources), a
district's own age shares by a column of the compounds, where households come from (a
buildings layer or the compounds' floor-area column) and optional population rasters. "Save as my default" writes the planner's copy of the preset."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFileDialog, QFormLayout,
                               QGroupBox, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton, QScrollArea, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from gis.analysis.people import figure_range
from gis.domain import FieldRole, Role
from gis.errors import GisError
from gis.people.estimate import EstimateRequest
from gis.people.preset import USER_FILE, AreaShares, PeoplePreset, load_people_preset, save_people_preset
from gui.i18n import chinese_ui, error_text

SPINS = {  # preset value → (range as declared on the analysis request, step, decimals)
    "persons_per_household": (figure_range("persons_per_household"), 0.01, 2),
    "usable_area_factor": (figure_range("usable_area_factor"), 0.01, 2),
    "dwelling_size_m2": (figure_range("dwelling_size_m2"), 1.0, 0),
    "elderly_share": (figure_range("elderly_share"), 0.001, 3),
    "children_share": (figure_range("children_share"), 0.001, 3),
}
NOTE_OF = {"children_share": "age_shares"}  # the age shares' one note, shown under the second
NO_NOTE = ("elderly_share",)
AREA_WORDS = ("面积", "area")  # the compounds' columns offered as gross floor area
AREA_FIELD_WORDS = ("区", "街道", "district", "town", "street")  # a district column, chosen at first
MAX_AREAS = 300
RASTER_ROLES = (FieldRole.POPULATION, FieldRole.ELDERLY, FieldRole.CHILDREN)


def _district_like(column) -> bool:
    """A column named like a district or street (区, 街道, district), not like a compound (小区)."""
    name = str(column).lower()
    return "小区" not in name and any(w in name for w in AREA_FIELD_WORDS)


def load_preset(folder: Path) -> PeoplePreset:
    """The planner's copy in *folder* when it exists and reads, else the shipped preset."""
    path = Path(folder) / USER_FILE
    if path.exists():
        try:
            return load_people_preset(path)
        except GisError:
            pass
    return load_people_preset()


class EstimateDialog(QDialog):
    """The figures and sources of an estimate; :meth:`request` gives what the engine takes."""

    def __init__(self, project, compounds, folder: Path, parent=None) -> None:
        super().__init__(parent)
        self.project, self.compounds, self.folder = project, compounds, Path(folder)
        self.preset = load_preset(self.folder)
        self.setWindowTitle(self.tr("Estimate missing people counts"))
        self.resize(800, 860)
        intro = QLabel(self.tr("Only empty cells are estimated: entered and surveyed values always win. Every "
                               "estimate is marked with its source in the column beside it (…_来源)."))
        intro.setWordWrap(True)
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.addWidget(intro)
        inner.addWidget(self._figures())
        inner.addWidget(self._areas())
        inner.addWidget(self._sources())
        scroll = QScrollArea()  # the notes keep their height on a small screen: it scrolls instead
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Estimate"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        save = buttons.addButton(self.tr("Save as my default"), QDialogButtonBox.ButtonRole.ResetRole)
        save.clicked.connect(self.save)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _figures(self) -> QGroupBox:
        box = QGroupBox(self.tr("Figures (editable)"))
        form = QFormLayout(box)
        labels = {"persons_per_household": self.tr("Persons per household"),
                  "usable_area_factor": self.tr("Dwelling share of floor area"),
                  "dwelling_size_m2": self.tr("Average dwelling size (m²)"),
                  "elderly_share": self.tr("Share aged 60+"), "children_share": self.tr("Share aged 0-6")}
        self.spins: dict[str, QDoubleSpinBox] = {}
        for key, ((low, high), step, decimals) in SPINS.items():
            spin = QDoubleSpinBox()
            spin.setRange(low, high)
            spin.setSingleStep(step)
            spin.setDecimals(decimals)
            spin.setValue(getattr(self.preset, key))
            self.spins[key] = spin
            note = {} if key in NO_NOTE else self.preset.notes.get(NOTE_OF.get(key, key), {})
            text = note.get("note_zh" if chinese_ui() else "note", "") or note.get("note", "")
            if note.get("checked") is False:
                text = self.tr("Not yet checked against an official text.") + " " + text
            row = QWidget()
            inner = QVBoxLayout(row)
            inner.setContentsMargins(0, 0, 0, 0)
            inner.addWidget(spin)
            if text:
                hint = QLabel(text)
                hint.setWordWrap(True)
                hint.setStyleSheet("color: #555;")
                inner.addWidget(hint)
            form.addRow(labels[key], row)
        text = (self.preset.source_zh if chinese_ui() else "") or self.preset.source
        source = QLabel(self.tr("Source: {source}").format(source=text))
        source.setWordWrap(True)
        form.addRow(source)
        return box

    def _areas(self) -> QGroupBox:
        """A district's (区/街道) own age shares, by a column of the compounds; blank rows use the default."""
        box = QGroupBox(self.tr("Age shares by district (optional)"))
        inner = QVBoxLayout(box)
        self.area_field = QComboBox()
        self.area_field.addItem(self.tr("None: the shares above for every compound"), None)
        for column in self.compounds.attribute_columns():
            self.area_field.addItem(self.tr("District column: {name}").format(name=column), column)
            if self.area_field.currentIndex() == 0 and _district_like(column):
                self.area_field.setCurrentIndex(self.area_field.count() - 1)
        self.area_table = QTableWidget(0, 4)
        self.area_table.setHorizontalHeaderLabels([self.tr("District"), self.tr("Share aged 60+"),
                                                   self.tr("Share aged 0-6"), self.tr("Source")])
        self.area_table.horizontalHeader().setStretchLastSection(True)
        self.area_table.verticalHeader().setVisible(False)
        self.area_table.setMinimumHeight(110)
        self.area_field.currentIndexChanged.connect(lambda _i: self._fill_areas())
        inner.addWidget(self.area_field)
        inner.addWidget(self.area_table)
        self._fill_areas()
        return box

    def _fill_areas(self) -> None:
        column = self.area_field.currentData()
        values = [] if column is None else sorted({str(v).strip() for v in self.compounds.data[column].dropna()
                                                   if str(v).strip()})[:MAX_AREAS]
        self.area_table.setRowCount(len(values))
        for i, area in enumerate(values):
            own = next((a for a in self.preset.by_area if a.area == area), None)
            name = QTableWidgetItem(area)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            cells = (name, QTableWidgetItem("" if own is None else f"{own.elderly:g}"),
                     QTableWidgetItem("" if own is None else f"{own.children:g}"),
                     QTableWidgetItem("" if own is None else own.source))
            for col, item in enumerate(cells):
                self.area_table.setItem(i, col, item)
        self.area_table.setEnabled(bool(values))

    def area_shares(self) -> tuple[AreaShares, ...]:
        """The districts' own shares: rows with both shares filled, plus the preset's other districts."""
        out, shown = [], set()
        for i in range(self.area_table.rowCount()):
            area = self.area_table.item(i, 0).text()
            shown.add(area)
            try:
                elderly, children = (float(self.area_table.item(i, c).text()) for c in (1, 2))
            except ValueError:
                continue
            out.append(AreaShares(area, elderly, children, self.area_table.item(i, 3).text().strip()))
        return tuple(out) + tuple(a for a in self.preset.by_area if a.area not in shown)

    def _sources(self) -> QGroupBox:
        box = QGroupBox(self.tr("Estimate from"))
        form = QFormLayout(box)
        self.households_from = QComboBox()
        self.households_from.addItem(self.tr("Nothing (households not estimated)"), None)
        for layer in self.project.layers_by_role(Role.BUILDINGS):
            self.households_from.addItem(self.tr("Buildings: {name}").format(name=layer.name), ("buildings", layer))
        buildings = self.households_from.count() > 1
        for column in self.compounds.attribute_columns():
            if any(w in str(column).lower() for w in AREA_WORDS):
                self.households_from.addItem(self.tr("Floor area column: {name}").format(name=column),
                                             ("column", column))
        if buildings:
            self.households_from.setCurrentIndex(1)
        form.addRow(self.tr("Households"), self.households_from)
        self.rasters: dict[FieldRole, QLineEdit] = {}
        labels = {FieldRole.POPULATION: self.tr("Population raster"), FieldRole.ELDERLY: self.tr("60+ raster"),
                  FieldRole.CHILDREN: self.tr("0-6 raster")}
        for role in RASTER_ROLES:
            edit = QLineEdit()
            edit.setPlaceholderText(self.tr("optional GeoTIFF of people per cell (WorldPop-style)"))
            browse = QPushButton(self.tr("Browse…"))
            browse.clicked.connect(lambda _c=False, e=edit: self._browse(e))
            row = QWidget()
            inner = QHBoxLayout(row)
            inner.setContentsMargins(0, 0, 0, 0)
            inner.addWidget(edit, 1)
            inner.addWidget(browse)
            form.addRow(labels[role], row)
            self.rasters[role] = edit
        return box

    def _browse(self, edit: QLineEdit) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Population raster"), "",
                                              self.tr("GeoTIFF (*.tif *.tiff)"))
        if path:
            edit.setText(path)

    def edited_preset(self) -> PeoplePreset:
        return self.preset.with_values(**{key: spin.value() for key, spin in self.spins.items()},
                                       by_area=self.area_shares())

    def request(self) -> EstimateRequest:
        """What the engine takes; PeoplePresetError when the figures do not fit together."""
        choice = self.households_from.currentData()
        kind, value = choice if choice else (None, None)
        rasters = {role: edit.text().strip() for role, edit in self.rasters.items() if edit.text().strip()}
        return EstimateRequest(self.edited_preset(), buildings=value if kind == "buildings" else None,
                               floor_area_field=value if kind == "column" else None, rasters=rasters,
                               area_field=self.area_field.currentData())

    def save(self) -> None:
        try:
            path = save_people_preset(self.edited_preset(), self.folder / USER_FILE)
        except GisError as err:
            QMessageBox.warning(self, self.windowTitle(), error_text(err))
            return
        QMessageBox.information(self, self.windowTitle(), self.tr("Saved as your default: {path}").format(path=path))

    def accept(self) -> None:
        try:
            self.request()
        except GisError as err:
            QMessageBox.warning(self, self.windowTitle(), error_text(err))
            return
        super().accept()

