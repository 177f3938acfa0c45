"""Where each people count came from, as users read it: translated labels (not raw codes), the
report's people sheet, survey rows flagged as such in access, and the estimate run's refusals."""

from __future__ import annotations

import json

import geopandas as gpd
import numpy as np
import openpyxl
import pytest
from shapely.geometry import box

from gis.analysis.access import run as run_access
from gis.analysis.people import PeopleRequest, figure_range, per_compound
from gis.analysis.people import run as run_estimate
from gis.domain import FieldRole, Role
from gis.errors import AnalysisError, NeedsAnswer
from gis.export.access_report import access_sheets
from gis.export.excel import write_report
from gis.analysis.outputs import PlanOutputs
from gis.layer import Layer
from gis.people import marks
from gis.people.preset import PeoplePreset
from gis.project import Project
from gis.supply.amounts import value_flags
from tests.gis.gaps_fixtures import at, compounds_layer, square
from tests.gis.test_access_analysis import facility_layer, request_for

X0, Y0, CRS = 500_000, 2_500_000, "EPSG:4547"
PRESET = PeoplePreset(persons_per_household=2.5, usable_area_factor=0.8, dwelling_size_m2=60,
                      elderly_share=0.2, children_share=0.1)


def marked_compounds() -> Layer:
    """Three compounds: households entered, from a survey, estimated from buildings."""
    geoms = [box(X0 + i * 200, Y0, X0 + i * 200 + 100, Y0 + 100) for i in range(3)]
    data = gpd.GeoDataFrame({"编号": ["A", "B", "C"], "名称": ["阳光花园", "幸福里", "东风宿舍"],
                             "户数": [100.0, 80.0, 40.0], "户数_来源": [None, "survey", "estimated:buildings"],
                             "常住人口": [250.0, np.nan, 100.0],
                             "常住人口_来源": [None, None, "estimated:households"]}, geometry=geoms, crs=CRS)
    return Layer("小区", Role.COMPOUNDS, data, {FieldRole.ID: "编号", FieldRole.NAME: "名称",
                                               FieldRole.HOUSEHOLDS: "户数", FieldRole.POPULATION: "常住人口"})


def test_labels_name_the_method_in_both_languages():
    assert marks.label("estimated:raster:pop.tif") == "estimated (population raster)"
    assert marks.label("estimated:unknown_method") == "estimated" and marks.label(None) == ""
    assert [marks.label_in(s, "zh_CN") for s in ("entered", "survey", "estimated:buildings")] == \
        ["录入", "调查表", "估算（按建筑）"]
    assert marks.label_in("estimated:buildings", "en") == "estimated (from buildings)"
    assert marks.is_source_column("户数_来源") and not marks.is_source_column("户数")


def test_survey_rows_are_their_own_flag_in_access_and_its_report():
    frame = marked_compounds().data
    flags = value_flags(frame, "户数", frame["户数"].to_numpy(float))
    assert flags.tolist() == ["entered", "survey", "estimated"]
    compounds = compounds_layer([square(0, 0), square(100, 0)], old=[40, 20])
    compounds.data["old_来源"] = ["survey", None]
    result = run_access(request_for(compounds, facility_layer([("day_care", "站", at(50, 50))]),
                                    facility_type="day_care")).result
    zh = access_sheets(result, "zh_CN")[0][1]["demand_flag"].tolist()
    en = access_sheets(result, "en")[0][1]["demand_flag"].tolist()
    assert zh == ["调查表", "录入"] and en == ["survey table", "entered"]


@pytest.mark.parametrize("language, title, expected", [
    ("zh_CN", "人口", ["录入", "调查表", "估算（按建筑）"]),
    ("en", "People", ["entered", "survey table", "estimated (from buildings)"])])
