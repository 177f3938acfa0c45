"""Widgets that listen to engine (psygnal) events and must stop when they go away."""

from __future__ import annotations


class Listener:
    """Mixin recording psygnal connections so :meth:`detach` can undo them all."""

    def listen(self, signal, slot) -> None:
        if not hasattr(self, "_connections"):
            self._connections = []
        signal.connect(slot)
        self._connections.append((signal, slot))

    def detach(self) -> None:
        for signal, slot in getattr(self, "_connections", []):
            try:
                signal.disconnect(slot)
            except (ValueError, RuntimeError):
                pass
        self._connections = []
