"""Life-circle colours read apart: the bands of a type, the types, and several types at once."""

from __future__ import annotations

import itertools

import pandas as pd

from gui.lifecircles.legend import MAP_BACKGROUND, seen_colour
from gui.lifecircles.overlays import band_name
from gui.lifecircles.palette import OUTLINE_DASH, RAMPS, band_colour, band_style, distance, type_colour
from tests.gui.lifecircles_fixtures import controller, lifecircles_registered, run  # noqa: F401


def test_bands_of_a_type_differ_from_each_other_and_from_the_map():
    for ftype in RAMPS:
        seen = [seen_colour(band_colour(ftype, ring)) for ring in range(3)]
        assert min(distance(a, b) for a, b in zip(seen, seen[1:])) >= 40, (ftype, seen)
        assert distance(seen[-1], MAP_BACKGROUND) >= 38, (ftype, seen[-1])


def test_types_differ_from_each_other():
    pairs = itertools.combinations(RAMPS, 2)
    assert min(distance(type_colour(a), type_colour(b)) for a, b in pairs) >= 45


def test_several_types_are_outlined_by_band_one_type_is_filled(make_window, project, qtbot):
    win = make_window(project)
    ctl = controller(win)
    out = run(ctl, qtbot)
    types = sorted(set(out.result.bands["type"]))
    assert len(types) >= 2
    legend = ctl.panel.legend
    assert not ctl._outlined, "one type is shown at first: filled"
    for ftype in types:
        legend.set_type_visible(ftype, True)
    assert ctl._outlined, "several types on: bands are outlines"
    assert ctl.shown_overlays() >= {band_name(t) for t in types}
    sent = ctl._outlines[band_name(types[0])]
    assert (sent["fillOpacity"] == 0).all() and pd.isna(list(sent["dash"])[-1])  # innermost solid
    assert list(sent["dash"])[0] == OUTLINE_DASH[len(sent) - 1]  # outer bands dashed
    for ftype in types[1:]:
        legend.set_type_visible(ftype, False)
    assert not ctl._outlined, "one type left: its bands are filled again"
    assert ctl.shown_overlays() >= {band_name(types[0])}
    style = band_style(types[0], 0, outlined=False)
    assert style["fill"] == band_colour(types[0], 0) and style["fillOpacity"] > 0
