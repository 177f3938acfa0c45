"""``main.py plan``: the programme of a project file, its JSON contract and its refusals."""

from __future__ import annotations

import json

import geopandas as gpd
import pytest
from openpyxl import load_workbook

from gis.cli import plan as plan_cli
from gis.cli import project as project_cli
from tests.gis.gaps_fixtures import CRS, at, square

KEYS = {"compounds", "zones", "years", "reserve", "unscheduled", "notices", "seconds"}


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """C0-C2 form one zone, C3 (far away) and C4 (built 2010) are zones of one."""
    d = tmp_path_factory.mktemp("plan")
    gpd.GeoDataFrame({"小区编号": [f"C{i}" for i in range(5)], "户数": [100, 120, 90, 300, 80],
                      "建成年代": [1985, 1990, 1995, 1992, 2010]},
                     geometry=[square(c * 110, 0) for c in range(3)] + [square(900, 0), square(2000, 0)],
                     crs=CRS).to_file(d / "compounds.gpkg")
    gpd.GeoDataFrame({"名称": ["社区卫生服务站"], "类型": ["社区卫生服务站"]}, geometry=[at(50, 50)],
                     crs=CRS).to_file(d / "facilities.gpkg")
    gpd.GeoDataFrame({"层数": [6, 6, 3, 7], "电梯": ["无", "无", "无", "有"], "户数": [24, 36, 12, 28]},
                     geometry=[square(10, 10, 20), square(120, 10, 20), square(230, 10, 20), square(910, 10, 20)],
                     crs=CRS).to_file(d / "buildings.gpkg")
    out = d / "p.gpkg"
    assert project_cli.main(["build", str(out), "--compounds", str(d / "compounds.gpkg"), "--facilities",
                             str(d / "facilities.gpkg"), "--buildings", str(d / "buildings.gpkg"),
                             "--suggest-zones", "--max-compounds", "3"]) == 0
    return out


def _plan(capsys, *argv):
    code = plan_cli.main([*map(str, argv), "--json"])
    captured = capsys.readouterr()
    return code, (json.loads(captured.out) if code == 0 else captured.err)


def test_plan_json_contract(project, capsys):
    code, out = _plan(capsys, project, "--years", "2027-2029", "--budget-per-year", "20000000")
    assert code == 0 and KEYS <= set(out)
    by_id = {c["id"]: c for c in out["compounds"]}
    c0 = by_id["C0"]
    assert {"id", "zone", "items", "cost", "funding", "consent_ok", "year"} <= set(c0)
    assert c0["zone"] == 1 and by_id["C3"]["zone"] == "c:C3"
    lift = next(i for i in c0["items"] if i["item"] == "elevator")
    assert lift["quantity"] == 2 and lift["cost"] == 1_400_000  # 24 households / (6 floors x 2 per landing)
    water = next(i for i in c0["items"] if i["item"] == "water")
    assert water["quantity"] == pytest.approx(20 * 20 * 6)  # floor area: footprint x floors
    assert water["cost"] == pytest.approx(2400 * 35)
    assert c0["cost"] == pytest.approx(sum(i["cost"] for i in c0["items"]))
    assert sum(c0["funding"].values()) == pytest.approx(c0["cost"])
    assert c0["funding"]["elevator_subsidy"] == 200_000  # 长春's 2025 amount for 2 elevators
    assert by_id["C4"]["items"] == [] and by_id["C4"]["year"] is None  # built after the cut-off year
    zone = next(z for z in out["zones"] if z["id"] == 1)
    assert zone["year"] == 2027 and all(by_id[f"C{i}"]["year"] == 2027 for i in range(3))
    clinics = [i for z in out["zones"] for i in z["items"] if i["item"] == "clinic"]
    assert len(clinics) == 1  # C0-C2 share the clinic near C0; only C3 gets one
    assert all(y["cost"] <= 20_000_000 for y in out["years"])
    assert sum(y["cost"] for y in out["years"]) == pytest.approx(sum(z["cost"] for z in out["zones"]))
    assert any(n["code"] == "programme.subsidy_year" for n in out["notices"])


