"""Notices name the facilities they list: a planned site by its label in the notice's language,
another by its name, and by its id only when it has no name."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
from shapely import LineString

from gis.gaps.access import analyse_gaps
from gis.i18n import QT_TRANSLATE_NOOP
from gis.io.notices import coded
from gis.network.build import network_from_lines
from gis.network.inputs import Facilities
from gis.network.service_area import ServiceAreaParams, service_areas
from gis.standards import load_standards
from gis.wording import named_sites
from tests.gis.gaps_fixtures import CRS, X0, Y0, at, compounds_layer, facilities_layer, square

TEMPLATE = QT_TRANSLATE_NOOP("network", "{count} facilities lie more than {metres} m from every street and were "
                                        "left out: {ids}")


def test_planned_sites_named_facilities_and_bare_ids():
    said = named_sites(["P-clinic-1", "F7", "F9", "F10"], ["规划-卫生服务站-1", "东门卫生站", None, "  "])
    assert said["ids"] == "Planned clinic 1, 东门卫生站, F9, F10"
    assert said["ids_zh"] == "规划-卫生服务站-1, 东门卫生站, F9, F10"


def test_a_notice_names_a_planned_site_in_its_own_language():
    note = coded("network.facilities_off_network", TEMPLATE, count=1, metres="500",
                 **named_sites(["P-play_area-2"], ["Planned children's play area 2"]))
    assert note.message.endswith(": Planned children's play area 2") and "P-play_area" not in note.message
    assert note.in_language("zh_CN").endswith("：规划-儿童活动场地-2")


def test_long_lists_are_cut_the_same_way_in_both_languages():
    said = named_sites([f"F{i}" for i in range(9)], [f"站{i}" for i in range(9)])
    assert said["ids"] == said["ids_zh"] == "站0, 站1, 站2, 站3, 站4, 站5, …"


def _walks():
    """A main street 2 km long and a 500 m path cut off from it, 5 km north."""
    lines = [LineString([(X0, Y0), (X0 + 2000, Y0)]), LineString([(X0, Y0 + 5000), (X0 + 500, Y0 + 5000)])]
    return network_from_lines(gpd.GeoSeries(lines, crs=CRS), snap_tolerance_m=1.0)


def test_service_area_notices_name_the_facilities():
    graph = _walks()
    fac = Facilities(ids=np.array(["MH1", "P-clinic-1", "F3", "F4", "S1"], dtype=object),
                     types=np.array(["clinic", "clinic", "clinic", "kindergarten", "other"], dtype=object),
                     names=np.array(["东门卫生站", "规划-卫生服务站-1", "", "岛上幼儿园", "便利店"], dtype=object),
                     points=np.array([at(500, 10), at(1500, 150), at(1000, 2000), at(250, 5010), at(900, 5)]),
                     crs=graph.crs)
    res = service_areas(fac, network=graph, params=ServiceAreaParams(distances=(200.0,), max_access_m=300.0))
    said = {n.code: n for n in res.notices}
    assert said["facilities.not_care"].message.endswith(": 便利店")
    assert said["network.facility_unattached"].message.endswith(": F3")  # no name: the id
    assert said["network.facility_far_from_road"].message.endswith(": Planned clinic 1")
    assert said["network.facility_far_from_road"].in_language("zh_CN").endswith("规划-卫生服务站-1")
    assert said["network.facility_on_island"].message.endswith(": 岛上幼儿园")


def test_compounds_that_reach_nothing_are_named():
    comps = compounds_layer([square(100, 20), square(100, 5020), square(300, 5020)])
    comps.data.loc[2, "name"] = ""
    facs = facilities_layer([("clinic", "东门卫生站", at(500, 10))])
    result = analyse_gaps(comps, facs, standards=load_standards(), network=_walks(), types=("clinic",))
    said = next(n for n in result.notices if n.code == "gaps.unreachable")
    assert said.message.endswith(": 小区1, C2")  # the name, the id when it has none
    assert said.in_language("zh_CN").endswith("小区1, C2")
