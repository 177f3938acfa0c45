"""Run damaged files through the importer in worker processes, each case under a time and a
memory cap: a case ends as a layer (or a report that asks for a CRS, or a walking network) or
as a typed GisError; anything else (another exception, a crash, a hang, a memory blow-up) is a
failure that names the seed, the case and the mutation.

Long ad-hoc runs, all formats, two workers, nice'd (failing mutants are kept in --out)::

    nice python -m tests.gis.fuzz_runner --n 2000 --seed 7 --workers 2 --seconds 3600

Workers are :mod:`tests.gis.fuzz_worker` processes.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import select
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from tests.gis.fuzz_binary import mutate_bytes
from tests.gis.fuzz_samples import FORMATS, Sample, build
from tests.gis.fuzz_worker import FAILED

ROOT = Path(__file__).resolve().parents[2]
CASE_SECONDS = 30.0  # a tiny damaged file that takes longer hangs (the real caps are far higher)
START_SECONDS = 120.0  # a worker importing the engine on a busy machine


@dataclass
class Case:
    fmt: str
    index: int
    seed: int
    folder: Path
    target: Path
    entry: str
    mutation: list[str]

    def repro(self) -> str:
        return (f"seed {self.seed}, case {self.fmt}:{self.index}, mutation {' | '.join(self.mutation)} "
                f"(replay: OCP_FUZZ_SEED={self.seed} OCP_FUZZ_CASE={self.fmt}:{self.index} "
                f"python -m pytest tests/gis/test_io_fuzz.py)")


@dataclass
class Result:
    case: Case
    outcome: str  # layer | report | network | typed | failure
    detail: str = ""
    seconds: float = 0.0

    @property
    def failed(self) -> bool:
        return self.outcome == FAILED


def make_case(sample: Sample, seed: int, index: int, root: Path) -> Case:
    """Copy *sample* to a new folder and damage one of its files (seeded by seed, fmt, index)."""
    rng = random.Random(f"{seed}:{sample.fmt}:{index}")
    dest = root / f"{sample.fmt.replace('.', '_')}-{index}"
    shutil.copytree(sample.folder, dest)
    victim = rng.choice(sample.victims)
    path = dest / victim
    data, what = mutate_bytes(path.read_bytes(), victim, rng)
    if data is None:
        path.unlink()
    else:
        path.write_bytes(data)
    return Case(sample.fmt, index, seed, dest, dest / sample.target, sample.entry, [victim, *what])


# -- the pool --------------------------------------------------------------------------------------
@dataclass
class _Worker:
    proc: subprocess.Popen
    log: Path
    case: Case | None = None
    deadline: float = 0.0
    restart: bool = False  # after a memory blow-up: a fresh worker measures the next case


@dataclass
class Pool:
    """Worker processes that read cases; a hung or crashed worker is killed and replaced."""

    workers: int = 2
    case_seconds: float = CASE_SECONDS
    log_dir: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="ocp_fuzz_log_")))
    peak_rss_mb: int = 0
    _live: list[_Worker] = field(default_factory=list)
    _started: int = 0

    def _start(self) -> _Worker:
        self._started += 1
        log = self.log_dir / f"worker-{self._started}.log"
        with open(log, "wb") as err:
            proc = subprocess.Popen([sys.executable, "-m", "tests.gis.fuzz_worker"], cwd=ROOT,
                                    stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err,
                                    text=True, start_new_session=True)
        return _Worker(proc, log)

    @staticmethod
    def _ready(w: _Worker) -> _Worker:
        started = select.select([w.proc.stdout], [], [], START_SECONDS)[0]
        if not started or w.proc.stdout.readline().strip() != "ready":
            _kill(w.proc)
            raise RuntimeError(f"fuzz worker did not start: {w.log.read_text(errors='replace')[-2000:]}")
        return w

    def close(self) -> None:
        """Stop the workers and remove their logs."""
        for w in self._live:
            _kill(w.proc)
        self._live.clear()
        shutil.rmtree(self.log_dir, ignore_errors=True)

    def run(self, cases: Iterable[Case], budget: float = float("inf"), keep_failed: bool = True
            ) -> Iterator[Result]:
        """Results as cases finish; no new case starts after *budget* seconds."""
        todo, end = iter(cases), time.monotonic() + budget
        sel = selectors.DefaultSelector()
        fresh = [self._start() for _ in range(self.workers - len(self._live))]  # start together
        self._live += [self._ready(w) for w in fresh]
        for w in self._live:
            sel.register(w.proc.stdout, selectors.EVENT_READ, w)
            self._feed(w, todo, end)
        try:
            while any(w.case for w in self._live):
                timeout = min(w.deadline for w in self._live if w.case) - time.monotonic()
                done = [(key.data, key.data.proc.stdout.readline()) for key, _ in sel.select(max(0.0, timeout))]
                done += [(w, None) for w in self._live if w.case and time.monotonic() > w.deadline
                         and all(w is not d for d, _ in done)]
                for w, line in done:
                    yield self._finish(w, line, keep_failed)
                    if w.proc.poll() is not None or line is None or w.restart:  # a peak RSS stays
                        sel.unregister(w.proc.stdout)
                        w = self._replace(w)
                        sel.register(w.proc.stdout, selectors.EVENT_READ, w)
                    self._feed(w, todo, end)
        finally:
            sel.close()

    def stray_tracebacks(self) -> list[str]:
        """Cases during which a worker printed a Python traceback on stderr (a library's thread,
        an ``Exception ignored in``): the case id and the first lines."""
        found = []
        for log in sorted(self.log_dir.glob("worker-*.log")):
            for section in log.read_text(errors="replace").split("--- case ")[1:]:
                if "Traceback (most recent call last)" in section or "Exception ignored" in section:
                    found.append(section[:500])
        return found

    def _feed(self, w: _Worker, todo: Iterator[Case], end: float) -> None:
        case = next(todo, None) if time.monotonic() < end else None
        if case is None:
            return
        w.case, w.deadline = case, time.monotonic() + self.case_seconds
        w.proc.stdin.write(json.dumps({"id": f"{case.fmt}:{case.index}", "entry": case.entry,
                                       "path": str(case.target)}) + "\n")
        w.proc.stdin.flush()

    def _finish(self, w: _Worker, line: str | None, keep_failed: bool) -> Result:
        if line is None:
            _kill(w.proc)
            return self._result(w, FAILED, f"hang: no answer after {self.case_seconds:.0f} s",
                                self.case_seconds, keep_failed)
        if not line:  # the worker died: a crash (signal) or an abort in C code
            code = w.proc.wait()
            tail = w.log.read_text(errors="replace")[-1500:]
            return self._result(w, FAILED, f"worker died (exit {code}); stderr tail:\n{tail}", 0.0, keep_failed)
        answer = json.loads(line)
        w.restart = answer["restart"]
        self.peak_rss_mb = max(self.peak_rss_mb, answer["rss_mb"])
        return self._result(w, answer["outcome"], answer["detail"], answer["seconds"], keep_failed)

    def _result(self, w: _Worker, outcome: str, detail: str, seconds: float, keep_failed: bool) -> Result:
        case, w.case = w.case, None
        if not (keep_failed and outcome == FAILED):
            shutil.rmtree(case.folder, ignore_errors=True)
        return Result(case, outcome, detail, seconds)

    def _replace(self, w: _Worker) -> _Worker:
        _kill(w.proc)
        self._live.remove(w)
        self._live.append(self._ready(self._start()))
        return self._live[-1]


def _kill(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    proc.wait()
    for stream in (proc.stdin, proc.stdout):
        try:
            stream.close()
        except OSError:
            pass


# -- a whole run -----------------------------------------------------------------------------------
def cases_for(samples: dict[str, Sample], seed: int, n: int, root: Path,
              only: tuple[str, int] | None = None) -> Iterator[Case]:
    """*n* cases per format, interleaved so a time budget spreads over all formats."""
    if only is not None:
        yield make_case(samples[only[0]], seed, only[1], root)
        return
    for index in range(n):
        for fmt, sample in samples.items():
            yield make_case(sample, seed, index, root)


def summary(results: list[Result]) -> dict[str, Counter]:
    table: dict[str, Counter] = defaultdict(Counter)
    for r in results:
        table[r.case.fmt][r.outcome] += 1
    return dict(table)


def summary_text(results: list[Result], seconds: float, peak_rss_mb: int) -> str:
    table = summary(results)
    kinds = ["layer", "report", "network", "typed", FAILED]
    lines = [f"{'format':8} {'mutants':>7} " + " ".join(f"{k:>7}" for k in kinds)]
    for fmt in sorted(table):
        c = table[fmt]
        lines.append(f"{fmt:8} {sum(c.values()):7d} " + " ".join(f"{c[k]:7d}" for k in kinds))
    slowest = max(results, key=lambda r: r.seconds, default=None)
    lines.append(f"{len(results)} mutants in {seconds:.1f} s; peak worker RSS {peak_rss_mb} MB"
                 + (f"; slowest case {slowest.seconds:.2f} s ({slowest.case.fmt}:{slowest.case.index})"
                    if slowest else ""))
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(description="Fuzz the importer with damaged files of every format.")
    p.add_argument("--n", type=int, default=100, help="mutants per format")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--seconds", type=float, default=3600.0, help="overall budget")
    p.add_argument("--formats", default=",".join(FORMATS))
    p.add_argument("--out", type=Path, help="folder to keep failing mutants in")
    p.add_argument("--verbose", action="store_true", help="print every case's outcome")
    args = p.parse_args(argv)
    root = Path(tempfile.mkdtemp(prefix="ocp_fuzz_"))
    out = args.out or root / "failed"
    samples = {f: build(f, root / "samples") for f in args.formats.split(",")}
    pool, results, start = Pool(args.workers), [], time.monotonic()
    try:
        for r in pool.run(cases_for(samples, args.seed, args.n, root / "cases"), args.seconds):
            results.append(r)
            if args.verbose:
                print(f"{r.case.fmt}:{r.case.index} {r.outcome} {r.seconds:.2f}s {' | '.join(r.case.mutation)}"
                      f" -> {r.detail[:200]}", flush=True)
            if r.failed:
                print(f"FAILED {r.case.repro()}\n{r.detail}\n", flush=True)
                out.mkdir(parents=True, exist_ok=True)
                shutil.move(str(r.case.folder), out / r.case.folder.name)
        stray = pool.stray_tracebacks()
    finally:
        pool.close()
        for part in ("samples", "cases"):
            shutil.rmtree(root / part, ignore_errors=True)
    print(summary_text(results, time.monotonic() - start, pool.peak_rss_mb))
    print(f"tracebacks printed by workers: {len(stray)}" + "".join(f"\n--- {t}" for t in stray[:10]))
    return 1 if stray or any(r.failed for r in results) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
