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
    if is_project_file(path):
        from gis import project_file

        return project_file.open_project(path, feedback=feedback)
    project = Project()
    project.add_layer(read_data_layer(path, feedback=feedback))
    project.mark_dirty(False)
    return project
