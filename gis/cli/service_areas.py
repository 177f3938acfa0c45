"""``python main.py service-areas FACILITIES [--network ROADS] [--mode network|buffer]
[--distances 300,500,1000 | --minutes 5,10,15 [--speed 1.0]] [--per type|facility|both]
[--out areas.gpkg] [--json]``

Life-circle service areas of every 一老一小 facility at every distance, by
:func:`gis.analysis.life_circles.run` (the window's run). ``--network`` takes an OSM file
(``.osm``/``.osm.pbf``) or a road layer (Shapefile, GeoPackage, ...). The mode is ``network``
when a network is given, else ``buffer``. ``--minutes`` without ``--speed`` uses the
standards preset's speeds (1.0 m/s for elderly services, 1.2 m/s otherwise). In network
mode, facilities farther than ``--access`` metres from every street are left out and listed
in the notices; when none is left the command refuses.

Where the window would ask, the command refuses (exit 2, naming the option that answers):
``--facilities-crs`` (alias ``--source-crs``) / ``--network-crs`` for a CRS that cannot be
known or data that looks like GCJ-02/BD-09, ``--field facilities.type=COLUMN`` when no
facility is of a known type.

``--per`` chooses the polygons: ``facility`` (each facility's own), ``type`` (dissolved per
type) or ``both`` (the default). Network-mode polygons are drawn by the distance-field method
(gis.network.field_areas: a grid of ``--edge-buffer`` / 2.4, at most 12.5 m).

With ``--json`` one JSON object is printed::

    {"areas": [{"facility", "type", "distance_m", "area_m2"}, ...],
     "per_type": [{"type", "distance_m", "area_m2"}, ...],
     "network": {"nodes", "edges", "components"}, "seconds": ...,
     "mode": ..., "by_type": [{"type", "distance_m", "facilities", "area_m2"}, ...],
     "notices": [{"code", "level", "message"}, ...]}

``facility`` is the facility's id field, else its 0-based row index; ``network`` counts
are 0 without a network; ``areas`` is empty with ``--per type``, ``per_type`` and ``by_type``
with ``--per facility``. ``--out`` writes the polygons in WGS 84 to a GeoPackage: layer
``service_areas`` (facility, type, distance_m, area_m2) and layer ``per_type`` (type, group,
distance_m, facilities, area_m2), each when drawn.
Exit 0 on success; 2 with a one-line message on stderr when the input cannot be used.
"""

from __future__ import annotations

import math
import sys
import time
from pathlib import Path

from gis.analysis.life_circles import MODES, LifeCircleRequest
from gis.analysis.inputs import network_input, read_input
from gis.cli import fail
from gis.cli.base import add_input, add_params, command_parser, emit, execute, input_file, plain
from gis.crs import WGS84
from gis.domain import Role
from gis.network.service_area import METHODS

PER = ("type", "facility", "both")


def parser():
    p = command_parser("service-areas", "Life-circle service areas of facilities.", main_input=(
        "facilities", "facility points: .csv (经度/纬度), .shp, .gpkg, .geojson, .xlsx"))
    add_input(p, "network", "walking network: .osm / .osm.pbf, or a road line layer")
    p.add_argument("--mode", choices=MODES, help="default: network with --network, else buffer")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--distances", help="walking distances in metres, e.g. 300,500,1000")
    group.add_argument("--minutes", help="walking minutes, e.g. 5,10,15 (x --speed)")
    p.add_argument("--speed", type=float, help="walking speed in m/s for --minutes (default: the preset's)")
    p.add_argument("--standards", help="standards preset JSON (default: the shipped one)")
    p.add_argument("--per", choices=PER, default="both",
                   help="polygons per facility, dissolved per type, or both (default)")
    p.add_argument("--method", choices=METHODS, default="grid",
                   help="network-mode polygons: grid (distance field, fast; default) or exact (vector buffers)")
    p.add_argument("--out", help="write the polygons (WGS 84) to this GeoPackage")
    add_params(p, LifeCircleRequest, skip=("mode",))
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
    mode = args.mode or ("network" if args.network else "buffer")
    if mode == "network" and not args.network:
        return fail("--mode network needs --network ROADS (a road layer or an OSM file)")
    if args.speed is not None and not args.minutes:
        return fail("--speed goes with --minutes")
    if args.speed is not None and not 0.3 <= args.speed <= 3.0:
        return fail("--speed must be a walking speed between 0.3 and 3 m/s")
    return execute("service areas", lambda: _main(args, mode))


