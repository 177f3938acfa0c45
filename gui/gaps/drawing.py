"""Draws the gap overlays and the legend from what the dock asks to see."""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
from PySide6.QtCore import QCoreApplication as Qc

from gis.gaps.access import GapResult
from gis.gaps.elevators import ElevatorResult
from gis.gaps.siting import SitingResult
from gui.gaps import overlays as ov
from gui.gaps.legend import Entry, GapLegend
from gui.gaps.rows import radii_of
from gui.gaps.wording import count_text, gap_label, type_label
from gui.i18n import count_words, plural



@dataclass(frozen=True, eq=False)
class Scene:
    """What to draw: the results, the shown compounds and the dock's choices."""

    gaps: GapResult
    mask: np.ndarray
    compounds: gpd.GeoSeries  # the compound polygons as drawn (the layer's WGS 84 copy)
    highlight: str | None = None
    show_count: bool = True
    elevators: ElevatorResult | None = None
    buildings: gpd.GeoSeries | None = None  # the building polygons as drawn
    show_elevators: bool = True
    siting: SitingResult | None = None
    filtered: bool = False
    planned_ids: frozenset[str] = frozenset()


def _signature(scene: Scene, frame) -> tuple:
    """What identifies an overlay's content: the results it comes from, its rows and styles."""
    attrs = frame.drop(columns=frame.geometry.name)
    return (id(scene.gaps), id(scene.elevators), id(scene.siting), len(frame),
            int(pd.util.hash_pandas_object(attrs, index=False).sum()))


