"""A fuzz worker: reads one JSON case per line on stdin and answers one JSON line.

Run by :class:`tests.gis.fuzz_runner.Pool` as ``python -m tests.gis.fuzz_worker``, under an
address-space cap so a memory blow-up ends as a MemoryError (or a dead worker), not a swapped
machine. It imports only the engine, so it starts fast.
"""

from __future__ import annotations

import json
import os
import sys
import time

MEMORY_MB = 2048  # address space cap
BLOWUP_MB = int(os.environ.get("OCP_FUZZ_BLOWUP_MB", 1024))  # peak RSS no small damaged file may reach
FAILED = "failure"
OSM = "osm"


def _self_test(entry: str) -> tuple[str, str]:
    """Misbehaviour on purpose, to prove the pool sees each kind of failure."""
    from gis.errors import DataReadError

    kind = entry.split(":", 1)[1]
    if kind == "sleep":
        time.sleep(3600)
    elif kind == "abort":
        os.abort()
    elif kind == "memory":
        return "layer", str(len(bytearray(8 << 30)))
    elif kind == "typed":
        raise DataReadError("typed on purpose")
    elif kind == "swallowed":  # a reader that eats its MemoryError: memory used, then a typed error
        block = b"\xff" * (BLOWUP_MB * 3 << 19)  # written, so the pages are resident (a zeroed bytearray may not be)
        raise DataReadError("{n} bytes, then typed", n=len(block))
    return "layer", str(1 / 0)


_FACILITIES = []


def _life_circles(osm_path: str) -> str:
    """The walking network of an OSM file and service areas along it, as ``service-areas`` does."""
    from gis.domain import Role
    from gis.network.inputs import facilities_from_layer
    from gis.network.osm import network_from_osm
    from gis.network.service_area import ServiceAreaParams, service_areas

    if not _FACILITIES:  # once per worker: the sample facilities over the OSM lattice
        import tempfile
        from pathlib import Path

        from gis.io import read_layer
        from tests.gis.io_samples import facilities

        path = Path(tempfile.mkdtemp(prefix="ocp_fuzz_fac_")) / "facilities.geojson"
        path.write_text(facilities().to_json(ensure_ascii=False), encoding="utf-8")
        _FACILITIES.append(facilities_from_layer(read_layer(path, role=Role.FACILITIES)))
    fac = _FACILITIES[0]
    graph = network_from_osm(osm_path, crs=fac.crs)
    result = service_areas(fac, network=graph, params=ServiceAreaParams(mode="network", distances=(300, 1000)))
    return f"{graph.n_edges} edges, {len(result.per_type)} areas"


def run_one(entry: str, path: str) -> tuple[str, str]:
    """(outcome, detail) of one read, as the import dialog and ``inspect --json`` do it."""
    from gis.cli.inspect import _text
    from gis.errors import GisError
    from gis.io import build_layer, inspect_file, list_layers
    from gis.io.importer import confirmed, preselected

    try:
        if entry.startswith("selftest:"):
            return _self_test(entry)
        if entry == OSM:
            return "network", _life_circles(path)
        try:
            list_layers(path)  # what the import dialog offers first
        except GisError:
            pass
        report = inspect_file(path)
        out = report.to_json()
        json.dumps(out, ensure_ascii=False, allow_nan=False)  # what --json prints must be JSON
        _text(out)
        if report.crs.crs is None or (report.crs.needs_choice and preselected(report) is None):
            return "report", f"{report.features} features, CRS to choose"
        layer = build_layer(confirmed(report))  # the dialog's Add takes the preselected answer
        return "layer", f"{len(layer.data)} features"
    except GisError as exc:
        return "typed", f"{type(exc).__name__}: {exc.message[:300]}"


def serve() -> None:
    """Worker loop: the protocol keeps fd 1 to itself; stray prints of C libraries go to stderr."""
    import resource
    import traceback

    proto = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)
    cap = int(os.environ.get("OCP_FUZZ_MEMORY_MB", MEMORY_MB)) << 20
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    import gis.io  # noqa: F401 - import before "ready" so the first case is not charged for it
    import gis.network.osm  # noqa: F401

    proto.write("ready\n")
    for line in sys.stdin:
        case = json.loads(line)
        print(f"--- case {case['id']}", file=sys.stderr, flush=True)
        start, before = time.perf_counter(), _peak_mb()
        try:
            outcome, detail = run_one(case["entry"], case["path"])
        except BaseException as exc:  # noqa: BLE001 - this is what the fuzz test looks for
            outcome, detail = FAILED, "".join(traceback.format_exception(exc))[-3000:]
        rss = _peak_mb()
        grew = rss > before and rss > BLOWUP_MB  # also when a reader turned MemoryError into an error
        if grew:
            outcome, detail = FAILED, f"memory blow-up: peak RSS {rss} MB (> {BLOWUP_MB} MB), then {outcome}: {detail}"
        restart = grew or outcome == FAILED  # a fresh worker (and peak RSS) after any failure
        proto.write(json.dumps({"outcome": outcome, "detail": detail, "rss_mb": rss, "restart": restart,
                                "seconds": time.perf_counter() - start}) + "\n")


def _peak_mb() -> int:
    """This process's peak resident memory. On Linux from VmHWM: ``ru_maxrss`` is kept across
    exec, so a worker started by a big pytest process would begin at its parent's peak."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


if __name__ == "__main__":
    serve()
