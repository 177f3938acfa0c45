"""Feature controllers installed into the main window.

A controller owns one capability's widgets, menus and actions (project files, import,
zones, life circles, gaps, exports ...). It is built with the window, follows
``set_project`` when another project is opened and ``detach``es when the window goes.
Adding a capability means adding a controller here, not growing the main window.
"""

from __future__ import annotations

import importlib

from gui.listening import Listener

# module:class, in menu order
CONTROLLERS: list[str] = [
    "gui.project_controller:ProjectController",
    "gui.importing.controller:ImportController",
    "gui.rasters.controller:RasterController",
    "gui.rasters.basemap:BasemapController",
    "gui.zones.controller:ZonesController",
    "gui.lifecircles.controller:LifeCirclesController",
    "gui.gaps.controller:GapsController",
    "gui.access.controller:AccessController",
    "gui.people.controller:PeopleController",
    "gui.programme.controller:ProgrammeController",
    "gui.exports:ExportsController",
    "gui.help:HelpController",
    "gui.autosave:AutosaveController",  # last: its close guard runs once closing is decided
]


class FeatureController(Listener):
    """Base class: keeps a reference to the window and follows project changes."""

    def __init__(self, window) -> None:
        self.window = window
        self.attach(window.project)

    @property
    def project(self):
        return self.window.project

    def tr(self, text: str) -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate(type(self).__name__, text)

    def attach(self, project) -> None:
        """Start listening to *project* (override to connect engine events)."""

    def set_project(self, project) -> None:
        self.detach()
        self.attach(project)


def feature_controllers() -> list[type]:
    out = []
    for spec in CONTROLLERS:
        module, cls = spec.split(":")
        out.append(getattr(importlib.import_module(module), cls))
    return out
