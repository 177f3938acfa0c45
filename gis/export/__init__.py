"""Outputs for designers, meetings and reports (issue 7), free of Qt.

* :mod:`~gis.export.project_export` — one entry point for every data format; the CLI
  (``python main.py export``) and the GUI's export dialog call it.
* :mod:`~gis.export.vector` (GeoPackage, Shapefile UTF-8/GBK, GeoJSON), :mod:`~gis.export.kml`,
  :mod:`~gis.export.dxf` (CAD), :mod:`~gis.export.excel` (the report), :mod:`~gis.export.html_map`
  (offline web map) — the writers.
* :mod:`~gis.export.target` — target CRS (project Gauss-Krüger zone, WGS 84, GCJ-02).
* :mod:`~gis.analysis.outputs`, :mod:`~gis.export.sources`, :mod:`~gis.export.frames`,
  :mod:`~gis.export.summary` — what is exported: the engines' results as tables.
* :mod:`~gis.wording` — document words (Chinese by default, English on request).

Map layouts (PDF/PNG) need Qt and live in ``gui.layout``.
"""
