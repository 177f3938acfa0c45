"""One analysis session per project: the result cache, one standards instance, the latest
outcome of each analysis, an event when one changes, and staleness by a layer revision.

Controllers, exports, presentation mode and print layouts read the session, never each
other::

    session = session_for(project)
    outcome = session.compute("gaps", request, feedback=fb)   # on a worker thread
    session.store("gaps", outcome)                            # on the UI thread: emits
    session.latest("gaps"), session.is_stale("gaps")
"""

from __future__ import annotations

import importlib
import weakref
from typing import Callable

from psygnal import Signal

from gis.analysis.outcome import Outcome
from gis.feedback import Feedback
from gis.network.cache import ResultCache
from gis.project import Project
from gis.standards import Standards, load_standards

# each analysis's module, imported when first run: an analysis may read others through the
# session (the programme reads gaps, elevators and ranking), so the registry names, not imports
RUNS: dict[str, str] = {name: f"gis.analysis.{name}" for name in
                        ("life_circles", "gaps", "zones", "ranking", "siting", "programme", "access")}


def run_of(name: str) -> Callable[..., Outcome]:
    """The ``run`` of analysis *name* (KeyError for an unknown one)."""
    return importlib.import_module(RUNS[name]).run


class Session:
    """The analyses of one project (see the module text)."""

    outcome_changed = Signal(str, object)  # analysis name, Outcome (None when dropped)

    def __init__(self, project: Project, *, standards: Standards | None = None, cache_size: int = 8) -> None:
        self._project = weakref.ref(project)  # the registry's value must not keep its key alive
        self.cache = ResultCache(maxsize=cache_size)
        self._standards = standards
        self.revision = 0  # bumped whenever a layer's features or the zone plan change
        self._outcomes: dict[str, Outcome] = {}
        self._data = _data_key(project)
        project.layers_changed.connect(self._check)
        project.layer_updated.connect(self._check)
        project.zones_replaced.connect(self._bump)

    @property
    def project(self) -> Project | None:
        return self._project()

    @property
    def standards(self) -> Standards:
        """The one standards instance (the shipped preset until one is set)."""
        if self._standards is None:
            self._standards = load_standards()
        return self._standards

    @standards.setter
    def standards(self, value: Standards) -> None:
        self._standards = value

    def compute(self, name: str, request, *, feedback: Feedback | None = None) -> Outcome:
        """Run analysis *name* on *request* with the session's cache (any thread; stores nothing)."""
        revision = self.revision
        outcome = run_of(name)(request, cache=self.cache, feedback=feedback)
        outcome.revision = revision
        return outcome

    def store(self, name: str, outcome: Outcome | None) -> None:
        """Make *outcome* the latest of *name* and tell the listeners."""
        if outcome is None:
            self._outcomes.pop(name, None)
        else:
            self._outcomes[name] = outcome
        self.outcome_changed.emit(name, outcome)

    def run(self, name: str, request, *, feedback: Feedback | None = None) -> Outcome:
        """:meth:`compute` then :meth:`store` (the command line, exports, tests)."""
        outcome = self.compute(name, request, feedback=feedback)
        self.store(name, outcome)
        return outcome

    def latest(self, name: str) -> Outcome | None:
        return self._outcomes.get(name)

    def is_stale(self, name: str) -> bool:
        """Whether a layer changed since the latest outcome of *name* was computed (True: none)."""
        outcome = self._outcomes.get(name)
        return outcome is None or outcome.revision != self.revision

    def _check(self, *_args) -> None:
        """Bump the revision when a layer's features changed (not its style or visibility)."""
        project = self.project
        key = _data_key(project) if project is not None else self._data
        if key != self._data:
            self._data = key
            self._bump()

    def _bump(self, *_args) -> None:
        self.revision += 1


def _data_key(project: Project) -> frozenset:
    """Which frame each layer holds (a layer's data is replaced, never edited in place)."""
    return frozenset((layer.id, id(layer.data)) for layer in project.layers)


_SESSIONS: "weakref.WeakKeyDictionary[Project, Session]" = weakref.WeakKeyDictionary()


def session_for(project: Project) -> Session:
    """The project's session (made on first use, dropped with the project)."""
    session = _SESSIONS.get(project)
    if session is None:
        session = _SESSIONS[project] = Session(project)
    return session
