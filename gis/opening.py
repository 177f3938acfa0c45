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


def is_project_file(path: str | Path) -> bool:
    """Whether *path* is a project saved by this app (a GeoPackage with our metadata)."""
    from gis import project_file

    return Path(path).suffix.lower() == ".gpkg" and project_file.is_project(path)


def open_any(path: str | Path, *, feedback: Feedback | None = None) -> Project:
    """A project file opens as saved; any other file becomes a new project with that layer."""
    return open_many([path], feedback=feedback)


def open_many(paths: list[str | Path], *, feedback: Feedback | None = None) -> Project:
    """The first project file among *paths* (else a new project), with every other path added as a
    layer: rasters (gis/raster/) under the vector layers."""
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
            project.add_raster(open_raster_layer(path, feedback=feedback))
        else:
            project.add_layer(read_data_layer(path, feedback=feedback))
    project.mark_dirty(False)
    return project
