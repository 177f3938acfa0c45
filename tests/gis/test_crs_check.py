"""The one CRS check: the same system passes, another is a typed error naming both."""

from __future__ import annotations

import pytest

from gis.crs import require_same_crs
from gis.errors import AnalysisError


def test_same_crs_passes_and_another_names_both():
    require_same_crs("EPSG:4548", "EPSG:4548", "{a} {b}")
    with pytest.raises(AnalysisError, match="EPSG:4548 and EPSG:4490"):
        require_same_crs("EPSG:4548", "EPSG:4490", "in {a} and {b}")
