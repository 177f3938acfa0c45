"""Supply and demand: facility capacities, two-step floating catchment access (2SFCA, E2SFCA)
and the shortfall against provision standards, per compound and per zone.

* :mod:`~gis.supply.amounts` — reading counts and sizes from cells, bad cells reported per row.
* :mod:`~gis.supply.capacity` — capacity per facility (a field, else the preset's default).
* :mod:`~gis.supply.pairs` — compound–facility pairs within a catchment (straight or network),
  found by :mod:`~gis.supply.straight` and :mod:`~gis.supply.walks`.
* :mod:`~gis.supply.fca` — 2SFCA / E2SFCA on those pairs.
* :mod:`~gis.supply.shortfall` — required vs received supply per compound and zone.
"""
