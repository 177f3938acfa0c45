"""Open whatever the user points at: a project file or a data file, as a Project."""

from __future__ import annotations

from pathlib import Path

from gis.feedback import Feedback
from gis.layer import Layer
from gis.project import Project


def read_data_layer(path: str | Path, *, feedback: Feedback | None = None, **options) -> Layer:
    """One data file (any format the importer reads) as a Layer; options go to the importer."""
    from gis.io import read_layer

    return read_layer(path, feedback=feedback, **options)


def layer_unless_asked(path: str | Path, *, feedback: Feedback | None = None, memory=None) -> Layer | None:
    """The data file as a Layer, or None when the user must choose its coordinate system (the
    window's import dialog asks); *memory* (:class:`gis.io.CrsMemory`) recalls earlier answers."""
    from gis.feedback import ensure
    from gis.io import build_layer, inspect_file

    fb = ensure(feedback)
    report = inspect_file(path, memory=memory, feedback=fb.sub(0.0, 0.8))
    if report.crs.unanswered:
        return None
    return build_layer(report, feedback=fb.sub(0.8, 1.0))


def is_project_file(path: str | Path) -> bool:
    """Whether *path* is a project saved by this app (a GeoPackage with our metadata)."""
    from gis import project_file

    return Path(path).suffix.lower() == ".gpkg" and project_file.is_project(path)


def open_any(path: str | Path, *, feedback: Feedback | None = None, ask: list | None = None,
             memory=None, source_crs: str | None = None) -> Project:
    """A project file opens as saved; any other file becomes a new project with that layer."""
    return open_many([path], feedback=feedback, ask=ask, memory=memory, source_crs=source_crs)


def open_many(paths: list[str | Path], *, feedback: Feedback | None = None, ask: list | None = None,
              memory=None, source_crs: str | None = None) -> Project:
    """The first project file among *paths* (else a new project), with every other path added as a
    layer: rasters (gis/raster/) under the vector layers. With an *ask* list, a data file whose
    coordinate system the user must choose is put on it (for the import dialog) instead of
    refused; *memory* recalls the answers given before (rasters' too). Without an *ask* list a
    data file is read in *source_crs* (``--source-crs``) or refused naming that option."""
    from gis.io.unanswered import layer_or_refusal
    from gis.raster.layer import open_raster_layer
    from gis.raster.source import is_raster_path

    projects = [p for p in paths if is_project_file(p)]
    if projects:
        from gis import project_file

        project = project_file.open_project(projects[0], feedback=feedback)
    else:
        project = Project()
    for path in paths:
        if path in projects[:1]:
            continue
        if is_raster_path(path):
            recalled = memory.recall(path) if memory is not None else None
            project.add_raster(open_raster_layer(path, crs=recalled, feedback=feedback))
        elif ask is None:
            project.add_layer(layer_or_refusal(path, source_crs=source_crs, memory=memory, feedback=feedback))
        else:
            layer = layer_unless_asked(path, feedback=feedback, memory=memory)
            if layer is None:
                ask.append(Path(path))
            else:
                project.add_layer(layer)
    project.mark_dirty(False)
    return project
