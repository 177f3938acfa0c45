"""The analysis layer every face uses (window, command line, exports): Qt-free.

* :mod:`~gis.analysis.defaults` — the one place of each analysis default.
* :mod:`~gis.analysis.params` — :class:`Param` declarations on request dataclasses.
* :mod:`~gis.analysis.outcome` — what a run returns (result, notices, timings).
* :mod:`~gis.analysis.inputs` — files to layers for the command line, refusing what the
  window would ask about.
* :mod:`~gis.analysis.life_circles`, :mod:`~gis.analysis.gaps`, :mod:`~gis.analysis.zones` —
  one request and one ``run(request, *, cache, feedback)`` per analysis.
* :mod:`~gis.analysis.session` — one per project: cache, standards, latest outcomes.

This module imports nothing, so engines can import :mod:`gis.analysis.defaults`.
"""
