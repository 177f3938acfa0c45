"""The People menu (人口): join a survey table to the compounds, review it, estimate what is still
missing, undo either.

The table is read and matched off the UI thread; a table whose name column cannot be found
asks which column holds the names. The review (:class:`~gui.people.review.JoinReview`) is
not modal, so a compound can be picked on the map. Its answers are remembered per table file
in the settings folder (:class:`gis.people.answers.AnswerBook`). The join replaces the
compounds' data in one undoable step (People ▸ Undo); nothing of the layer is overwritten:
the table's columns are added and people counts fill only empty cells.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from gis.domain import FieldRole, Role
from gis.errors import GisError, NeedsAnswer
from gis.gaps.compounds import CompoundTable
from gis.people.answers import AnswerBook, answers_by_row
from gis.analysis.people import PeopleRequest
from gis.analysis.people import run as run_estimate
from gis.people.join import compound_addresses, joined_frame, match_table
from gis.people.table import read_survey
from gui.actions import make_action
from gui.features import FeatureController
from gui.i18n import error_text, notice_text, plural, translating
from gui.people.estimate_dialog import EstimateDialog
from gui.people.join_options import JoinOptions
from gui.people.review import JoinReview
from gui.worker import run_task

_NOTES_SHOWN = 8


class LayerDataCommand(QUndoCommand):
    """Swap a layer's data and field roles (undo puts the old ones back)."""

    def __init__(self, project, layer, data, fields, text: str) -> None:
        super().__init__(text)
        self.project, self.layer = project, layer
        self.before = (layer.data, dict(layer.fields))
        self.after = (data, dict(fields))

    def _put(self, state) -> None:
        self.layer.set_data(state[0])
        self.layer.fields = dict(state[1])
        self.project.update_layer(self.layer)

    def redo(self) -> None:
        self._put(self.after)

    def undo(self) -> None:
        self._put(self.before)


