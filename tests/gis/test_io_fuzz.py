"""Fuzz: damaged files of every supported format end as a layer or a typed error, in bounds.

Seeded and bounded in time. Environment: ``OCP_FUZZ_N`` mutants per format (default 24),
``OCP_FUZZ_SEED``, ``OCP_FUZZ_SECONDS`` (overall budget: no new case starts after it),
``OCP_FUZZ_WORKERS``, ``OCP_FUZZ_CLI`` (mutants also run through the CLI, default 6) and
``OCP_FUZZ_CASE=fmt:index`` (replay one case). Each case runs in a worker process with a time
cap (a hang) and an address-space cap (a memory blow-up); a failure names the seed, the case
and the mutation. Long runs: ``python -m tests.gis.fuzz_runner --help``.

File Geodatabase is included: GDAL's OpenFileGDB driver writes one here.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.gis.fuzz_runner import FAILED, ROOT, Case, Pool, cases_for, make_case, summary, summary_text
from tests.gis.fuzz_samples import FORMATS, OSM, build
from tests.gis.io_samples import facilities

SEED = int(os.environ.get("OCP_FUZZ_SEED", "20261202"))
N = int(os.environ.get("OCP_FUZZ_N", "24"))
BUDGET = float(os.environ.get("OCP_FUZZ_SECONDS", "30"))
WORKERS = int(os.environ.get("OCP_FUZZ_WORKERS", "2"))
CLI_N = int(os.environ.get("OCP_FUZZ_CLI", "6"))
ONLY = os.environ.get("OCP_FUZZ_CASE")


@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    root = tmp_path_factory.mktemp("fuzz_samples")
    return {fmt: build(fmt, root) for fmt in FORMATS}


@pytest.fixture(scope="module")
def pool():
    workers = Pool(WORKERS)
    yield workers
    workers.close()


def _only() -> tuple[str, int] | None:
    if not ONLY:
        return None
    fmt, index = ONLY.rsplit(":", 1)
    return fmt, int(index)


def test_every_sample_reads_before_it_is_damaged(samples, pool, tmp_path):
    cases = []
    for fmt, sample in samples.items():
        folder = tmp_path / fmt
        shutil.copytree(sample.folder, folder)
        cases.append(Case(fmt, -1, SEED, folder, folder / sample.target, sample.entry, ["none"]))
    outcomes = {r.case.fmt: r.outcome for r in pool.run(cases)}
    assert outcomes == {fmt: "network" if fmt in ("osm", "pbf") else "layer" for fmt in FORMATS}


@pytest.mark.timeout(BUDGET + 180)
def test_damaged_files_end_as_a_layer_or_a_typed_error(samples, pool, tmp_path, capsys):
    start = time.monotonic()
    results = list(pool.run(cases_for(samples, SEED, N, tmp_path, _only()), BUDGET))
    with capsys.disabled():
        print(f"\nfuzz seed {SEED}\n" + summary_text(results, time.monotonic() - start, pool.peak_rss_mb))
    failures = [r for r in results if r.failed]
    if failures:
        pytest.fail(f"{len(failures)} of {len(results)} damaged files failed:\n\n" + "\n\n".join(
            f"{r.case.repro()}\n{r.detail}" for r in failures[:5]), pytrace=False)
    assert pool.stray_tracebacks() == []
    if ONLY is None:  # the budget left room for every format
        assert {fmt: sum(c.values()) >= min(N, 3) for fmt, c in summary(results).items()} == \
            dict.fromkeys(FORMATS, True)


@pytest.mark.timeout(120)
def test_the_pool_reports_hangs_crashes_untyped_errors_and_memory_blowups(tmp_path, monkeypatch):
    monkeypatch.setenv("OCP_FUZZ_BLOWUP_MB", "300")
    kinds = ("selftest:sleep", "selftest:abort", "selftest:raise", "selftest:memory", "selftest:typed",
             "selftest:swallowed")
    cases = [Case("self", i, 0, tmp_path / str(i), tmp_path / str(i) / "x", kind, [kind])
             for i, kind in enumerate(kinds)]
    for case in cases:
        case.folder.mkdir()
    workers = Pool(2, case_seconds=3.0)
    try:
        results = {r.case.entry: r for r in workers.run(cases)}
    finally:
        workers.close()
    assert results["selftest:sleep"].outcome == FAILED and "hang" in results["selftest:sleep"].detail
    assert results["selftest:abort"].outcome == FAILED and "worker died" in results["selftest:abort"].detail
    assert results["selftest:raise"].outcome == FAILED and "ZeroDivisionError" in results["selftest:raise"].detail
    assert results["selftest:memory"].outcome == FAILED and "MemoryError" in results["selftest:memory"].detail
    assert results["selftest:typed"].outcome == "typed"
    swallowed = results["selftest:swallowed"]
    assert swallowed.outcome == FAILED and swallowed.detail.startswith("memory blow-up: peak RSS")
    assert cases[0].folder.exists() and not cases[4].folder.exists()  # failing mutants are kept


def _strict_json(text: str) -> dict:
    def reject(token):
        raise ValueError(f"{token} is not JSON")
    return json.loads(text, parse_constant=reject)


def _cli(case: Case, facilities_path) -> tuple[Case, subprocess.CompletedProcess]:
    if case.entry == OSM:
        args = ["service-areas", str(facilities_path), "--network", str(case.target), "--json"]
    else:
        args = ["inspect", str(case.target), "--json"]
    env = dict(os.environ, OCP_CONFIG_DIR=str(case.folder / "config"))
    env.pop("OCP_DEBUG", None)
    return case, subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, env=env,
                                capture_output=True, text=True, timeout=120)


@pytest.mark.timeout(300)
def test_cli_on_damaged_files_prints_json_or_one_line(samples, tmp_path):
    """Mutants of ``OCP_FUZZ_CLI`` formats (default 6, a seeded choice) through ``main.py inspect
    --json`` (OSM: ``service-areas --network``): exit 0 with strict JSON, or exit 2 with
    exactly one line; never a traceback."""
    fac = tmp_path / "facilities.geojson"
    fac.write_text(facilities().to_json(ensure_ascii=False), encoding="utf-8")
    formats = random.Random(SEED).sample(FORMATS, min(CLI_N, len(FORMATS)))  # a seeded sample
    cases = [make_case(samples[fmt], SEED, 10_000, tmp_path) for fmt in formats]
    with ThreadPoolExecutor(WORKERS) as ex:
        runs = list(ex.map(lambda c: _cli(c, fac), cases))
    for case, out in runs:
        where = f"{case.repro()}\nexit {out.returncode}\nstderr: {out.stderr[-2000:]}"
        assert out.returncode in (0, 2) and "Traceback" not in out.stderr, where
        if out.returncode == 0:
            assert isinstance(_strict_json(out.stdout), dict), where
        else:
            assert len(out.stderr.strip().splitlines()) == 1 and out.stderr.startswith("error: "), where
