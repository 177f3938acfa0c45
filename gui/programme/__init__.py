"""The renovation programme (改造计划) in the window: the Plan menu and dock, undoable edits,
the map coloured by programme year with the reserve marked, presentation year by year and
the A3 zone proposal. The engine is :mod:`gis.programme`; the run is
:mod:`gis.analysis.programme` through the project's analysis session."""
