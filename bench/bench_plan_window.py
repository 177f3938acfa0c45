"""What the plan window does after one edit, on a 长春-sized district, beside the engine's own
re-costing and re-scheduling (bench_programme.py's "edit").

    .venv/bin/python bench/bench_plan_window.py [N_COMPOUNDS=1500] [N_BUILDINGS=8000]

Timed (CPU seconds, best of 3 — the machine is shared), for one elevator line ticked off:

* engine edit (peer): costs and years again (``Programme.result``);
* kept in the project: ``store_state`` (the edits as JSON, compared with a fresh proposal);
* tables: the dock's zone, compound, year and funding frames and one zone's items;
* map: the year and reserve overlays as frames (WGS 84) and as the GeoJSON the page receives.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_programme import best, district, zones_of  # noqa: E402

from gis.analysis.programme import store_state  # noqa: E402
from gis.crs import WGS84  # noqa: E402
from gis.gaps.compounds import CompoundTable  # noqa: E402
from gis.gaps.elevators import ElevatorParams, elevator_needs, load_subsidy_presets  # noqa: E402
from gis.programme import PlanFacts, Programme, YearPlan, load_catalogue  # noqa: E402
from gis.project import Project  # noqa: E402
from gui.map.view import feature_collection  # noqa: E402
from gui.programme import overlays, rows  # noqa: E402


def main(n: int = 1500, n_buildings: int = 8000) -> None:
    layer, blayer, rng = district(n, n_buildings)
    table = CompoundTable.from_layer(layer)
    model = zones_of(layer)
    elevators = elevator_needs(blayer, table, params=ElevatorParams())
    facts = PlanFacts.from_results(table, zones=model, buildings=blayer, elevators=elevators,
                                   subsidy_rule=load_subsidy_presets().rule("changchun"), subsidy_year=2025)
    prog = Programme(facts, load_catalogue(), YearPlan(tuple(range(2027, 2032))))
    prog.result()
    project = Project()
    shapes = layer.data.geometry.to_crs(WGS84)
    line = prog.contents.find("compound", int(np.flatnonzero(facts.elevators * facts.old)[0]), "elevator")

    def edit():
        prog.contents.set_lines([line], on=not prog.contents.on[line])
        return prog.result()

    def tables():
        return (rows.zone_frame(prog), rows.compound_frame(prog, "是", "否"), rows.years_frame(prog),
                rows.funding_frame(prog), rows.item_rows(prog, "zone", 0))

    def page():
        shown = overlays.frames(prog.result(), shapes)
        return [feature_collection(f) for f in shown.values() if f is not None]

    t_edit, _ = best(edit)
    t_state, _ = best(lambda: store_state(project, prog))
    t_tables, _ = best(tables)
    t_map, _ = best(page)
    window = t_state + t_tables + t_map
    print(f"{n} compounds, {facts.n_zones} zones, {len(prog.contents)} lines")
    print(f"engine edit (peer) {t_edit * 1e3:8.1f} ms CPU  (costs and years again)")
    print(f"store_state        {t_state * 1e3:8.1f} ms CPU  (edits kept in the project)")
    print(f"dock tables        {t_tables * 1e3:8.1f} ms CPU  (zones, compounds, years, funding, one zone's items)")
    print(f"map overlays       {t_map * 1e3:8.1f} ms CPU  (year and reserve frames and their GeoJSON)")
    print(f"window after one edit {(t_edit + window) * 1e3:.1f} ms CPU; ratio window extra / engine edit = "
          f"{window / t_edit:.1f}")


if __name__ == "__main__":
    t0 = time.perf_counter()
    main(*[int(a) for a in sys.argv[1:3]])
    print(f"({time.perf_counter() - t0:.1f} s wall in all)")
