"""The analysis layer every face uses (window, command line, exports): Qt-free.

* :mod:`~gis.defaults` — the one place of each analysis default.
* :mod:`~gis.analysis.params` — :class:`Param` declarations on request dataclasses (default,
  unit, range, help); the CLI's options and the dialogs' spin boxes are built from them.
* :mod:`~gis.analysis.outcome` — what a run returns (request, notices, timings, result).
* :mod:`~gis.analysis.inputs` — files to layers for the command line, refusing what the
  window would ask about (:class:`gis.errors.NeedsAnswer` names the answering option).
* :mod:`~gis.analysis.facilities` — the project's facilities as the analyses see them.
* :mod:`~gis.analysis.life_circles`, :mod:`~gis.analysis.gaps`, :mod:`~gis.analysis.zones`
  (zone suggestion and the neighbour rule), :mod:`~gis.analysis.ranking`,
  :mod:`~gis.analysis.siting` — one request and one ``run(request, *, cache, feedback)`` each.
* :mod:`~gis.analysis.session` — one per project: cache, standards, latest outcomes, an
  event when one changes, staleness by a layer revision.
* :mod:`~gis.analysis.project_settings` — the project's analysis settings, typed.

Engines (gaps, network, zones) import only :mod:`gis.defaults` from here, never this package.
"""
