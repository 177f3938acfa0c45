"""A life-circle run in the worker, its overlays made as each type's bands are done.

The engine hands over each type's bands as soon as they are traced (gis.feedback.Feedback.deliver,
the window's shown types first); a second thread makes that type's overlays while the engine
draws the next types and delivers them on to the window (``"frames"``), which draws the shown
ones at once. The required outlines and the network come after the bands.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor

from gis.analysis.life_circles import WORKERS
from gis.analysis.life_circles import LifeCircleOutcome as Outcome
from gis.analysis.life_circles import run as compute
from gis.feedback import Feedback
from gui.i18n import translating
from gui.lifecircles.overlays import NETWORK, band_frames, network_frame, required_frames


def computed(request, cache, fb: Feedback, piece_label: str) -> tuple[Outcome, dict, dict]:
    """Runs in the worker: :func:`gis.analysis.life_circles.run` and :func:`prepared`. Delivers
    ``("types", [type, ...])`` when the engine knows them and ``("frames", (type, fills, outlines))``
    as each type's overlays are ready."""
    early: dict[str, Future] = {}
    with ThreadPoolExecutor(1, thread_name_prefix="ocp-bands") as pool:
        def part(kind: str, value) -> None:
            if kind == "types":
                fb.deliver("types", value)
            elif kind == "bands" and len(value):
                ftype = str(value["type"].iloc[0])
                early[ftype] = pool.submit(_frames, fb, ftype, value)

        outcome = compute(request, cache=cache, feedback=translating(fb, part))
        made = {t: f.result() for t, f in early.items()}
    return prepared(outcome, piece_label, made)


def _frames(fb: Feedback, ftype: str, bands) -> tuple[dict, dict]:
    fills, outlines = band_frames(bands)
    fb.deliver("frames", (ftype, fills, outlines))
    return fills, outlines


def prepared(outcome: Outcome, piece_label: str, made: dict | None = None) -> tuple[Outcome, dict, dict]:
    """Runs in the worker: the outcome with its overlays ready to draw (fills and required
    outlines, the network's pieces labelled with *piece_label*, and the bands outlined for when
    several types are on); the types in *made* (type -> (fills, outlines)) are made already. A
    city's network frame takes seconds: not on the UI thread. The types, the required outlines and
    the network are made on :data:`WORKERS` threads (shapely and pyproj release the GIL): 1.0 s
    instead of 2.3 s for a city's five types, 2-2.5 s with every overlay's GeoJSON body written too
    (gui.map.view.with_body), which the UI thread built before."""
    result, made = outcome.result, made or {}
    jobs = [lambda t=t: band_frames(result.bands, types={t}) for t in sorted(set(result.bands["type"]))
            if t not in made]
    jobs.append(lambda: (required_frames(result), {}))
    if outcome.network is not None:
        jobs.append(lambda: ({NETWORK: network_frame(outcome.network, piece_label)}, {}))
    frames, outlines = {}, {}
    for fills, lines in made.values():
        frames.update(fills)
        outlines.update(lines)
    with ThreadPoolExecutor(WORKERS, thread_name_prefix="ocp-overlays") as pool:
        for fills, lines in pool.map(lambda job: job(), jobs):
            frames.update(fills)
            outlines.update(lines)
    return outcome, frames, outlines
