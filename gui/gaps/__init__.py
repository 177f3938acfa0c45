"""Gap analysis in the GUI: which compounds and zones lack which services, elevators, and where to build.

``controller.GapsController`` owns the Gaps menu and dock; the other modules hold its parts:
the run off the UI thread (``compute``), the map overlays and legend (``overlays``, ``legend``),
the tables (``table``, ``zone_table``), the elevator panel, the check-up ranking and the
siting dialogs.
"""