def test_report_people_sheet_shows_values_units_and_source_labels(tmp_path, language, title, expected):
    project = Project()
    project.add_layer(marked_compounds())
    out = tmp_path / "report.xlsx"
    write_report(project, PlanOutputs(), out, language=language)
    ws = openpyxl.load_workbook(out)[title]
    heads = [c.value for c in ws[1]]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    households = heads.index("户数(户)" if language == "zh_CN" else "Households")
    assert [r[households] for r in rows] == [100, 80, 40]
    assert [r[households + 1] for r in rows] == expected
    residents = households + 2
    assert "(人)" in heads[residents] or "(people)" in heads[residents]
    assert rows[1][residents] is None and rows[1][residents + 1] in (None, "")  # unknown: an empty cell
    assert rows[2][residents + 1] == ("估算（按户数×户均人口）" if language == "zh_CN"
                                       else "estimated (households × persons per household)")
    assert [r[0] for r in rows] == ["A", "B", "C"] and rows[0][1] == "阳光花园"


def test_report_people_sheet_without_compounds_says_why(tmp_path):
    out = tmp_path / "report.xlsx"
    write_report(Project(), PlanOutputs(), out)
    assert openpyxl.load_workbook(out)["人口"]["A2"].value == "项目没有小区图层。"


def _buildings(floors: bool = True) -> Layer:
    data = gpd.GeoDataFrame({"层数": [6]}, geometry=[box(X0 + 10, Y0 + 10, X0 + 30, Y0 + 20)], crs=CRS)
    return Layer("楼栋", Role.BUILDINGS, data, {FieldRole.FLOORS: "层数"} if floors else {})


def test_estimate_run_gives_values_with_sources_and_figures_override_the_preset():
    geoms = [box(X0 + i * 200, Y0, X0 + i * 200 + 100, Y0 + 100) for i in range(2)]
    layer = Layer("小区", Role.COMPOUNDS, gpd.GeoDataFrame({"户数": [np.nan, 10.0]}, geometry=geoms, crs=CRS),
                  {FieldRole.HOUSEHOLDS: "户数"})
    outcome = run_estimate(PeopleRequest(layer, PRESET, buildings=_buildings(), persons_per_household=3.0))
    rows = per_compound(outcome)
    assert rows[0]["households"] == round(200 * 6 * 0.8 / 60) and rows[1]["population"] == 30.0
    assert rows[0]["sources"]["households"] == "estimated:buildings" and rows[1]["sources"]["households"] == "entered"
    assert outcome.seconds > 0 and any(n.code == "people.estimated" for n in outcome.notices)
    assert figure_range("persons_per_household") == (0.5, 10.0)


def test_estimate_refusals_name_the_option_that_answers():
    layer = Layer("小区", Role.COMPOUNDS, gpd.GeoDataFrame({"x": [1]}, geometry=[box(X0, Y0, X0 + 9, Y0 + 9)],
                                                          crs=CRS), {})
    cases = [(PeopleRequest(layer, PRESET), "--buildings"),
             (PeopleRequest(layer, PRESET, buildings=_buildings(False)), "--field buildings.floors"),
             (PeopleRequest(layer, PRESET, floor_area_field="面积"), "--floor-area-field"),
             (PeopleRequest(layer, PRESET, buildings=_buildings(), area_field="区"), "--area-field")]
    for request, option in cases:
        with pytest.raises(NeedsAnswer) as err:
            run_estimate(request)
        assert err.value.params["option"] == option
    with pytest.raises(AnalysisError):
        run_estimate(PeopleRequest(layer, PRESET, buildings=_buildings(), persons_per_household=30.0))


def test_web_map_popups_show_sources_in_words(tmp_path):
    from gis.export.project_export import export_project

    project = Project()
    project.add_layer(marked_compounds())
    out = tmp_path / "map.html"
    export_project(project, out, fmt="html")
    page = out.read_text(encoding="utf-8")
    shown = [json.dumps(w)[1:-1] for w in ("估算（按建筑）", "调查表", "录入")]  # as the page's GeoJSON writes them
    assert all(w in page for w in shown) and "estimated:buildings" not in page and '"survey"' not in page
    assert marks.in_words(marked_compounds().data, "en")["户数_来源"].tolist() == \
        ["entered", "survey table", "estimated (from buildings)"]
