"""A small district for the programme tests: 6 compounds, 2 zones and one zone of one."""

from __future__ import annotations

import numpy as np

from gis.programme.facts import PlanFacts

TYPES = ("clinic", "elderly_canteen", "nursery")


def small_facts(**overrides) -> PlanFacts:
    """Compounds 0-2 form zone 1, 3-4 zone 2, 5 is alone (zone ``c:F``); 4 is new (2010)."""
    missing = np.array([[True, True, False], [True, False, False], [True, True, False],
                        [False, True, True], [True, True, True], [True, False, True]])
    values = dict(ids=np.array(list("ABCDEF"), dtype=object), names=np.array([f"小区{c}" for c in "ABCDEF"], dtype=object),
                  households=np.array([100.0, 200, 300, 400, 500, 50]),
                  floor_area_m2=np.array([7000.0, 14000, 21000, 28000, 35000, 3500]),
                  buildings=np.array([2, 4, 6, 8, 10, 1]),
                  old=np.array([True, True, True, True, False, True]),
                  elevators=np.array([0, 2, 0, 4, 0, 1]),
                  elevator_subsidy=np.array([0.0, 200_000, 0, 400_000, 0, 100_000]),
                  rank=np.array([3.0, 1, 4, 2, np.nan, 5]),
                  zone_of=np.array([0, 0, 0, 1, 1, 2]), zone_ids=[1, 2, "c:F"], zone_names=["片区1", "片区2", "小区F"],
                  types=TYPES, missing=missing)
    values.update(overrides)
    return PlanFacts(**values)
