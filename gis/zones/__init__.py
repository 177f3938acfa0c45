"""Renovation zones (连片改造): merge adjacent compounds into contiguous zones (片区).

- :mod:`~gis.zones.adjacency` — neighbour graph: touching or within a gap (30 m), not
  across barriers (``build_adjacency`` → :class:`Adjacency`).
- :mod:`~gis.zones.model` — the plan (:class:`ZoneModel`): invertible edits for undo/redo,
  contiguity refused or flagged, psygnal ``zones_changed`` events.
- :mod:`~gis.zones.outline` — clean zone outlines (closing by the gap), areas, compactness.
- :mod:`~gis.zones.stats` — the zone table (:class:`ZoneStats`).
- :mod:`~gis.zones.suggest` / :mod:`~gis.zones.regions` — suggested zones under the
  planner's limits, accepted as one edit.
"""
