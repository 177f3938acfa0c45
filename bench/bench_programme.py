"""Renovation programme (gis.programme) on a 长春-sized district, beside a plain pandas group-by.

    .venv/bin/python bench/bench_programme.py [N_COMPOUNDS=1500] [N_BUILDINGS=8000] [YEARS=5]

The district is bench/synthetic_city.py's walled compounds (build years 1975-2015, cut-off
2000), zones from the window's suggestion (at most 6 compounds), ~5 buildings per compound
(3-9 floors, households, no elevator), the real elevator analysis, random service gaps and
a ranking by households. Timed (CPU seconds, best of 3 — the machine is shared):

* whole run: what ``plan`` does on a project (the gap analysis, elevators, ranking and the access
  step too: 2SFCA and shortfall per facility type present, which size the facilities);
* facts: :meth:`PlanFacts.from_results` (buildings to compounds, floor areas, elevators, zones);
* programme: propose the contents, cost them (shares and caps), consent, schedule 5 years
  under a budget, and the ``plan --json`` rows;
* edit: one elevator line ticked off, then costs and years again (what the plan dock does);
* workbook: ``plan --out`` (the five sheets and the notes);
* peer: pandas ``groupby`` of the same sums (line cost per compound, zone, item and channel;
  no caps, no schedule) from a ready-made lines frame.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_city import CRS, city  # noqa: E402

from gis.domain import FieldRole, Role  # noqa: E402
from gis.gaps.compounds import CompoundTable  # noqa: E402
from gis.gaps.elevators import ElevatorParams, elevator_needs  # noqa: E402
from gis.layer import Layer  # noqa: E402
from gis.programme import PlanFacts, Programme, YearPlan, load_catalogue  # noqa: E402
from gis.programme.catalogue import CHANNELS  # noqa: E402
from gis.programme.costs import compute_costs  # noqa: E402
from gis.export.programme_excel import write_programme  # noqa: E402

TYPES = ("clinic", "elderly_canteen", "day_care", "nursery", "kindergarten", "play_area")


def best(fn, runs=3):
    times, out = [], None
    for _ in range(runs):
        t = time.process_time()
        out = fn()
        times.append(time.process_time() - t)
    return min(times), out


def district(n: int, n_buildings: int, seed: int = 3):
    rng = np.random.default_rng(seed)
    compounds, _ = city(n, seed=seed)
    layer = Layer("compounds", Role.COMPOUNDS, compounds, fields={
        FieldRole.ID: "小区编号", FieldRole.HOUSEHOLDS: "户数", FieldRole.BUILD_YEAR: "建成年代"})
    owner = rng.integers(0, len(compounds), n_buildings)
    centre = shapely.point_on_surface(np.asarray(compounds.geometry.values))
    x = shapely.get_x(centre)[owner] + rng.uniform(-15, 15, n_buildings)
    y = shapely.get_y(centre)[owner] + rng.uniform(-15, 15, n_buildings)
    floors = rng.integers(3, 10, n_buildings)
    buildings = gpd.GeoDataFrame({"层数": floors, "电梯": np.where(rng.random(n_buildings) < 0.1, "有", "无"),
                                  "户数": floors * 2 * rng.integers(1, 4, n_buildings)},
                                 geometry=shapely.box(x - 6, y - 6, x + 6, y + 6), crs=CRS)
    blayer = Layer("buildings", Role.BUILDINGS, buildings, fields={
        FieldRole.FLOORS: "层数", FieldRole.ELEVATOR: "电梯", FieldRole.HOUSEHOLDS: "户数"})
    return layer, blayer, rng


def zones_of(layer):
    from gis.analysis.zones import NeighbourRule, ZoneRequest, run, zone_model
    from gis.zones.suggest import accept

    model = zone_model(NeighbourRule(layer))
    accept(model, run(ZoneRequest(model, layer, max_compounds=6)).suggestion)
    return model


def main(n: int = 1500, n_buildings: int = 8000, n_years: int = 5) -> None:
    layer, blayer, rng = district(n, n_buildings)
    table = CompoundTable.from_layer(layer)
    model = zones_of(layer)
    elevators = elevator_needs(blayer, table, params=ElevatorParams())
    gaps = SimpleNamespace(types=TYPES, covered=rng.random((len(table), len(TYPES))) < 0.6)
    rank = pd.Series(table.households_or_zero()).rank(ascending=False, method="first")
    ranking = SimpleNamespace(table=pd.DataFrame({"rank": rank.astype("Int64")}))
    catalogue = load_catalogue()
    from gis.gaps.elevators import load_subsidy_presets

    rule = load_subsidy_presets().rule("changchun")

    def facts():
        return PlanFacts.from_results(table, zones=model, buildings=blayer, elevators=elevators, gaps=gaps,
                                      ranking=ranking, pre_year=2000, subsidy_rule=rule, subsidy_year=2025)

    t_facts, f = best(facts)
    old_cost = compute_costs(Programme(f, catalogue, YearPlan((2027,))).contents).total()
    years = YearPlan(tuple(range(2027, 2027 + n_years)), budget=old_cost / n_years * 1.05)

    def programme():
        prog = Programme(f, catalogue, years)
        prog.result()
        return prog, prog.to_json()

    t_prog, (prog, out) = best(programme)
    line = prog.contents.find("compound", int(np.flatnonzero(f.elevators * f.old)[0]), "elevator")

    def edit():
        e = prog.contents.set_lines([line], on=not prog.contents.on[line])
        return prog.result(), e

    t_edit, _ = best(edit)
    t_peer, _ = best(lambda: peer(prog))
    t_run, (timings, bases) = best(lambda: full_run(layer, blayer, model, rng, years), runs=1)
    r = prog.result()
    with tempfile.TemporaryDirectory() as tmp:
        t_xlsx, _ = best(lambda: write_programme(prog, Path(tmp) / "plan.xlsx"), runs=1)
    print(f"{n} compounds, {f.n_zones} zones ({len(model.zones)} suggested + zones of one), {n_buildings} buildings, "
          f"{int(f.elevators.sum())} elevators, {len(prog.contents)} lines, {n_years} years")
    print(f"programme {r.costs.total() / 1e8:,.2f} 亿元, scheduled {r.schedule.spend.sum() / 1e8:,.2f} 亿元, "
          f"budget {years.budget / 1e8:,.2f} 亿元/year, {len(r.schedule.unscheduled)} zones left over")
    print(f"facts       {t_facts * 1e3:8.1f} ms CPU")
    print(f"programme   {t_prog * 1e3:8.1f} ms CPU  (propose, costs with caps, schedule, JSON rows; limit 1000)")
    print(f"edit        {t_edit * 1e3:8.1f} ms CPU  (one line ticked, costs and years again; limit 100)")
    print(f"pandas peer {t_peer * 1e3:8.1f} ms CPU  (group-by of the same sums, no caps, no schedule)")
    print(f"whole run   {t_run * 1e3:8.1f} ms CPU  (ProgrammeRequest on a project: gaps, elevators, ranking, access, "
          f"facts, programme; wall s {', '.join(f'{k} {v:.3f}' for k, v in timings.items())}; facility lines "
          f"sized by shortfall {bases['shortfall']}, by households {bases['households']})")
    print(f"workbook    {t_xlsx * 1e3:8.1f} ms CPU  (the five sheets and notes, {len(prog.contents)} lines)")
    print(f"ratio edit / peer = {t_edit / t_peer:.2f}, (facts + programme) / peer = {(t_facts + t_prog) / t_peer:.1f}")


def full_run(layer, blayer, model, rng, years) -> tuple[dict, dict]:
    """The plan command's run on an in-memory project with 120 facilities (straight-line gaps):
    its timings and how many facility lines are sized by shortfall and by households."""
    from gis.analysis.programme import ProgrammeRequest, run
    from gis.project import Project

    centre = shapely.point_on_surface(np.asarray(layer.data.geometry.values))
    pick = np.random.default_rng(5).choice(len(centre), 120, replace=False)
    kinds = np.resize(["社区卫生服务站", "老年食堂", "幼儿园", "托儿所", "老年人日间照料中心"], 120)
    facilities = Layer("facilities", Role.FACILITIES, gpd.GeoDataFrame(
        {"名称": kinds, "类型": kinds}, geometry=centre[pick], crs=CRS),
        fields={FieldRole.NAME: "名称", FieldRole.FACILITY_TYPE: "类型"})
    project = Project()
    for lyr in (layer, facilities, blayer):
        project.add_layer(lyr)
    project.set_zones(model)
    outcome = run(ProgrammeRequest(project, years=years.years, budget_per_year=years.budget))
    rows = [i for z in outcome.programme.to_json()["zones"] for i in z["items"] if "basis" in i]
    return outcome.timings, {b: sum(i["basis"] == b for i in rows) for b in ("shortfall", "households")}


def peer(prog) -> dict:
    """The same sums by pandas group-by: cost per compound, zone, item and channel (no caps)."""
    c, cat, f = prog.contents, prog.catalogue, prog.facts
    frame = pd.DataFrame({"kind": c.kind, "owner": c.owner, "item": c.item, "quantity": c.quantity, "on": c.on})
    items = pd.DataFrame({"unit_cost": [it.unit_cost for it in cat.items]})
    shares = pd.DataFrame(cat.share_matrix(), columns=list(CHANNELS))
    frame = frame.join(items, on="item").join(shares, on="item")
    frame["cost"] = frame["quantity"] * frame["unit_cost"] * frame["on"]
    for ch in CHANNELS:
        frame[ch] = frame[ch] * frame["cost"]
    frame["zone"] = np.where(frame["kind"] == 1, frame["owner"], f.zone_of[np.where(frame["kind"] == 1, 0,
                                                                                      frame["owner"])])
    sums = ["cost", *CHANNELS]
    return {"compound": frame[frame["kind"] == 0].groupby("owner")[sums].sum(),
            "zone": frame.groupby("zone")[sums].sum(), "item": frame.groupby("item")[sums].sum()}


if __name__ == "__main__":
    main(*[int(a) for a in sys.argv[1:4]])
