"""People estimates: households from buildings or floor area, residents, age groups, a raster;
entered values always win and every estimate is marked with its source."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
from shapely.geometry import box

from gis.domain import FieldRole, Role
from gis.layer import Layer
from gis.people import marks
from gis.people.estimate import EstimateRequest, estimate_people
from gis.people.raster import raster_counts
from gis.people.preset import PRESET_PATH, PeoplePreset, PeoplePresetError, load_people_preset, save_people_preset

X0, Y0 = 500_000, 2_500_000
CRS = "EPSG:4547"


def compounds(**columns):
    geoms = [box(X0 + i * 200, Y0, X0 + i * 200 + 100, Y0 + 100) for i in range(3)]
    return gpd.GeoDataFrame(columns, geometry=geoms, crs=CRS)


def buildings():
    """Two 20 × 10 m six-floor blocks in compound 0, one 10 × 10 m four-floor block in compound 1."""
    geoms = [box(X0 + 10, Y0 + 10, X0 + 30, Y0 + 20), box(X0 + 10, Y0 + 50, X0 + 30, Y0 + 60),
             box(X0 + 210, Y0 + 10, X0 + 220, Y0 + 20)]
    data = gpd.GeoDataFrame({"层数": [6, 6, 4]}, geometry=geoms, crs=CRS)
    return Layer("楼栋", Role.BUILDINGS, data, {FieldRole.FLOORS: "层数"})


PRESET = PeoplePreset(persons_per_household=2.5, usable_area_factor=0.8, dwelling_size_m2=60,
                      elderly_share=0.2, children_share=0.1)


def test_households_from_buildings_then_residents_and_age_groups_all_marked():
    frame, fields, notes = estimate_people(compounds(), {}, EstimateRequest(PRESET, buildings()))
    hh = frame[fields[FieldRole.HOUSEHOLDS]].tolist()
    assert hh[:2] == [round(2 * 200 * 6 * 0.8 / 60), round(100 * 4 * 0.8 / 60)] and np.isnan(hh[2])
    assert frame[fields[FieldRole.POPULATION]].tolist()[:2] == [round(32 * 2.5), round(5 * 2.5)]
    assert frame[fields[FieldRole.ELDERLY]][0] == 16 and frame[fields[FieldRole.CHILDREN]][0] == 8
    assert marks.sources(frame, fields[FieldRole.HOUSEHOLDS]).tolist() == ["estimated:buildings"] * 2 + [""]
    assert marks.estimated(frame, fields[FieldRole.ELDERLY]).tolist() == [True, True, False]
    assert {n.code for n in notes} == {"people.estimated", "people.still_missing"}


def test_entered_values_always_win():
    given = compounds(hh=[10.0, np.nan, 7.0], pop=[np.nan, 99.0, np.nan])
    fields = {FieldRole.HOUSEHOLDS: "hh", FieldRole.POPULATION: "pop"}
    frame, fields, _ = estimate_people(given, fields, EstimateRequest(PRESET, buildings()))
    assert frame["hh"].tolist() == [10.0, 5.0, 7.0]
    assert marks.sources(frame, "hh").tolist() == ["entered", "estimated:buildings", "entered"]
    assert frame["pop"].tolist() == [25.0, 99.0, 18.0]  # 10 × 2.5, entered 99, round(7 × 2.5)
    assert marks.sources(frame, "pop").tolist() == ["estimated:households", "entered", "estimated:households"]
    assert given["hh"].isna().sum() == 1  # the input is not changed


def test_households_from_the_compounds_floor_area():
    frame, fields, _ = estimate_people(compounds(建筑面积=[6000, "不详", -5]), {},
                                       EstimateRequest(PRESET, floor_area_field="建筑面积"))
    assert frame[fields[FieldRole.HOUSEHOLDS]][0] == 80 and frame[fields[FieldRole.HOUSEHOLDS]][1:].isna().all()


def test_a_population_raster_is_area_weighted(tmp_path):
    import rasterio
    from rasterio.transform import from_origin

    path = tmp_path / "pop.tif"
    row = [40.0, 80.0, 8.0, 8.0, -99.0, -99.0]  # 50 m cells from X0: compound 1 is on the nodata ones
    cells = np.array([row, row], dtype="float32")
    with rasterio.open(path, "w", driver="GTiff", width=6, height=2, count=1, dtype="float32", crs=CRS,
                       transform=from_origin(X0, Y0 + 100, 50, 50), nodata=-99) as dst:
        dst.write(cells, 1)
    frame, fields, _ = estimate_people(compounds(), {}, EstimateRequest(
        PRESET, rasters={FieldRole.POPULATION: str(path)}))
    pop = frame[fields[FieldRole.POPULATION]]
    assert pop[0] == 240  # two full columns of cells: 40+80+40+80, none of the 8s
    assert pop[1] == 0  # compound 1 (x 200–300) covers only nodata cells, which count 0
    assert np.isnan(pop[2])  # outside the raster
    assert marks.sources(frame, fields[FieldRole.POPULATION])[0] == "estimated:raster:pop.tif"
    half = raster_counts(path, [box(X0 + 25, Y0, X0 + 75, Y0 + 100)], frame.crs)
    assert half.counts.tolist() == [120.0]  # half of each of four cells: (40 + 80) × 2 / 2


def test_the_preset_has_sources_and_the_shipped_file_is_never_overwritten(tmp_path):
    preset = load_people_preset()
    assert preset.persons_per_household == 2.62 and "2020" in preset.source
    assert preset.notes["persons_per_household"]["checked"] is True
    with pytest.raises(PeoplePresetError):
        preset.with_values(elderly_share=1.5)
    with pytest.raises(PeoplePresetError):
        save_people_preset(preset, PRESET_PATH)
    mine = save_people_preset(preset.with_values(persons_per_household=2.4), tmp_path / "people.json")
    assert load_people_preset(mine).persons_per_household == 2.4
    assert load_people_preset(mine).notes == preset.notes


def test_a_districts_own_age_shares_win_over_the_default(tmp_path):
    from gis.people.preset import AreaShares

    preset = PRESET.with_values(by_area=(AreaShares("端州区", 0.3, 0.05, "端州区七普公报"),))
    given = compounds(pop=[100.0, 100.0, 100.0], 区=["端州区", "鼎湖区", None])
    frame, fields, notes = estimate_people(given, {FieldRole.POPULATION: "pop"},
                                           EstimateRequest(preset, area_field="区"))
    assert frame[fields[FieldRole.ELDERLY]].tolist() == [30.0, 20.0, 20.0]
    assert frame[fields[FieldRole.CHILDREN]].tolist() == [5.0, 10.0, 10.0]
    assert any(n.params.get("areas") == 1 for n in notes)
    mine = save_people_preset(preset, tmp_path / "people.json")
    assert load_people_preset(mine).by_area == preset.by_area
    with pytest.raises(PeoplePresetError):
        preset.with_values(by_area=(AreaShares("x", 0.8, 0.3),))
