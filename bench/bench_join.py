"""Survey join: gis.people.matching beside a naive peer (rapidfuzz extractOne per row over every name).

    .venv/bin/python bench/bench_join.py [ROWS=5000] [COMPOUNDS=20000]

Synthetic compound names (two or three characters of a place-name stock plus a suffix, some
with phases, some repeated) and a table that writes them as 街道 tables do: suffix dropped,
district prefix, full-width digits, building range, one character changed, and names that
are not there. Times are CPU seconds (time.process_time; the machine is shared). The peer
takes each row's best-scoring name whatever the runner-up, so it also counts the rows it
would have guessed where the join lists candidates.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gis.people.matching import NameIndex  # noqa: E402
from gis.people.names import name_key  # noqa: E402

STOCK = ("阳光幸福和平光明东风建设人民胜利解放新华友谊红旗朝阳文化团结向阳前进工农长安兴业"
         "金桂银杏翠竹春晖秋实锦绣华庭丽景盛世嘉园怡景碧水蓝天龙凤泰安康宁永安福瑞祥云")
SUFFIXES = ("小区", "花园", "新村", "宿舍", "家园", "苑", "里", "公寓")
PHASES = ("", "", "", "一期", "二期")
DISTRICTS = ("海淀区", "朝阳区", "鼓楼区", "端州区", "思明区")


def compound_names(n: int, rng) -> list[str]:
    chars = np.array(list(STOCK))
    out = []
    for _ in range(n):
        base = "".join(rng.choice(chars, size=rng.integers(2, 4)))
        out.append(base + rng.choice(SUFFIXES) + rng.choice(PHASES))
    return out


def table_names(names: list[str], rows: int, rng) -> tuple[list[str], list[str | None]]:
    """Table rows and the compound name each was written from (None: not a compound)."""
    out, truth, known = [], [], set(names)
    for _ in range(rows):
        name = str(rng.choice(names))
        truth.append(name)
        kind = rng.integers(0, 7)
        if kind == 1:
            name = name_key(name).core
        elif kind == 2:
            name = str(rng.choice(DISTRICTS)) + name
        elif kind == 3:
            name = name + f"{rng.integers(1, 5)}-{rng.integers(6, 20)}号楼".translate(
                str.maketrans("0123456789", "０１２３４５６７８９"))
        elif kind == 4:  # a typing slip (that does not make another compound's name)
            i = rng.integers(0, 2)
            slip = name[:i] + rng.choice(list(STOCK)) + name[i + 1:]
            name = name if slip in known else slip
        elif kind == 5:
            name, truth[-1] = "".join(rng.choice(list(STOCK), size=4)) + "大厦", None
        out.append(name)
    return out, truth


def ours(names: list[str], rows: list[str], truth: list) -> tuple[float, dict]:
    start = time.process_time()
    index = NameIndex(names)
    matches = [index.match(r) for r in rows]
    seconds = time.process_time() - start
    counts = {s: sum(m.status == s for m in matches) for s in ("matched", "ambiguous", "unmatched")}
    counts["wrong"] = sum(m.status == "matched" and names[m.fid] != t for m, t in zip(matches, truth))
    return seconds, counts


def whole(names: list[str], rows: list[str], rng) -> float:
    """match_table on a table with counts (a few bad) and joined_frame putting its columns on the compounds."""
    import pandas as pd

    from gis.domain import FieldRole
    from gis.people.counts import parse_counts
    from gis.people.join import joined_frame, match_table
    from gis.people.table import SurveyTable

    counts = [str(v) if v > 5 else "不详" for v in rng.integers(0, 900, len(rows))]
    frame = pd.DataFrame({"小区名称": rows, "户数": counts, "备注": ["x"] * len(rows)})
    start = time.process_time()
    values, bad = parse_counts(frame["户数"], "户数")
    table = SurveyTable(Path("bench.csv"), frame, "小区名称", people={FieldRole.HOUSEHOLDS: "户数"},
                        counts={FieldRole.HOUSEHOLDS: values}, bad=bad)
    result = match_table(table, names)
    joined_frame(pd.DataFrame({"小区名称": names}), {}, table, result.assignment())
    return time.process_time() - start


def naive(names: list[str], rows: list[str], truth: list) -> tuple[float, dict]:
    start = time.process_time()
    best = [process.extractOne(r, names, scorer=fuzz.ratio, score_cutoff=80) for r in rows]
    seconds = time.process_time() - start
    return seconds, {"taken": sum(b is not None for b in best),
                     "wrong": sum(b is not None and b[0] != t for b, t in zip(best, truth))}


def main(rows: int, n: int) -> None:
    rng = np.random.default_rng(13)
    names = compound_names(n, rng)
    table, truth = table_names(names, rows, rng)
    print(f"{rows:,} table rows against {n:,} compound names "
          f"({n - len(set(names)):,} repeated names)")
    t_ours, counts = ours(names, table, truth)
    print(f"join (normalised keys + blocked rapidfuzz): {t_ours:.3f} s CPU  {counts}")
    print(f"join with counts parsed and columns put on the compounds: {whole(names, table, rng):.3f} s CPU")
    t_naive, said = naive(names, table, truth)
    print(f"naive (rapidfuzz extractOne per row, no blocking): {t_naive:.3f} s CPU  {said} "
          f"(no ambiguity check; 'wrong' = joined to a compound not of the name the row was written from)")
    print(f"ratio naive / join: {t_naive / t_ours:.1f}x   target ≤ 2 s: {'ok' if t_ours <= 2 else 'MISSED'}")


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:3]]
    main(*(args + [5000, 20000][len(args):]))
