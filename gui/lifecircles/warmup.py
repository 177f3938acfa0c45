"""The walking network of the chosen road layer, built in the background before Compute.

Building a city's network from its road lines and laying its street grid takes seconds; once a
road layer and a facility layer are in the project (or the road layer, the snapping or the
buffer changes) they are built in a quiet worker into the project's analysis cache
(gis.analysis.life_circles.prepare_network), so Compute starts on the polygons. The network is
keyed by the roads' shapes: an edited or replaced road layer is built again; a run asked for
while the build goes on waits for it instead of building a second one.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from gis.analysis.life_circles import prepare_network
from gis.errors import GisError
from gui.worker import run_task

DELAY_MS = 300  # after the last change (a project opening adds its layers one by one)


class NetworkWarmup(QObject):
    """Builds the network of the controller's current choices in the background."""

    built = Signal(object)  # the WalkGraph, ready in the cache

    def __init__(self, controller) -> None:
        super().__init__(controller.window)
        self.ctl = controller
        self.task = None
        self.graph = None  # the last network built (and in the cache)
        self._inputs: tuple | None = None
        self.timer = QTimer(self, singleShot=True, interval=DELAY_MS, timeout=self.start)

    def schedule(self) -> None:
        """Build after a short quiet spell (restarted by every further change)."""
        self.timer.start()

    def start(self):
        """Build now for the dock's road layer and facility layer; returns the task, or None when
        there is nothing (new) to build."""
        try:
            request = self.ctl.request(mode="network")
        except GisError:
            return None
        if request.roads is None:
            return None
        inputs = (id(request.roads), id(request.facilities.data), request.snap_tolerance_m, request.edge_buffer_m)
        if inputs == self._inputs:
            return None
        self.stop()
        self._inputs, cache = inputs, self.ctl.cache
        task = run_task(self.ctl.window, self.ctl.title(),
                        lambda fb: prepare_network(request, cache=cache, feedback=fb),
                        lambda graph: self._done(task, graph), on_error=lambda _err: self._failed(task),
                        show_dialog=False)
        task.signals.cancelled.connect(lambda: self._failed(task))
        self.task = task
        return task

    def stop(self) -> None:
        """Cancel a build under way (the project or its roads went away)."""
        self.timer.stop()
        if self.task is not None:
            self.task.cancel()
            self.task = None
        self._inputs = None

    def _done(self, task, graph) -> None:
        if task is self.task:
            self.task, self.graph = None, graph
            self.built.emit(graph)

    def _failed(self, task) -> None:
        """Said nothing: Compute builds it again and tells the user what is wrong."""
        if task is self.task:
            self.task, self._inputs = None, None
