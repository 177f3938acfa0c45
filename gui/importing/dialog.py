"""The import dialog: everything the importer found about a file, and the user's corrections.

Changing the layer, the encoding or the coordinate system reads the file again off the UI
thread (the preview then shows the result: 阳光花园 or 乱码, the right place or not);
changing the role, the field mapping or a facility type only re-derives the preview. OK is
disabled, with the reason shown, while the coordinate system still needs a choice.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout,
                               QInputDialog, QLabel, QLineEdit, QPushButton, QScrollArea, QSplitter,
                               QTabWidget, QVBoxLayout, QWidget)

from gis.domain import ROLE_LABELS, Role
from gis.errors import GisError
from gis.io import ImportReport
from gis.io.importer import confirmed, preselected
from gis.project import Project
from gui.i18n import error_text, plural, tr_gis
from gui.importing.checks_view import ChecksView
from gui.importing.choices import ImportChoices, default_name, edited, inspect
from gui.importing.crs_box import CrsBox
from gui.importing.facility_table import FacilityTable
from gui.importing.field_table import FieldTable
from gui.importing.presets import PresetStore
from gui.importing.preview import PreviewMap, PreviewTable
from gui.importing.source_box import SourceBox, index_of
from gui.importing.wording import datum_hint, notice_text
from gui.worker import run_task

ROLES = (Role.COMPOUNDS, Role.BUILDINGS, Role.FACILITIES, Role.ROADS, Role.ENTRANCES,
         Role.BARRIERS, Role.OTHER)
_BAR = {"error": "#fdecea;color:#8a1c12;border:1px solid #f5c2bd",
        "choice": "#fff4e5;color:#7a4100;border:1px solid #ffd8a8",
        "info": "#e8f1fb;color:#0b3d6b;border:1px solid #b9d3ee",
        "busy": "#f1f3f4;color:#3c4043;border:1px solid #dadce0"}


class ImportDialog(QDialog):
    """Shows *report* and lets the user change it; ``report`` and ``choices`` hold the result.

    ``near`` (lon, lat) ranks zone candidates; ``context`` is the project whose layers are
    drawn grey under the preview.
    """

    reportChanged = Signal()
    busyChanged = Signal(bool)

    def __init__(self, report: ImportReport, *, choices: ImportChoices | None = None, near=None,
                 context: Project | None = None, presets: PresetStore | None = None,
                 parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add data — {name}").format(name=default_name(report)))
        self.choices = choices or ImportChoices(layer=report.layer if report.layers else None)
        self._near = near
        self._presets = presets or PresetStore.default()
        self._report = report
        self._task = None
        self._error = ""
        self._name_edited = bool(self.choices.name)
        self._build(context)
        self._wire()
        self._refresh_presets()
        self.resize(1280, 820)
        self._set_report(report)

    # -- construction ----------------------------------------------------------------------
    def _build(self, context: Project | None) -> None:
        self.bar = QLabel()
        self.bar.setWordWrap(True)
        self.bar.setTextFormat(Qt.TextFormat.RichText)
        self.source = SourceBox()
        self.crs = CrsBox()
        self.fields = FieldTable()
        self.facilities = FacilityTable()
        self.checks = ChecksView()
        self.preview_map = PreviewMap(context)
        self.preview_table = PreviewTable()
        self.tabs = QTabWidget()
        self.tabs.addTab(_scrolled(self.source, self.crs), self.tr("Dataset and coordinates"))
        self.tabs.addTab(_scrolled(self._layer_box(), self._facility_box(), stretch_last=True),
                         self.tr("Layer and fields"))
        self.tabs.addTab(self.checks, self.tr("Repairs and warnings"))
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.preview_map)
        right.addWidget(_titled(self.tr("Preview (bold: mapped fields as they will be read)"),
                                self.preview_table))
        right.setSizes([430, 330])
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.tabs)
        split.addWidget(right)
        split.setSizes([560, 700])
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                        QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Add to project"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        bottom = QHBoxLayout()
        bottom.addLayout(self._preset_row(), 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)

    def _layer_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Layer"))
        self.name_edit = QLineEdit()
        self.role_combo = QComboBox()
        for role in ROLES:
            self.role_combo.addItem(tr_gis("domain", ROLE_LABELS[role]), role.value)
        self.role_reasons = QLabel()
        self.role_reasons.setWordWrap(True)
        self.role_reasons.setStyleSheet("color:#5f6368")
        form = QFormLayout(box)
        form.addRow(self.tr("Name:"), self.name_edit)
        form.addRow(self.tr("Holds:"), self.role_combo)
        form.addRow("", self.role_reasons)
        form.addRow(_titled(self.tr("Field mapping"), self.fields))
        self.fields.setMinimumHeight(240)
        return box

    def _facility_box(self) -> QGroupBox:
        self.facility_box = QGroupBox(self.tr("Facility types (click a type to correct it)"))
        layout = QVBoxLayout(self.facility_box)
        layout.addWidget(self.facilities)
        self.facilities.setMinimumHeight(200)
        return self.facility_box

    def _preset_row(self) -> QHBoxLayout:
        self.preset_combo = QComboBox()
        self.preset_combo.setMinimumContentsLength(14)
        self.preset_load = QPushButton(self.tr("Apply"))
        self.preset_save = QPushButton(self.tr("Save as preset…"))
        self.preset_delete = QPushButton(self.tr("Delete"))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Preset:")))
        for widget in (self.preset_combo, self.preset_load, self.preset_save, self.preset_delete):
            row.addWidget(widget)
        row.addStretch(1)
        return row

    def _wire(self) -> None:
        self.source.layerChosen.connect(lambda layer: self.reread(layer=layer))
        self.source.encodingChosen.connect(lambda enc: self.reread(encoding=enc))
        self.crs.answerChosen.connect(self.choose_crs)
        self.role_combo.activated.connect(lambda i: self.set_role(Role(self.role_combo.itemData(i))))
        self.name_edit.textEdited.connect(self._on_name)
        self.fields.mappingChanged.connect(self._on_mapping)
        self.facilities.model_.overridesChanged.connect(self._on_overrides)
        self.preset_load.clicked.connect(lambda: self.apply_preset(self.preset_combo.currentText()))
        self.preset_save.clicked.connect(self._ask_preset_name)
        self.preset_delete.clicked.connect(self._delete_preset)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    # -- state ----------------------------------------------------------------------------------
    @property
    def report(self) -> ImportReport:
        """The report with the user's role, field mapping and facility corrections."""
        return self._report

    @property
    def busy(self) -> bool:
        return self._task is not None

    def _set_report(self, report: ImportReport) -> None:
        self._report = report
        self.source.show_report(report, self.choices.encoding)
        self.crs.show_report(report, self.choices)
        if not self._name_edited:
            self.name_edit.setText(default_name(report))
        self._show_role_and_fields()
        attention = self.checks.show_report(report)
        self.tabs.setTabText(2, self.tr("Repairs and warnings ({n})").format(n=attention))
        self.preview_map.show_report(report)
        self._update_state()
        self.reportChanged.emit()

    def _show_role_and_fields(self) -> None:
        report = self._report
        self.role_combo.setCurrentIndex(index_of(self.role_combo, report.role.value))
        reasons = "; ".join(notice_text(n) for n in report.role_reasons)
        self.role_reasons.setText(self.tr("Recognised by: {reasons}").format(reasons=reasons)
                                  if reasons and self.choices.role is None else "")
        self.fields.show_report(report)
        self._show_mapped()

    def _show_mapped(self) -> None:
        """Preview table and facility types after a change of mapping or corrections."""
        report = self._report
        is_facility = report.role is Role.FACILITIES
        self.facility_box.setVisible(is_facility)
        self.facilities.model_.set_summary(report.facility_summary() if is_facility else None,
                                           report.facility_overrides)
        self.preview_table.show_report(report)

    def _update_state(self) -> None:
        """The message bar and whether OK is allowed."""
        kind, text = self._status()
        self.bar.setText(text)
        self.bar.setStyleSheet(f"QLabel{{background:{_BAR[kind]};padding:6px;border-radius:3px}}")
        info = self._report.crs
        unanswered = info.unanswered and preselected(self._report) is None
        blocked = self.busy or unanswered or not self.name_edit.text().strip()
        self.ok_button.setEnabled(not blocked)
        for widget in (self.tabs, self.preset_load, self.preset_save):
            widget.setEnabled(not self.busy)

    def _status(self) -> tuple[str, str]:
        report = self._report
        if self.busy:
            return "busy", self.tr("Reading the file again…")
        if self._error:
            return "error", self._error
        if report.crs.crs is None:
            return "choice", self._crs_needed_text()
        if report.crs.needs_choice:
            return "choice", self._lonlat_question()
        if not self.name_edit.text().strip():
            return "choice", self.tr("Give the layer a name.")
        hint = datum_hint(report)
        if hint is not None:
            return "choice", notice_text(hint) + " " + self.tr(
                "Choose it under “Web-map coordinates” (tab “Dataset and coordinates”); the map "
                "shows the shifted data.")
        if report.crs.source == "inferred":
            return "info", self.tr(
                "The coordinate system was inferred from the coordinates: <b>{crs}</b>. Check on "
                "the map that the data lands where it should.").format(crs=report.crs.crs.name)
        return "info", plural(self.tr("{n} features ready to add as {role}."),
            n=f"{report.features:,}", role=tr_gis("domain", ROLE_LABELS[report.role]))

    def _crs_needed_text(self) -> str:
        info = self._report.crs
        head = self.tr("<b>Choose the coordinate system</b> (tab “Dataset and coordinates”) before "
                       "the layer can be added.")
        if info.candidates:
            return head + " " + self.tr(
                "The numbers fit several systems (e.g. an easting near 500,000 m fits every "
                "Gauss-Krüger zone); the candidates are listed most likely first, and the map "
                "shows where the one you pick puts the data.")
        details = " ".join(notice_text(n) for n in info.notices)
        return f"{head} {details}"

    def _lonlat_question(self) -> str:
        """Lon/lat that declares no system: CGCS2000 preselected, or (a hint fired) nothing."""
        head = self.tr("<b>Which coordinate system?</b> The file holds lon/lat in China but does not "
                       "say in which system. GCJ-02 (AMap, Tencent) and BD-09 (Baidu) web-map "
                       "coordinates lie several hundred metres from CGCS2000 / WGS 84.")
        if preselected(self._report) is not None:
            return head + " " + self.tr(
                "CGCS2000 is selected (tab “Dataset and coordinates”): “Add to project” takes it; pick "
                "another candidate if the data comes from a web map.")
        hint = datum_hint(self._report)
        return head + " " + (notice_text(hint) + " " if hint else "") + self.tr(
            "Pick a candidate (tab “Dataset and coordinates”); the map shows where it puts the data.")

    def _set_busy(self, task) -> None:
        self._task = task
        self._update_state()
        self.busyChanged.emit(task is not None)

    # -- re-reading ---------------------------------------------------------------------------
    def reread(self, *, after=None, **changes) -> None:
        """Read the file again with *changes* to the choices (layer, encoding, …)."""
        previous = replace(self.choices, facility_overrides=dict(self.choices.facility_overrides))
        for key, value in changes.items():
            setattr(self.choices, key, value)
        if "layer" in changes or "encoding" in changes:  # columns and values may differ now
            self.choices.fields, self.choices.facility_overrides = None, {}
        if "layer" in changes:
            self.crs.forget_candidates()
        choices = replace(self.choices, facility_overrides=dict(self.choices.facility_overrides))
        path = self._report.path
        self._error = ""
        task = run_task(self, self.tr("Reading {name}").format(name=default_name(self._report)),
                        lambda fb: inspect(path, choices, near=self._near, feedback=fb),
                        lambda report: self._on_read(report, after),
                        on_error=lambda err: self._on_read_failed(err, previous, changes))
        task.signals.cancelled.connect(lambda: self._on_read_failed(None, previous))
        self._set_busy(task)

    def _on_read(self, report: ImportReport, after) -> None:
        if self.result() or not self.isVisible():  # closed meanwhile
            return
        self._set_busy(None)
        self._set_report(report)
        if after is not None:
            after()

    def _on_read_failed(self, err: BaseException | None, previous: ImportChoices,
                        changes: dict | None = None) -> None:
        """Back to the choices that worked (*err* None: the user cancelled)."""
        if self.result() or not self.isVisible():
            return
        self.choices = previous
        self._task = None
        self._error = error_text(err) if err is not None else ""
        if err is not None and (changes or {}).get("encoding"):
            self._error = self.tr("The file cannot be read as {encoding}, so the previous encoding "
                                  "is kept. ({reason})").format(encoding=changes["encoding"],
                                                                reason=self._error)
        self._set_report(self._report)  # widgets back to the choices that worked
        self.busyChanged.emit(False)

    def choose_crs(self, answer: str | None) -> None:
        """Use *answer* (EPSG code, WKT, gcj02, bd09; None: as detected) and read again."""
        probe = ImportChoices()
        try:
            probe.set_answer(answer)
        except GisError as err:
            self._error = error_text(err)
            self._update_state()
            return
        self.reread(crs_answer=probe.crs_answer, datum=probe.datum)

    # -- edits without re-reading -----------------------------------------------------------------
    def set_role(self, role: Role) -> None:
        """The layer holds *role* features: the field mapping is guessed again for it."""
        if role is self._report.role:
            return
        self.choices.role, self.choices.fields = role, None
        self._error = ""
        self._report = edited(self._report, role=role)
        self._show_role_and_fields()
        self._update_state()
        self.reportChanged.emit()

    def _on_mapping(self, mapping: dict) -> None:
        self.choices.fields = dict(mapping)
        self._error = ""
        self._report = edited(self._report, fields=mapping)
        self.fields.show_samples(self._report)
        self._show_mapped()
        self._update_state()
        self.reportChanged.emit()

    def _on_overrides(self, overrides: dict) -> None:
        self.choices.facility_overrides = dict(overrides)
        self._report = edited(self._report, facility_overrides=overrides)
        self.preview_table.show_report(self._report)
        self.reportChanged.emit()

    def _on_name(self, text: str) -> None:
        self._name_edited = True
        self.choices.name = text.strip()
        self._update_state()

    # -- presets ------------------------------------------------------------------------------------
    def _refresh_presets(self) -> None:
        self.preset_combo.clear()
        self.preset_combo.addItems(self._presets.names())
        has = self.preset_combo.count() > 0
        self.preset_load.setEnabled(has)
        self.preset_delete.setEnabled(has)

    def save_preset(self, name: str) -> None:
        """Save the current role, mapping, corrections, encoding and CRS answer as *name*."""
        choices = replace(self.choices, role=self._report.role, fields=dict(self._report.field_map))
        try:
            self._presets.save(choices.preset(name))
        except GisError as err:
            self._error = error_text(err)
        else:
            self._error = ""
        self._refresh_presets()
        self.preset_combo.setCurrentText(name)
        self._update_state()

    def _ask_preset_name(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save import preset"),
                                        self.tr("Preset name (e.g. 住建局小区台账):"),
                                        text=self.preset_combo.currentText())
        if ok and name.strip():
            self.save_preset(name.strip())

    def _delete_preset(self) -> None:
        self._presets.delete(self.preset_combo.currentText())
        self._refresh_presets()

    def apply_preset(self, name: str) -> None:
        """Apply the saved preset *name*: encoding and CRS (reading again if they differ), then
        role, field mapping (columns this file lacks stay unmapped) and facility corrections."""
        try:
            preset = self._presets.load(name)
        except GisError as err:
            self._error = error_text(err)
            self._update_state()
            return
        finish = lambda: self._apply_mapping(preset)  # noqa: E731
        probe = ImportChoices()
        if preset.source_crs:
            probe.set_answer(preset.source_crs)
        if preset.encoding != self.choices.encoding or probe.source_crs != self.choices.source_crs:
            self.reread(after=finish, encoding=preset.encoding, crs_answer=probe.crs_answer,
                        datum=probe.datum)
        else:
            finish()

    def _apply_mapping(self, preset) -> None:
        columns = set(self._report.data.columns)
        fields = {role: col for role, col in preset.fields.items() if col in columns}
        missing = [col for col in preset.fields.values() if col not in columns]
        role = preset.role or self._report.role
        self.choices.role = preset.role or self.choices.role
        self.choices.fields = fields
        self.choices.facility_overrides = dict(preset.facility_overrides)
        self._report = edited(self._report, role=role, fields=fields,
                              facility_overrides=preset.facility_overrides)
        self._error = self.tr("The preset names columns this file does not have: {columns}. They "
                              "were left unmapped.").format(columns=", ".join(missing)) if missing else ""
        self._show_role_and_fields()
        self._update_state()
        self.reportChanged.emit()

    # -- closing --------------------------------------------------------------------------------------
    def accept(self) -> None:
        if not self.ok_button.isEnabled():
            return
        self.choices.name = self.name_edit.text().strip()
        answer = preselected(self._report)
        if answer is not None:  # "Add" answers the question with the selected CGCS2000
            self.choices.set_answer(answer)
            self._report = confirmed(self._report)
        super().accept()

    def done(self, result: int) -> None:
        if self._task is not None:
            self._task.cancel()
        self.preview_map.shutdown()
        super().done(result)


def _scrolled(*widgets: QWidget, stretch_last: bool = False) -> QScrollArea:
    inner = QWidget()
    layout = QVBoxLayout(inner)
    for i, widget in enumerate(widgets):
        layout.addWidget(widget, 1 if stretch_last and i == len(widgets) - 1 else 0)
    if not stretch_last:
        layout.addStretch(1)
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(inner)
    return area


def _titled(title: str, widget: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 4, 0, 0)
    layout.addWidget(QLabel(f"<b>{title}</b>"))
    layout.addWidget(widget, 1)
    return box