def _main(args, mode: str) -> int:
    from gis.analysis.life_circles import run

    start = time.perf_counter()
    outcome = run(build_request(args, mode))
    if args.out:
        write_gpkg(outcome.result, Path(args.out), per=args.per)
    out = to_json(outcome.result, mode, time.perf_counter() - start, per=args.per)
    out["notices"] = outcome.notices_json()
    return emit(args, out, _text)


def build_request(args, mode: str) -> LifeCircleRequest:
    """The window's request from the command's files (every facility's own areas too)."""
    from gis.standards import load_standards

    standards = load_standards(args.standards)
    layer, notes = read_input(input_file(args, "facilities", Role.FACILITIES))
    roads = osm = None
    if args.network:
        source, said = network_input(input_file(args, "network", Role.ROADS), crs=layer.data.crs)
        notes += said
        roads, osm = (None, str(source)) if isinstance(source, Path) else (source, None)
    options = {name: getattr(args, name) for name in ("edge_buffer_m", "snap_tolerance_m", "access_m")}
    return LifeCircleRequest(layer, standards, mode=mode, roads=roads, osm_path=osm,
                             per_facility=args.per != "type", per_type=args.per != "facility", method=args.method,
                             input_notices=tuple(notes), **options, **_distances(args, standards))


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
    return {}


def to_json(result, mode: str, seconds: float, *, per: str = "both") -> dict:
    pf = result.per_facility if per != "type" else result.per_facility.iloc[:0]
    pt = result.per_type if per != "facility" else result.per_type.iloc[:0]
    return {
        "areas": [{"facility": plain(f), "type": t, "distance_m": float(d), "area_m2": round(float(a), 1)}
                  for f, t, d, a in zip(pf["facility"], pf["type"], pf["distance_m"], pf["area_m2"])],
        "per_type": [{"type": t, "distance_m": float(d), "area_m2": round(float(a), 1)}
                     for t, d, a in zip(pt["type"], pt["distance_m"], pt["area_m2"])],
        "network": result.network or {"nodes": 0, "edges": 0, "components": 0},
        "seconds": round(seconds, 3),
        "mode": mode,
        "by_type": [{"type": t, "distance_m": float(d), "facilities": int(n), "area_m2": round(float(a), 1)}
                    for t, d, n, a in zip(pt["type"], pt["distance_m"], pt["facilities"], pt["area_m2"])],
    }


def write_gpkg(result, path: Path, *, per: str = "both") -> None:
    """Per-facility (layer ``service_areas``) and per-type (layer ``per_type``) polygons in WGS 84,
    as *per* asks (replaces the file)."""
    path.unlink(missing_ok=True)
    if per != "type":
        pf = result.per_facility[["facility", "type", "distance_m", "area_m2", "geometry"]].copy()
        ids = [plain(v) for v in pf["facility"]]
        pf["facility"] = ids if all(isinstance(v, int) for v in ids) else [None if v is None else str(v) for v in ids]
        pf.to_crs(WGS84).to_file(path, layer="service_areas", driver="GPKG")
    if per != "facility":
        result.per_type.to_crs(WGS84).to_file(path, layer="per_type", driver="GPKG")


def _text(out: dict) -> str:
    net = out["network"]
    lines = [f"mode: {out['mode']}   network: {net['nodes']} nodes, {net['edges']} edges, "
             f"{net['components']} pieces   {out['seconds']:.2f} s"]
    lines += [f"{r['type']:<16} {r['distance_m']:>7.0f} m  {r['facilities']:>4} facilities  "
              f"{r['area_m2'] / 1e6:8.3f} km²" for r in out["by_type"]]
    if out["areas"]:
        lines.append(f"{len(out['areas'])} facility areas")
    lines += [f"note: {n['message']}" for n in out["notices"]]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
