"""``python main.py service-areas FACILITIES [--network ROADS] [--mode network|buffer]
[--distances 300,500,1000 | --minutes 5,10,15 [--speed 1.0]] [--out areas.gpkg] [--json]``

Life-circle service areas of every facility at every distance. ``--network`` takes an OSM
file (``.osm``/``.osm.pbf``) or a road layer (Shapefile, GeoPackage, ...). The mode is
``network`` when a network is given, else ``buffer``. ``--minutes`` without ``--speed`` uses
the standards preset's speeds (1.0 m/s for elderly services, 1.2 m/s otherwise).

With ``--json`` one JSON object is printed::

    {"areas": [{"facility", "type", "distance_m", "area_m2"}, ...],
     "network": {"nodes", "edges", "components"}, "seconds": ...,
     "mode": ..., "by_type": [{"type", "distance_m", "facilities", "area_m2"}, ...],
     "notices": [...]}

``facility`` is the facility's id field, else its 0-based row index; ``network`` counts
are 0 without a network. ``--out`` writes the polygons in WGS 84 to a GeoPackage: layer
``service_areas`` (facility, type, distance_m, area_m2) and ``service_areas_by_type``.
Exit 0 on success; 2 with a one-line message on stderr when the input cannot be used.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path

import numpy as np

from gis.cli import crashed, fail
from gis.crs import WGS84
from gis.domain import Role
from gis.errors import Cancelled, GisError


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line on stderr, exit 2
        raise SystemExit(fail(f"{message} (see: main.py service-areas --help)"))


def parser() -> argparse.ArgumentParser:
    p = _Parser(prog="main.py service-areas", description="Life-circle service areas of facilities.")
    p.add_argument("facilities", help="facility points: .csv (经度/纬度), .shp, .gpkg, .geojson, .xlsx")
    p.add_argument("--network", help="walking network: .osm / .osm.pbf, or a road line layer")
    p.add_argument("--mode", choices=["network", "buffer"], help="default: network with --network, else buffer")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--distances", help="walking distances in metres, e.g. 300,500,1000")
    group.add_argument("--minutes", help="walking minutes, e.g. 5,10,15 (x --speed)")
    p.add_argument("--speed", type=float, help="walking speed in m/s for --minutes (default: the preset's)")
    p.add_argument("--edge-buffer", type=float, default=30.0, help="walkable band around streets, m (30)")
    p.add_argument("--snap", type=float, default=2.0, help="join road ends closer than this, m (2)")
    p.add_argument("--source-crs", help="the facilities' CRS when the file cannot say: gcj02, bd09, EPSG:xxxx")
    p.add_argument("--standards", help="standards preset JSON (default: the shipped one)")
    p.add_argument("--out", help="write the polygons (WGS 84) to this GeoPackage")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    return p


def _numbers(text: str, what: str) -> tuple[float, ...]:
    try:
        values = tuple(float(v) for v in text.split(",") if v.strip())
    except ValueError:
        raise SystemExit(fail(f"--{what} takes numbers separated by commas, e.g. 300,500,1000")) from None
    if not values or not all(math.isfinite(v) and v > 0 for v in values):
        raise SystemExit(fail(f"--{what} must be positive numbers"))
    return values


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    start = time.perf_counter()
    mode = args.mode or ("network" if args.network else "buffer")
    if mode == "network" and not args.network:
        return fail("--mode network needs --network ROADS (a road layer or an OSM file)")
    if args.speed is not None and not args.minutes:
        return fail("--speed goes with --minutes")
    if args.speed is not None and not 0.3 <= args.speed <= 3.0:
        return fail("--speed must be a walking speed between 0.3 and 3 m/s")
    try:
        result, facilities = _run(args, mode)
        if args.out:
            write_gpkg(result, Path(args.out))
    except GisError as exc:
        return fail(exc.message)
    except Cancelled:
        return fail("cancelled")
    except Exception as exc:  # the CLI contract: never a traceback
        return crashed(exc, "service areas failed")
    out = to_json(result, mode, time.perf_counter() - start)
    print(json.dumps(out, ensure_ascii=False) if args.json else _text(out))
    return 0


def _run(args, mode: str):
    from gis.network.build import build_network
    from gis.network.inputs import facilities_from_layer, read_layer_file
    from gis.network.service_area import ServiceAreaParams, service_areas
    from gis.standards import load_standards

    standards = load_standards(args.standards)
    layer = read_layer_file(args.facilities, role=Role.FACILITIES, source_crs=args.source_crs)
    facilities = facilities_from_layer(layer, standards=standards)
    params = ServiceAreaParams(mode=mode, edge_buffer_m=args.edge_buffer, **_distances(args, standards))
    network = build_network(args.network, crs=facilities.crs, snap_tolerance_m=args.snap) if args.network else None
    return service_areas(facilities, network=network, params=params), facilities


def _distances(args, standards) -> dict:
    """``distances`` (and per-type ``type_distances`` in time mode with preset speeds)."""
    if args.distances:
        return {"distances": _numbers(args.distances, "distances")}
    if args.minutes:
        minutes = _numbers(args.minutes, "minutes")
        if args.speed is not None:
            return {"distances": tuple(round(m * 60 * args.speed, 3) for m in minutes)}
        from gis.domain import FacilityType

        per_type = tuple((t.value, tuple(round(m * 60 * standards.speed_for(t), 3) for m in minutes))
                         for t in FacilityType)
        return {"distances": tuple(round(m * 60 * standards.speed_for(None), 3) for m in minutes),
                "type_distances": per_type}
    return {"distances": standards.ring_distances(None)}


def _plain(value):
    """A JSON value for an id cell (numpy scalars, NaN)."""
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value if isinstance(value, (int, float, str)) or value is None else str(value)


def to_json(result, mode: str, seconds: float) -> dict:
    pf, pt = result.per_facility, result.per_type
    return {
        "areas": [{"facility": _plain(f), "type": t, "distance_m": float(d), "area_m2": round(float(a), 1)}
                  for f, t, d, a in zip(pf["facility"], pf["type"], pf["distance_m"], pf["area_m2"])],
        "network": result.network or {"nodes": 0, "edges": 0, "components": 0},
        "seconds": round(seconds, 3),
        "mode": mode,
        "by_type": [{"type": t, "distance_m": float(d), "facilities": int(n), "area_m2": round(float(a), 1)}
                    for t, d, n, a in zip(pt["type"], pt["distance_m"], pt["facilities"], pt["area_m2"])],
        "notices": [n.message for n in result.notices],
    }


def write_gpkg(result, path: Path) -> None:
    """Per-facility and per-type polygons in WGS 84 (replaces the file)."""
    pf = result.per_facility[["facility", "type", "distance_m", "area_m2", "geometry"]].copy()
    ids = [_plain(v) for v in pf["facility"]]
    pf["facility"] = ids if all(isinstance(v, int) for v in ids) else [None if v is None else str(v) for v in ids]
    path.unlink(missing_ok=True)
    pf.to_crs(WGS84).to_file(path, layer="service_areas", driver="GPKG")
    result.per_type.drop(columns=["group"]).to_crs(WGS84).to_file(path, layer="service_areas_by_type",
                                                                   driver="GPKG")


def _text(out: dict) -> str:
    net = out["network"]
    lines = [f"mode: {out['mode']}   network: {net['nodes']} nodes, {net['edges']} edges, "
             f"{net['components']} pieces   {out['seconds']:.2f} s"]
    lines += [f"{r['type']:<16} {r['distance_m']:>7.0f} m  {r['facilities']:>4} facilities  "
              f"{r['area_m2'] / 1e6:8.3f} km²" for r in out["by_type"]]
    lines += [f"note: {n}" for n in out["notices"]]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