class GapMap:
    """The gap overlays of one map view and their legend."""

    def __init__(self, view) -> None:
        self.view = view
        self.legend = GapLegend(view)
        for name in (ov.COUNT, ov.HIGHLIGHT):  # zone fills would tint the gap colours: outlines meanwhile
            view.mute_fills(name, "zone:")
        self.shown: set[str] = set()
        self._signs: dict[str, tuple] = {}  # what each shown overlay was drawn from
        self.stage = ""  # heads the legend's title while a presentation shows a state ("Before the plan")

    def draw(self, scene: Scene) -> None:
        """Send the gap overlays that changed, and those above them (bottom to top), and the legend."""
        frames = {n: f for n, f in self._frames(scene).items() if f is not None and len(f)}
        signs = {n: _signature(scene, f) for n, f in frames.items()}
        changed = [n for n in ov.ALL if signs.get(n) != self._signs.get(n)]
        start = ov.ALL.index(changed[0]) if changed else len(ov.ALL)
        for name in ov.ALL[start:]:
            if name in frames:
                self.view.set_overlay(name, frames[name], top=name == ov.SITING)  # numbers stay readable
                self.shown.add(name)
            elif name in self.shown:
                self.view.set_overlay(name, None)
                self.shown.discard(name)
        self._signs = signs
        title = f"{self.stage} · {self._title(scene)}" if self.stage else self._title(scene)
        self.legend.set_entries(title, self._sections(scene, frames))

    def clear(self) -> None:
        for name in list(self.shown):
            self.view.set_overlay(name, None)
        self.shown.clear()
        self._signs = {}
        self.legend.set_entries("", [])

    def _frames(self, s: Scene) -> dict:
        out = {}
        if s.show_count:
            out[ov.COUNT] = ov.count_frame(s.gaps, s.compounds, s.mask)
        if s.highlight is not None:
            out[ov.HIGHLIGHT] = ov.highlight_frame(s.gaps, s.compounds, s.highlight, s.mask)
            out[ov.FACILITIES] = ov.facility_frame(s.gaps, s.highlight, s.planned_ids)
        if s.elevators is not None and s.buildings is not None and s.show_elevators:
            out[ov.ELEVATORS] = ov.elevator_frame(s.elevators, s.buildings, s.mask if s.filtered else None)
        if s.siting is not None and len(s.siting.chosen):
            out[ov.SITING], out[ov.SITING_COVERED] = ov.siting_frames(s.siting, s.compounds)
        return out

    @staticmethod
    def _title(s: Scene) -> str:
        how = (Qc.translate("GapMap", "walking along the roads") if s.gaps.method == "network"
               else Qc.translate("GapMap", "straight-line distance"))
        return Qc.translate("GapMap", "Service gaps · {how}").format(how=how)

    def _sections(self, s: Scene, frames: dict) -> list[tuple[str, list[Entry]]]:
        sections = []
        if ov.COUNT in frames:
            sections.append(self._count_section(s))
        if ov.HIGHLIGHT in frames or ov.FACILITIES in frames:
            rows = self._highlight_rows(s, frames[ov.HIGHLIGHT]) if ov.HIGHLIGHT in frames else []
            sections.append(("", rows + self._facility_rows(s, frames.get(ov.FACILITIES))))
        if ov.ELEVATORS in frames:
            text = plural(Qc.translate("GapMap", "Needs an elevator ({floors}+ floors, none yet) · {n} buildings"),
                floors=s.elevators.params.min_floors, n=count_text(len(frames[ov.ELEVATORS])))
            sections.append(("", [Entry(text, ov.ELEVATOR_FILL, ov.ELEVATOR_STROKE)]))
        if ov.SITING in frames:
            sections.append(self._siting_section(s, frames))
        return sections

    @staticmethod
    def _count_section(s: Scene) -> tuple[str, list[Entry]]:
        n = s.gaps.n_missing()[s.mask]
        opacity = ov.COUNT_OPACITY
        rows = []
        for k in np.unique(n):
            what = (Qc.translate("GapMap", "No gaps") if k == 0
                    else Qc.translate("GapMap", "Missing {k}").format(k=k))
            count = count_words((n == k).sum(), Qc.translate("GapMap", "{n} compounds"))
            rows.append(Entry(f"{what} · {count}", ov.count_colour(k), "#5b5b5b", opacity))
        title = Qc.translate("GapMap", "Number of missing services (of {total})").format(total=len(s.gaps.types))
        if s.filtered:
            title += " · " + plural(Qc.translate("GapMap", "filtered: {n} of {total} compounds"),
                n=int(s.mask.sum()), total=len(s.mask))
        return title, rows

    @staticmethod
    def _siting_section(s: Scene, frames: dict) -> tuple[str, list[Entry]]:
        r = s.siting
        sites = plural(Qc.translate("GapMap", "New {type} · {k} sites"), type=type_label(r.facility_type),
                                                                       k=len(r.chosen))
        newly = plural(Qc.translate("GapMap", "Newly served · {n} compounds"),
            n=len(frames.get(ov.SITING_COVERED, ())))
        return Qc.translate("GapMap", "Suggested sites"), [
            Entry(sites, ov.SITE_GREEN, ov.SITE_STROKE, shape="dot"),
            Entry(newly, "#ffffff", ov.SITE_GREEN, 0.0, shape="dashed")]

    @staticmethod
    def _facility_rows(s: Scene, frame) -> list[Entry]:
        if frame is None:
            return []
        name = type_label(s.highlight)
        planned = int(frame["planned"].sum())
        out = [Entry(Qc.translate("GapMap", "{type} (existing) · {n}").format(type=name, n=len(frame) - planned),
                     ov.FACILITY_FILL, ov.FACILITY_STROKE, shape="dot")]
        if planned:
            out.append(Entry(Qc.translate("GapMap", "{type} (planned) · {n}").format(type=name, n=planned),
                             ov.SITE_GREEN, ov.SITE_STROKE, shape="dot"))
        return out

    @staticmethod
    def _highlight_rows(s: Scene, frame) -> list[Entry]:
        fids = frame["fid"].to_numpy()
        hh = s.gaps.compounds.households_or_zero()[fids].sum()
        text = gap_label(s.highlight, radii_of(s.gaps, s.highlight)) + "\n" + plural(Qc.translate(
            "GapMap", "{n} compounds, households: {hh}"), n=len(fids), hh=count_text(hh))
        return [Entry(text, ov.GAP_RED, ov.GAP_RED_DARK, ov.HIGHLIGHT_OPACITY)]


def context_bounds(bounds, *, min_span_deg: float = 0.003) -> tuple[float, float, float, float]:
    """*bounds* (lon/lat) with a margin, at least twice *min_span_deg* across (~500 m): a
    compound is shown with its neighbours and the streets around it."""
    minx, miny, maxx, maxy = (float(b) for b in bounds)
    cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
    sx, sy = max((maxx - minx) * 0.65, min_span_deg), max((maxy - miny) * 0.65, min_span_deg)
    return cx - sx, cy - sy, cx + sx, cy + sy
