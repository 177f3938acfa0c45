"""``export --format html --crs gcj02`` draws GCJ-02 coordinates (and captions them so)."""

from __future__ import annotations

import re

import pytest

from gis.export.project_export import export_project
from gis.io.chinese_datums import wgs84_to_gcj02
from tests.gis.export_samples import sample_project

FIRST = re.compile(r'"coordinates":\s*\[+\s*(-?[\d.]+),\s*(-?[\d.]+)')


def first_point(path) -> tuple[float, float]:
    x, y = FIRST.search(path.read_text(encoding="utf-8")).groups()
    return float(x), float(y)


def test_html_in_gcj02_is_shifted(tmp_path):
    project = sample_project()
    export_project(project, tmp_path / "wgs.html", fmt="html", crs="wgs84")
    export_project(project, tmp_path / "gcj.html", fmt="html", crs="gcj02")
    lon, lat = first_point(tmp_path / "wgs.html")
    glon, glat = first_point(tmp_path / "gcj.html")
    want = wgs84_to_gcj02(lon, lat)
    assert (glon, glat) == pytest.approx((float(want[0]), float(want[1])), abs=2e-6)
    assert abs(glon - lon) > 1e-4, "the shift is hundreds of metres"
    assert "GCJ-02" in (tmp_path / "gcj.html").read_text(encoding="utf-8")
