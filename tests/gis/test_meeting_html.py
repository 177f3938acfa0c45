"""The offline HTML map reads as the window: every zone in the legend, the app's colours, outlined zones."""

from __future__ import annotations

import re

from gis.colours import GAP_COUNT
from gis.domain import Role
from gis.export.project_export import export_project, html_layers, html_legend
from gis.export import sources as src
from gis.analysis.outputs import collect_outputs
from gis.zones.model import ZoneModel
from tests.gis.export_samples import sample_project


def many_zones():
    project = sample_project(zones=False)
    model = ZoneModel.from_layer(project.first(Role.COMPOUNDS))
    project.set_zones(model)
    model.add_zones([[k] for k in range(9)], names=[f"片区 {k + 1}" for k in range(9)])
    return project


def test_every_zone_is_in_the_legend_and_gaps_use_the_window_colours(tmp_path):
    project = many_zones()
    outputs = collect_outputs(project, steps=("zones", "gaps"))
    names = src.resolve(project, outputs, ["zones", "gaps", "compounds"])
    sources = [src.build(project, outputs, name) for name in names]
    legend = html_legend(sources, "zh_CN")
    assert [i.label for i in legend if i.label.startswith("片区")] == [f"片区 {k}" for k in range(1, 10)]
    gap_items = [i for i in legend if "缺" in i.label]
    assert gap_items and all(i.colour in GAP_COUNT for i in gap_items)
    gaps = next(s for s in sources if s.name == "gaps")
    assert set(gaps.colours) <= set(GAP_COUNT)  # the window's choropleth classes, not another ramp
    layers = {lyr.name: lyr for lyr in html_layers(sources)}
    zones = next(lyr for lyr in layers.values() if lyr.frame is next(s for s in sources if s.name == "zones").frame)
    assert zones.fill_opacity == 0.0, "zone fills would tint the gap colours"
    compounds = next(lyr for lyr in layers.values() if lyr.labels_from is not None and lyr is not zones)
    assert compounds.label_field == "小区名称"
    out = tmp_path / "plan.html"
    export_project(project, out, fmt="html", layers=["zones", "gaps", "compounds"])
    page = out.read_text(encoding="utf-8")
    assert len(re.findall(r'class="swatch"', page)) >= 9 + len(gap_items)
    assert "bindTooltip" in page and "ocp-label" in page  # compound names, written as text nodes