class PeopleController(FeatureController):
    """Owns the People menu, the join review and the undo stack of people changes."""

    def __init__(self, window) -> None:
        self.window = window
        self.stack = QUndoStack(window)
        self.dialog: JoinReview | None = None
        menu = window.menu(self.tr("&People"))
        self.actions = {"join": make_action(window, self.tr("Join a survey table…"), self.join_table),
                        "estimate": make_action(window, self.tr("Estimate missing people counts…"), self.estimate)}
        menu.addAction(self.actions["join"])
        menu.addAction(self.actions["estimate"])
        menu.addSeparator()
        menu.addAction(self.stack.createUndoAction(window, self.tr("Undo")))
        menu.addAction(self.stack.createRedoAction(window, self.tr("Redo")))
        super().__init__(window)

    def attach(self, project) -> None:
        self.stack.clear()  # its commands hold the layers of the project shown before

    def compounds(self):
        """The current layer when it holds compounds, else the project's first compounds layer."""
        layer = self.window.current_layer()
        return layer if layer is not None and layer.role is Role.COMPOUNDS else self.project.first(Role.COMPOUNDS)

    # -- join ---------------------------------------------------------------------
    def join_table(self, path: str | None = None, options: tuple[str, str | None] | None = None) -> None:
        """Ask for the table and how to match it (*options* ``(by, compound address column)``), then match."""
        layer = self.compounds()
        if layer is None:
            QMessageBox.information(self.window, self.tr("Join a survey table"),
                                    self.tr("Add a compounds layer first (File ▸ Add data…)."))
            return
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Survey table (小区名称, 户数, 常住人口 …)"),
                                                  "", self.tr("Tables (*.xlsx *.csv)"))
            if not path:
                return
        if options is None:
            dialog = JoinOptions(layer, Path(path).name, self.window)
            if not dialog.exec():
                return
            options = dialog.choice()
        by, address_field = options
        if by == "name" and layer.column(FieldRole.NAME) is None:
            QMessageBox.information(self.window, self.tr("Join a survey table"), self.tr(
                "Join needs a compounds layer with a name field: add one (File ▸ Add data…) or map its name "
                "column in the layer's fields."))
            return
        self.start(layer, path, by=by, address_field=address_field)

    def start(self, layer, path: str, name_field: str | None = None, *, by: str = "name",
              address_field: str | None = None, table_address_field: str | None = None):
        """Read and match the table off the UI thread (by name or address), then open the review."""
        column = layer.column(FieldRole.NAME)
        names = column.tolist() if column is not None else [None] * len(layer)
        addresses = compound_addresses(layer.data, address_field)
        asked = {"name_field": name_field, "by": by, "address_field": address_field,
                 "table_address_field": table_address_field}

        def work(feedback):
            fb = translating(feedback)
            table = read_survey(path, name_field=name_field, address_field=table_address_field,
                                feedback=fb.sub(0.0, 0.5))
            return table, match_table(table, names, by=by, addresses=addresses, feedback=fb.sub(0.5, 1.0))

        return run_task(self.window, self.tr("Matching the survey table…"), work,
                        lambda out: self.review(layer, *out),
                        on_error=lambda err: self._failed(err, layer, path, asked))

    def _failed(self, err: BaseException, layer, path: str, asked: dict) -> None:
        if isinstance(err, NeedsAnswer) and err.params.get("choices"):
            address = err.code == "join.no_table_address"
            title = (self.tr("Which column holds the addresses?") if address
                     else self.tr("Which column holds the compound names?"))
            text = (self.tr("No column of {file} is named like an address (地址). Choose it:") if address
                    else self.tr("No column of {file} is named like a compound name (小区名称). Choose it:"))
            column, ok = QInputDialog.getItem(self.window, title, text.format(file=Path(path).name),
                                              list(err.params["choices"]), 0, False)
            if ok and column:
                self.start(layer, path, **{**asked, "table_address_field" if address else "name_field": column})
            return
        QMessageBox.warning(self.window, self.tr("Join a survey table"), error_text(err))

    def review(self, layer, table, result) -> JoinReview:
        """Open the review of *result*, remembered answers applied."""
        ids, column = self._ids(layer), layer.column(FieldRole.NAME)
        names = [str(n) for n in (column.tolist() if column is not None else ids)]
        remembered = AnswerBook(self._folder()).load(table.path)
        answers = answers_by_row(table.frame[table.name_column].tolist(), remembered, ids)
        dialog = JoinReview(table, result, layer, ids=ids, names=names, answers=answers,
                            map_view=self.window.map, parent=self.window)
        dialog.setModal(False)

        def picked(layer_id: str, fid: int, _additive: bool) -> None:
            if layer_id == layer.id:
                dialog.pick(int(fid))

        self.window.map.bridge.featureClick.connect(picked)
        dialog.finished.connect(lambda _r: self.window.map.bridge.featureClick.disconnect(picked))
        size = len(layer)
        dialog.accepted.connect(lambda: self.apply(layer, table, result, dialog.answers, size=size))
        self.dialog = dialog
        dialog.show()
        return dialog

    def apply(self, layer, table, result, answers: dict, *, size: int | None = None) -> None:
        """Put the table's columns on *layer* (one undoable step) and remember the answers; refused
        when the layer went or its features changed while the review was open (*size*)."""
        if layer not in self.project.layers or (size is not None and len(layer) != size):
            QMessageBox.warning(self.window, self.tr("Join a survey table"), self.tr(
                "The compounds layer changed while the join was being reviewed; nothing was joined. "
                "Join the table again."))
            return
        frame, fields, notes = joined_frame(layer.data, layer.fields, table, result.assignment(answers))
        data = gpd.GeoDataFrame(frame, geometry=layer.data.geometry.name, crs=layer.data.crs)
        self.stack.push(LayerDataCommand(self.project, layer, data, fields,
                                         self.tr("Join {file}").format(file=table.path.name)))
        ids = self._ids(layer)
        names = table.frame[table.name_column].tolist()
        AnswerBook(self._folder()).save(table.path, {str(names[row]): None if fid is None else ids[fid]
                                                     for row, fid in answers.items()})
        text = plural(self.tr("{joined} of {rows} table rows joined to compounds."),
            joined=len(result.assignment(answers)), rows=len(result.matches))
        self._report(text, result.notices + notes)

    # -- estimates ----------------------------------------------------------------
    def estimate(self, request=None):
        """Ask for the figures and sources (unless *request* is given), then estimate off the UI thread."""
        layer = self.compounds()
        if layer is None:
            QMessageBox.information(self.window, self.tr("Estimate missing people counts"),
                                    self.tr("Add a compounds layer first (File ▸ Add data…)."))
            return None
        if request is None:
            dialog = EstimateDialog(self.project, layer, self._folder(), self.window)
            if not dialog.exec():
                return None
            request = dialog.request()
        request = PeopleRequest(layer, request.preset, buildings=request.buildings, rasters=request.rasters,
                                floor_area_field=request.floor_area_field, area_field=request.area_field)

        def work(feedback):
            return run_estimate(request, feedback=translating(feedback))

        def done(out) -> None:
            frame, fields, notes = out.frame, out.fields, out.notices
            data = gpd.GeoDataFrame(frame, geometry=layer.data.geometry.name, crs=layer.data.crs)
            self.stack.push(LayerDataCommand(self.project, layer, data, fields, self.tr("Estimate people counts")))
            self._report(self.tr("People counts estimated for {name}.").format(name=layer.name), notes)

        return run_task(self.window, self.tr("Estimating people counts…"), work, done,
                        on_error=lambda err: QMessageBox.warning(self.window, self.tr("Estimate missing people counts"),
                                                                 self._estimate_error(err)))

    def _estimate_error(self, err: BaseException) -> str:
        """The engine's refusal in the window's words (it names a command-line option)."""
        code = getattr(err, "code", "")
        if code == "people.nothing_to_estimate_from":
            return self.tr("The compounds have no households or residents to estimate from. Choose their buildings "
                           "or a floor area column under Households, or give a population raster.")
        if code == "people.no_floors":
            return self.tr("The buildings have no floors field, so their floor area is unknown. Map the column "
                           "that holds the floors in the buildings layer's fields.")
        return error_text(err)

    def _report(self, text: str, notes: list) -> None:
        lines = [notice_text(n) for n in notes[:_NOTES_SHOWN]]
        if len(notes) > _NOTES_SHOWN:
            lines.append(plural(self.tr("… and {n} more notes."), n=len(notes) - _NOTES_SHOWN))
        self.window.status.showMessage(text, 10000)
        if lines:
            QMessageBox.information(self.window, self.tr("People"), "\n\n".join([text, *lines]))

    @staticmethod
    def _ids(layer) -> list:
        try:
            table = CompoundTable.from_layer(layer)
        except GisError:
            return list(range(len(layer)))
        return [table.json_id(i) for i in range(len(table))]

    @staticmethod
    def _folder() -> Path:
        from gui.app import config_dir

        return config_dir()