def test_consent_table_reserve_pins_and_unmatched_rows(project, tmp_path, capsys):
    table = tmp_path / "consent.csv"
    table.write_text("id,stage,agree,total,building\nC0,enter,90,100,\nC1,enter,70,100,\nC2,enter,80,90,\n"
                     "C3,enter,81,100,\nC9,enter,5,5,\nC3,oops,1,2,\nC2,design,95,90,\nC0,elevator,10,24,0\n"
                     "C0,elevator,20,24,7\n", encoding="utf-8")
    code, out = _plan(capsys, project, "--years", "2027-2029", "--budget-per-year", "20000000", "--consent",
                      table, "--pin", "c:C3=2029", "--out", tmp_path / "plan.xlsx")
    assert code == 0
    reserve = load_workbook(tmp_path / "plan.xlsx")["储备库"]
    assert [(row[0], row[5], row[6]) for row in reserve.iter_rows(min_row=2, values_only=True)] == [
        ("C1", 0.7, "同意率未达到入库要求"), ("C0", None, "加装电梯表决未通过（民法典第278条）")]
    assert out["reserve"] == ["C1"]
    by_id = {c["id"]: c for c in out["compounds"]}
    assert by_id["C1"]["year"] is None and not by_id["C1"]["consent_ok"]
    assert by_id["C1"]["consent"] == {"enter": 0.7, "design": None, "acceptance": None}
    assert by_id["C3"]["year"] == 2029
    unused = [n["message"] for n in out["notices"] if n["code"] == "consent.row_unused"]
    assert len(unused) == 4
    assert "row 6" in unused[0] and "C9" in unused[0] and "oops" in unused[1] and "row 8" in unused[2]
    assert "row 10" in unused[3] and "building needing an elevator has the id 7" in unused[3]
    lift = next(i for i in by_id["C0"]["items"] if i["item"] == "elevator")
    assert lift["held"] == 1.0 and lift["cost"] == 0  # its one building (row 0) voted 10 of 24: held back
    zone = next(z for z in out["zones"] if z["id"] == 1)
    assert zone["households"] == 190  # C0 and C2 agreed; C1 waits


@pytest.mark.parametrize("argv, words", [
    (["--budget-per-year", "1000"], "too small for any zone"),
    (["--years", "2030-2027"], "FIRST-LAST"),
    (["--pin", "片区 9=2027"], "no zone 片区 9"),
    (["--pin", "c:C3=2040", "--years", "2027-2029"], "outside the programme years"),
])
def test_refusals_are_one_line(project, capsys, argv, words):
    code, err = _plan(capsys, project, *argv)
    assert code == 2 and words in err and err.count("\n") == 1


def test_a_bad_catalogue_is_refused_naming_the_item(project, tmp_path, capsys):
    from gis.programme.catalogue import PRESET_PATH

    raw = json.loads(PRESET_PATH.read_text(encoding="utf-8"))
    raw["items"][3]["shares"] = {"central": 60, "local": 60}
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(raw), encoding="utf-8")
    code, err = _plan(capsys, project, "--catalogue", bad)
    assert code == 2 and "Catalogue item Gas pipes:" in err and "120 %" in err


def test_the_planners_saved_edits_are_planned_by_the_command(project, tmp_path, capsys):
    from gis.analysis.programme import ProgrammeRequest, store_state
    from gis.analysis.session import session_for
    from gis.project_file import open_project, save_project

    proj = open_project(project)
    session = session_for(proj)
    prog = session.run("programme", ProgrammeRequest(proj, years=(2027, 2028), budget_per_year=2e7)).programme
    assert session.latest("programme").programme is prog
    fid = [str(v) for v in prog.facts.ids].index("C0")
    prog.toggle("compound", fid, "elevator", False)  # the window's tick, then File > Save
    prog.pin(prog.facts.zone_index("c:C3"), 2028)
    store_state(proj, prog)
    edited = tmp_path / "edited.gpkg"
    save_project(proj, edited)
    code, out = _plan(capsys, edited)
    assert code == 0
    c0 = next(c for c in out["compounds"] if c["id"] == "C0")
    assert "elevator" not in {i["item"] for i in c0["items"]}
    assert [y["year"] for y in out["years"]] == [2027, 2028]  # the saved years and pin
    assert next(z for z in out["zones"] if z["id"] == "c:C3")["year"] == 2028


def test_a_project_of_compounds_only_is_planned_and_says_what_is_missing():
    from gis.analysis.programme import ProgrammeRequest, run
    from gis.project import Project
    from tests.gis.gaps_fixtures import compounds_layer

    project = Project()
    project.add_layer(compounds_layer([square(0, 0), square(200, 0)]))
    outcome = run(ProgrammeRequest(project, years=(2027,)))
    codes = [n.code for n in outcome.notices]
    assert {"programme.no_gaps", "programme.no_elevators", "programme.no_budget"} <= set(codes)
    assert "note.left_out_of_the_export" not in codes and "programme.subsidy_year" not in codes
    (year,) = outcome.programme.to_json()["years"]
    assert year["zones"] == ["c:C0", "c:C1"] and year["cost"] > 0
