"""Python's cyclic garbage collector kept off the objects that outlive a run.

CPython's collector now and then scans every object it tracks (a generation-2 collection, once
the objects that survived younger collections have grown by a quarter), holding the GIL
throughout, in whichever thread happens to allocate. Shapely's geometries are tracked: a city's
road layer and walking network are 200,000 of them, and a scan of the process took 70 ms alone
and 85-115 ms in the window while a life-circle run's threads shared the 2 cores: the UI thread
waited that long for the GIL (gen-2 collections in a worker in each of the window bench's
Compute stalls over 100 ms). :func:`freeze_old_objects` moves every object alive now to the
collector's permanent generation (``gc.freeze``; O(1)), which it never scans: the run's
collections then scan only what was made since.

The price: a reference cycle among the frozen objects that becomes garbage later is not freed
(anything else frozen still is, by reference counting); ``gc.unfreeze()`` gives them back.
"""

from __future__ import annotations

import gc


def freeze_old_objects() -> int:
    """Leave every object alive now out of the collector's scans; how many are left out in all."""
    gc.freeze()
    return gc.get_freeze_count()
